import { expect } from 'vitest';
import { testFix } from './test-utils';

testFix('remove-retries', {
  valid: [
    {
      name: 'a retried PATCH stops retrying',
      design: { nodes: { a: 'service', b: 'service' }, edges: [['a -> b', { operations: [{ method: 'PATCH', path: '/orders/{id}' }], retries: 3 }]] },
      rule: 'non-idempotent-retry',
      changes: { edges: { changed: { 'a:b': ['retries'] } } },
      check: (after) => expect(after.edges[0]).toMatchObject({ retries: 0, idempotencyKey: false }),
    },
  ],
  invalid: [{ name: 'no call named', design: { nodes: { a: 'service' } }, finding: { targets: [] }, error: /no call/ }],
});
