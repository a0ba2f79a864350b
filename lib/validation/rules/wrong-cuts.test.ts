import rule from './wrong-cuts';
import { testRule } from '../test-utils';

testRule(rule, {
  valid: [
    {
      name: 'an entity service whose callers have their own data',
      design: {
        nodes: { catalog: 'service', a: 'service', b: 'service', cdb: 'database', adb: 'database', bdb: 'database' },
        edges: ['catalog -> cdb', 'a -> adb', 'b -> bdb', 'a -> catalog', 'b -> catalog'],
      },
    },
    {
      name: 'a data holder that publishes events is a capability',
      design: { nodes: { users: 'service', a: 'service', b: 'service', db: 'database', q: 'broker' }, edges: ['users -> db', 'users -> q', 'a -> users', 'b -> users'] },
    },
    { name: 'name pattern off', design: { nodes: { 'user-data': 'service', a: 'service', b: 'service', db: 'database', adb: 'database', bdb: 'database' }, edges: ['user-data -> db', 'a -> adb', 'b -> bdb', 'a -> user-data', 'b -> user-data'] }, options: { namePattern: '' } },
    { name: 'an invalid name pattern is ignored', design: { nodes: { 'user-data': 'service', a: 'service', db: 'database' }, edges: ['user-data -> db', 'a -> user-data'] }, options: { namePattern: '(' } },
  ],
  invalid: [
    {
      name: 'logic services without data call a data holder',
      design: { nodes: { users: 'service', a: 'service', b: 'service', db: 'database' }, edges: ['users -> db', 'a -> users', 'b -> users'] },
      findings: [{ targets: ['users', 'a', 'b'], message: /users only holds data for a, b/ }],
    },
    {
      name: 'named like a data layer',
      design: { nodes: { 'user-data': 'service', a: 'service', b: 'service', db: 'database', adb: 'database', bdb: 'database' }, edges: ['user-data -> db', 'a -> adb', 'b -> bdb', 'a -> user-data', 'b -> user-data'] },
      findings: [{ targets: ['user-data', 'a', 'b'] }],
    },
  ],
});
