import rule from './no-structured-logging';
import { testRule } from '../test-utils';

testRule(rule, {
  valid: [
    { name: 'JSON logs and a log sink', design: { nodes: { a: 'service', b: 'service', loki: ['observability', { technology: 'loki' }] } } },
    { name: 'one service needs no sink', design: { nodes: { a: 'service' } } },
  ],
  invalid: [
    {
      name: 'text and no logs',
      design: { nodes: { a: ['service', { logging: 'text' }], b: ['service', { logging: 'none' }], otel: 'observability' } },
      findings: [
        { targets: ['a'], message: /plain text/, fixes: ['enable-json-logging'] },
        { targets: ['b'], message: /does not log/ },
      ],
    },
    { name: 'no log sink', design: { nodes: { a: 'service', b: 'service', j: ['observability', { technology: 'jaeger' }] } }, findings: [{ targets: [], fixes: ['add-log-sink'] }] },
  ],
});
