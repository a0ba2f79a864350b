import { z } from 'zod';
import { NODE_FLAG } from '@/lib/graph';
import { REF } from '../references';
import { defineRule, type FindingInput, type Finding } from '../types';

// Imported bindings are getter calls once transpiled to CommonJS (tsx, vitest): loops read
// these module-level copies instead.
const { jsonLogging: JSON_LOGGING } = NODE_FLAG;

const SINK_FIXES: FindingInput['fixes'] = ['add-log-sink'];
const SERVICE_FIXES: FindingInput['fixes'] = ['enable-json-logging'];

// Observability technologies that receive logs.
const LOG_SINKS = new Set(['otel-collector', 'loki']);

export default defineRule({
  meta: {
    id: 'no-structured-logging',
    title: 'No structured logging',
    category: 'observability',
    defaultSeverity: 'warning',
    description:
      'Plain-text logs scattered over many containers cannot be searched or correlated by request id; JSON logs shipped to one place can.',
    fix: 'Log JSON with a request or trace id in every line, and ship the logs to a central sink (Loki or an OpenTelemetry collector).',
    references: [REF.logging, REF.skill],
    options: z.object({ minServices: z.number().int().min(1).max(10_000).default(2) }),
  },
  check(ctx) {
    const { graph } = ctx;
    const out: Finding[] = [];
    if (graph.services.length >= ctx.options.minServices && !graph.nodesByKind.observability.some((o) => o.node.signals.logs && LOG_SINKS.has(o.node.technology))) {
      out.push(
        ctx.newFinding('No log sink in the design: logs stay in each container and are lost when it goes.', [], SINK_FIXES),
      );
    }
    const flags = graph.nodeFacts.flags;
    for (let at = 0; at < graph.services.length; at++) {
      const svc = graph.services[at];
      if (flags[svc.index] & JSON_LOGGING) continue;
      const logging = svc.node.logging;
      out.push(
        ctx.newFinding(
          logging === 'none' ? `${svc.name} does not log: failures leave no trace.` : `${svc.name} logs plain text: its lines cannot be queried or correlated.`,
          [svc.id],
          SERVICE_FIXES,
        ),
      );
    }
    return out;
  },
});
