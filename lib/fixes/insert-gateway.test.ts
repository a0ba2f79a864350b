import { expect } from 'vitest';
import { designSchema, type GatewayNode } from '@/lib/model';
import { designOf, testFix } from './test-utils';

const GET_A = { operations: [{ method: 'GET', path: '/a' }] };

const withFlow = designSchema.parse({
  ...designOf({ nodes: { c: 'client', a: 'service', b: 'service' }, edges: [['c -> a', GET_A], 'c -> b'] }),
  flows: [{ id: 'f', name: 'Browse', steps: [{ edgeId: 'c:b', note: '' }] }],
});

testFix('insert-gateway', {
  valid: [
    {
      name: 'a new gateway between a client and the services it called',
      design: withFlow,
      rule: 'no-api-gateway',
      changes: { nodes: { added: 1 }, edges: { added: 2, removed: ['c:b'], changed: { 'c:a': ['target'] } }, other: ['flows'] },
      check: (after, result) => {
        const gw = after.nodes[3] as GatewayNode;
        expect(gw).toMatchObject({ kind: 'gateway', name: 'gateway', authentication: 'jwt' });
        expect(gw.routes.map((r) => [r.path, r.target])).toEqual([
          ['/a', 'a'],
          ['/b', 'b'],
        ]);
        expect(after.edges).toMatchObject([
          { id: 'c:a', source: 'c', target: gw.id, operations: GET_A.operations },
          { kind: 'call', source: gw.id, target: 'a', timeoutMs: 2000, tls: true, operations: GET_A.operations },
          { kind: 'call', source: gw.id, target: 'b', timeoutMs: 2000, tls: true, operations: [] },
        ]);
        expect(after.flows[0].steps).toEqual([{ edgeId: 'c:a', note: '' }]);
        expect(result.select?.nodes).toEqual([gw.id]);
      },
    },
    {
      name: 'the gateway the client already uses takes the direct call',
      design: { nodes: { c: 'client', g: 'gateway', a: 'service', b: 'service' }, edges: ['c -> g', ['g -> b', { tls: true }], ['c -> a', GET_A]] },
      rule: 'no-api-gateway',
      changes: { nodes: { changed: { g: ['routes'] } }, edges: { added: 1, removed: ['c:a'], changed: { 'c:g': ['operations'] } } },
      check: (after) => {
        expect(after.nodes[1]).toMatchObject({ routes: [{ path: '/a', target: 'a' }] });
        expect(after.edges[0]).toMatchObject({ id: 'c:g', operations: GET_A.operations });
      },
    },
  ],
  invalid: [
    { name: 'no client', design: { nodes: { a: 'service' } }, finding: { targets: ['a'] }, error: /no client/ },
    { name: 'a client behind a gateway already', design: { nodes: { c: 'client', g: 'gateway' }, edges: ['c -> g'] }, finding: { targets: ['c'] }, error: /calls no service directly/ },
  ],
});
