import { describe, expect, it } from 'vitest';
import { testFix } from './test-utils';
import { grpcMethodFor } from './use-grpc';

describe('grpcMethodFor', () => {
  it.each([
    ['POST', '/orders', 'orders', 'orders.v1.OrdersService/CreateOrders'],
    ['GET', '/orders/{id}', 'order-api', 'order_api.v1.OrderApiService/GetOrders'],
    ['GET', '/orders', 'orders', 'orders.v1.OrdersService/ListOrders'],
    ['DELETE', '/', 'user-service', 'user_service.v1.UserService/DeleteResource'],
  ] as const)('%s %s on %s', (method, path, service, want) => {
    expect(grpcMethodFor({ method, path }, service)).toBe(want);
  });
});

testFix('use-grpc', {
  valid: [
    {
      name: 'a REST call between services becomes gRPC with versioned method names',
      design: {
        nodes: { a: 'service', b: 'service' },
        edges: [['a -> b', { operations: [{ method: 'GET', path: '/items/{id}' }, { method: 'POST', path: 'b.v2.BService/Put' }] }]],
        settings: { profile: 'grpc-kafka' },
      },
      rule: 'non-grpc-sync-call',
      changes: { edges: { changed: { 'a:b': ['operations', 'protocol'] } } },
      check: (after) =>
        expect(after.edges[0]).toMatchObject({
          protocol: 'grpc',
          operations: [
            { method: 'GET', path: 'b.v1.BService/GetItems' },
            { method: 'POST', path: 'b.v2.BService/Put' },
          ],
        }),
    },
    {
      name: 'a call without operations only changes protocol',
      design: { nodes: { a: 'service', b: 'service' }, edges: [['a -> b', { protocol: 'graphql' }]], settings: { profile: 'grpc-kafka' } },
      rule: 'non-grpc-sync-call',
      changes: { edges: { changed: { 'a:b': ['protocol'] } } },
    },
  ],
  invalid: [{ name: 'no call named', design: { nodes: { a: 'service' } }, finding: { targets: ['a'] }, error: /no call/ }],
});
