import rule from './high-coupling';
import { testRule } from '../test-utils';

const five = { a: 'service', b: 'service', c: 'service', d: 'service', e: 'service' } as const;
const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

testRule(rule, {
  valid: [
    { name: 'a sparse chain', design: { nodes: five, edges: ['a -> b', 'b -> c', 'c -> d', 'd -> e'] } },
    { name: 'too few services for the factor', design: { nodes: { a: 'service', b: 'service' }, edges: ['a -> b', 'b -> a'] } },
  ],
  invalid: [
    {
      name: 'meshed services',
      design: { nodes: five, edges: ['a -> b', 'a -> c', 'b -> c', 'c -> d', 'd -> e', 'e -> a', 'b -> d'] },
      findings: [{ targets: [], message: /coupling factor is 0\.35 \(7 calling pairs among 5 services\)/ }],
    },
    {
      name: 'a service depending on 7 others',
      design: { nodes: { a: 'service', ...Object.fromEntries(many('s', 7).map((id) => [id, 'service' as const])) }, edges: many('s', 7).map((id) => `a -> ${id}`) },
      findings: [{ targets: ['a'], message: /a depends on 7 services \(ADS/ }],
    },
    {
      name: '11 services depending on one',
      design: { nodes: { z: 'service', ...Object.fromEntries(many('c', 11).map((id) => [id, 'service' as const])) }, edges: many('c', 11).map((id) => `${id} -> z`) },
      findings: [{ targets: ['z'], message: /11 services depend on z \(AIS/ }],
    },
  ],
});
