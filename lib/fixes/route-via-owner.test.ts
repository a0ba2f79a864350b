import { expect } from 'vitest';
import { designSchema, type CallEdge } from '@/lib/model';
import { designOf, testFix } from './test-utils';

const nodes = { a: 'service', b: 'service', db: ['database', { ownerId: 'a' }] } as const;
const withFlow = designSchema.parse({
  ...designOf({ nodes, edges: ['a -> db', ['b -> db', { access: 'read' }]] }),
  flows: [{ id: 'f', name: 'Report', steps: [{ edgeId: 'b:db', note: 'b reads' }, { edgeId: 'a:db' }] }],
});

testFix('route-via-owner', {
  valid: [
    {
      name: 'the reader calls the owner instead; flow steps follow',
      design: withFlow,
      rule: 'cross-service-data-access',
      changes: { edges: { added: 1, removed: ['b:db'] }, other: ['flows'] },
      check: (after, result) => {
        const call = after.edges.find((e) => e.kind === 'call') as CallEdge;
        expect(call).toMatchObject({ source: 'b', target: 'a', protocol: 'rest', timeoutMs: 2000, tls: true, circuitBreaker: { enabled: true } });
        expect(after.flows[0].steps).toEqual([{ edgeId: call.id, note: 'b reads' }, { edgeId: 'a:db', note: '' }]);
        expect(result.select).toEqual({ edges: [call.id], nodes: [] });
      },
    },
    {
      name: 'an existing call to the owner is reused',
      design: { nodes, edges: ['a -> db', 'b -> db', 'b -> a'] },
      rule: 'cross-service-data-access',
      changes: { edges: { removed: ['b:db'] } },
    },
    {
      name: 'in the gRPC + Kafka style the new call is gRPC',
      design: { nodes, edges: ['a -> db', 'b -> db'], settings: { profile: 'grpc-kafka' } },
      rule: 'cross-service-data-access',
      changes: { edges: { added: 1, removed: ['b:db'] } },
      check: (after) => expect(after.edges.find((e) => e.kind === 'call')).toMatchObject({ protocol: 'grpc' }),
    },
    {
      name: 'where direct calls are banned it asks over the broker',
      design: { nodes: { ...nodes, q: 'broker' }, edges: ['a -> db', 'b -> db', ['a -> q', { topic: 'a', event: 'AChanged' }], ['q -> b', { topic: 'a', event: 'AChanged' }]], settings: { profile: 'event-driven-gateway' } },
      rule: 'cross-service-data-access',
      changes: { edges: { added: 2, removed: ['b:db'] }, events: { added: 1 } },
      check: (after) => {
        expect(after.edges.slice(-2)).toMatchObject([
          { kind: 'publish', source: 'b', target: 'q', topic: 'b', event: 'DbRequested', version: 1 },
          { kind: 'subscribe', source: 'q', target: 'a', topic: 'b', event: 'DbRequested', consumerGroup: 'a', dedupe: true },
        ]);
        expect(after.events[0]).toMatchObject({ name: 'DbRequested', version: 1, ownerId: 'b' });
      },
    },
  ],
  invalid: [
    { name: 'the owner itself', design: { nodes, edges: ['a -> db'] }, finding: { targets: ['a:db'] }, error: /owns/ },
    { name: 'no owner', design: { nodes: { a: 'service', db: 'database' }, edges: ['a -> db'] }, finding: { targets: ['a:db'] }, error: /no access/ },
  ],
});
