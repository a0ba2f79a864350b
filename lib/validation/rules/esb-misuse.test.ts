import rule from './esb-misuse';
import { testRule } from '../test-utils';

const hubNodes = { a: 'service', b: 'service', c: 'service', h: 'service', x: 'service', y: 'service', z: 'service' } as const;
const hubEdges = ['a -> h', 'b -> h', 'c -> h', 'h -> x', 'h -> y', 'h -> z'];

testRule(rule, {
  valid: [
    { name: 'a hub that owns data is a real service', design: { nodes: { ...hubNodes, db: 'database' }, edges: [...hubEdges, 'h -> db'] } },
    { name: 'two upstream services only', design: { nodes: hubNodes, edges: ['a -> h', 'b -> h', 'h -> x', 'h -> y', 'h -> z'] } },
    { name: 'a plain broker', design: { nodes: { a: 'service', b: 'service', q: 'broker' }, edges: ['a -> q', 'q -> b'] } },
  ],
  invalid: [
    { name: 'a routing hub over calls', design: { nodes: hubNodes, edges: hubEdges }, findings: [{ targets: ['h'], message: /h receives from 3\+ services and forwards to 3\+/ }] },
    {
      name: 'a routing hub over events',
      design: {
        nodes: { ...hubNodes, q: 'broker' },
        edges: [
          ...['a', 'b', 'c'].map((s) => [`${s} -> q`, { event: 'In' }] as const),
          ['q -> h', { event: 'In' }],
          ['h -> q', { event: 'Out' }],
          ...['x', 'y', 'z'].map((s) => [`q -> ${s}`, { event: 'Out' }] as const),
        ],
      },
      findings: [{ targets: ['h'] }],
    },
    {
      name: 'a broker that calls a service',
      design: { nodes: { a: 'service', q: 'broker' }, edges: ['q -call-> a'] },
      findings: [{ targets: ['q', 'q:a'], message: /Broker q calls or writes to a/ }],
    },
  ],
});
