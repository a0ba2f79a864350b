import rule from './non-idempotent-retry';
import { testRule } from '../test-utils';

const post = { method: 'POST', path: '/orders' };

testRule(rule, {
  valid: [
    { name: 'retried POST with an idempotency key', design: { nodes: { a: 'service', b: 'service' }, edges: [['a -> b', { operations: [post], idempotencyKey: true }]] } },
    { name: 'POST without retries', design: { nodes: { a: 'service', b: 'service' }, edges: [['a -> b', { operations: [post], retries: 0 }]] } },
    { name: 'PUT and GET are idempotent', design: { nodes: { a: 'service', b: 'service' }, edges: [['a -> b', { operations: [{ method: 'PUT', path: '/x' }, { method: 'GET', path: '/y' }] }]] } },
    { name: 'unknown operations', design: { nodes: { a: 'service', b: 'service' }, edges: ['a -> b'] } },
    {
      name: 'target endpoint declared idempotent',
      design: {
        nodes: { a: 'service', b: ['service', { endpoints: [{ id: 'ep', method: 'POST', path: '/orders', idempotent: true }] }] },
        edges: [['a -> b', { operations: [post] }]],
      },
    },
    { name: 'deduplicating consumer', design: { nodes: { q: 'broker', a: 'service' }, edges: ['q -> a'] } },
  ],
  invalid: [
    {
      name: 'retried POST without a key',
      design: { nodes: { a: 'service', b: 'service' }, edges: [['a -> b', { operations: [post, { method: 'GET', path: '/orders' }, { method: 'PATCH', path: '/orders/1' }] }]] },
      findings: [{ targets: ['a:b', 'a', 'b'], severity: 'error', message: /retries 2× on POST \/orders, PATCH \/orders\/1 without/, fixes: ['add-idempotency-key', 'remove-retries'] }],
    },
    {
      name: 'consumer without dedupe',
      design: { nodes: { q: 'broker', a: 'service' }, edges: [['q -> a', { dedupe: false, event: 'OrderPlaced', version: 2 }]] },
      findings: [{ targets: ['q:a', 'a', 'q'], message: /OrderPlaced v2/, fixes: ['enable-consumer-dedupe'] }],
    },
  ],
});
