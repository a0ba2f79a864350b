import { expect } from 'vitest';
import { testFix } from './test-utils';

const edg = { profile: 'event-driven-gateway' } as const;

testFix('publish-errors', {
  valid: [
    {
      name: 'joins the error topic the notification service already consumes',
      design: {
        nodes: { orders: 'service', notifications: 'service', q: 'broker' },
        edges: [['q -> notifications', { topic: 'errors', event: 'Failure', version: 2 }]],
        settings: edg,
      },
      rule: 'errors-to-notification',
      changes: { edges: { added: 1 }, events: { added: 1 } },
      check: (after) => {
        expect(after.edges[1]).toMatchObject({ kind: 'publish', source: 'orders', target: 'q', topic: 'errors', event: 'Failure' });
        expect(after.events[0]).toMatchObject({ name: 'Failure', ownerId: undefined });
      },
    },
    {
      name: 'without any: adds a broker, an errors topic and the subscription',
      design: { nodes: { orders: 'service', notifications: 'service' }, settings: edg },
      rule: 'errors-to-notification',
      changes: { nodes: { added: 1 }, edges: { added: 2 }, events: { added: 1 } },
      check: (after) => {
        const broker = after.nodes[2];
        expect(broker).toMatchObject({ kind: 'broker', technology: 'rabbitmq', topics: [{ name: 'errors' }] });
        expect(after.edges).toMatchObject([
          { kind: 'publish', source: 'orders', target: broker.id, topic: 'errors', event: 'ErrorOccurred' },
          { kind: 'subscribe', source: broker.id, target: 'notifications', topic: 'errors', event: 'ErrorOccurred' },
        ]);
      },
    },
  ],
  invalid: [
    { name: 'no notification service', design: { nodes: { a: 'service', b: 'service' }, settings: edg }, finding: { targets: ['a'] }, error: /no notification service/ },
    { name: 'the notification service itself', design: { nodes: { notifications: 'service' }, settings: edg }, finding: { targets: ['notifications'] }, error: /no service/ },
  ],
});
