import { expect } from 'vitest';
import { testFix } from './test-utils';

const sink = ['observability', { technology: 'jaeger' }] as const;

testFix('enable-tracing', {
  valid: [
    {
      name: 'a service with tracing off turns it on',
      design: { nodes: { a: ['service', { tracing: false }], b: ['service', { tracing: false }], o: sink } },
      rule: 'no-distributed-tracing',
      primary: 'b',
      changes: { nodes: { changed: { b: ['tracing'] } } },
      check: (after) => expect(after.nodes.map((n) => (n as { tracing?: boolean }).tracing)).toEqual([false, true, undefined]),
    },
  ],
  invalid: [{ name: 'no service at all', design: { nodes: { d: 'database' } }, finding: { targets: [] }, error: /no service/ }],
});
