import { expect } from 'vitest';
import { testFix } from './test-utils';

testFix('set-min-replicas', {
  valid: [
    {
      name: 'one replica becomes two',
      design: { nodes: { a: ['service', { replicas: 1 }], b: 'service' }, settings: { profile: 'grpc-kafka' } },
      rule: 'replicas-below-ha',
      changes: { nodes: { changed: { a: ['replicas'] } } },
      check: (after) => expect(after.nodes[0]).toMatchObject({ replicas: 2 }),
    },
    {
      name: 'a configured minimum is honoured',
      design: { nodes: { a: ['service', { replicas: 2 }], b: ['service', { replicas: 3 }] }, settings: { profile: 'grpc-kafka', rules: { 'replicas-below-ha': { options: { minReplicas: 3 } } } } },
      rule: 'replicas-below-ha',
      changes: { nodes: { changed: { a: ['replicas'] } } },
      check: (after) => expect(after.nodes[0]).toMatchObject({ replicas: 3 }),
    },
  ],
  invalid: [{ name: 'no service named', design: { nodes: { a: 'service' } }, finding: { targets: [] }, error: /no service/ }],
});
