import rule from './nanoservice';
import { testRule } from '../test-utils';

testRule(rule, {
  valid: [
    {
      name: 'services with data of their own',
      design: { nodes: { a: 'service', b: 'service', 'a-db': 'database', 'b-db': 'database' }, edges: ['a -> b', 'a -> a-db', 'b -> b-db'] },
    },
    { name: 'two neighbours', design: { nodes: { a: 'service', b: 'service', c: 'service', db: 'database' }, edges: ['b -> a', 'a -> c', 'b -> db', 'c -> db'] } },
    { name: 'an isolated service', design: { nodes: { a: 'service' } } },
    { name: 'declared owner of a store counts as data', design: { nodes: { a: 'service', b: 'service', db: ['database', { ownerId: 'b' }] }, edges: ['a -> b', 'a -> db'] } },
  ],
  invalid: [
    {
      name: 'one caller and no data',
      design: { nodes: { a: 'service', b: 'service', db: 'database' }, edges: ['a -> b', 'a -> db', 'a -> b'] },
      findings: [{ targets: ['b', 'a'], message: /b only talks to a/, fixes: ['merge-services'] }],
    },
    {
      name: 'one neighbour through events',
      design: { nodes: { a: 'service', b: 'service', bus: 'broker', db: 'database' }, edges: ['a -> bus', 'bus -> b', 'a -> db'] },
      findings: [{ targets: ['b', 'a'] }],
    },
  ],
});
