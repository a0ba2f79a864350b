import { expect } from 'vitest';
import { testFix } from './test-utils';

testFix('enable-consumer-dedupe', {
  valid: [
    {
      name: 'a consumer without deduplication gets it',
      design: { nodes: { a: 'service', q: 'broker', b: 'service' }, edges: ['a -> q', ['q -> b', { dedupe: false }]] },
      rule: 'non-idempotent-retry',
      changes: { edges: { changed: { 'q:b': ['dedupe'] } } },
      check: (after) => expect(after.edges[1]).toMatchObject({ dedupe: true }),
    },
  ],
  invalid: [
    { name: 'a call is not a subscription', design: { nodes: { a: 'service', b: 'service' }, edges: ['a -> b'] }, finding: { targets: ['a:b'] }, error: /no subscription/ },
  ],
});
