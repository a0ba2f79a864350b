import { expect } from 'vitest';
import { testFix } from './test-utils';

testFix('enable-gateway-auth', {
  valid: [
    {
      name: 'an open gateway requires a JWT',
      design: { nodes: { c: 'client', g: ['gateway', { authentication: 'none' }], a: 'service', b: 'service' }, edges: ['c -> g', ['g -> a', { tls: true }], ['g -> b', { tls: true }]] },
      rule: 'unauthenticated-entry',
      changes: { nodes: { changed: { g: ['authentication'] } } },
      check: (after) => expect(after.nodes[1]).toMatchObject({ authentication: 'jwt' }),
    },
  ],
  invalid: [{ name: 'no gateway named', design: { nodes: { a: 'service' } }, finding: { targets: ['a'] }, error: /no gateway/ }],
});
