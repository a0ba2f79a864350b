import rule from './missing-circuit-breaker';
import { testRule } from '../test-utils';

testRule(rule, {
  valid: [
    { name: 'breaker on', design: { nodes: { a: 'service', b: 'service' }, edges: ['a -> b'] } },
    { name: 'calls to non-service targets', design: { nodes: { a: 'service', d: 'database' }, edges: [['a -call-> d', { circuitBreaker: undefined }]] } },
    { name: 'client calls', design: { nodes: { web: 'client', a: 'service' }, edges: [['web -> a', { circuitBreaker: undefined }]] } },
  ],
  invalid: [
    {
      name: 'no breaker to a service',
      design: { nodes: { a: 'service', b: 'service' }, edges: [['a -> b', { circuitBreaker: undefined }]] },
      findings: [{ targets: ['a:b', 'a', 'b'], severity: 'warning', fixes: ['add-circuit-breaker'] }],
    },
    {
      name: 'disabled breaker to an external system',
      design: { nodes: { a: 'service', stripe: 'external' }, edges: [['a -> stripe', { circuitBreaker: { enabled: false } }]] },
      findings: [{ targets: ['a:stripe', 'a', 'stripe'], message: /stripe fails/ }],
    },
  ],
});
