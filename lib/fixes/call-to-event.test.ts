import { expect } from 'vitest';
import { designSchema, type PublishEdge } from '@/lib/model';
import { designOf, testFix } from './test-utils';

const flowDesign = designSchema.parse({
  ...designOf({ nodes: { a: 'service', b: 'service' }, edges: [['a -> b', { operations: [{ method: 'POST', path: '/payments' }], idempotencyKey: true }]], settings: { profile: 'event-driven-gateway' } }),
  flows: [{ id: 'f', name: 'Pay', steps: [{ edgeId: 'a:b', note: 'pay' }] }],
});

const chain = {
  nodes: { c: 'client', g: 'gateway', s1: 'service', s2: 'service', s3: 'service', s4: 'service', s5: 'service', s6: 'service' },
  edges: ['c -> g', 'g -> s1', 's1 -> s2', 's2 -> s3', 's3 -> s4', 's4 -> s5', 's5 -> s6'],
} as const;

testFix('call-to-event', {
  valid: [
    {
      name: 'a direct call becomes publish + subscribe through a new RabbitMQ broker; the flow follows',
      design: flowDesign,
      rule: 'no-direct-service-calls',
      changes: { nodes: { added: 1 }, edges: { added: 2, removed: ['a:b'] }, events: { added: 1 }, other: ['flows'] },
      check: (after, result) => {
        const broker = after.nodes[2];
        expect(broker).toMatchObject({ kind: 'broker', technology: 'rabbitmq', name: 'broker', topics: [{ name: 'a' }] });
        const [pub, sub] = after.edges;
        expect(pub).toMatchObject({ kind: 'publish', source: 'a', target: broker.id, topic: 'a', event: 'PaymentsRequested', version: 1, outbox: false });
        expect(sub).toMatchObject({ kind: 'subscribe', source: broker.id, target: 'b', topic: 'a', event: 'PaymentsRequested', dedupe: true });
        expect(after.events[0]).toMatchObject({ name: 'PaymentsRequested', ownerId: 'a' });
        expect(after.flows[0].steps).toEqual([{ edgeId: pub.id, note: 'pay' }]);
        expect(result.select).toEqual({ edges: [pub.id, sub.id], nodes: [broker.id] });
      },
    },
    {
      name: 'chatty calls both ways become events on the existing broker',
      design: {
        nodes: { a: 'service', b: 'service', q: 'broker', da: ['database', { ownerId: 'a' }] },
        edges: [['a -> b', { callsPerRequest: 3 }], ['b -> a', { callsPerRequest: 2 }], ['a -> q', { topic: 'a-events' }], 'a -> da'],
      },
      rule: 'chatty-services',
      changes: { edges: { added: 4, removed: ['a:b', 'b:a'] }, events: { added: 2 } },
      check: (after) => {
        const pubs = after.edges.filter((e): e is PublishEdge => e.kind === 'publish').slice(1);
        // a reuses its topic on q; it writes a database, so it publishes through an outbox.
        expect(pubs).toMatchObject([
          { source: 'a', target: 'q', topic: 'a-events', event: 'BRequested', outbox: true },
          { source: 'b', target: 'q', topic: 'b', event: 'ARequested', outbox: false },
        ]);
      },
    },
    {
      name: 'a cycle is broken at the call that closes it',
      design: { nodes: { a: 'service', b: 'service', c: 'service' }, edges: ['a -> b', 'b -> c', 'c -> a'] },
      rule: 'sync-cycle',
      changes: { nodes: { added: 1 }, edges: { added: 2, removed: ['c:a'] }, events: { added: 1 } },
    },
    {
      name: 'two overlapping cycles are both broken',
      design: { nodes: { a: 'service', b: 'service', c: 'service' }, edges: ['a -> b', 'b -> a', 'b -> c', 'c -> a'] },
      rule: 'sync-cycle',
      changes: { nodes: { added: 1 }, edges: { added: 4, removed: ['b:a', 'c:a'] }, events: { added: 1 } },
    },
    {
      name: 'a deep chain is cut at the hop over the limit',
      design: chain,
      rule: 'sync-chain-too-deep',
      changes: { nodes: { added: 1 }, edges: { added: 2, removed: ['s4:s5'] }, events: { added: 1 } },
    },
    {
      name: 'a service with too many dependencies keeps the first ones',
      design: {
        nodes: { a: 'service', b: 'service', c: 'service', d: 'service' },
        edges: ['a -> b', 'a -> c', 'a -> d', ['a -> b', { id: 'again' }]],
        settings: { rules: { 'high-coupling': { options: { maxDependencies: 2 } } } },
      },
      rule: 'high-coupling',
      primary: 'a',
      changes: { nodes: { added: 1 }, edges: { added: 2, removed: ['a:d'] }, events: { added: 1 } },
    },
    {
      name: 'in the gRPC + Kafka style the new broker is Kafka',
      design: { nodes: { a: 'service', b: 'service' }, edges: [['a -> b', { callsPerRequest: 9, protocol: 'grpc' }]], settings: { profile: 'grpc-kafka' } },
      rule: 'chatty-services',
      changes: { nodes: { added: 1 }, edges: { added: 2, removed: ['a:b'] }, events: { added: 1 } },
      check: (after) => expect(after.nodes[2]).toMatchObject({ kind: 'broker', technology: 'kafka', name: 'kafka' }),
    },
  ],
  invalid: [
    { name: 'a client’s call', design: { nodes: { c: 'client', a: 'service' }, edges: ['c -> a'] }, finding: { targets: ['c:a'] }, error: /Only calls from one service/ },
    { name: 'design-wide coupling', design: { nodes: { a: 'service' } }, finding: { ruleId: 'high-coupling', targets: [] }, error: /whole design/ },
    { name: 'no call', design: { nodes: { a: 'service' } }, finding: { targets: ['a'] }, error: /no call/ },
    { name: 'a cycle through a gateway only', design: { nodes: { g: 'gateway', h: 'gateway' }, edges: ['g -> h', 'h -> g'] }, finding: { ruleId: 'sync-cycle', targets: ['g', 'h', 'g:h', 'h:g'] }, error: /not between services/ },
  ],
});
