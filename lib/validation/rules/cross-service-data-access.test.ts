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
    {
      // Regression: message endings were cached under store index * 4 + access bits (32/64),
      // so a write to the store at index 2 and a read of the store at index 10 shared one key.
      name: 'each finding names its own store and access, whatever their design positions',
      design: {
        nodes: {
          a: 'service',
          b: 'service',
          db1: ['database', { ownerId: 'a' }],
          s3: 'service', s4: 'service', s5: 'service', s6: 'service', s7: 'service', s8: 'service', s9: 'service',
          db2: ['database', { ownerId: 'a' }],
        },
        edges: [['b -> db1', { access: 'write' }], ['b -> db2', { access: 'read' }]],
      },
      findings: [
        { targets: ['b:db1', 'b', 'db1'], message: /^b writes to db1, which a owns/ },
        { targets: ['b:db2', 'b', 'db2'], message: /^b reads db2, which a owns/ },
      ],
    },
  ],
});
