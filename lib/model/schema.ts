import { z } from 'zod';
import { LIMITS } from './kinds';
import { DNS_LABEL_MAX, DNS_LABEL_RE } from './names';

// Every object is "loose": fields this build does not know are kept and written back, so a file
// from a newer minor feature survives a round trip through an older editor.

export { LIMITS, NODE_KINDS, EDGE_KINDS } from './kinds';

const id = z
  .string()
  .min(1, 'Id is required.')
  .max(LIMITS.idLength, `Ids are at most ${LIMITS.idLength} characters.`)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'Ids use letters, digits and _ . : - only.');

/** A DNS-1123 label: becomes a host, compose service and Kubernetes object name. */
export const dnsName = z
  .string()
  .min(1, 'Name is required.')
  .max(DNS_LABEL_MAX, `Names are at most ${DNS_LABEL_MAX} characters.`)
  .regex(DNS_LABEL_RE, 'Names use lowercase letters, digits and "-", and start and end with a letter or digit (DNS-1123 label).');

const label = z.string().max(LIMITS.labelLength, `At most ${LIMITS.labelLength} characters.`);
const text = z.string().max(LIMITS.textLength, `At most ${LIMITS.textLength} characters.`);
const finite = z.number().refine(Number.isFinite, 'Must be a finite number.');
const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIMITS.listItems).default(() => []);

export const positionSchema = z.looseObject({ x: finite, y: finite });
export type Position = z.infer<typeof positionSchema>;

const nodeBase = {
  id,
  /** Technical name: host, container and Kubernetes object name. */
  name: dnsName,
  /** Display name shown on the canvas; free text. */
  label: label.optional(),
  description: text.default(''),
  position: positionSchema,
  /** Group (bounded context) this node belongs to; its position is then relative to the group. */
  parentId: id.optional(),
  tags: list(label),
};

export const SERVICE_STACKS = ['nestjs', 'fastify', 'fastapi'] as const;
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const SIZE_TIERS = ['small', 'medium', 'large'] as const;

export const endpointSchema = z.looseObject({
  id,
  method: z.enum(HTTP_METHODS).default('GET'),
  path: z.string().min(1).max(LIMITS.labelLength).regex(/^\//, 'Paths start with "/".'),
  summary: label.default(''),
  /** Safe to retry: GET/PUT/DELETE by nature, or POST/PATCH guarded by an idempotency key. */
  idempotent: z.boolean().default(false),
});
export type Endpoint = z.infer<typeof endpointSchema>;

export const healthCheckSchema = z.looseObject({
  liveness: z.boolean().default(true),
  readiness: z.boolean().default(true),
});

export const serviceNodeSchema = z.looseObject({
  kind: z.literal('service'),
  ...nodeBase,
  stack: z.enum(SERVICE_STACKS).default('nestjs'),
  port: z.number().int().min(1).max(65535).default(3000),
  replicas: z.number().int().min(0).max(1000).default(2),
  size: z.enum(SIZE_TIERS).default('small'),
  endpoints: list(endpointSchema),
  healthCheck: healthCheckSchema.default(() => ({ liveness: true, readiness: true })),
  stateless: z.boolean().default(true),
  ownerTeam: label.default(''),
  tracing: z.boolean().default(true),
  logging: z.enum(['json', 'text', 'none']).default('json'),
});

export const GATEWAY_TECHS = ['nginx', 'kong', 'traefik', 'envoy'] as const;
export const AUTH_KINDS = ['none', 'jwt', 'api-key', 'oauth2', 'mtls'] as const;

export const routeSchema = z.looseObject({
  id,
  path: z.string().min(1).max(LIMITS.labelLength).regex(/^\//, 'Routes start with "/".'),
  /** Node id of the service the route forwards to. */
  target: id,
});
export type Route = z.infer<typeof routeSchema>;

export const gatewayNodeSchema = z.looseObject({
  kind: z.literal('gateway'),
  ...nodeBase,
  technology: z.enum(GATEWAY_TECHS).default('nginx'),
  port: z.number().int().min(1).max(65535).default(8080),
  routes: list(routeSchema),
  authentication: z.enum(AUTH_KINDS).default('jwt'),
  rateLimitRps: z.number().int().min(0).max(1_000_000).default(100),
  tls: z.boolean().default(true),
});

export const BROKER_TECHS = ['rabbitmq', 'kafka', 'nats', 'redis-streams'] as const;
export const topicSchema = z.looseObject({
  name: z.string().min(1).max(LIMITS.labelLength),
  partitions: z.number().int().min(1).max(10_000).optional(),
  retentionHours: z.number().int().min(1).optional(),
});
export type Topic = z.infer<typeof topicSchema>;

export const brokerNodeSchema = z.looseObject({
  kind: z.literal('broker'),
  ...nodeBase,
  technology: z.enum(BROKER_TECHS).default('rabbitmq'),
  topics: list(topicSchema),
});

export const DATABASE_TECHS = ['postgres', 'mysql', 'mongodb', 'cassandra', 'elasticsearch', 'dynamodb', 'sqlite'] as const;
export const databaseNodeSchema = z.looseObject({
  kind: z.literal('database'),
  ...nodeBase,
  technology: z.enum(DATABASE_TECHS).default('postgres'),
  /** Node id of the service that owns this database (database per service). */
  ownerId: id.optional(),
});

export const CACHE_TECHS = ['redis', 'memcached'] as const;
export const cacheNodeSchema = z.looseObject({
  kind: z.literal('cache'),
  ...nodeBase,
  technology: z.enum(CACHE_TECHS).default('redis'),
  ownerId: id.optional(),
});

export const externalNodeSchema = z.looseObject({
  kind: z.literal('external'),
  ...nodeBase,
  /** What the third party is, e.g. "Stripe" or "SendGrid". */
  technology: label.default('third-party API'),
  url: z.string().max(2048).default(''),
});

export const CLIENT_TECHS = ['web', 'mobile', 'partner', 'cli'] as const;
export const clientNodeSchema = z.looseObject({
  kind: z.literal('client'),
  ...nodeBase,
  technology: z.enum(CLIENT_TECHS).default('web'),
});

export const OBSERVABILITY_TECHS = ['otel-collector', 'jaeger', 'prometheus', 'grafana', 'loki'] as const;
export const observabilityNodeSchema = z.looseObject({
  kind: z.literal('observability'),
  ...nodeBase,
  technology: z.enum(OBSERVABILITY_TECHS).default('otel-collector'),
  signals: z
    .looseObject({ traces: z.boolean().default(true), metrics: z.boolean().default(true), logs: z.boolean().default(true) })
    .default(() => ({ traces: true, metrics: true, logs: true })),
});

export const nodeSchema = z.discriminatedUnion('kind', [
  serviceNodeSchema,
  gatewayNodeSchema,
  brokerNodeSchema,
  databaseNodeSchema,
  cacheNodeSchema,
  externalNodeSchema,
  clientNodeSchema,
  observabilityNodeSchema,
]);

export type ServiceNode = z.infer<typeof serviceNodeSchema>;
export type GatewayNode = z.infer<typeof gatewayNodeSchema>;
export type BrokerNode = z.infer<typeof brokerNodeSchema>;
export type DatabaseNode = z.infer<typeof databaseNodeSchema>;
export type CacheNode = z.infer<typeof cacheNodeSchema>;
export type ExternalNode = z.infer<typeof externalNodeSchema>;
export type ClientNode = z.infer<typeof clientNodeSchema>;
export type ObservabilityNode = z.infer<typeof observabilityNodeSchema>;
export type DesignNode = z.infer<typeof nodeSchema>;
export type NodeKind = DesignNode['kind'];
export type NodeOfKind<K extends NodeKind> = Extract<DesignNode, { kind: K }>;

// ---- edges -------------------------------------------------------------------------------

const edgeBase = {
  id,
  source: id,
  target: id,
  label: label.optional(),
  description: text.default(''),
};

export const CALL_PROTOCOLS = ['rest', 'grpc', 'graphql'] as const;

export const circuitBreakerSchema = z.looseObject({
  enabled: z.boolean().default(true),
  failureThreshold: z.number().int().min(1).max(1000).default(5),
  resetTimeoutMs: z.number().int().min(1).max(3_600_000).default(30_000),
});
export type CircuitBreaker = z.infer<typeof circuitBreakerSchema>;

export const operationSchema = z.looseObject({
  method: z.enum(HTTP_METHODS).default('GET'),
  path: z.string().min(1).max(LIMITS.labelLength),
});
export type Operation = z.infer<typeof operationSchema>;

export const callEdgeSchema = z.looseObject({
  kind: z.literal('call'),
  ...edgeBase,
  protocol: z.enum(CALL_PROTOCOLS).default('rest'),
  /** Operations the caller uses on the target (REST method + path, or gRPC Service/Method). */
  operations: list(operationSchema),
  /** Absent means "no timeout": the missing-timeout rule reports it. */
  timeoutMs: z.number().int().min(1).max(3_600_000).optional(),
  retries: z.number().int().min(0).max(20).default(0),
  circuitBreaker: circuitBreakerSchema.optional(),
  /** Caller sends an Idempotency-Key header so retried writes apply once. */
  idempotencyKey: z.boolean().default(false),
  /** Traffic is encrypted (TLS or a mesh with mTLS). */
  tls: z.boolean().default(false),
  /** Calls per user request, for chatty-services. */
  callsPerRequest: z.number().int().min(1).max(10_000).default(1),
});

const eventRef = {
  topic: z.string().min(1).max(LIMITS.labelLength),
  event: z.string().min(1).max(LIMITS.labelLength),
  version: z.number().int().min(1).max(10_000).default(1),
};

export const publishEdgeSchema = z.looseObject({
  kind: z.literal('publish'),
  ...edgeBase,
  ...eventRef,
  /** Publishes through a transactional outbox (no lost or phantom events). */
  outbox: z.boolean().default(false),
});

export const subscribeEdgeSchema = z.looseObject({
  kind: z.literal('subscribe'),
  ...edgeBase,
  ...eventRef,
  consumerGroup: label.optional(),
  /** Consumer remembers processed message ids (idempotent consumer). */
  dedupe: z.boolean().default(true),
});

export const DATA_ACCESS = ['read', 'write', 'read-write'] as const;
export const dataEdgeSchema = z.looseObject({
  kind: z.literal('data'),
  ...edgeBase,
  access: z.enum(DATA_ACCESS).default('read-write'),
});

export const edgeSchema = z.discriminatedUnion('kind', [callEdgeSchema, publishEdgeSchema, subscribeEdgeSchema, dataEdgeSchema]);

export type CallEdge = z.infer<typeof callEdgeSchema>;
export type PublishEdge = z.infer<typeof publishEdgeSchema>;
export type SubscribeEdge = z.infer<typeof subscribeEdgeSchema>;
export type DataEdge = z.infer<typeof dataEdgeSchema>;
export type DesignEdge = z.infer<typeof edgeSchema>;
export type EdgeKind = DesignEdge['kind'];
export type EdgeOfKind<K extends EdgeKind> = Extract<DesignEdge, { kind: K }>;

// ---- events, groups, presentation, decisions, settings -------------------------------------

export const FIELD_TYPES = ['string', 'integer', 'number', 'boolean', 'datetime', 'uuid', 'object', 'array'] as const;
export const eventFieldSchema = z.looseObject({
  name: z.string().min(1).max(LIMITS.labelLength),
  type: z.enum(FIELD_TYPES).default('string'),
  required: z.boolean().default(true),
  description: label.default(''),
});
export type EventField = z.infer<typeof eventFieldSchema>;

export const eventSchema = z.looseObject({
  id,
  /** Event type, e.g. OrderPlaced. */
  name: z.string().min(1).max(LIMITS.labelLength),
  version: z.number().int().min(1).max(10_000).default(1),
  /** Service node id that owns (publishes) this event. */
  ownerId: id.optional(),
  description: text.default(''),
  fields: list(eventFieldSchema),
  /** Snapshot of the fields when this version was published: published versions are frozen. */
  published: z.looseObject({ fields: list(eventFieldSchema) }).optional(),
});
export type DesignEvent = z.infer<typeof eventSchema>;

export const groupSchema = z.looseObject({
  id,
  /** Bounded context name, free text. */
  name: z.string().min(1).max(LIMITS.labelLength),
  description: text.default(''),
  position: positionSchema,
  // Plain numbers (zod 4 rejects NaN and Infinity) so the JSON Schema carries the minimum too.
  size: z.looseObject({ width: z.number().min(40), height: z.number().min(40) }),
  color: z.string().max(32).optional(),
});
export type Group = z.infer<typeof groupSchema>;

export const viewSchema = z.looseObject({
  id,
  name: label,
  viewport: z.looseObject({ x: finite, y: finite, zoom: finite }).optional(),
  nodeIds: list(id),
});
export type View = z.infer<typeof viewSchema>;

export const flowSchema = z.looseObject({
  id,
  name: label,
  description: text.default(''),
  steps: list(z.looseObject({ edgeId: id, note: label.default('') })),
});
export type Flow = z.infer<typeof flowSchema>;

export const decisionSchema = z.looseObject({
  id,
  title: label,
  status: z.enum(['proposed', 'accepted', 'superseded', 'deprecated', 'rejected']).default('accepted'),
  context: text.default(''),
  decision: text.default(''),
  consequences: text.default(''),
  date: z.string().max(32).optional(),
});
export type Decision = z.infer<typeof decisionSchema>;

export const SEVERITIES = ['info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const ruleSettingSchema = z.union([
  z.enum(['off', ...SEVERITIES]),
  z.looseObject({ severity: z.enum(['off', ...SEVERITIES]).optional(), options: z.record(z.string(), z.unknown()).optional() }),
]);
export type RuleSetting = z.infer<typeof ruleSettingSchema>;

export const suppressionSchema = z.looseObject({
  ruleId: z.string().min(1).max(LIMITS.labelLength),
  targetId: id,
  reason: z.string().trim().min(1, 'A suppression needs a reason.').max(LIMITS.textLength),
});
export type Suppression = z.infer<typeof suppressionSchema>;

export const DEPLOY_TARGETS = ['compose', 'k8s', 'do'] as const;
export const settingsSchema = z.looseObject({
  profile: z.string().min(1).max(64).default('recommended'),
  rules: z.record(z.string().max(LIMITS.labelLength), ruleSettingSchema).default(() => ({})),
  suppressions: list(suppressionSchema),
  defaultStack: z.enum(SERVICE_STACKS).default('nestjs'),
  targets: z.array(z.enum(DEPLOY_TARGETS)).max(DEPLOY_TARGETS.length).default((): (typeof DEPLOY_TARGETS)[number][] => ['compose', 'k8s']),
  /** Service-to-service traffic goes through a mesh with mTLS. */
  serviceMesh: z.boolean().default(false),
});
export type Settings = z.infer<typeof settingsSchema>;

export const PLATFORMS = ['kubernetes', 'compose', 'digitalocean', 'other'] as const;
/** Why the system is shaped as it is: domain, scale, SLAs, consistency, compliance, teams, recovery. */
export const contextSchema = z.looseObject({
  /** Business domain in a phrase, e.g. "online retail for EU consumers". */
  domain: text.default(''),
  /** Expected load, e.g. "2k orders/min at peak, 50k daily users". */
  scale: text.default(''),
  /** Latency targets, e.g. "p99 < 300 ms for checkout". */
  latencySla: text.default(''),
  /** Availability target, e.g. "99.9% monthly for checkout". */
  availability: text.default(''),
  /** What must be strongly consistent (payments, stock reservation…). */
  strongConsistency: text.default(''),
  /** What may be eventually consistent (notifications, analytics…). */
  eventualConsistency: text.default(''),
  /** Regulations and policies, e.g. "PCI DSS, GDPR". */
  compliance: text.default(''),
  teams: z.number().int().min(0).max(10_000).optional(),
  /** Which team owns what, free text. */
  ownership: text.default(''),
  platform: z.enum(PLATFORMS).default('kubernetes'),
  /** Recovery time objective, e.g. "1h". */
  rto: label.default(''),
  /** Recovery point objective, e.g. "5 min". */
  rpo: label.default(''),
});
export type ArchitectureContext = z.infer<typeof contextSchema>;

export const designSchema = z.looseObject({
  id: id.optional(),
  name: label.min(1, 'A design needs a name.').default('Untitled design'),
  description: text.default(''),
  nodes: z.array(nodeSchema).max(LIMITS.nodes, `A design holds at most ${LIMITS.nodes} nodes.`).default(() => []),
  edges: z.array(edgeSchema).max(LIMITS.edges, `A design holds at most ${LIMITS.edges} edges.`).default(() => []),
  events: list(eventSchema),
  groups: list(groupSchema),
  views: list(viewSchema),
  flows: list(flowSchema),
  decisions: list(decisionSchema),
  /** Architecture context (domain, scale, SLAs…): the forces generated ADRs cite. */
  context: contextSchema.optional(),
  settings: settingsSchema.default(() => settingsSchema.parse({})),
});
export type Design = z.infer<typeof designSchema>;
export type DesignInput = z.input<typeof designSchema>;

/** The file envelope: `{ archwright: <format version>, design }`. */
export const envelopeSchema = z.looseObject({
  archwright: z.number().int().min(1),
  design: designSchema,
});
export type Envelope = z.infer<typeof envelopeSchema>;
