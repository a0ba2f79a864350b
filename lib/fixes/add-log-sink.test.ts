import { expect } from 'vitest';
import { testFix } from './test-utils';

testFix('add-log-sink', {
  valid: [
    {
      name: 'adds Loki beside the design',
      design: { nodes: { a: 'service', b: 'service', j: ['observability', { technology: 'jaeger' }] } },
      rule: 'no-structured-logging',
      changes: { nodes: { added: 1 } },
      check: (after) => expect(after.nodes[3]).toMatchObject({ kind: 'observability', technology: 'loki', name: 'loki', signals: { logs: true } }),
    },
    {
      name: 'an existing collector with logs off collects logs',
      design: { nodes: { a: 'service', b: 'service', o: ['observability', { signals: { traces: true, metrics: true, logs: false } }] } },
      rule: 'no-structured-logging',
      changes: { nodes: { changed: { o: ['signals'] } } },
    },
  ],
  invalid: [{ name: 'a log sink exists', design: { nodes: { a: 'service', o: 'observability' } }, finding: { targets: [] }, error: /already/ }],
});
