import rule from './no-direct-service-calls';
import { testRule } from '../test-utils';

testRule(rule, {
  valid: [
    { name: 'through the bus', design: { nodes: { a: 'service', b: 'service', q: 'broker' }, edges: ['a -> q', 'q -> b'] } },
    { name: 'gateway and external calls', design: { nodes: { gw: 'gateway', a: 'service', x: 'external' }, edges: ['gw -> a', 'a -> x'] } },
    { name: 'a self-call', design: { nodes: { a: 'service' }, edges: ['a -> a'] } },
  ],
  invalid: [
    {
      name: 'service calls service',
      design: { nodes: { a: 'service', b: 'service' }, edges: ['a -> b'] },
      findings: [{ targets: ['a:b', 'a', 'b'], severity: 'error', fixes: ['call-to-event'] }],
    },
  ],
});
