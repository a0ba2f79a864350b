import { expect } from 'vitest';
import { testFix } from './test-utils';

testFix('add-circuit-breaker', {
  valid: [
    {
      name: 'a call without a breaker gets the schema defaults',
      design: { nodes: { a: 'service', b: 'service' }, edges: [['a -> b', { circuitBreaker: undefined }]] },
      rule: 'missing-circuit-breaker',
      changes: { edges: { changed: { 'a:b': ['circuitBreaker'] } } },
      check: (after) => expect(after.edges[0]).toMatchObject({ circuitBreaker: { enabled: true, failureThreshold: 5, resetTimeoutMs: 30_000 } }),
    },
    {
      name: 'a disabled breaker is turned on and keeps its tuning',
      design: { nodes: { a: 'service', x: 'external' }, edges: [['a -> x', { circuitBreaker: { enabled: false, failureThreshold: 9, resetTimeoutMs: 1000 } }]] },
      rule: 'missing-circuit-breaker',
      changes: { edges: { changed: { 'a:x': ['circuitBreaker'] } } },
      check: (after) => expect(after.edges[0]).toMatchObject({ circuitBreaker: { enabled: true, failureThreshold: 9, resetTimeoutMs: 1000 } }),
    },
  ],
  invalid: [{ name: 'no call named', design: { nodes: { a: 'service' } }, finding: { targets: ['a'] }, error: /no call/ }],
});
