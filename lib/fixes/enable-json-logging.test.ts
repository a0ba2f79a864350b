import { expect } from 'vitest';
import { testFix } from './test-utils';

testFix('enable-json-logging', {
  valid: [
    {
      name: 'a service logging text logs JSON',
      design: { nodes: { a: ['service', { logging: 'text' }], b: ['service', { logging: 'none' }], o: 'observability' } },
      rule: 'no-structured-logging',
      primary: 'a',
      changes: { nodes: { changed: { a: ['logging'] } } },
      check: (after) => expect(after.nodes.map((n) => (n as { logging?: string }).logging)).toEqual(['json', 'none', undefined]),
    },
  ],
  invalid: [{ name: 'no service at all', design: { nodes: { d: 'database' } }, finding: { targets: [] }, error: /no service/ }],
});
