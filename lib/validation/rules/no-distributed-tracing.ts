import { z } from 'zod';
import { NODE_FLAG } from '@/lib/graph';
import { REF } from '../references';
import { defineRule, type FindingInput, type Finding } from '../types';

// Imported bindings are getter calls once transpiled to CommonJS (tsx, vitest): loops read
// these module-level copies instead.
const { tracing: TRACING } = NODE_FLAG;

const SINK_FIXES: FindingInput['fixes'] = ['add-tracing-sink'];
const SERVICE_FIXES: FindingInput['fixes'] = ['enable-tracing'];

// Observability technologies that receive traces (Prometheus, Grafana and Loki do not).
const TRACE_SINKS = new Set(['otel-collector', 'jaeger']);

export default defineRule({
  meta: {
    id: 'no-distributed-tracing',
    title: 'No distributed tracing',
    category: 'observability',
    defaultSeverity: 'warning',
    description:
      'A request that crosses several services leaves a partial log line in each; without trace context propagated and collected, nobody can tell which hop was slow or failed.',
    fix: 'Add an OpenTelemetry collector (or Jaeger) and turn tracing on in every service so trace context flows through calls and messages.',
    references: [REF.tracing, REF.otel, REF.skill],
    options: z.object({ minServices: z.number().int().min(1).max(10_000).default(2) }),
  },
  check(ctx) {
    const { graph } = ctx;
    if (graph.services.length < ctx.options.minServices) return [];
    const out: Finding[] = [];
    const sink = graph.nodesByKind.observability.some((o) => o.node.signals.traces && TRACE_SINKS.has(o.node.technology));
    if (!sink) {
      out.push(
        ctx.newFinding('No tracing collector in the design: requests across services cannot be followed end to end.', [], SINK_FIXES),
      );
    }
    const flags = graph.nodeFacts.flags;
    for (let ix = 0; ix < graph.services.length; ix++) {
      const svc = graph.services[ix];
      if (flags[svc.index] & TRACING) continue;
      out.push(
        ctx.newFinding(`${svc.name} has tracing off: traces break at this service.`, [svc.id], SERVICE_FIXES),
      );
    }
    return out;
  },
});
