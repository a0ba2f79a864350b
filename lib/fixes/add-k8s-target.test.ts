import { expect } from 'vitest';
import { testFix } from './test-utils';

testFix('add-k8s-target', {
  valid: [
    {
      name: 'Kubernetes joins the targets',
      design: { nodes: { a: 'service', b: 'service' }, settings: { profile: 'grpc-kafka', targets: ['compose'] } },
      rule: 'missing-k8s-target',
      changes: { settings: ['targets'] },
      check: (after) => expect(after.settings.targets).toEqual(['compose', 'k8s']),
    },
  ],
  invalid: [{ name: 'already a target', design: { nodes: { a: 'service' } }, finding: { targets: [] }, error: /already/ }],
});
