import rule from './chatty-services';
import { testRule } from '../test-utils';

const ops = (n: number) => Array.from({ length: n }, (_, i) => ({ method: 'GET', path: `/r${i}` }));

testRule(rule, {
  valid: [
    { name: 'one call each way', design: { nodes: { a: 'service', b: 'service' }, edges: ['a -> b', 'b -> a'] } },
    { name: 'coarse operations', design: { nodes: { a: 'service', b: 'service' }, edges: [['a -> b', { operations: ops(6) }]] } },
    { name: 'gateway fan-out is not chatter', design: { nodes: { gw: 'gateway', a: 'service' }, edges: [['gw -> a', { callsPerRequest: 10 }]] } },
  ],
  invalid: [
    {
      name: 'N+1 calls per request',
      design: { nodes: { a: 'service', b: 'service' }, edges: [['a -> b', { callsPerRequest: 5 }]] },
      findings: [{ targets: ['a:b', 'a', 'b'], message: /5 calls per request/, fixes: ['call-to-event', 'merge-services'] }],
    },
    {
      name: 'many operations across both directions',
      design: { nodes: { a: 'service', b: 'service' }, edges: [['a -> b', { operations: ops(4) }], ['b -> a', { operations: ops(3) }]] },
      findings: [{ targets: ['a:b', 'a', 'b', 'b:a'], message: /7 different operations/ }],
    },
  ],
});
