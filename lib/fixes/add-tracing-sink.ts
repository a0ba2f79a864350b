import type { ObservabilityNode, ServiceNode } from '@/lib/model';
import { addNode, besideDesign } from './shared';
import { defineFix } from './types';

// The sinks the no-distributed-tracing rule accepts.
const TRACE_SINKS: readonly string[] = ['otel-collector', 'jaeger'];

export default defineFix({
  id: 'add-tracing-sink',
  description: 'Adds an OpenTelemetry collector for traces (or turns traces on in an existing collector) and turns tracing on in every service.',
  apply(ctx) {
    const { draft } = ctx;
    const sinks = draft.nodeList.filter((n): n is ObservabilityNode => n.kind === 'observability' && TRACE_SINKS.includes(n.technology));
    const nodes: string[] = [];
    let what: string;
    if (sinks.some((s) => s.signals.traces)) what = 'The design already has a tracing collector';
    else if (sinks.length > 0) {
      draft.patchNode<ObservabilityNode>(sinks[0].id, { signals: { ...sinks[0].signals, traces: true } });
      nodes.push(sinks[0].id);
      what = `${sinks[0].name} now collects traces`;
    } else {
      const sink = addNode(ctx, 'observability', 'otel-collector', besideDesign(ctx), { technology: 'otel-collector' });
      nodes.push(sink.id);
      what = `Added the tracing collector ${sink.name}`;
    }
    const off = draft.nodeList.filter((n): n is ServiceNode => n.kind === 'service' && !n.tracing);
    for (const s of off) draft.patchNode<ServiceNode>(s.id, { tracing: true });
    return ctx.done(off.length > 0 ? `${what}; tracing is on in every service.` : `${what}.`, { nodes });
  },
});
