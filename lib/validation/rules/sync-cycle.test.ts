import rule from './sync-cycle';
import { testRule } from '../test-utils';

testRule(rule, {
  valid: [
    { name: 'a chain', design: { nodes: { a: 'service', b: 'service', c: 'service' }, edges: ['a -> b', 'b -> c'] } },
    { name: 'a self-call is not a distributed monolith', design: { nodes: { a: 'service' }, edges: ['a -> a'] } },
    { name: 'async loops are fine', design: { nodes: { a: 'service', b: 'service', q: 'broker' }, edges: ['a -> q', 'q -> b', 'b -> q', 'q -> a'] } },
  ],
  invalid: [
    {
      name: 'two services calling each other',
      design: { nodes: { a: 'service', b: 'service' }, edges: ['a -> b', 'b -> a'] },
      findings: [{ targets: ['a', 'b', 'a:b', 'b:a'], severity: 'error', message: /2 nodes call each other/, fixes: ['call-to-event'] }],
    },
    {
      name: 'two separate cycles',
      design: { nodes: { a: 'service', b: 'service', c: 'service', x: 'service', y: 'service' }, edges: ['a -> b', 'b -> c', 'c -> a', 'x -> y', 'y -> x', 'c -> x'] },
      findings: [{ targets: ['a', 'b', 'c', 'a:b', 'b:c', 'c:a'] }, { targets: ['x', 'y', 'x:y', 'y:x'] }],
    },
  ],
});
