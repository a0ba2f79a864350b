import { describe, expect, it } from 'vitest';
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
import { buildGraph } from '@/lib/graph';
import { createContext } from './context';
import { INERT_EDGE_FIELDS, INERT_NODE_FIELDS, compareFindings, elementPosition, validateDetailed } from './engine';
import { PROFILES, profileRules } from './profiles';
import { RULE_LIST } from './registry';
import { PROFILE_IDS } from './types';

// Small pools make collisions likely: duplicate ids and names, dangling references, self-loops.
const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const idArb = fc.constantFrom(...ids, 'ghost', 'x.y:z');
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
const designArb: fc.Arbitrary<Design> = fc
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

describe('every rule on random schema-valid designs', () => {
  it('the generator produces schema-valid designs', () => {
    fc.assert(
      fc.property(designArb, (d) => {
        expect(designSchema.safeParse(d).success).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('no rule of any profile throws; findings are well-formed and deterministic', () => {
    fc.assert(
      fc.property(designArb, (design) => {
        const graph = buildGraph(design);
        // Design order is only defined when edge and event ids are unique.
        const unique = new Set(design.edges.map((e) => e.id)).size === design.edges.length && new Set(design.events.map((e) => e.id)).size === design.events.length;
        const pos = elementPosition(graph);
        const cmp = compareFindings(graph);
        for (const profile of PROFILE_IDS) {
          for (const { rule, severity, options } of profileRules(profile)) {
            const opts = rule.meta.options ? rule.meta.options.parse(options) : {};
            const found = rule.check(createContext({ design, graph, ruleId: rule.meta.id, options: opts, severity, profile }));
            // The ordering contract the engine relies on instead of sorting.
            if (unique) for (let i = 1; i < found.length; i++) expect(pos(found[i - 1].targets[0]), rule.meta.id).toBeLessThanOrEqual(pos(found[i].targets[0]));
            for (const f of found) {
              expect(f.ruleId).toBe(rule.meta.id);
              expect(SEVERITIES).toContain(f.severity);
              expect(f.targets.every((t) => typeof t === 'string')).toBe(true);
            }
          }
          const res = validateDetailed(design, { profile, reuse: false });
          expect(res.failures).toEqual([]);
          if (unique) for (let i = 1; i < res.findings.length; i++) expect(cmp(res.findings[i - 1], res.findings[i])).toBeLessThanOrEqual(0);
          expect(validateDetailed(design, { profile, reuse: false }).findings).toEqual(res.findings);
          for (const f of res.findings) expect(f.targets.every((t) => typeof t === 'string')).toBe(true);
        }
        // The design's own profile and settings, including junk overrides.
        expect(validateDetailed(design, { reuse: false }).failures).toEqual([]);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  }, 600_000);

  it('fields the engine treats as inert change no finding of any profile', () => {
    // Random values for every inert field of some nodes and edges.
    const inertNode = fc.record({ position: fc.record({ x: fc.integer(), y: fc.integer() }), label: fc.string({ maxLength: 5 }), description: fc.string({ maxLength: 5 }), tags: fc.array(fc.constantFrom('x', 'y')), parentId: fc.option(idArb, { nil: undefined }) });
    const inertEdge = fc.record({ label: fc.string({ maxLength: 5 }), description: fc.string({ maxLength: 5 }) });
    fc.assert(
      fc.property(designArb, fc.array(fc.tuple(fc.nat(), inertNode), { maxLength: 4 }), fc.array(fc.tuple(fc.nat(), inertEdge), { maxLength: 4 }), (design, nodeEdits, edgeEdits) => {
        expect([...INERT_NODE_FIELDS].sort()).toEqual(['description', 'label', 'parentId', 'position', 'tags']);
        expect([...INERT_EDGE_FIELDS].sort()).toEqual(['description', 'label']);
        const nodes = design.nodes.slice();
        for (const [i, patch] of nodeEdits) if (nodes.length) nodes[i % nodes.length] = { ...nodes[i % nodes.length], ...patch };
        const edges = design.edges.slice();
        for (const [i, patch] of edgeEdits) if (edges.length) edges[i % edges.length] = { ...edges[i % edges.length], ...patch };
        const edited = { ...design, nodes, edges };
        for (const profile of PROFILE_IDS) {
          expect(validateDetailed(edited, { profile, reuse: false })).toEqual(validateDetailed(design, { profile, reuse: false }));
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 100) },
    );
  });

  it('house-style rules only run in their profiles', () => {
    for (const p of Object.values(PROFILES)) {
      for (const { rule } of profileRules(p.id)) if (rule.meta.profiles) expect(rule.meta.profiles).toContain(p.id);
    }
  });
});
