import type { BrokerNode } from '@/lib/model';
import { joinNames } from './shared';
import { defineFix } from './types';

export default defineFix({
  id: 'use-kafka',
  description: 'Switches the finding’s brokers to Kafka; topics and edges stay as they are.',
  apply(ctx) {
    const brokers = ctx.nodeTargets('broker');
    if (brokers.length === 0) return ctx.fail('This finding names no broker to move to Kafka.');
    const changed: BrokerNode[] = [];
    for (const { node } of brokers) if ((node as BrokerNode).technology !== 'kafka') changed.push(ctx.draft.patchNode<BrokerNode>(node.id, { technology: 'kafka' }));
    return ctx.done(`${joinNames(changed.map((b) => b.name))} now ${changed.length === 1 ? 'runs' : 'run'} on Kafka.`, { nodes: changed.map((b) => b.id) });
  },
});
