import rule from './missing-timeout';
import { testRule } from '../test-utils';

const base = { a: 'service', b: 'service' } as const;

testRule(rule, {
  valid: [
    { name: 'call with a timeout', design: { nodes: base, edges: ['a -> b'] } },
    { name: 'clients are outside the generated code', design: { nodes: { web: 'client', gw: 'gateway' }, edges: [['web -> gw', { timeoutMs: undefined }]] } },
    { name: 'no upper bound when maxTimeoutMs is 0', design: { nodes: base, edges: [['a -> b', { timeoutMs: 600_000 }]] }, options: { maxTimeoutMs: 0 } },
  ],
  invalid: [
    {
      name: 'service call without timeout',
      design: { nodes: base, edges: [['a -> b', { timeoutMs: undefined }]] },
      findings: [{ targets: ['a:b', 'a', 'b'], severity: 'error', message: /a → b has no timeout/, fixes: ['add-timeout'] }],
    },
    {
      name: 'gateway call without timeout',
      design: { nodes: { gw: 'gateway', a: 'service' }, edges: [['gw -> a', { timeoutMs: undefined }]] },
      findings: [{ primary: 'gw:a' }],
    },
    { name: 'a timeout too long to matter', design: { nodes: base, edges: [['a -> b', { timeoutMs: 60_000 }]] }, findings: [{ message: /60000 ms/ }] },
  ],
});
