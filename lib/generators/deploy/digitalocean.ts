// .do/app.yaml: a DigitalOcean App Platform spec. Services that serve HTTP (endpoints, callers or
// gateway routes) are `services` with http_port and health checks; pure consumers are `workers`;
// datastores and brokers DigitalOcean manages become `databases` and are wired through bindable
// variables (${orders-db.DATABASE_URL}); RabbitMQ and NATS run from their images; gateway routes
// become ingress rules (App Platform's edge is the gateway there). Secrets are type SECRET.
import { GRPC_PORT, type DatastoreSpec, type EnvVar, type ServiceSpec } from '../project';
import type { GeneratedFile, Generator, GeneratorContext } from '../types';
import { secretPlaceholder } from './k8s';
import { SIZE_TIERS, assertName, literalPathPrefix, routePlans, shortName, toYaml } from './shared';

export const DO_APP_SPEC_PATH = '.do/app.yaml';

type Obj = Record<string, unknown>;

/** Engines of App Platform `databases` (managed DigitalOcean databases). */
export const DO_ENGINES = ['PG', 'MYSQL', 'REDIS', 'MONGODB', 'KAFKA', 'OPENSEARCH', 'VALKEY'] as const;
type Engine = (typeof DO_ENGINES)[number];

/** App and component names: 2–32 characters, lowercase, starting with a letter. */
export const DO_NAME = /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/;

function storeEngine(d: DatastoreSpec): Engine | undefined {
  switch (d.technology) {
    case 'postgres':
      return 'PG';
    case 'mysql':
      return 'MYSQL';
    case 'mongodb':
      return 'MONGODB';
    case 'redis':
      return 'VALKEY';
    case 'elasticsearch':
      return 'OPENSEARCH';
    default:
      return undefined;
  }
}

/** The major version of an image tag (`16-alpine` → `16`), for the managed engine's version. */
function major(tag: string): string | undefined {
  return /^(\d+)/.exec(tag)?.[1];
}

/** Docker Hub image reference as App Platform wants it. */
function hubImage(image: string): Obj {
  const [repo, tag] = image.split(':');
  const [registry, repository] = repo.includes('/') ? repo.split('/', 2) : ['library', repo];
  return { registry_type: 'DOCKER_HUB', registry, repository, tag };
}

const secretEnv = (key: string, value: string): Obj => ({ key, value, scope: 'RUN_TIME', type: 'SECRET' });
const plainEnv = (key: string, value: string): Obj => ({ key, value, scope: 'RUN_TIME', type: 'GENERAL' });

/** The app spec as an object, plus notes for the header comment. */
export function doAppSpec(ctx: GeneratorContext): { spec: Obj; notes: string[] } {
  const p = ctx.project;
  const taken = new Set<string>();
  const comp = new Map<string, string>();
  const name = (id: string, n: string) => {
    const c = shortName(assertName(n, 'component name'), 32, taken, undefined, 2);
    comp.set(id, c);
    return c;
  };
  for (const s of p.services) name(s.id, s.name);
  const notes: string[] = [];

  // Datastores and brokers first: services' env vars refer to them.
  const databases: Obj[] = [];
  // Env var → value: `bound` values are bindable references resolved by App Platform at deploy time.
  const storeValue = new Map<string, { value: string; bound: boolean }>();
  const clusterName = (c: string) => `${p.name}-${c}`.slice(0, 63).replace(/-+$/g, '');
  for (const d of p.datastores) {
    const engine = storeEngine(d);
    if (!engine) {
      notes.push(`${d.name} (${d.technology}) has no App Platform equivalent: set ${d.urlEnv} to a service you run elsewhere.`);
      continue;
    }
    const c = name(d.id, d.name);
    const dev = engine === 'PG';
    const version = d.technology === 'postgres' ? major(p.versions.postgres) : d.technology === 'mysql' ? major(p.versions.mysql) : d.technology === 'mongodb' ? major(p.versions.mongodb) : undefined;
    databases.push({
      name: c,
      engine,
      ...(version ? { version } : {}),
      production: !dev,
      ...(dev ? {} : { cluster_name: clusterName(c) }),
      ...(engine === 'MYSQL' ? { db_name: d.dbName, db_user: d.user } : {}),
    });
    storeValue.set(d.urlEnv, { value: `\${${c}.DATABASE_URL}`, bound: true });
  }
  const services: Obj[] = [];
  for (const b of p.brokers) {
    if (b.technology === 'kafka' || b.technology === 'redis-streams') {
      const c = name(b.id, b.name);
      const engine: Engine = b.technology === 'kafka' ? 'KAFKA' : 'VALKEY';
      databases.push({ name: c, engine, production: true, cluster_name: clusterName(c) });
      storeValue.set(b.urlEnv, { value: b.technology === 'kafka' ? `\${${c}.HOSTNAME}:\${${c}.PORT}` : `\${${c}.DATABASE_URL}`, bound: true });
      if (b.technology === 'kafka') notes.push(`${b.name}: managed Kafka requires SASL over TLS; configure the services' Kafka clients for it.`);
    } else {
      // No managed RabbitMQ or NATS: run the image as an internal-only service (no persistent disk).
      const c = name(b.id, b.name);
      const rabbit = b.technology === 'rabbitmq';
      services.push({
        name: c,
        image: hubImage(b.image),
        http_port: rabbit ? 15672 : 8222,
        internal_ports: [b.port],
        instance_count: 1,
        instance_size_slug: SIZE_TIERS.medium.doSlug,
        health_check: { http_path: rabbit ? '/' : '/healthz', initial_delay_seconds: 20, period_seconds: 10, timeout_seconds: 5, failure_threshold: 6, success_threshold: 1 },
      });
      storeValue.set(b.urlEnv, { value: rabbit ? `amqp://guest:guest@${c}:${b.port}` : `nats://${c}:${b.port}`, bound: false });
      notes.push(`${b.name} (${b.technology}) runs from its image without a persistent disk; use a hosted ${b.technology} in production.`);
    }
  }

  const routed = new Set<string>();
  const rules: Obj[] = [];
  const prefixes = new Set<string>();
  for (const g of p.gateways) {
    for (const plan of routePlans(ctx, g)) {
      routed.add(plan.service.id);
      const prefix = literalPathPrefix(plan.path);
      if (prefixes.has(prefix)) continue;
      prefixes.add(prefix);
      rules.push({ match: { path: { prefix } }, component: { name: comp.get(plan.service.id)!, ...(plan.upstreamPrefix ? { rewrite: plan.upstreamPrefix } : {}) } });
    }
  }
  if (p.gateways.some((g) => g.technology !== 'nginx' || g.rateLimitRps > 0)) {
    notes.push('Gateway routes become App Platform ingress rules; its edge has no per-client rate limit, so enforce limits in the services if needed.');
  }

  const envOf = (s: ServiceSpec, e: EnvVar): Obj => {
    const store = storeValue.get(e.name);
    // Bindable variables resolve at deploy time; the spec itself holds no credential.
    if (store) return store.bound || !e.secret ? plainEnv(e.name, store.value) : secretEnv(e.name, store.value);
    const call = s.calls.find((c) => c.urlEnv === e.name);
    if (call) {
      const target = comp.get(call.targetId);
      const targetService = p.services.find((x) => x.id === call.targetId);
      if (target && targetService) return plainEnv(e.name, call.protocol === 'grpc' ? `\${${target}.PRIVATE_DOMAIN}:${GRPC_PORT}` : `\${${target}.PRIVATE_URL}`);
      if (call.targetKind === 'gateway') return plainEnv(e.name, '${APP_URL}');
    }
    if (e.secret) return secretEnv(e.name, secretPlaceholder(e, p));
    return plainEnv(e.name, e.value);
  };

  const workers: Obj[] = [];
  const calledIds = new Set(p.services.flatMap((s) => s.calls.map((c) => c.targetId)));
  for (const s of p.services) {
    const c = comp.get(s.id)!;
    const source = {
      github: { repo: `your-github-org/${p.name}`, branch: 'main', deploy_on_push: true },
      source_dir: `services/${s.name}`,
      dockerfile_path: `services/${s.name}/Dockerfile`,
    };
    const envs = s.env.map((e) => envOf(s, e));
    const common = { instance_count: Math.max(1, s.replicas), instance_size_slug: SIZE_TIERS[s.size].doSlug, envs };
    const liveness = { http_path: '/health/live', port: s.port, initial_delay_seconds: 30, period_seconds: 10, timeout_seconds: 3, success_threshold: 1, failure_threshold: 3 };
    const worker = s.consumes.length > 0 && s.endpoints.length === 0 && !calledIds.has(s.id) && !routed.has(s.id);
    if (worker) {
      workers.push({ name: c, ...source, ...common, liveness_health_check: liveness });
    } else {
      services.push({
        name: c,
        ...source,
        http_port: s.port,
        ...(s.grpcPort !== undefined && s.grpcPort !== s.port ? { internal_ports: [s.grpcPort] } : {}),
        ...common,
        health_check: { http_path: '/health/ready', initial_delay_seconds: 10, period_seconds: 10, timeout_seconds: 3, success_threshold: 1, failure_threshold: 3 },
        liveness_health_check: liveness,
      });
    }
  }
  if (p.services.some((s) => s.tracing)) notes.push('OTEL_EXPORTER_OTLP_ENDPOINT points at a collector App Platform does not run: set it to your OTLP endpoint.');

  const spec: Obj = {
    name: shortName(assertName(p.name, 'project name'), 32, new Set(), undefined, 2),
    alerts: [{ rule: 'DEPLOYMENT_FAILED' }, { rule: 'DOMAIN_FAILED' }],
    ...(services.length ? { services } : {}),
    ...(workers.length ? { workers } : {}),
    ...(databases.length ? { databases } : {}),
    ...(rules.length ? { ingress: { rules } } : {}),
  };
  return { spec, notes };
}

/** The DigitalOcean App Platform spec. */
export const digitaloceanGenerator: Generator = {
  id: 'digitalocean',
  title: 'DigitalOcean App Platform spec',
  applies: (ctx) => ctx.options.targets.includes('do'),
  generate(ctx: GeneratorContext): GeneratedFile[] {
    const { spec, notes } = doAppSpec(ctx);
    const comment = [
      'Generated by Archwright from the design; edit the design and export again.',
      'Deploy: doctl apps create --spec .do/app.yaml   (replace github.repo with your repository first)',
      'Databases other than the development PostgreSQL need an existing managed cluster named by cluster_name.',
      'SECRET values are placeholders: set them in the control panel or with doctl before the first deploy.',
      ...notes,
    ].join('\n');
    return [{ path: DO_APP_SPEC_PATH, content: toYaml(spec, comment) }];
  },
};
