import { expect } from 'vitest';
import { testFix } from './test-utils';

testFix('use-kafka', {
  valid: [
    {
      name: 'a RabbitMQ broker moves to Kafka',
      design: { nodes: { a: 'service', q: ['broker', { technology: 'rabbitmq', topics: [{ name: 'a' }] }], b: 'service' }, edges: [['a -> q', { topic: 'a' }], ['q -> b', { topic: 'a' }]], settings: { profile: 'grpc-kafka' } },
      rule: 'non-kafka-async',
      changes: { nodes: { changed: { q: ['technology'] } } },
      check: (after) => expect(after.nodes[1]).toMatchObject({ technology: 'kafka', topics: [{ name: 'a' }] }),
    },
  ],
  invalid: [{ name: 'no broker named', design: { nodes: { a: 'service' } }, finding: { targets: ['a'] }, error: /no broker/ }],
});
