import { expect } from 'vitest';
import { designSchema } from '@/lib/model';
import { designOf, testFix } from './test-utils';

const nano = designSchema.parse({
  ...designOf({
    nodes: {
      g: ['gateway', { routes: [{ id: 'ra', path: '/a', target: 'a' }] }],
      a: ['service', { endpoints: [{ id: 'ep', method: 'GET', path: '/x' }], replicas: 3 }],
      b: ['service', { endpoints: [{ id: 'ep', method: 'GET', path: '/y' }] }],
      db: ['database', { ownerId: 'b' }],
    },
    edges: [['g -> a', { tls: true, operations: [{ method: 'GET', path: '/x' }] }], ['g -> b', { tls: true }], ['a -> b', { tls: true }], 'b -> db'],
  }),
  views: [{ id: 'v', name: 'All', nodeIds: ['a', 'b'] }, { id: 'w', name: 'A', nodeIds: ['a'] }],
  flows: [{ id: 'f', name: 'Get x', steps: [{ edgeId: 'g:a' }, { edgeId: 'a:b' }] }],
});

testFix('merge-services', {
  valid: [
    {
      name: 'a nanoservice folds into its only neighbour',
      design: nano,
      rule: 'nanoservice',
      changes: {
        nodes: { removed: ['a'], changed: { b: ['endpoints', 'replicas'], g: ['routes'] } },
        edges: { removed: ['a:b', 'g:a'], changed: { 'g:b': ['operations'] } },
        other: ['flows', 'views'],
      },
      check: (after) => {
        const b = after.nodes.find((n) => n.id === 'b')!;
        expect(b).toMatchObject({ replicas: 3, endpoints: [{ id: 'ep', path: '/y' }, { id: 'ep-2', path: '/x' }] });
        expect(after.nodes[0]).toMatchObject({ routes: [{ path: '/a', target: 'b' }] });
        expect(after.edges.find((e) => e.id === 'g:b')).toMatchObject({ operations: [{ method: 'GET', path: '/x' }] });
        expect(after.views.map((v) => v.nodeIds)).toEqual([['b'], ['b']]);
        expect(after.flows[0].steps.map((s) => s.edgeId)).toEqual(['g:b']);
      },
    },
    {
      name: 'a chatty pair: the second joins the first with its data and events',
      design: {
        nodes: { a: 'service', b: 'service', da: ['database', { ownerId: 'a' }], db: ['database', { ownerId: 'b' }] },
        edges: [['a -> b', { callsPerRequest: 5 }], 'a -> da', 'b -> db'],
        events: [{ id: 'ev', name: 'BChanged', ownerId: 'b', fields: [] }],
      },
      rule: 'chatty-services',
      changes: { nodes: { removed: ['b'], changed: { db: ['ownerId'] } }, edges: { removed: ['a:b'], changed: { 'b:db': ['source'] } }, events: { changed: { ev: ['ownerId'] } } },
      check: (after) => expect(after.edges.map((e) => [e.source, e.target])).toEqual([
        ['a', 'da'],
        ['a', 'db'],
      ]),
    },
  ],
  invalid: [{ name: 'one service only', design: { nodes: { a: 'service', b: 'database' } }, finding: { targets: ['a', 'b'] }, error: /two services/ }],
});
