import { z } from 'zod';
import { NODE_KIND_CODE } from '@/lib/graph';
import { REF } from '../references';
import { defineRule, type Finding, type FindingInput } from '../types';

const FIXES: FindingInput['fixes'] = ['add-timeout'];
// Imported bindings are getter calls once transpiled to CommonJS (tsx, vitest): loops read
// these module-level copies instead.
const { service: SERVICE, gateway: GATEWAY } = NODE_KIND_CODE;

export default defineRule({
  meta: {
    id: 'missing-timeout',
    title: 'Sync call without timeout',
    category: 'resilience',
    defaultSeverity: 'error',
    description:
      'A call without a timeout waits as long as the slowest dependency: threads and connections pile up behind one stuck service and the failure spreads to every caller upstream.',
    fix: 'Set a timeout on the call, shorter than the caller’s own deadline (typically a few hundred milliseconds to a few seconds).',
    references: [REF.nygard, REF.skill, REF.circuitBreaker],
    options: z.object({
      /** A timeout longer than this is reported too (0 = no upper bound). */
      maxTimeoutMs: z.number().int().min(0).max(3_600_000).default(30_000),
    }),
  },
  check(ctx) {
    const { graph, options } = ctx;
    const out: Finding[] = [];
    const max = options.maxTimeoutMs;
    const f = graph.edgeFacts;
    const kind = graph.nodeFacts.kind;
    const calls = f.byKind.call;
    for (let j = 0; j < calls.length; j++) {
      const i = calls[j];
      const timeout = f.timeoutMs[i];
      if (timeout !== -1 && (max === 0 || timeout <= max)) continue;
      const source = kind[f.source[i]];
      if (source !== SERVICE && source !== GATEWAY) continue;
      out.push(
        ctx.newFinding(
          timeout === -1
            ? `${ctx.edgeLabelAt(i)} has no timeout: a slow ${graph.nodeList[f.target[i]].name} will hang ${graph.nodeList[f.source[i]].name} too.`
            : `${ctx.edgeLabelAt(i)} waits up to ${timeout} ms (more than ${max} ms): that is as good as no timeout for a sync call.`,
          ctx.edgeTargetsAt(i),
          FIXES,
        ),
      );
    }
    return out;
  },
});
