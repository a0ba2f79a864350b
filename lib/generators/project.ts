// The project model: everything generators share, derived once from the design. It is the
// contract between service code (which reads env vars) and compose/k8s/DO (which set them), so
// names, ports and env var names are decided here and nowhere else.
import type {
  BrokerNode,
  CacheNode,
  CallEdge,
  DatabaseNode,
  Design,
  DesignEvent,
  Endpoint,
  EventField,
  ExternalNode,
  GatewayNode,
  ObservabilityNode,
  ServiceNode,
} from '@/lib/model';
import { toDnsLabel, uniqueName } from '@/lib/model';
import type { DesignGraph } from '@/lib/graph';
import { camelIdent, channelName, constantIdent, pascalIdent, safeHttpUrl, safePath, snakeIdent } from './escape';
import type { ExportOptions, ServiceStack } from './types';
import type { ToolVersions } from './versions';

/** One environment variable a container gets. `secret` values go to a k8s Secret, not a ConfigMap. */
export interface EnvVar {
  name: string;
  /** Value for compose and k8s (hosts are service names, which resolve in both). */
  value: string;
  secret?: boolean;
  description: string;
}

/** Identifier spellings of one name, all valid in TS, Python, proto and SQL. */
export interface Idents {
  pascal: string;
  camel: string;
  snake: string;
  constant: string;
}

export interface DatastoreSpec {
  id: string;
  /** Unique DNS label: container, host and k8s object name. */
  name: string;
  kind: 'database' | 'cache';
  technology: DatabaseNode['technology'] | CacheNode['technology'];
  port: number;
  /** Container image with tag, or undefined for managed-only technologies (dynamodb, sqlite). */
  image: string | undefined;
  /** Database/schema name and user (snake_case). */
  dbName: string;
  user: string;
  /** Env var holding the password in compose/k8s (dev default in `devPassword`). */
  passwordEnv: string;
  devPassword: string;
  /** Env var the services reach it by, e.g. ORDERS_DB_URL. */
  urlEnv: string;
  url: string;
  ownerServiceId: string | undefined;
}

export interface BrokerSpec {
  id: string;
  name: string;
  technology: BrokerNode['technology'];
  port: number;
  image: string;
  /** Env var services reach it by, e.g. RABBITMQ_URL. */
  urlEnv: string;
  url: string;
  /** Broker-safe channel names declared on the node or used by edges, sorted, unique. */
  topics: string[];
}

export interface CallSpec {
  edgeId: string;
  targetId: string;
  targetName: string;
  targetKind: 'service' | 'external' | 'gateway' | 'other';
  protocol: CallEdge['protocol'];
  /** Env var holding the base URL (REST/GraphQL) or host:port (gRPC). */
  urlEnv: string;
  url: string;
  /** The design's timeout, or DEFAULT_TIMEOUT_MS when the design has none (missing-timeout reports it). */
  timeoutMs: number;
  timeoutFromDesign: boolean;
  retries: number;
  circuitBreaker: { failureThreshold: number; resetTimeoutMs: number } | undefined;
  idempotencyKey: boolean;
  operations: { method: string; path: string }[];
  /** Idents of the target, for client class names (OrdersClient). */
  idents: Idents;
}

export interface EventSpec {
  edgeId: string;
  brokerId: string;
  brokerName: string;
  technology: BrokerNode['technology'];
  /** Broker-safe channel: RabbitMQ topic exchange, Kafka topic, NATS subject prefix, Redis stream. */
  topic: string;
  /** Event type as designed (free text, escape before use). */
  event: string;
  /** PascalCase event identifier, unique per service, e.g. OrderPlaced. */
  eventIdent: string;
  version: number;
  /** `<event>.v<version>` with the event as a channel name: RabbitMQ routing key, NATS subject suffix. */
  routingKey: string;
  fields: EventField[];
  /** Publish side: through an outbox table. */
  outbox: boolean;
  /** Consume side: deduplicate by message id. */
  dedupe: boolean;
  /** Consume side: consumer group / queue name (DNS-safe). */
  consumerGroup: string;
}

export interface ServiceSpec {
  id: string;
  node: ServiceNode;
  /** Unique DNS label. */
  name: string;
  /** Display name (free text). */
  title: string;
  stack: ServiceStack;
  port: number;
  /** Port of the gRPC server, when anything calls this service over gRPC. */
  grpcPort: number | undefined;
  idents: Idents;
  endpoints: Endpoint[];
  /** Stores reached by data edges (owned or not), design order, unique. */
  datastores: DatastoreSpec[];
  /**
   * The PostgreSQL store the service keeps its own tables in (records, outbox, processed_messages,
   * received_events; see RUNTIME_CONTRACT): the one it owns, else the first it writes to.
   */
  primaryDatabase: DatastoreSpec | undefined;
  /** Brokers it publishes to or consumes from, unique. */
  brokers: BrokerSpec[];
  calls: CallSpec[];
  publishes: EventSpec[];
  consumes: EventSpec[];
  /** Every env var the service reads, sorted by name. */
  env: EnvVar[];
  replicas: number;
  size: ServiceNode['size'];
  tracing: boolean;
}

export interface GatewayRouteSpec {
  path: string;
  serviceId: string;
  serviceName: string;
  servicePort: number;
}

export interface GatewaySpec {
  id: string;
  name: string;
  technology: GatewayNode['technology'];
  port: number;
  routes: GatewayRouteSpec[];
  authentication: GatewayNode['authentication'];
  rateLimitRps: number;
  tls: boolean;
}

export interface ExternalSpec {
  id: string;
  name: string;
  title: string;
  technology: string;
  url: string;
  urlEnv: string;
  apiKeyEnv: string;
}

export interface Project {
  /** DNS label of the design name: compose project, k8s namespace, repo name. */
  name: string;
  /** The design name as written (free text). */
  title: string;
  description: string;
  services: ServiceSpec[];
  gateways: GatewaySpec[];
  datastores: DatastoreSpec[];
  brokers: BrokerSpec[];
  externals: ExternalSpec[];
  observability: {
    /** Emit the collector and wire OTLP into services. */
    enabled: boolean;
    /** OTLP/HTTP endpoint services export to. */
    otlpEndpoint: string;
    nodes: ObservabilityNode[];
  };
  /** Events of the design with a unique PascalCase ident per name+version. */
  events: { event: DesignEvent; ident: string }[];
  /** Every generated name by node id (services, stores, brokers, gateways, externals). */
  nameOf: ReadonlyMap<string, string>;
  versions: ToolVersions;
}

/**
 * RUNTIME_CONTRACT — what every stack's generated code and the SQL migrations agree on, so
 * services of different stacks interoperate and the end-to-end check can observe them.
 *
 * Message envelope (JSON, UTF-8), the same on every broker:
 *   { "id": "<uuid>", "type": "<event name>", "version": <n>, "source": "<service name>",
 *     "time": "<ISO-8601>", "data": { ... } }
 * - RabbitMQ: durable topic exchange named `topic`; routing key `routingKey`; consumer queue
 *   `<consumerGroup>.<topic>` (durable) bound with `routingKey`; AMQP messageId = envelope id.
 * - Kafka: topic `topic`; message key = envelope id; headers `type`, `version`; group `consumerGroup`.
 * - NATS: subject `<topic>.<routingKey>`; queue group `consumerGroup`.
 * - Redis Streams: stream `topic`; field `envelope` holds the JSON; group `consumerGroup`.
 *
 * Tables in the service's primaryDatabase (PostgreSQL), created by services/<name>/migrations/*.sql:
 *   records(id uuid pk, resource text, body jsonb, idempotency_key text unique, created_at timestamptz)
 *   outbox(id uuid pk, topic text, routing_key text, event text, version int, payload jsonb,
 *          created_at timestamptz, published_at timestamptz null)
 *   processed_messages(message_id text pk, event text, processed_at timestamptz)
 *   received_events(id bigserial pk, message_id text, event text, version int, payload jsonb,
 *                   received_at timestamptz)
 * Services apply their migrations at startup (in file order, each once, tracked in
 * schema_migrations(version text pk, applied_at timestamptz)).
 *
 * HTTP: GET /health/live (process up), GET /health/ready (every dependency answers; 503 when not).
 * A write endpoint (POST/PUT/PATCH) validates a JSON object body, stores it in `records`
 * (resource = the path's first segment) honouring an `Idempotency-Key` header (same key → same
 * response, no second insert), then publishes each event in `publishes` with the body as data
 * (through the outbox when `outbox`). GET on a collection path lists records, with `/:id` reads one.
 * A consumer skips envelopes whose id is already in processed_messages (when `dedupe`), else
 * inserts into received_events and processed_messages in one transaction.
 */
export const RUNTIME_CONTRACT_VERSION = 1;

/** Used when a call has no timeout in the design; generated clients always time out. */
export const DEFAULT_TIMEOUT_MS = 5000;
/** The port services serve gRPC on when something calls them over gRPC. */
export const GRPC_PORT = 50051;
/** The OTLP/HTTP endpoint of the generated collector. */
export const OTEL_COLLECTOR_NAME = 'otel-collector';

const DB_PORTS: Record<string, number> = {
  postgres: 5432,
  mysql: 3306,
  mongodb: 27017,
  cassandra: 9042,
  elasticsearch: 9200,
  dynamodb: 8000,
  sqlite: 0,
  redis: 6379,
  memcached: 11211,
};
const BROKER_PORTS: Record<BrokerNode['technology'], number> = { rabbitmq: 5672, kafka: 9092, nats: 4222, 'redis-streams': 6379 };

function storeImage(tech: string, v: ToolVersions): string | undefined {
  switch (tech) {
    case 'postgres':
      return `postgres:${v.postgres}`;
    case 'mysql':
      return `mysql:${v.mysql}`;
    case 'mongodb':
      return `mongo:${v.mongodb}`;
    case 'elasticsearch':
      return `docker.elastic.co/elasticsearch/elasticsearch:${v.elasticsearch}`;
    case 'cassandra':
      return 'cassandra:4.1';
    case 'redis':
      return `redis:${v.redis}`;
    case 'memcached':
      return `memcached:${v.memcached}`;
    default:
      return undefined;
  }
}

function brokerImage(tech: BrokerNode['technology'], v: ToolVersions): string {
  switch (tech) {
    case 'rabbitmq':
      return `rabbitmq:${v.rabbitmq}`;
    case 'kafka':
      return `apache/kafka:${v.kafka}`;
    case 'nats':
      return `nats:${v.nats}`;
    case 'redis-streams':
      return `redis:${v.redis}`;
  }
}

function storeUrl(tech: string, host: string, port: number, user: string, passwordEnvValue: string, db: string): string {
  switch (tech) {
    case 'postgres':
      return `postgres://${user}:${passwordEnvValue}@${host}:${port}/${db}`;
    case 'mysql':
      return `mysql://${user}:${passwordEnvValue}@${host}:${port}/${db}`;
    case 'mongodb':
      return `mongodb://${user}:${passwordEnvValue}@${host}:${port}/${db}?authSource=admin`;
    case 'redis':
      return `redis://${host}:${port}`;
    case 'elasticsearch':
      return `http://${host}:${port}`;
    case 'sqlite':
      return `file:/data/${db}.sqlite`;
    default:
      return `${host}:${port}`;
  }
}

function brokerUrl(tech: BrokerNode['technology'], host: string, port: number): string {
  switch (tech) {
    case 'rabbitmq':
      return `amqp://guest:guest@${host}:${port}`;
    case 'kafka':
      return `${host}:${port}`;
    case 'nats':
      return `nats://${host}:${port}`;
    case 'redis-streams':
      return `redis://${host}:${port}`;
  }
}

function idents(value: string): Idents {
  return { pascal: pascalIdent(value), camel: camelIdent(value), snake: snakeIdent(value), constant: constantIdent(value) };
}

/** A deterministic dev-only password: generated projects never ship a real secret. */
function devPassword(name: string): string {
  return `${snakeIdent(name)}_dev_password`;
}

function sortEnv(env: EnvVar[]): EnvVar[] {
  const seen = new Map<string, EnvVar>();
  for (const e of env) if (!seen.has(e.name)) seen.set(e.name, e);
  return [...seen.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Derives names, ports, env vars and wiring for every generator from one design. */
export function buildProject(design: Design, graph: DesignGraph, options: Pick<ExportOptions, 'stacks' | 'observability' | 'versions'>): Project {
  const v = options.versions;
  const taken = new Set<string>();
  const nameOf = new Map<string, string>();
  // Reserve infrastructure names generators add themselves.
  for (const reserved of [OTEL_COLLECTOR_NAME, 'prometheus', 'grafana', 'jaeger']) taken.add(reserved);
  const claim = (id: string, wanted: string): string => {
    // Kubernetes Service names (DNS-1035) must start with a letter; DNS-1123 labels may not.
    const name = uniqueName(/^[a-z]/.test(wanted) ? wanted : `n-${wanted}`, taken);
    taken.add(name);
    nameOf.set(id, name);
    return name;
  };
  // Node names are DNS labels already; duplicates (the schema allows them) get -2, -3 in design order.
  for (const entry of graph.nodeList) {
    if (entry.kind === 'client' || entry.kind === 'observability') continue;
    claim(entry.id, entry.node.name);
  }

  // Env var stems (ORDERS_DB in ORDERS_DB_URL) must be unique too: `a-b` and `a--b` are distinct
  // DNS names but the same CONSTANT_CASE, and one would silently shadow the other.
  const stemOf = new Map<string, string>();
  {
    const usedStems = new Set<string>();
    for (const [id, name] of nameOf) {
      const base = constantIdent(name);
      let stem = base;
      for (let i = 2; usedStems.has(stem); i++) stem = `${base}_${i}`;
      usedStems.add(stem);
      stemOf.set(id, stem);
    }
  }
  const stem = (id: string, name: string) => stemOf.get(id) ?? constantIdent(name);

  const datastores: DatastoreSpec[] = [];
  const storeById = new Map<string, DatastoreSpec>();
  for (const info of graph.dataStores) {
    const n = info.node;
    const name = nameOf.get(n.id) ?? toDnsLabel(n.name);
    const tech = n.technology;
    const port = DB_PORTS[tech] ?? 0;
    const db = snakeIdent(name);
    const passwordEnv = `${stem(n.id, name)}_PASSWORD`;
    const spec: DatastoreSpec = {
      id: n.id,
      name,
      kind: n.kind,
      technology: tech,
      port,
      image: storeImage(tech, v),
      dbName: db,
      user: db,
      passwordEnv,
      devPassword: devPassword(name),
      urlEnv: `${stem(n.id, name)}_URL`,
      url: storeUrl(tech, name, port, db, devPassword(name), db),
      ownerServiceId: info.owner?.id,
    };
    datastores.push(spec);
    storeById.set(n.id, spec);
  }

  const brokers: BrokerSpec[] = [];
  const brokerById = new Map<string, BrokerSpec>();
  for (const entry of graph.nodesByKind.broker) {
    const n = entry.node as BrokerNode;
    const name = nameOf.get(n.id)!;
    const port = BROKER_PORTS[n.technology];
    const topics = new Set<string>(n.topics.map((t) => channelName(t.name)));
    for (const e of entry.inPublish) topics.add(channelName(e.edge.topic));
    for (const e of entry.outSubscribe) topics.add(channelName(e.edge.topic));
    const spec: BrokerSpec = {
      id: n.id,
      name,
      technology: n.technology,
      port,
      image: brokerImage(n.technology, v),
      urlEnv: `${stem(n.id, name)}_URL`,
      url: brokerUrl(n.technology, name, port),
      topics: [...topics].sort(),
    };
    brokers.push(spec);
    brokerById.set(n.id, spec);
  }

  const externals: ExternalSpec[] = graph.nodesByKind.external.map((entry) => {
    const n = entry.node as ExternalNode;
    const name = nameOf.get(n.id)!;
    return {
      id: n.id,
      name,
      title: n.label ?? n.name,
      technology: n.technology,
      url: safeHttpUrl(n.url) ?? `https://${name}.example.com`,
      urlEnv: `${stem(n.id, name)}_URL`,
      apiKeyEnv: `${stem(n.id, name)}_API_KEY`,
    };
  });
  const externalById = new Map(externals.map((e) => [e.id, e]));

  const events = design.events.map((event) => ({ event, ident: '' }));
  {
    const used = new Set<string>();
    for (const e of events) {
      let ident = `${pascalIdent(e.event.name, 'Event')}V${e.event.version}`;
      for (let i = 2; used.has(ident); i++) ident = `${pascalIdent(e.event.name, 'Event')}V${e.event.version}_${i}`;
      used.add(ident);
      e.ident = ident;
    }
  }
  // A published version is frozen: code validates against its snapshot, as the contracts do.
  const fieldsOf = (event: string, version: number): EventField[] => {
    const found = design.events.find((e) => e.name === event && e.version === version);
    return found?.published?.fields ?? found?.fields ?? [];
  };

  const grpcTargets = new Set<string>();
  for (const e of graph.edgesByKind.call) if (e.edge.protocol === 'grpc' && e.target.kind === 'service') grpcTargets.add(e.target.id);

  const observabilityNodes = graph.nodesByKind.observability.map((e) => e.node as ObservabilityNode);
  const obsEnabled = options.observability;
  const otlpEndpoint = `http://${OTEL_COLLECTOR_NAME}:4318`;

  const services: ServiceSpec[] = graph.services.map((entry) => {
    const n = entry.node;
    const name = nameOf.get(n.id)!;
    const stack = options.stacks[n.id] ?? n.stack;
    const id = idents(name);

    const stores: DatastoreSpec[] = [];
    for (const e of entry.outData) {
      const s = storeById.get(e.target.id);
      if (s && !stores.includes(s)) stores.push(s);
    }

    const eventSpec = (edge: { id: string; topic: string; event: string; version: number }, broker: BrokerSpec, extra: Pick<EventSpec, 'outbox' | 'dedupe' | 'consumerGroup'>): EventSpec => ({
      edgeId: edge.id,
      brokerId: broker.id,
      brokerName: broker.name,
      technology: broker.technology,
      topic: channelName(edge.topic),
      event: edge.event,
      eventIdent: pascalIdent(edge.event, 'Event'),
      version: edge.version,
      routingKey: `${channelName(edge.event, 'event')}.v${edge.version}`,
      fields: fieldsOf(edge.event, edge.version),
      ...extra,
    });
    const publishes: EventSpec[] = [];
    for (const e of entry.outPublish) {
      const b = brokerById.get(e.target.id);
      if (b) publishes.push(eventSpec(e.edge, b, { outbox: e.edge.outbox, dedupe: false, consumerGroup: name }));
    }
    const consumes: EventSpec[] = [];
    for (const e of entry.inSubscribe) {
      const b = brokerById.get(e.source.id);
      if (b) consumes.push(eventSpec(e.edge, b, { outbox: false, dedupe: e.edge.dedupe, consumerGroup: toDnsLabel(e.edge.consumerGroup ?? name, name) }));
    }
    const brokerList = [...new Set([...publishes, ...consumes].map((e) => brokerById.get(e.brokerId)!))];

    const calls: CallSpec[] = [];
    for (const e of entry.outCall) {
      const t = e.target;
      const targetName = nameOf.get(t.id) ?? toDnsLabel(t.node.name);
      const targetKind = t.kind === 'service' || t.kind === 'external' || t.kind === 'gateway' ? t.kind : 'other';
      const ext = externalById.get(t.id);
      const grpc = e.edge.protocol === 'grpc';
      const targetPort = t.kind === 'service' ? (grpc ? GRPC_PORT : (t.node as ServiceNode).port) : t.kind === 'gateway' ? (t.node as GatewayNode).port : 80;
      const url = ext ? ext.url : grpc ? `${targetName}:${targetPort}` : `http://${targetName}:${targetPort}`;
      const cb = e.edge.circuitBreaker;
      calls.push({
        edgeId: e.id,
        targetId: t.id,
        targetName,
        targetKind,
        protocol: e.edge.protocol,
        urlEnv: ext ? ext.urlEnv : `${stem(t.id, targetName)}_${grpc ? 'GRPC_ADDR' : 'URL'}`,
        url,
        timeoutMs: e.edge.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        timeoutFromDesign: e.edge.timeoutMs !== undefined,
        retries: e.edge.retries,
        circuitBreaker: cb && cb.enabled ? { failureThreshold: cb.failureThreshold, resetTimeoutMs: cb.resetTimeoutMs } : undefined,
        idempotencyKey: e.edge.idempotencyKey,
        operations: e.edge.operations.map((o) => ({ method: o.method, path: safePath(o.path) })),
        idents: idents(targetName),
      });
    }

    const env: EnvVar[] = [
      { name: 'PORT', value: String(n.port), description: 'HTTP port' },
      { name: 'SERVICE_NAME', value: name, description: 'Service name in logs and traces' },
      { name: 'LOG_LEVEL', value: 'info', description: 'Log level (debug, info, warn, error)' },
    ];
    if (grpcTargets.has(n.id)) env.push({ name: 'GRPC_PORT', value: String(GRPC_PORT), description: 'gRPC port' });
    if (obsEnabled && n.tracing) {
      env.push({ name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: otlpEndpoint, description: 'OpenTelemetry collector (OTLP/HTTP)' });
      env.push({ name: 'OTEL_SERVICE_NAME', value: name, description: 'Service name in traces' });
    }
    for (const s of stores) env.push({ name: s.urlEnv, value: s.url, secret: s.kind === 'database', description: `Connection URL of ${s.name} (${s.technology})` });
    for (const b of brokerList) env.push({ name: b.urlEnv, value: b.url, secret: b.technology === 'rabbitmq', description: `Connection URL of ${b.name} (${b.technology})` });
    for (const c of calls) {
      env.push({ name: c.urlEnv, value: c.url, description: `Base address of ${c.targetName}` });
      const ext = externalById.get(c.targetId);
      if (ext) env.push({ name: ext.apiKeyEnv, value: 'change-me', secret: true, description: `API key for ${ext.name}` });
    }

    return {
      id: n.id,
      node: n,
      name,
      title: n.label ?? n.name,
      stack,
      port: n.port,
      grpcPort: grpcTargets.has(n.id) ? GRPC_PORT : undefined,
      idents: id,
      endpoints: n.endpoints,
      datastores: stores,
      primaryDatabase:
        stores.find((st) => st.technology === 'postgres' && st.ownerServiceId === n.id) ??
        stores.find((st) => st.technology === 'postgres' && entry.outData.some((e) => e.target.id === st.id && e.edge.access !== 'read')),
      brokers: brokerList,
      calls,
      publishes,
      consumes,
      env: sortEnv(env),
      replicas: n.replicas,
      size: n.size,
      tracing: obsEnabled && n.tracing,
    };
  });
  const serviceById = new Map(services.map((s) => [s.id, s]));

  const gateways: GatewaySpec[] = graph.nodesByKind.gateway.map((entry) => {
    const n = entry.node as GatewayNode;
    const routes: GatewayRouteSpec[] = [];
    const seenPaths = new Set<string>();
    const add = (path: string, serviceId: string) => {
      const s = serviceById.get(serviceId);
      const p = safePath(path);
      if (!s || seenPaths.has(p)) return;
      seenPaths.add(p);
      routes.push({ path: p, serviceId: s.id, serviceName: s.name, servicePort: s.port });
    };
    for (const r of n.routes) add(r.path, r.target);
    // A gateway that calls services without explicit routes forwards /<service>/ to each.
    for (const e of entry.outCall) if (!n.routes.some((r) => r.target === e.target.id)) add(`/${nameOf.get(e.target.id) ?? e.target.node.name}`, e.target.id);
    return {
      id: n.id,
      name: nameOf.get(n.id)!,
      technology: n.technology,
      port: n.port,
      routes,
      authentication: n.authentication,
      rateLimitRps: n.rateLimitRps,
      tls: n.tls,
    };
  });

  return {
    name: toDnsLabel(design.name, 'archwright-project'),
    title: design.name,
    description: design.description,
    services,
    gateways,
    datastores,
    brokers,
    externals,
    observability: { enabled: obsEnabled, otlpEndpoint, nodes: observabilityNodes },
    events,
    nameOf,
    versions: v,
  };
}
