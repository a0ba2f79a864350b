import rule from './no-distributed-tracing';
import { testRule } from '../test-utils';

testRule(rule, {
  valid: [
    { name: 'collector and tracing on', design: { nodes: { a: 'service', b: 'service', otel: 'observability' } } },
    { name: 'jaeger', design: { nodes: { a: 'service', b: 'service', j: ['observability', { technology: 'jaeger' }] } } },
    { name: 'a single service', design: { nodes: { a: 'service' } } },
  ],
  invalid: [
    { name: 'no collector', design: { nodes: { a: 'service', b: 'service' } }, findings: [{ targets: [], fixes: ['add-tracing-sink'] }] },
    { name: 'prometheus does not take traces', design: { nodes: { a: 'service', b: 'service', p: ['observability', { technology: 'prometheus' }] } }, findings: [{ targets: [] }] },
    { name: 'a service with tracing off', design: { nodes: { a: 'service', b: ['service', { tracing: false }], otel: 'observability' } }, findings: [{ targets: ['b'], fixes: ['enable-tracing'] }] },
  ],
});
