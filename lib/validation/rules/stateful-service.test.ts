import rule from './stateful-service';
import { testRule } from '../test-utils';

testRule(rule, {
  valid: [{ name: 'stateless (the default)', design: { nodes: { a: 'service' } } }],
  invalid: [{ name: 'stateful', design: { nodes: { a: ['service', { stateless: false }] } }, findings: [{ targets: ['a'], fixes: ['make-stateless'] }] }],
});
