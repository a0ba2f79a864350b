import rule from './integration-service-per-external';
import { testRule } from '../test-utils';

testRule(rule, {
  valid: [
    { name: 'one integration service each', design: { nodes: { a: 'service', b: 'service', x: 'external', y: 'external' }, edges: ['a -> x', 'b -> y', 'a -> x'] } },
  ],
  invalid: [
    {
      name: 'two services call one external system',
      design: { nodes: { a: 'service', b: 'service', stripe: 'external' }, edges: ['a -> stripe', 'b -> stripe'] },
      findings: [{ targets: ['stripe', 'a', 'b'], message: /stripe is called by 2 services/, fixes: ['insert-integration-service'] }],
    },
    {
      name: 'one service integrates two systems',
      design: { nodes: { a: 'service', x: 'external', y: 'external' }, edges: ['a -> x', 'a -> y'] },
      findings: [{ targets: ['a', 'x', 'y'], message: /integrates 2 external systems/ }],
    },
  ],
});
