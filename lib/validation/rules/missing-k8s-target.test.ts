import rule from './missing-k8s-target';
import { testRule } from '../test-utils';

testRule(rule, {
  valid: [
    { name: 'k8s among the targets (the default)', design: { nodes: { a: 'service' } } },
    { name: 'no services', design: { settings: { targets: ['compose'] } } },
  ],
  invalid: [{ name: 'compose only', design: { nodes: { a: 'service' }, settings: { targets: ['compose'] } }, findings: [{ targets: [], fixes: ['add-k8s-target'] }] }],
});
