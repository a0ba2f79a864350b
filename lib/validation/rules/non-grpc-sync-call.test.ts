import rule from './non-grpc-sync-call';
import { testRule } from '../test-utils';

testRule(rule, {
  valid: [
    { name: 'gRPC', design: { nodes: { a: 'service', b: 'service' }, edges: [['a -> b', { protocol: 'grpc' }]] } },
    { name: 'REST at the edge', design: { nodes: { gw: 'gateway', a: 'service', x: 'external' }, edges: ['gw -> a', 'a -> x'] } },
  ],
  invalid: [
    {
      name: 'REST and GraphQL between services',
      design: { nodes: { a: 'service', b: 'service' }, edges: ['a -> b', ['b -> a', { protocol: 'graphql' }]] },
      findings: [{ targets: ['a:b', 'a', 'b'], message: /uses REST/, fixes: ['use-grpc'] }, { targets: ['b:a', 'b', 'a'], message: /GRAPHQL/ }],
    },
  ],
});
