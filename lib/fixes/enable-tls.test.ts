import { expect } from 'vitest';
import { testFix } from './test-utils';

testFix('enable-tls', {
  valid: [
    {
      name: 'a plaintext call between services is encrypted',
      design: { nodes: { a: 'service', b: 'service' }, edges: ['a -> b', 'b -> a'] },
      rule: 'plaintext-service-traffic',
      primary: 'b:a',
      changes: { edges: { changed: { 'b:a': ['tls'] } } },
      check: (after) => expect(after.edges.map((e) => (e as { tls: boolean }).tls)).toEqual([false, true]),
    },
  ],
  invalid: [{ name: 'no call named', design: { nodes: { a: 'service' } }, finding: { targets: ['a'] }, error: /no call/ }],
});
