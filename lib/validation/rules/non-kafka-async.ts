import { REF } from '../references';
import { defineRule, type FindingInput, type Finding } from '../types';

const FIXES: FindingInput['fixes'] = ['use-kafka'];

export default defineRule({
  meta: {
    id: 'non-kafka-async',
    title: 'Async messaging not on Kafka',
    category: 'communication',
    defaultSeverity: 'warning',
    description:
      'This house style carries events on Kafka: a durable, replayable, partitioned log that consumers read at their own pace, with one set of tooling for schemas, retention and lag.',
    fix: 'Move the broker’s topics to Kafka.',
    references: [REF.nova],
    profiles: ['grpc-kafka'],
  },
  check(ctx) {
    const out: Finding[] = [];
    for (let ix = 0; ix < ctx.graph.nodesByKind.broker.length; ix++) {
      const broker = ctx.graph.nodesByKind.broker[ix];
      const technology = broker.node.technology;
      if (technology === 'kafka') continue;
      out.push(
        ctx.newFinding(`Broker ${broker.name} is ${technology}; this house style carries events on Kafka.`, [broker.id], FIXES),
      );
    }
    return out;
  },
});
