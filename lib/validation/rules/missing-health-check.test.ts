import rule from './missing-health-check';
import { testRule } from '../test-utils';

testRule(rule, {
  valid: [{ name: 'both checks (the default)', design: { nodes: { a: 'service' } } }],
  invalid: [
    {
      name: 'no liveness',
      design: { nodes: { a: ['service', { healthCheck: { liveness: false, readiness: true } }] } },
      findings: [{ targets: ['a'], message: /no liveness check: a hung instance/, fixes: ['add-health-check'] }],
    },
    {
      name: 'neither',
      design: { nodes: { a: ['service', { healthCheck: { liveness: false, readiness: false } }], b: ['service', { healthCheck: { liveness: true, readiness: false } }] } },
      findings: [{ targets: ['a'], message: /liveness or readiness/ }, { targets: ['b'], message: /no readiness check: traffic/ }],
    },
  ],
});
