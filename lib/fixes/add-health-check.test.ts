import { expect } from 'vitest';
import { testFix } from './test-utils';

testFix('add-health-check', {
  valid: [
    {
      name: 'a service without readiness gets both checks',
      design: { nodes: { a: ['service', { healthCheck: { liveness: true, readiness: false } }], b: 'service' } },
      rule: 'missing-health-check',
      changes: { nodes: { changed: { a: ['healthCheck'] } } },
      check: (after) => expect(after.nodes[0]).toMatchObject({ healthCheck: { liveness: true, readiness: true } }),
    },
  ],
  invalid: [{ name: 'no service named', design: { nodes: { d: 'database' } }, finding: { targets: ['d'] }, error: /no service/ }],
});
