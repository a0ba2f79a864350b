import { expect } from 'vitest';
import { testFix } from './test-utils';

testFix('make-stateless', {
  valid: [
    {
      name: 'a stateful service is marked stateless',
      design: { nodes: { a: ['service', { stateless: false }], b: 'service' }, settings: { profile: 'grpc-kafka' } },
      rule: 'stateful-service',
      changes: { nodes: { changed: { a: ['stateless'] } } },
      check: (after) => expect(after.nodes[0]).toMatchObject({ stateless: true }),
    },
  ],
  invalid: [{ name: 'no service named', design: { nodes: { a: 'service' } }, finding: { targets: [] }, error: /no service/ }],
});
