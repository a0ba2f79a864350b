import type { ObservabilityNode } from '@/lib/model';
import { addNode, besideDesign } from './shared';
import { defineFix } from './types';

// The sinks the no-structured-logging rule accepts.
const LOG_SINKS: readonly string[] = ['otel-collector', 'loki'];

export default defineFix({
  id: 'add-log-sink',
  description: 'Adds a Loki log sink (or turns logs on in an existing collector) so logs outlive their containers.',
  apply(ctx) {
    const { draft } = ctx;
    const sinks = draft.nodeList.filter((n): n is ObservabilityNode => n.kind === 'observability' && LOG_SINKS.includes(n.technology));
    if (sinks.some((s) => s.signals.logs)) return ctx.fail('The design already has a log sink.');
    if (sinks.length > 0) {
      draft.patchNode<ObservabilityNode>(sinks[0].id, { signals: { ...sinks[0].signals, logs: true } });
      return ctx.done(`${sinks[0].name} now collects logs.`, { nodes: [sinks[0].id] });
    }
    const sink = addNode(ctx, 'observability', 'loki', besideDesign(ctx), { technology: 'loki', signals: { traces: false, metrics: false, logs: true } });
    return ctx.done(`Added the log sink ${sink.name}.`, { nodes: [sink.id] });
  },
});
