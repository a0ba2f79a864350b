import { expect } from 'vitest';
import { testFix } from './test-utils';

testFix('enable-outbox', {
  valid: [
    {
      name: 'a service that writes its database publishes through an outbox',
      design: {
        nodes: { a: ['service', {}], db: ['database', { ownerId: 'a' }], q: 'broker', b: 'service' },
        edges: ['a -> db', 'a -> q', 'q -> b'],
        settings: { profile: 'grpc-kafka' },
      },
      rule: 'missing-outbox',
      changes: { edges: { changed: { 'a:q': ['outbox'] } } },
      check: (after) => expect(after.edges[1]).toMatchObject({ outbox: true }),
    },
  ],
  invalid: [{ name: 'no publication named', design: { nodes: { a: 'service' } }, finding: { targets: ['a'] }, error: /no publication/ }],
});
