import rule from './errors-to-notification';
import { testRule } from '../test-utils';

const nodes = { a: 'service', b: 'service', notifications: 'service', q: 'broker' } as const;

testRule(rule, {
  valid: [
    {
      name: 'everyone publishes to what notifications consumes',
      design: { nodes, edges: [['a -> q', { topic: 'errors', event: 'AError' }], ['b -> q', { topic: 'errors', event: 'BError' }], ['q -> notifications', { topic: 'errors', event: 'AError' }]] },
    },
    { name: 'no services', design: { nodes: { q: 'broker' } } },
  ],
  invalid: [
    { name: 'no notification service', design: { nodes: { a: 'service' } }, findings: [{ targets: [], message: /No notification service/ }] },
    {
      name: 'a service that reports nothing',
      design: { nodes, edges: [['a -> q', { topic: 'errors' }], ['q -> notifications', { topic: 'errors' }], ['b -> q', { topic: 'orders', event: 'X' }]] },
      findings: [{ targets: ['b'], message: /b publishes nothing the notification service \(notifications\)/, fixes: ['publish-errors'] }],
    },
    {
      name: 'configured notification service',
      design: { nodes: { a: 'service', alerts: 'service' } },
      options: { notificationService: 'alerts' },
      findings: [{ targets: ['a'] }],
    },
  ],
});
