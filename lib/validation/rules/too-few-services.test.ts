import rule from './too-few-services';
import { testRule } from '../test-utils';

testRule(rule, {
  valid: [
    { name: 'two services', design: { nodes: { a: 'service', b: 'service' } } },
    { name: 'an empty canvas is not a monolith yet', design: {} },
    { name: 'threshold lowered', design: { nodes: { a: 'service' } }, options: { min: 1 } },
  ],
  invalid: [
    { name: 'one service', design: { nodes: { a: 'service', db: 'database' }, edges: ['a -> db'] }, findings: [{ targets: ['a'], message: /Only 1 service \(a\)/, severity: 'info' }] },
    { name: 'no services at all', design: { nodes: { db: 'database' } }, findings: [{ targets: [], message: /no services/ }] },
    { name: 'threshold raised', design: { nodes: { a: 'service', b: 'service' } }, options: { min: 3 }, findings: [{ targets: ['a', 'b'] }] },
  ],
});
