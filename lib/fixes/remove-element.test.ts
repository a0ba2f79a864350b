import { expect } from 'vitest';
import { designSchema } from '@/lib/model';
import { designOf, testFix } from './test-utils';

const referenced = designSchema.parse({
  ...designOf({
    nodes: { a: 'service', b: 'service', db: 'database', g: ['gateway', { routes: [{ id: 'r', path: '/a', target: 'a' }] }] },
    edges: ['a -> b', 'g -> a'],
    settings: { suppressions: [{ ruleId: 'orphan-node', targetId: 'x', reason: 'x' }, { ruleId: 'too-many-services', targetId: 'db', reason: 'kept' }] },
  }),
  views: [{ id: 'v', name: 'Data', nodeIds: ['db', 'a'] }],
});

testFix('remove-element', {
  valid: [
    {
      name: 'an unused database goes, with the view entries and suppressions naming it',
      design: referenced,
      rule: 'orphan-node',
      primary: 'db',
      changes: { nodes: { removed: ['db'] }, settings: ['suppressions'], other: ['views'] },
      check: (after) => {
        expect(after.views[0].nodeIds).toEqual(['a']);
        expect(after.settings.suppressions.map((s) => s.targetId)).toEqual(['x']);
      },
    },
    {
      name: 'an unused external system goes',
      design: { nodes: { a: 'service', b: 'service', x: 'external' }, edges: ['a -> b'] },
      rule: 'orphan-node',
      changes: { nodes: { removed: ['x'] } },
    },
    {
      name: 'a broker in use loses only its unused topics',
      design: {
        nodes: { a: 'service', b: 'service', q: ['broker', { topics: [{ name: 'used' }, { name: 'stale' }, { name: 'stale' }] }] },
        edges: [['a -> q', { topic: 'used' }], ['q -> b', { topic: 'used' }]],
      },
      rule: 'orphan-node',
      changes: { nodes: { changed: { q: ['topics'] } } },
      check: (after) => expect(after.nodes[2]).toMatchObject({ topics: [{ name: 'used' }] }),
    },
    {
      name: 'publications nobody consumes go',
      design: { nodes: { a: 'service', b: 'service', q: 'broker' }, edges: ['a -> q', 'a -> b'] },
      rule: 'orphan-node',
      primary: 'a:q',
      changes: { edges: { removed: ['a:q'] } },
    },
    {
      name: 'a declared event nobody consumes goes with its publications',
      design: {
        nodes: { a: 'service', b: 'service', q: 'broker' },
        edges: [['a -> q', { event: 'Lonely' }], 'a -> b'],
        events: [{ id: 'ev', name: 'Lonely', version: 1, fields: [] }],
      },
      rule: 'orphan-node',
      primary: 'ev',
      changes: { edges: { removed: ['a:q'] }, events: { removed: ['ev'] } },
    },
  ],
  invalid: [
    { name: 'design-wide finding', design: { nodes: { a: 'service' } }, finding: { targets: [] }, error: /whole design/ },
    { name: 'gone already', design: { nodes: { a: 'service' } }, finding: { targets: ['ghost'] }, error: /no longer/ },
    {
      name: 'a broker in use with no unused topic',
      design: { nodes: { a: 'service', q: 'broker' }, edges: ['a -> q'] },
      finding: { targets: ['q'] },
      error: /no unused topics/,
    },
  ],
});
