import { expect } from 'vitest';
import { testFix } from './test-utils';

const POST = { operations: [{ method: 'POST', path: '/orders' }] };

testFix('add-idempotency-key', {
  valid: [
    {
      name: 'a retried POST sends an idempotency key',
      design: { nodes: { a: 'service', b: 'service' }, edges: [['a -> b', POST]] },
      rule: 'non-idempotent-retry',
      changes: { edges: { changed: { 'a:b': ['idempotencyKey'] } } },
      check: (after) => expect(after.edges[0]).toMatchObject({ idempotencyKey: true, retries: 2 }),
    },
  ],
  invalid: [{ name: 'no call named', design: { nodes: { a: 'service' } }, finding: { targets: ['a'] }, error: /no call/ }],
});
