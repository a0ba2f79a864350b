import rule from './no-api-gateway';
import { testRule } from '../test-utils';

testRule(rule, {
  valid: [
    { name: 'through a gateway', design: { nodes: { web: 'client', gw: 'gateway', a: 'service' }, edges: ['web -> gw', 'gw -> a'] } },
    { name: 'client calls an external system', design: { nodes: { web: 'client', cdn: 'external' }, edges: ['web -> cdn'] } },
  ],
  invalid: [
    {
      name: 'client calls two services',
      design: { nodes: { web: 'client', a: 'service', b: 'service' }, edges: ['web -> a', 'web -> b', 'web -> a'] },
      findings: [{ targets: ['web', 'web:a', 'web:b', 'web:a:2', 'a', 'b'], message: /Client web calls a, b directly/, fixes: ['insert-gateway'] }],
    },
  ],
});
