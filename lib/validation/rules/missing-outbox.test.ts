import rule from './missing-outbox';
import { testRule } from '../test-utils';

const nodes = { a: 'service', k: ['broker', { technology: 'kafka' }], db: 'database' } as const;

testRule(rule, {
  valid: [
    { name: 'with an outbox', design: { nodes, edges: ['a -> db', ['a -> k', { outbox: true }]] } },
    { name: 'no database write, no dual write', design: { nodes, edges: [['a -> db', { access: 'read' }], 'a -> k'] } },
  ],
  invalid: [
    {
      name: 'write and publish without outbox',
      design: { nodes, edges: ['a -> db', ['a -> k', { event: 'OrderPlaced' }]] },
      findings: [{ targets: ['a:k', 'a', 'k'], message: /publishes OrderPlaced v1 without an outbox/, fixes: ['enable-outbox'] }],
    },
  ],
});
