import { expect } from 'vitest';
import { testFix } from './test-utils';

testFix('enable-service-mesh', {
  valid: [
    {
      name: 'the design moves to a mesh; edges are untouched',
      design: { nodes: { a: 'service', b: 'service' }, edges: ['a -> b'] },
      rule: 'plaintext-service-traffic',
      changes: { settings: ['serviceMesh'] },
      check: (after) => expect(after.settings.serviceMesh).toBe(true),
    },
  ],
  invalid: [{ name: 'already on a mesh', design: { nodes: { a: 'service' }, settings: { serviceMesh: true } }, finding: { targets: [] }, error: /already/ }],
});
