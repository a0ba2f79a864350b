import rule from './cross-service-data-access';
import { testRule } from '../test-utils';

testRule(rule, {
  valid: [
    { name: 'the owner uses its store', design: { nodes: { a: 'service', db: ['database', { ownerId: 'a' }] }, edges: ['a -> db'] } },
    { name: 'no declared owner', design: { nodes: { a: 'service', b: 'service', db: 'database' }, edges: ['a -> db', 'b -> db'] } },
    { name: 'owner is not a node', design: { nodes: { b: 'service', db: ['database', { ownerId: 'gone' }] }, edges: ['b -> db'] } },
  ],
  invalid: [
    {
      name: 'a service reads another service’s database',
      design: { nodes: { a: 'service', b: 'service', db: ['database', { ownerId: 'a' }] }, edges: ['a -> db', ['b -> db', { access: 'read' }]] },
      findings: [{ targets: ['b:db', 'b', 'db'], message: /b reads db, which a owns/, fixes: ['route-via-owner'] }],
    },
    {
      name: 'caches have owners too',
      design: { nodes: { a: 'service', b: 'service', k: ['cache', { ownerId: 'a' }] }, edges: ['b -> k'] },
      findings: [{ targets: ['b:k', 'b', 'k'] }],
    },
  ],
});
