import fc from 'fast-check';
import {
  AUTH_KINDS,
  BROKER_TECHS,
  CALL_PROTOCOLS,
  DATA_ACCESS,
  FIELD_TYPES,
  HTTP_METHODS,
  NODE_KINDS,
  OBSERVABILITY_TECHS,
  SEVERITIES,
  designSchema,
  type Design,
} from '@/lib/model';
import { RULE_LIST } from './registry';
import { PROFILE_IDS } from './types';

// Random schema-valid designs for property tests (rules here, quick fixes in lib/fixes).
// Small pools make collisions likely: duplicate ids and names, dangling references, self-loops.
export const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
export const idArb = fc.constantFrom(...ids, 'ghost', 'x.y:z');
const nameArb = fc.constantFrom('orders', 'payments', 'db', 'data', 'notifications', 'user-data', 'q');
const eventArb = fc.constantFrom('OrderPlaced', 'PaymentFailed', 'E');
const topicArb = fc.constantFrom('orders', 'errors', 't');
const opArb = fc.record({ method: fc.constantFrom(...HTTP_METHODS), path: fc.constantFrom('/a', '/b', 'user.v1.Users/Get', 'Users/Get') });
const fieldArb = fc.record({ name: fc.constantFrom('id', 'total', 'note'), type: fc.constantFrom(...FIELD_TYPES), required: fc.boolean() });

const nodeArb = fc.record({
  kind: fc.constantFrom(...NODE_KINDS),
  id: idArb,
  name: nameArb,
  position: fc.record({ x: fc.integer(), y: fc.integer() }),
  // Properties of every kind; the loose schema keeps the ones a kind does not know.
  ownerId: fc.option(idArb, { nil: undefined }),
  replicas: fc.integer({ min: 0, max: 3 }),
  stateless: fc.boolean(),
  tracing: fc.boolean(),
  logging: fc.constantFrom('json', 'text', 'none'),
  healthCheck: fc.record({ liveness: fc.boolean(), readiness: fc.boolean() }),
  authentication: fc.constantFrom(...AUTH_KINDS),
  endpoints: fc.array(fc.record({ id: idArb, method: fc.constantFrom(...HTTP_METHODS), path: fc.constantFrom('/a', '/b'), idempotent: fc.boolean() }), { maxLength: 2 }),
  topics: fc.array(fc.record({ name: topicArb }), { maxLength: 3 }),
  url: fc.constantFrom('', 'https://u:p@x.io', 'https://x.io?token=1'),
  env: fc.option(fc.dictionary(fc.constantFrom('API_KEY', 'PORT', 'DB_PASSWORD'), fc.string()), { nil: undefined }),
  signals: fc.record({ traces: fc.boolean(), metrics: fc.boolean(), logs: fc.boolean() }),
}).map((n) => ({
  ...n,
  technology: n.kind === 'broker' ? BROKER_TECHS[n.replicas % BROKER_TECHS.length] : n.kind === 'observability' ? OBSERVABILITY_TECHS[n.replicas % OBSERVABILITY_TECHS.length] : undefined,
}));

const edgeArb = fc.record({
  kind: fc.constantFrom('call', 'publish', 'subscribe', 'data'),
  id: fc.integer({ min: 1, max: 40 }).map((i) => `e${i}`),
  source: idArb,
  target: idArb,
  protocol: fc.constantFrom(...CALL_PROTOCOLS),
  operations: fc.array(opArb, { maxLength: 3 }),
  timeoutMs: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
  retries: fc.integer({ min: 0, max: 3 }),
  circuitBreaker: fc.option(fc.record({ enabled: fc.boolean() }), { nil: undefined }),
  idempotencyKey: fc.boolean(),
  tls: fc.boolean(),
  callsPerRequest: fc.integer({ min: 1, max: 8 }),
  topic: topicArb,
  event: eventArb,
  version: fc.integer({ min: 1, max: 2 }),
  outbox: fc.boolean(),
  dedupe: fc.boolean(),
  access: fc.constantFrom(...DATA_ACCESS),
});

const ruleIds = RULE_LIST.map((r) => r.meta.id);
export const designArb: fc.Arbitrary<Design> = fc
  .record({
    nodes: fc.array(nodeArb, { maxLength: 14 }),
    // Mostly unique edge ids (so positions are unambiguous), sometimes repeated ones.
    edges: fc.oneof({ arbitrary: fc.uniqueArray(edgeArb, { maxLength: 24, selector: (e) => e.id }), weight: 3 }, { arbitrary: fc.array(edgeArb, { maxLength: 24 }), weight: 1 }),
    events: fc.array(
      fc.record({ id: fc.constantFrom('ev1', 'ev2', 'ev3', 'ev4'), name: eventArb, version: fc.integer({ min: 1, max: 2 }), fields: fc.array(fieldArb, { maxLength: 3 }), published: fc.option(fc.record({ fields: fc.array(fieldArb, { maxLength: 3 }) }), { nil: undefined }) }),
      { maxLength: 4 },
    ),
    settings: fc.record({
      profile: fc.constantFrom(...PROFILE_IDS, 'unknown'),
      serviceMesh: fc.boolean(),
      targets: fc.subarray(['compose', 'k8s', 'do'] as const),
      rules: fc.dictionary(fc.constantFrom(...ruleIds, 'nope'), fc.oneof(fc.constantFrom('off', ...SEVERITIES), fc.record({ severity: fc.constantFrom('off', ...SEVERITIES), options: fc.constant({ max: 1, min: 3, maxHops: 1, bogus: true }) }))),
      suppressions: fc.array(fc.record({ ruleId: fc.constantFrom(...ruleIds), targetId: fc.constantFrom(...ids, 'design', 'e1'), reason: fc.constant('accepted') }), { maxLength: 3 }),
    }),
  })
  .map((raw) => designSchema.parse(raw));


const plausibleKinds = fc.constantFrom<(typeof NODE_KINDS)[number]>(
  'service',
  'service',
  'service',
  'service',
  'database',
  'database',
  'cache',
  'broker',
  'gateway',
  'client',
  'external',
  'external',
  'observability',
);

/**
 * Random designs shaped like real ones: unique ids, mostly services and stores, and edges whose
 * kind follows their ends as on the canvas (service → database is data, → broker is publish…),
 * so data ownership, brokers, externals and gateways all show up often.
 */
export const plausibleDesignArb: fc.Arbitrary<Design> = fc
  .record({
    nodes: fc.array(
      fc.record({
        kind: plausibleKinds,
        name: nameArb,
        owner: fc.option(fc.nat({ max: 11 }), { nil: undefined }),
        replicas: fc.integer({ min: 0, max: 3 }),
        stateless: fc.boolean(),
        tracing: fc.boolean(),
        logging: fc.constantFrom('json', 'text'),
        healthCheck: fc.record({ liveness: fc.boolean(), readiness: fc.boolean() }),
        authentication: fc.constantFrom(...AUTH_KINDS),
        topics: fc.array(fc.record({ name: topicArb }), { maxLength: 2 }),
        technology: fc.nat({ max: 3 }),
        x: fc.integer({ min: -500, max: 500 }),
        y: fc.integer({ min: -500, max: 500 }),
      }),
      { minLength: 3, maxLength: 10 },
    ),
    edges: fc.array(
      fc.record({
        from: fc.nat({ max: 11 }),
        to: fc.nat({ max: 11 }),
        protocol: fc.constantFrom(...CALL_PROTOCOLS),
        operations: fc.array(opArb, { maxLength: 2 }),
        timeoutMs: fc.option(fc.constantFrom(500, 2000, 60_000), { nil: undefined }),
        retries: fc.integer({ min: 0, max: 2 }),
        circuitBreaker: fc.option(fc.record({ enabled: fc.boolean() }), { nil: undefined }),
        idempotencyKey: fc.boolean(),
        tls: fc.boolean(),
        callsPerRequest: fc.integer({ min: 1, max: 5 }),
        topic: topicArb,
        event: eventArb,
        version: fc.integer({ min: 1, max: 2 }),
        outbox: fc.boolean(),
        dedupe: fc.boolean(),
        access: fc.constantFrom(...DATA_ACCESS),
      }),
      { minLength: 3, maxLength: 24 },
    ),
    events: fc.array(
      fc.record({ name: eventArb, version: fc.integer({ min: 1, max: 2 }), fields: fc.array(fieldArb, { maxLength: 2 }), published: fc.option(fc.record({ fields: fc.array(fieldArb, { maxLength: 2 }) }), { nil: undefined }) }),
      { maxLength: 3 },
    ),
    profile: fc.constantFrom(...PROFILE_IDS),
    serviceMesh: fc.boolean(),
    targets: fc.subarray(['compose', 'k8s', 'do'] as const),
  })
  .map((raw) => {
    const n = raw.nodes.length;
    const nodes = raw.nodes.map((x, i) => {
      const tech: Record<string, readonly string[]> = { broker: BROKER_TECHS, observability: OBSERVABILITY_TECHS, database: ['postgres', 'mongodb'], cache: ['redis', 'memcached'], gateway: ['nginx'], client: ['web', 'mobile'] };
      const owner = x.owner === undefined ? undefined : `n${x.owner % n}`;
      return {
        ...x,
        id: `n${i}`,
        name: `${x.name}-${i}`,
        position: { x: x.x, y: x.y },
        technology: tech[x.kind]?.[x.technology % tech[x.kind].length],
        ownerId: x.kind === 'database' || x.kind === 'cache' ? owner : undefined,
        owner: undefined,
      };
    });
    const edges = raw.edges.map((e, i) => {
      const s = nodes[e.from % n];
      const t = nodes[e.to % n];
      const kind = t.kind === 'database' || t.kind === 'cache' ? 'data' : t.kind === 'broker' ? 'publish' : s.kind === 'broker' ? 'subscribe' : 'call';
      return { ...e, id: `e${i}`, kind, source: s.id, target: t.id };
    });
    const events = raw.events.map((e, i) => ({ ...e, id: `ev${i}` }));
    return designSchema.parse({ nodes, edges, events, settings: { profile: raw.profile, serviceMesh: raw.serviceMesh, targets: raw.targets } });
  });
