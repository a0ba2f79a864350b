// What a FastAPI service is made of, derived from its ServiceSpec: settings, routes, clients,
// event models and handlers, each with its Python identifiers already chosen and unique.
import { serviceDbSchema } from '../../contracts/sql-migrations';
import type { CallSpec, DatastoreSpec, EventSpec, Project, ServiceSpec } from '../../project';
import { pascalIdent, safePath } from '../../escape';
import { PYDANTIC_RESERVED, PyNames } from './python-code';
import type { PythonPackage } from './packages';

export interface SettingField {
  attr: string;
  env: string;
  /** Python annotation. */
  type: 'int' | 'str' | 'SecretStr' | 'Optional[str]';
  /** Python literal of the default; undefined = required. */
  defaultLiteral: string | undefined;
  /** Extra `Field(...)` constraints, e.g. `ge=1, le=65535`. */
  constraints: string;
  description: string;
  /** URL schemes the value must start with. */
  schemes: string[];
  /** Value in tests: valid, but nothing listens there. */
  testValue: string;
  /** Value for running locally next to the compose infrastructure. */
  localValue: string | undefined;
}

export type RouteAction = 'create' | 'replace' | 'merge' | 'read' | 'list' | 'delete';

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** FastAPI path, parameters spelled `{arg}`. */
  path: string;
  /** The path with every parameter set to `test-1`. */
  examplePath: string;
  /** Python argument of each path parameter, in order. */
  params: string[];
  /** Argument of the trailing parameter (the record key), if the path ends with one. */
  keyArg: string | undefined;
  /** First path segment: the `records.resource` value. */
  resource: string;
  fn: string;
  summary: string;
  action: RouteAction;
  idempotent: boolean;
}

export interface OperationSpec {
  method: string;
  /** Path template with `{arg}` parameters (named like the Python arguments). */
  template: string;
  fn: string;
  params: string[];
  /** gRPC to a service of this design: `/package.Service/Rpc` from the target's contract. */
  rpcPath?: string;
}

/** For each operation of a gRPC call: the `/package.Service/Rpc` path of the target's contract, when it has one. */
export type GrpcPathResolver = (call: CallSpec) => (string | undefined)[];

export interface ClientSpec {
  className: string;
  attr: string;
  targetName: string;
  protocol: 'rest' | 'grpc' | 'graphql';
  urlAttr: string;
  urlSecret: boolean;
  apiKeyAttr: string | undefined;
  timeoutMs: number;
  retries: number;
  breaker: { failureThreshold: number; resetTimeoutMs: number } | undefined;
  idempotencyKey: boolean;
  operations: OperationSpec[];
}

export interface EventModelSpec {
  className: string;
  event: string;
  version: number;
  description: string;
  fields: { attr: string; alias: string; type: string; required: boolean; description: string }[];
}

export interface HandlerSpec {
  fn: string;
  event: string;
  version: number;
  model: string;
  sources: EventSpec[];
}

export interface PyService {
  spec: ServiceSpec;
  /** PostgreSQL schema of the service's tables when it shares its primary database, else undefined (public). */
  dbSchema: string | undefined;
  settings: SettingField[];
  attrOfEnv: ReadonlyMap<string, SettingField>;
  postgres: DatastoreSpec[];
  redisCaches: DatastoreSpec[];
  tcpStores: DatastoreSpec[];
  routes: RouteSpec[];
  clients: ClientSpec[];
  models: EventModelSpec[];
  handlers: HandlerSpec[];
  publications: EventSpec[];
  subscriptions: EventSpec[];
  packages: PythonPackage[];
}

const UNREACHABLE = '127.0.0.1:9';

const SETTINGS_RESERVED = new Set([...PYDANTIC_RESERVED, 'settings', 'env']);
const ROUTE_ARG_RESERVED = new Set(['request', 'response', 'body', 'idempotency_key', 'limit', 'offset', 'api', 'router', 'path', 'query', 'header']);
const CLIENT_ATTR_RESERVED = new Set(['name', 'checked', 'start', 'stop', 'check', 'settings', 'transport']);
const OPERATION_RESERVED = new Set(['http', 'grpc', 'aclose', 'request', 'body', 'options', 'idempotent']);

function storeSchemes(s: DatastoreSpec): string[] {
  if (s.technology === 'postgres') return ['postgres://', 'postgresql://'];
  if (s.technology === 'redis') return ['redis://', 'rediss://'];
  return [];
}

function brokerSchemes(tech: string): string[] {
  switch (tech) {
    case 'rabbitmq':
      return ['amqp://', 'amqps://'];
    case 'nats':
      return ['nats://', 'tls://'];
    case 'redis-streams':
      return ['redis://', 'rediss://'];
    default:
      return [];
  }
}

function buildSettings(spec: ServiceSpec): SettingField[] {
  const names = new PyNames(SETTINGS_RESERVED);
  const out: SettingField[] = [];
  const add = (f: Omit<SettingField, 'attr'>) => out.push({ ...f, attr: names.take(f.env.toLowerCase(), 'setting') });
  const envByName = new Map(spec.env.map((e) => [e.name, e]));
  const fixed = new Set(['PORT', 'SERVICE_NAME', 'LOG_LEVEL', 'GRPC_PORT', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_SERVICE_NAME']);
  add({ env: 'PORT', type: 'int', defaultLiteral: String(spec.port), constraints: 'ge=1, le=65535', description: 'HTTP port', schemes: [], testValue: String(spec.port), localValue: String(spec.port) });
  add({ env: 'HOST', type: 'str', defaultLiteral: '"0.0.0.0"', constraints: 'min_length=1', description: 'Interface to listen on', schemes: [], testValue: '127.0.0.1', localValue: undefined });
  add({ env: 'SERVICE_NAME', type: 'str', defaultLiteral: JSON.stringify(spec.name), constraints: 'min_length=1', description: 'Service name in logs and traces', schemes: [], testValue: spec.name, localValue: undefined });
  add({ env: 'LOG_LEVEL', type: 'str', defaultLiteral: '"info"', constraints: '', description: 'Log level (debug, info, warning, error)', schemes: [], testValue: 'warning', localValue: undefined });
  if (envByName.has('GRPC_PORT')) {
    // 0 binds any free port (tests run several services side by side).
    add({ env: 'GRPC_PORT', type: 'int', defaultLiteral: String(spec.grpcPort ?? 50051), constraints: 'ge=0, le=65535', description: 'gRPC port (0: any free port)', schemes: [], testValue: '0', localValue: String(spec.grpcPort ?? 50051) });
  }
  add({ env: 'OTEL_EXPORTER_OTLP_ENDPOINT', type: 'Optional[str]', defaultLiteral: 'None', constraints: '', description: 'OpenTelemetry collector (OTLP/HTTP); tracing is off when unset', schemes: [], testValue: '', localValue: spec.tracing ? 'http://localhost:4318' : undefined });
  add({ env: 'OTEL_SERVICE_NAME', type: 'Optional[str]', defaultLiteral: 'None', constraints: '', description: 'Service name in traces (default: SERVICE_NAME)', schemes: [], testValue: '', localValue: undefined });

  const storeByEnv = new Map(spec.datastores.map((s) => [s.urlEnv, s]));
  const brokerByEnv = new Map(spec.brokers.map((b) => [b.urlEnv, b]));
  const callByEnv = new Map(spec.calls.map((c) => [c.urlEnv, c]));
  for (const e of spec.env) {
    if (fixed.has(e.name)) continue;
    const store = storeByEnv.get(e.name);
    const broker = brokerByEnv.get(e.name);
    const call = callByEnv.get(e.name);
    let schemes: string[] = [];
    let testValue = 'test-value';
    let localValue = e.value;
    if (store) {
      schemes = storeSchemes(store);
      testValue = e.value.split(`${store.name}:${store.port}`).join(UNREACHABLE);
      localValue = e.value.split(`${store.name}:${store.port}`).join(`localhost:${store.port}`);
    } else if (broker) {
      schemes = brokerSchemes(broker.technology);
      testValue = e.value.split(`${broker.name}:${broker.port}`).join(UNREACHABLE);
      localValue = e.value.split(`${broker.name}:${broker.port}`).join(`localhost:${broker.port}`);
    } else if (call) {
      const grpc = call.protocol === 'grpc';
      schemes = grpc ? [] : ['http://', 'https://'];
      testValue = grpc ? UNREACHABLE : `http://${UNREACHABLE}`;
      if (call.targetKind === 'service') localValue = e.value.replace(`//${call.targetName}:`, '//localhost:').replace(new RegExp(`^${call.targetName}:`), 'localhost:');
    }
    add({ env: e.name, type: e.secret ? 'SecretStr' : 'str', defaultLiteral: undefined, constraints: 'min_length=1', description: e.description, schemes, testValue, localValue });
  }
  return out;
}

interface ParsedPath {
  path: string;
  examplePath: string;
  params: string[];
  keyArg: string | undefined;
  resource: string;
  /** Segments, params as null: for ordering literal-before-parameter. */
  shape: (string | null)[];
}

function paramName(segment: string): string | undefined {
  const m = /^\{([^{}]*)\}$/.exec(segment) ?? /^:(.+)$/.exec(segment);
  return m ? m[1] : undefined;
}

function parsePath(raw: string, argNames: PyNames): ParsedPath {
  const segments = safePath(raw)
    .split('/')
    .filter((s) => s !== '' && !/^\.+$/.test(s));
  const out: string[] = [];
  const example: string[] = [];
  const params: string[] = [];
  const shape: (string | null)[] = [];
  let lastIsParam = false;
  let resource = '';
  segments.forEach((seg, i) => {
    const name = paramName(seg);
    if (name !== undefined) {
      const arg = argNames.take(name, 'param');
      out.push(`{${arg}}`);
      example.push('test-1');
      params.push(arg);
      shape.push(null);
      lastIsParam = true;
      if (i === 0) resource = seg;
    } else {
      const literal = seg.replace(/[{}]/g, '');
      if (!literal) return;
      out.push(literal);
      example.push(literal);
      shape.push(literal);
      lastIsParam = false;
      if (i === 0) resource = literal;
    }
  });
  return {
    path: `/${out.join('/')}`,
    examplePath: `/${example.join('/')}`,
    params,
    keyArg: lastIsParam ? params[params.length - 1] : undefined,
    resource: resource || 'root',
    shape,
  };
}

/** Literal segments sort before parameters at the same position, so `/users/me` wins over `/users/{id}`. */
function compareShapes(a: (string | null)[], b: (string | null)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === null && y !== null) return 1;
    if (x !== null && y === null) return -1;
  }
  return 0;
}

function buildRoutes(spec: ServiceSpec): RouteSpec[] {
  const fns = new PyNames(new Set(['router', 'api']));
  const seen = new Set<string>();
  const routes: (RouteSpec & { shape: (string | null)[]; order: number })[] = [];
  spec.endpoints.forEach((ep, order) => {
    const parsed = parsePath(ep.path, new PyNames(ROUTE_ARG_RESERVED));
    const key = `${ep.method} ${parsed.shape.map((s) => s ?? '{}').join('/')}`;
    if (seen.has(key)) return;
    seen.add(key);
    const action: RouteAction =
      ep.method === 'GET' ? (parsed.keyArg ? 'read' : 'list') : ep.method === 'DELETE' ? 'delete' : ep.method === 'POST' ? 'create' : ep.method === 'PUT' ? 'replace' : 'merge';
    routes.push({
      method: ep.method,
      path: parsed.path,
      examplePath: parsed.examplePath,
      params: parsed.params,
      keyArg: parsed.keyArg,
      resource: parsed.resource,
      fn: fns.take(`${ep.method} ${parsed.path}`, 'endpoint'),
      summary: (ep.summary || `${ep.method} ${parsed.path}`).slice(0, 200),
      action,
      idempotent: ep.idempotent,
      shape: parsed.shape,
      order,
    });
  });
  routes.sort((a, b) => compareShapes(a.shape, b.shape) || a.order - b.order);
  return routes.map(({ shape: _shape, order: _order, ...r }) => r);
}

function buildClients(spec: ServiceSpec, attrOfEnv: ReadonlyMap<string, SettingField>, project: Project, grpcPaths?: GrpcPathResolver): ClientSpec[] {
  const classes = new PyNames();
  const attrs = new PyNames(CLIENT_ATTR_RESERVED);
  return spec.calls.map((c) => {
    const protocol = c.protocol;
    const ops = new PyNames(OPERATION_RESERVED);
    if (protocol === 'graphql') ops.claim('graphql');
    const ext = project.externals.find((e) => e.id === c.targetId);
    const url = attrOfEnv.get(c.urlEnv);
    if (!url) throw new Error(`fastapi: no setting for ${c.urlEnv}`);
    const rpcPaths = protocol === 'grpc' && grpcPaths ? grpcPaths(c) : [];
    const operations: OperationSpec[] = c.operations.map((o, i) => {
      const argNames = new PyNames(OPERATION_RESERVED);
      const parsed = parsePath(o.path, argNames);
      return {
        method: o.method,
        template: parsed.path,
        fn: ops.take(`${protocol === 'grpc' ? 'call' : o.method} ${parsed.path}`, 'operation'),
        params: parsed.params,
        ...(rpcPaths[i] ? { rpcPath: rpcPaths[i] } : {}),
      };
    });
    const classBase = `${pascalIdent(c.targetName, 'Dependency')}${protocol === 'grpc' ? 'Grpc' : ''}Client`;
    return {
      className: classes.unique(classBase),
      attr: attrs.take(c.targetName, 'dependency'),
      targetName: c.targetName,
      protocol,
      urlAttr: url.attr,
      urlSecret: url.type === 'SecretStr',
      apiKeyAttr: ext ? attrOfEnv.get(ext.apiKeyEnv)?.attr : undefined,
      timeoutMs: c.timeoutMs,
      retries: c.retries,
      breaker: c.circuitBreaker,
      idempotencyKey: c.idempotencyKey,
      operations,
    };
  });
}

const FIELD_TYPES: Record<string, string> = {
  string: 'str',
  integer: 'int',
  number: 'float',
  boolean: 'bool',
  datetime: 'datetime',
  uuid: 'UUID',
  object: 'Dict[str, Any]',
  array: 'List[Any]',
};

function buildModels(spec: ServiceSpec, project: Project): { models: EventModelSpec[]; modelOf: Map<string, string> } {
  const classes = new PyNames(new Set(['EVENT_MODELS']));
  const models: EventModelSpec[] = [];
  const modelOf = new Map<string, string>();
  for (const e of [...spec.publishes, ...spec.consumes]) {
    const key = JSON.stringify([e.event, e.version]);
    if (modelOf.has(key)) continue;
    const designed = project.events.find((x) => x.event.name === e.event && x.event.version === e.version)?.event;
    const className = classes.unique(`${pascalIdent(e.event, 'Event')}V${e.version}`);
    modelOf.set(key, className);
    const fieldNames = new PyNames(PYDANTIC_RESERVED);
    const aliases = new Set<string>();
    const fields: EventModelSpec['fields'] = [];
    for (const f of e.fields) {
      if (aliases.has(f.name)) continue;
      aliases.add(f.name);
      fields.push({ attr: fieldNames.take(f.name, 'field'), alias: f.name, type: FIELD_TYPES[f.type] ?? 'Any', required: f.required, description: f.description });
    }
    models.push({ className, event: e.event, version: e.version, description: designed?.description ?? '', fields });
  }
  return { models, modelOf };
}

function uniqueBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Everything the FastAPI templates need for one service; `grpcPaths` names the rpcs its gRPC clients address. */
export function buildPyService(spec: ServiceSpec, project: Project, grpcPaths?: GrpcPathResolver): PyService {
  const settings = buildSettings(spec);
  const attrOfEnv = new Map(settings.map((s) => [s.env, s]));
  const postgres = spec.datastores.filter((s) => s.technology === 'postgres');
  const redisCaches = spec.datastores.filter((s) => s.technology === 'redis');
  const tcpStores = spec.datastores.filter((s) => s.technology !== 'postgres' && s.technology !== 'redis' && s.technology !== 'sqlite' && s.port > 0);
  const { models, modelOf } = buildModels(spec, project);
  const subscriptions = uniqueBy(spec.consumes, (e) => JSON.stringify([e.brokerName, e.topic, e.routingKey, e.consumerGroup, e.event, e.version]));
  const handlerNames = new PyNames(new Set(['log']));
  const handlers: HandlerSpec[] = [];
  for (const e of subscriptions) {
    const existing = handlers.find((h) => h.event === e.event && h.version === e.version);
    if (existing) {
      existing.sources.push(e);
      continue;
    }
    handlers.push({ fn: handlerNames.take(`on ${e.event} v${e.version}`, 'on_event'), event: e.event, version: e.version, model: modelOf.get(JSON.stringify([e.event, e.version]))!, sources: [e] });
  }
  const publications = uniqueBy(spec.publishes, (e) => JSON.stringify([e.brokerName, e.topic, e.routingKey, e.event, e.version]));
  const packages: PythonPackage[] = ['fastapi', 'uvicorn', 'pydantic', 'httpx'];
  if (postgres.length) packages.push('asyncpg');
  if (redisCaches.length || spec.brokers.some((b) => b.technology === 'redis-streams')) packages.push('redis');
  if (spec.brokers.some((b) => b.technology === 'rabbitmq')) packages.push('aio-pika');
  if (spec.brokers.some((b) => b.technology === 'kafka')) packages.push('aiokafka');
  if (spec.brokers.some((b) => b.technology === 'nats')) packages.push('nats-py');
  if (spec.calls.some((c) => c.protocol === 'grpc') || spec.grpcPort !== undefined) packages.push('grpcio');
  if (spec.tracing) packages.push('opentelemetry-api', 'opentelemetry-sdk', 'opentelemetry-exporter-otlp-proto-http');
  const schema = serviceDbSchema(project, spec);
  return {
    spec,
    dbSchema: schema && schema !== 'public' ? schema : undefined,
    settings,
    attrOfEnv,
    postgres,
    redisCaches,
    tcpStores,
    routes: buildRoutes(spec),
    clients: buildClients(spec, attrOfEnv, project, grpcPaths),
    models,
    handlers,
    publications,
    subscriptions,
    packages,
  };
}
