import rule from './god-service';
import { testRule, type DesignSpec } from '../test-utils';

// g is called by five services and calls four: both fan-in and fan-out are outliers.
const hub: DesignSpec = {
  nodes: Object.fromEntries(['g', 'c1', 'c2', 'c3', 'c4', 'c5', 'd1', 'd2', 'd3', 'd4'].map((id) => [id, 'service' as const])),
  edges: ['c1 -> g', 'c2 -> g', 'c3 -> g', 'c4 -> g', 'c5 -> g', 'g -> d1', 'g -> d2', 'g -> d3', 'g -> d4'],
};

testRule(rule, {
  valid: [
    {
      name: 'high fan-in alone (a shared core service)',
      design: { nodes: { core: 'service', a: 'service', b: 'service', c: 'service', d: 'service', e: 'service' }, edges: ['a -> core', 'b -> core', 'c -> core', 'd -> core', 'e -> core'] },
    },
    { name: 'hub below minDegree', design: hub, options: { minDegree: 6 } },
    { name: 'two stores', design: { nodes: { s: 'service', d1: ['database', { ownerId: 's' }], d2: 'database' }, edges: ['s -> d2'] } },
    { name: 'caches do not count by default', design: { nodes: { s: 'service', d1: 'database', d2: 'database', k: 'cache' }, edges: ['s -> d1', 's -> d2', 's -> k'] } },
  ],
  invalid: [
    { name: 'fan-in and fan-out outlier', design: hub, findings: [{ targets: ['g'], message: /g is called by 5 services and calls 4/ }] },
    {
      name: 'three declared and inferred stores',
      design: { nodes: { s: 'service', t: 'service', d1: ['database', { ownerId: 's' }], d2: 'database', d3: 'database', shared: 'database' }, edges: ['s -> d2', 's -> d3', 's -> shared', 't -> shared'] },
      findings: [{ targets: ['s', 'd1', 'd2', 'd3'], message: /owns 3 datastores/ }],
    },
  ],
});
