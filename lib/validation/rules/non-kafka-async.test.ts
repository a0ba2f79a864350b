import rule from './non-kafka-async';
import { testRule } from '../test-utils';

testRule(rule, {
  valid: [{ name: 'Kafka', design: { nodes: { k: ['broker', { technology: 'kafka' }] } } }],
  invalid: [{ name: 'RabbitMQ', design: { nodes: { q: 'broker' } }, findings: [{ targets: ['q'], message: /rabbitmq/, fixes: ['use-kafka'] }] }],
});
