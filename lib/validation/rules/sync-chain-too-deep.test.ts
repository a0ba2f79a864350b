import rule from './sync-chain-too-deep';
import { testRule } from '../test-utils';

const chain = { gw: 'gateway', a: 'service', b: 'service', c: 'service', d: 'service', e: 'service', web: 'client' } as const;

testRule(rule, {
  valid: [
    { name: '4 hops from the gateway', design: { nodes: chain, edges: ['gw -> a', 'a -> b', 'b -> c', 'c -> d'] } },
    { name: 'the client’s request is hop zero', design: { nodes: chain, edges: ['web -> gw', 'gw -> a', 'a -> b', 'b -> c', 'c -> d'] } },
    { name: 'cycles are collapsed', design: { nodes: chain, edges: ['gw -> a', 'a -> b', 'b -> a', 'b -> c', 'c -> b', 'c -> d'] } },
  ],
  invalid: [
    {
      name: '5 hops',
      design: { nodes: chain, edges: ['web -> gw', 'gw -> a', 'a -> b', 'b -> c', 'c -> d', 'd -> e'] },
      findings: [
        {
          targets: ['web', 'gw', 'a', 'b', 'c', 'd', 'e', 'web:gw', 'gw:a', 'a:b', 'b:c', 'c:d', 'd:e'],
          severity: 'warning',
          message: /5 sync hops \(web → gw → a → b → c → d → e\), more than 4/,
        },
      ],
    },
    {
      name: 'no entry points: from services nothing calls',
      design: { nodes: { a: 'service', b: 'service', c: 'service' }, edges: ['a -> b', 'b -> c'] },
      options: { maxHops: 1 },
      findings: [{ primary: 'a', message: /2 sync hops/ }],
    },
  ],
});
