import rule from './replicas-below-ha';
import { testRule } from '../test-utils';

testRule(rule, {
  valid: [
    { name: 'two replicas (the default)', design: { nodes: { a: 'service' } } },
    { name: 'threshold lowered', design: { nodes: { a: ['service', { replicas: 1 }] } }, options: { minReplicas: 1 } },
  ],
  invalid: [
    {
      name: 'one replica',
      design: { nodes: { a: ['service', { replicas: 1 }], b: ['service', { replicas: 0 }] } },
      findings: [{ targets: ['a'], message: /runs 1 replica:/, fixes: ['set-min-replicas'] }, { targets: ['b'], message: /0 replicas/ }],
    },
  ],
});
