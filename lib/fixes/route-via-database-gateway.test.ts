import { expect } from 'vitest';
import { testFix } from './test-utils';

const edg = { profile: 'event-driven-gateway' } as const;

testFix('route-via-database-gateway', {
  valid: [
    {
      name: 'the service sends requests to db-service over the broker; the gateway gets the access',
      design: {
        nodes: { orders: 'service', 'db-service': 'service', db: ['database', { ownerId: 'db-service' }], q: 'broker' },
        edges: [['orders -> db', { access: 'write' }], 'db-service -> db', ['orders -> q', { topic: 'orders', event: 'OrderPlaced' }], ['q -> db-service', { topic: 'orders', event: 'OrderPlaced' }]],
        settings: edg,
      },
      rule: 'database-via-gateway',
      changes: { edges: { added: 2, removed: ['orders:db'] }, events: { added: 1 } },
      check: (after) => {
        expect(after.edges.filter((e) => e.kind === 'data')).toMatchObject([{ source: 'db-service', target: 'db', access: 'read-write' }]);
        expect(after.edges.slice(-2)).toMatchObject([
          { kind: 'publish', source: 'orders', target: 'q', topic: 'orders', event: 'DbRequested' },
          { kind: 'subscribe', source: 'q', target: 'db-service', topic: 'orders', event: 'DbRequested' },
        ]);
      },
    },
    {
      name: 'a gateway without access to that store gets a data edge; a new broker carries the requests',
      design: {
        nodes: { orders: 'service', 'db-service': 'service', db: 'database', other: 'database' },
        edges: [['orders -> db', { access: 'read' }], 'db-service -> other'],
        settings: edg,
      },
      rule: 'database-via-gateway',
      changes: { nodes: { added: 1 }, edges: { added: 3, removed: ['orders:db'] }, events: { added: 1 } },
      check: (after, result) => {
        expect(after.edges.find((e) => e.kind === 'data' && e.target === 'db')).toMatchObject({ source: 'db-service', access: 'read' });
        const broker = after.nodes.find((n) => n.kind === 'broker')!;
        expect(broker).toMatchObject({ technology: 'rabbitmq', topics: [{ name: 'orders' }] });
        expect(result.select?.nodes).toEqual([broker.id]);
      },
    },
    {
      name: 'a configured gateway is used, with a call where calls are allowed',
      design: {
        nodes: { orders: 'service', store: 'service', db: 'database' },
        edges: ['orders -> db', 'store -> db'],
        settings: { rules: { 'database-via-gateway': { severity: 'error', options: { gatewayService: 'store' } } } },
      },
      rule: 'database-via-gateway',
      changes: { edges: { added: 1, removed: ['orders:db'] } },
      check: (after) => expect(after.edges.find((e) => e.kind === 'call')).toMatchObject({ source: 'orders', target: 'store' }),
    },
  ],
  invalid: [
    { name: 'the gateway’s own access', design: { nodes: { 'db-service': 'service', db: 'database' }, edges: ['db-service -> db'], settings: edg }, finding: { targets: ['db-service:db'] }, error: /no database access outside/ },
    { name: 'no data service at all', design: { nodes: { a: 'service' }, settings: edg }, finding: { targets: ['a'] }, error: /no database-gateway/ },
  ],
});
