import { expect } from 'vitest';
import { designSchema, type DatabaseNode, type DesignNode } from '@/lib/model';
import { designOf, testFix } from './test-utils';

const grouped = designSchema.parse({
  ...designOf({
    nodes: { a: 'service', b: ['service', { parentId: 'ctx', position: { x: 40, y: 40 } }], db: ['database', { technology: 'mongodb' }] },
    edges: ['a -> db', ['b -> db', { access: 'read' }]],
  }),
  groups: [{ id: 'ctx', name: 'Billing', position: { x: 1000, y: 1000 }, size: { width: 400, height: 300 } }],
});

const byName = (nodes: DesignNode[], name: string) => nodes.find((n) => n.name === name);

testFix('own-database', {
  valid: [
    {
      name: 'two services share a database: the second gets b-db, the first owns the original',
      design: { nodes: { a: 'service', b: 'service', db: 'database' }, edges: ['a -> db', 'b -> db'] },
      rule: 'shared-database',
      changes: { nodes: { added: 1, changed: { db: ['ownerId'] } }, edges: { changed: { 'b:db': ['target'] } } },
      check: (after, result) => {
        const copy = byName(after.nodes, 'b-db') as DatabaseNode;
        expect(copy).toMatchObject({ kind: 'database', technology: 'postgres', ownerId: 'b' });
        expect(after.nodes.find((n) => n.id === 'db')).toMatchObject({ ownerId: 'a' });
        expect(after.edges.find((e) => e.id === 'b:db')).toMatchObject({ source: 'b', target: copy.id, access: 'read-write' });
        expect(result.select).toEqual({ nodes: [copy.id], edges: ['b:db'] });
      },
    },
    {
      name: 'a shared cache with a declared owner: every other user gets its own cache',
      design: {
        nodes: { a: 'service', b: 'service', c: 'service', k: ['cache', { ownerId: 'b', technology: 'memcached' }] },
        edges: ['a -> k', 'b -> k', 'c -> k', ['c -> k', { id: 'c:k:again', access: 'read' }]],
      },
      rule: 'shared-database',
      changes: { nodes: { added: 2 }, edges: { changed: { 'a:k': ['target'], 'c:k': ['target'], 'c:k:again': ['target'] } } },
      check: (after) => {
        expect(byName(after.nodes, 'a-cache')).toMatchObject({ kind: 'cache', technology: 'memcached', ownerId: 'a' });
        const c = byName(after.nodes, 'c-cache')!;
        expect(after.edges.filter((e) => e.target === c.id).map((e) => e.id)).toEqual(['c:k', 'c:k:again']);
      },
    },
    {
      name: 'a service in a bounded context gets its database in the same context, next to it',
      design: grouped,
      rule: 'shared-database',
      changes: { nodes: { added: 1, changed: { db: ['ownerId'] } }, edges: { changed: { 'b:db': ['target'] } } },
      check: (after) => {
        const copy = byName(after.nodes, 'b-db')!;
        expect(copy).toMatchObject({ parentId: 'ctx', technology: 'mongodb' });
        expect(Math.abs(copy.position.x - 40) + Math.abs(copy.position.y - 40)).toBeLessThan(600);
      },
    },
    {
      name: 'names stay unique',
      design: { nodes: { a: 'service', b: 'service', db: 'database', taken: ['cache', { name: 'b-db' }] }, edges: ['a -> db', 'b -> db', 'a -> taken'] },
      rule: 'shared-database',
      changes: { nodes: { added: 1, changed: { db: ['ownerId'] } }, edges: { changed: { 'b:db': ['target'] } } },
      check: (after) => expect(byName(after.nodes, 'b-db-2')).toMatchObject({ ownerId: 'b' }),
    },
  ],
  invalid: [
    { name: 'one user only', design: { nodes: { a: 'service', db: 'database' }, edges: ['a -> db'] }, finding: { targets: ['db'] }, error: /nothing to split/ },
    { name: 'not a store', design: { nodes: { a: 'service' } }, finding: { targets: ['a'] }, error: /no database/ },
  ],
});
