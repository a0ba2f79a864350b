// What both TypeScript stacks derive from a ServiceSpec before writing code: routes with safe
// paths and parameter names, identifiers for events and clients, and the environment variables
// with the validator each needs. Everything that later reaches code is decided (and made safe) here.
import type { CallSpec, EventSpec, Project, ServiceSpec } from '../../project';
import { camelIdent, channelName, pascalIdent, safePath, unreserved } from '../../escape';

export type RouteKind = 'list' | 'get' | 'create' | 'replace' | 'merge' | 'delete' | 'unsupported';

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Router path with `:param` segments (Fastify and NestJS share the syntax). */
  path: string;
  /** Path parameter identifiers, in order ([A-Za-z][A-Za-z0-9]*). */
  params: string[];
  /** First path segment: the `records.resource` of this route. */
  resource: string;
  kind: RouteKind;
  /** Parameter naming the record for get/replace/merge/delete: the last one. */
  idParam: string | undefined;
  /** Free text from the design (escape before use). */
  summary: string;
  /** Unique camelCase handler name, e.g. getProductsById. */
  handler: string;
  /** A concrete URL for tests (parameters filled with sample values). */
  samplePath: string;
}

const RESERVED_PATHS = new Set(['/health/live', '/health/ready']);

function uniqueIn(taken: Set<string>, wanted: string): string {
  let name = wanted;
  for (let i = 2; taken.has(name); i++) name = `${wanted}${i}`;
  taken.add(name);
  return name;
}

/** Routes of a service: sanitized, without duplicates or clashes with the health endpoints. */
export function routeSpecs(spec: ServiceSpec): RouteSpec[] {
  const routes: RouteSpec[] = [];
  const shapes = new Set<string>();
  const handlers = new Set<string>();
  for (const ep of spec.endpoints) {
    const segments = safePath(ep.path).split('/').filter(Boolean);
    const params: string[] = [];
    const parts: string[] = [];
    const sample: string[] = [];
    const shape: string[] = [];
    for (const seg of segments) {
      const m = /^\{([^{}]*)\}$/.exec(seg) ?? /^:(.*)$/.exec(seg);
      if (m) {
        const name = uniqueIn(new Set(params), camelIdent(m[1], 'param'));
        params.push(name);
        parts.push(`:${name}`);
        sample.push(`sample-${params.length}`);
        shape.push(':');
      } else {
        const literal = seg.replace(/[{}:]/g, '');
        if (!literal) continue;
        parts.push(literal);
        sample.push(literal);
        shape.push(literal);
      }
    }
    const path = `/${parts.join('/')}`;
    const shapeKey = `${ep.method} /${shape.join('/')}`;
    if (RESERVED_PATHS.has(path) || path.startsWith('/health/') || shapes.has(shapeKey)) continue;
    shapes.add(shapeKey);
    const first = segments[0] ? segments[0].replace(/[{}:]/g, '') : '';
    const resource = first || 'root';
    const idParam = params.length > 0 ? params[params.length - 1] : undefined;
    let kind: RouteKind;
    switch (ep.method) {
      case 'GET':
        kind = idParam && parts[parts.length - 1].startsWith(':') ? 'get' : 'list';
        break;
      case 'POST':
        kind = 'create';
        break;
      case 'PUT':
        kind = idParam ? 'replace' : 'create';
        break;
      case 'PATCH':
        kind = idParam ? 'merge' : 'create';
        break;
      case 'DELETE':
        kind = idParam ? 'delete' : 'unsupported';
        break;
    }
    const handler = uniqueIn(handlers, unreserved(camelIdent(`${ep.method.toLowerCase()} ${parts.map((p) => (p.startsWith(':') ? `by ${p.slice(1)}` : p)).join(' ')}`, 'handle')));
    routes.push({ method: ep.method, path, params, resource, kind, idParam, summary: ep.summary, handler, samplePath: `/${sample.join('/')}` });
  }
  return routes;
}

/** Routes grouped by resource (NestJS: one controller each), in first-seen order. */
export function routesByResource(routes: readonly RouteSpec[]): { resource: string; routes: RouteSpec[] }[] {
  const out: { resource: string; routes: RouteSpec[] }[] = [];
  for (const r of routes) {
    const group = out.find((g) => g.resource === r.resource);
    if (group) group.routes.push(r);
    else out.push({ resource: r.resource, routes: [r] });
  }
  return out;
}

export interface EventModel {
  spec: EventSpec;
  /** Schema constant name, e.g. OrderPlacedV1Schema; unique within the service. */
  schema: string;
  /** Type name, e.g. OrderPlacedV1. */
  type: string;
  /** Consumers: handler function name, e.g. onOrderPlacedV1. */
  handler: string;
  /** Key of the broker in the generated broker table. */
  broker: string;
}

/** Schema/type identifiers for each distinct event+version the service publishes or consumes. */
export function eventModels(spec: ServiceSpec, project: Project): { publishes: EventModel[]; consumes: EventModel[]; schemas: EventModel[] } {
  const byKey = new Map<string, { schema: string; type: string }>();
  const taken = new Set<string>();
  const identFor = (e: EventSpec) => {
    const key = `${e.event}\u0000${e.version}`;
    let found = byKey.get(key);
    if (!found) {
      const fromProject = project.events.find((p) => p.event.name === e.event && p.event.version === e.version)?.ident;
      const base = uniqueIn(taken, fromProject ?? `${pascalIdent(e.event, 'Event')}V${e.version}`);
      found = { schema: `${base}Schema`, type: base };
      byKey.set(key, found);
    }
    return found;
  };
  const handlers = new Set<string>();
  const schemas: EventModel[] = [];
  const seenSchemas = new Set<string>();
  const model = (e: EventSpec, consumer: boolean): EventModel => {
    const ids = identFor(e);
    const m: EventModel = { spec: e, ...ids, handler: consumer ? uniqueIn(handlers, `on${ids.type}`) : '', broker: e.brokerName };
    if (!seenSchemas.has(ids.schema)) {
      seenSchemas.add(ids.schema);
      schemas.push(m);
    }
    return m;
  };
  const publishes = spec.publishes.map((e) => model(e, false));
  const consumes = spec.consumes.map((e) => model(e, true));
  return { publishes, consumes, schemas };
}

export interface CallModel {
  call: CallSpec;
  /** Class name, e.g. CatalogClient. */
  className: string;
  /** Property on the clients object, e.g. catalog. */
  property: string;
  operations: OperationModel[];
}

export interface OperationModel {
  method: string;
  /** REST: path with `{param}` segments; gRPC: the method name. */
  path: string;
  /** Method name on the client class. */
  name: string;
  params: { name: string; raw: string }[];
  /** Literal segments and params in order (REST). */
  segments: ({ literal: string } | { param: string })[];
  idempotent: boolean;
  /** gRPC: fully qualified service, e.g. auth.v1.AuthService. */
  grpcService?: string;
  grpcMethod?: string;
}

const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE', 'HEAD', 'OPTIONS']);

/** Resolves the contract's service and rpc for operation `index` of a gRPC call (see grpc.ts). */
export type GrpcResolver = (call: CallSpec) => ({ service: string; rpc: string } | undefined)[];

/** One client per outgoing call, with a method per designed operation. */
export function callModels(spec: ServiceSpec, resolveGrpc?: GrpcResolver): CallModel[] {
  const classes = new Set<string>();
  const props = new Set<string>();
  return spec.calls.map((call) => {
    const names = new Set<string>(['request', 'constructor', 'close']);
    const resolved = call.protocol === 'grpc' && resolveGrpc ? resolveGrpc(call) : [];
    const operations: OperationModel[] = call.operations.map((op, index) => {
      if (call.protocol === 'grpc') {
        // Services: the names of the target's generated contract. Others (externals): the
        // operation path as `package.Service/Method`; safePath kept [A-Za-z0-9._~:{}-].
        const [svc = '', meth = ''] = op.path.replace(/^\/+/, '').split('/');
        const fromContract = resolved[index];
        const grpcService = fromContract?.service ?? (svc.replace(/[^A-Za-z0-9_.]/g, '').replace(/^\.+|\.+$/g, '') || `${pascalIdent(call.targetName)}Service`);
        const grpcMethod = fromContract?.rpc ?? pascalIdent(meth || 'Call');
        return {
          method: op.method,
          path: grpcMethod,
          name: uniqueIn(names, camelIdent(grpcMethod, 'call')),
          params: [],
          segments: [],
          idempotent: IDEMPOTENT.has(op.method),
          grpcService,
          grpcMethod,
        };
      }
      const segments: OperationModel['segments'] = [];
      const params: OperationModel['params'] = [];
      const taken = new Set<string>();
      for (const seg of op.path.split('/').filter(Boolean)) {
        const m = /^\{([^{}]*)\}$/.exec(seg) ?? /^:(.*)$/.exec(seg);
        if (m) {
          const name = uniqueIn(taken, camelIdent(m[1], 'param'));
          params.push({ name, raw: m[1] });
          segments.push({ param: name });
        } else {
          const literal = seg.replace(/[{}:]/g, '');
          if (literal) segments.push({ literal });
        }
      }
      const words = segments.map((s) => ('literal' in s ? s.literal : `by ${s.param}`)).join(' ');
      return {
        method: op.method,
        path: op.path,
        name: uniqueIn(names, camelIdent(`${op.method.toLowerCase()} ${words}`, 'call')),
        params,
        segments,
        idempotent: IDEMPOTENT.has(op.method),
      };
    });
    return {
      call,
      className: uniqueIn(classes, `${call.idents.pascal}Client`),
      property: uniqueIn(props, call.idents.camel),
      operations,
    };
  });
}

export type EnvKind =
  | { kind: 'port'; default?: number }
  | { kind: 'string'; default?: string; optional?: boolean }
  | { kind: 'logLevel' }
  | { kind: 'url'; schemes: string[]; optional?: boolean }
  | { kind: 'hostPorts' }
  | { kind: 'secret' };

export interface EnvModel {
  name: string;
  description: string;
  /** Example value (compose/k8s value) for .env.example and tests. */
  example: string;
  type: EnvKind;
  required: boolean;
}

const STORE_SCHEMES: Record<string, string[]> = {
  postgres: ['postgres', 'postgresql'],
  mysql: ['mysql'],
  mongodb: ['mongodb', 'mongodb+srv'],
  redis: ['redis', 'rediss'],
  elasticsearch: ['http', 'https'],
};
const BROKER_SCHEMES: Record<string, string[] | undefined> = {
  rabbitmq: ['amqp', 'amqps'],
  nats: ['nats', 'tls', 'ws', 'wss'],
  'redis-streams': ['redis', 'rediss'],
  kafka: undefined,
};

/** Every variable the service reads, with its validator; extras are stack-specific (e.g. MIGRATIONS_DIR). */
export function envModels(spec: ServiceSpec, project: Project): EnvModel[] {
  const out: EnvModel[] = [];
  for (const e of spec.env) {
    let type: EnvKind = { kind: 'string' };
    if (e.name === 'PORT') type = { kind: 'port', default: spec.port };
    else if (e.name === 'GRPC_PORT') type = { kind: 'port', default: spec.grpcPort ?? Number(e.value) };
    else if (e.name === 'LOG_LEVEL') type = { kind: 'logLevel' };
    else if (e.name === 'SERVICE_NAME') type = { kind: 'string', default: spec.name };
    else if (e.name === 'OTEL_EXPORTER_OTLP_ENDPOINT') type = { kind: 'url', schemes: ['http', 'https'], optional: true };
    else if (e.name === 'OTEL_SERVICE_NAME') type = { kind: 'string', optional: true };
    else {
      const store = spec.datastores.find((s) => s.urlEnv === e.name);
      const broker = spec.brokers.find((b) => b.urlEnv === e.name);
      const call = spec.calls.find((c) => c.urlEnv === e.name);
      const external = project.externals.find((x) => x.apiKeyEnv === e.name);
      if (store) {
        const schemes = STORE_SCHEMES[store.technology];
        type = schemes ? { kind: 'url', schemes } : store.technology === 'sqlite' ? { kind: 'string' } : { kind: 'hostPorts' };
      } else if (broker) {
        const schemes = BROKER_SCHEMES[broker.technology];
        type = schemes ? { kind: 'url', schemes } : { kind: 'hostPorts' };
      } else if (call) {
        type = call.protocol === 'grpc' ? { kind: 'hostPorts' } : { kind: 'url', schemes: ['http', 'https'] };
      } else if (external || e.secret) {
        type = { kind: 'secret' };
      }
    }
    const required = !('default' in type && type.default !== undefined) && type.kind !== 'logLevel' && !('optional' in type && type.optional);
    out.push({ name: e.name, description: e.description, example: e.value, type, required });
  }
  return out;
}

/** Kafka topics / RabbitMQ exchanges a service declares on one broker (its own channels, sorted). */
export function topicsOn(spec: ServiceSpec, brokerId: string): string[] {
  const set = new Set<string>();
  for (const e of [...spec.publishes, ...spec.consumes]) if (e.brokerId === brokerId) set.add(channelName(e.topic));
  return [...set].sort();
}
