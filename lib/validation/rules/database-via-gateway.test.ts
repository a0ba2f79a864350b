import rule from './database-via-gateway';
import { testRule } from '../test-utils';

testRule(rule, {
  valid: [
    { name: 'one service reaches the database', design: { nodes: { 'db-service': 'service', a: 'service', pg: 'database' }, edges: ['db-service -> pg'] } },
    { name: 'caches are exempt by default', design: { nodes: { 'db-service': 'service', a: 'service', pg: 'database', k: 'cache' }, edges: ['db-service -> pg', 'a -> k'] } },
  ],
  invalid: [
    {
      name: 'another service reaches the database',
      design: { nodes: { a: 'service', 'db-service': 'service', pg: 'database', other: 'database' }, edges: ['a -> pg', 'db-service -> pg', 'db-service -> other'] },
      findings: [{ targets: ['a:pg', 'a', 'pg'], message: /only the database gateway \(db-service\)/, fixes: ['route-via-database-gateway'] }],
    },
    {
      name: 'without a db-like name the busiest accessor is the gateway',
      design: { nodes: { a: 'service', store: 'service', pg: 'database', other: 'database' }, edges: ['a -> pg', 'store -> pg', 'store -> other'] },
      findings: [{ targets: ['a:pg', 'a', 'pg'] }],
    },
    {
      name: 'configured gateway',
      design: { nodes: { a: 'service', 'db-service': 'service', pg: 'database' }, edges: ['db-service -> pg'] },
      options: { gatewayService: 'a' },
      findings: [{ targets: ['db-service:pg', 'db-service', 'pg'] }],
    },
  ],
});
