import rule from './shared-database';
import { testRule } from '../test-utils';

testRule(rule, {
  valid: [
    { name: 'database per service', design: { nodes: { a: 'service', b: 'service', da: 'database', db: 'database' }, edges: ['a -> da', 'b -> db'] } },
    { name: 'one service, several edges', design: { nodes: { a: 'service', db: 'database' }, edges: ['a -> db', ['a -> db', { access: 'read' }]] } },
    { name: 'shared cache ignored when configured', design: { nodes: { a: 'service', b: 'service', k: 'cache' }, edges: ['a -> k', 'b -> k'] }, options: { includeCaches: false } },
  ],
  invalid: [
    {
      name: 'two services on one database',
      design: { nodes: { a: 'service', b: 'service', db: 'database' }, edges: ['a -> db', 'b -> db'] },
      findings: [{ targets: ['db', 'a', 'b', 'a:db', 'b:db'], severity: 'error', message: /Database db is used by 2 services \(a, b\)/, fixes: ['own-database'] }],
    },
    {
      name: 'a shared cache is one step milder',
      design: { nodes: { a: 'service', b: 'service', k: 'cache' }, edges: ['a -> k', 'b -> k'] },
      findings: [{ primary: 'k', severity: 'warning', message: /Cache k/ }],
    },
  ],
});
