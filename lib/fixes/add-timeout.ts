import type { CallEdge } from '@/lib/model';
import { DEFAULT_TIMEOUT_MS, edgeLabel, joinNames } from './shared';
import { defineFix } from './types';

export default defineFix({
  id: 'add-timeout',
  description: 'Gives the finding’s sync calls a timeout of 2 seconds (or the rule’s maximum, if lower).',
  apply(ctx) {
    const calls = ctx.edgeTargets('call');
    if (calls.length === 0) return ctx.fail('This finding names no call to add a timeout to.');
    const max = ctx.ruleOptions<{ maxTimeoutMs: number }>('missing-timeout').maxTimeoutMs;
    const timeout = max > 0 ? Math.min(DEFAULT_TIMEOUT_MS, max) : DEFAULT_TIMEOUT_MS;
    const changed: CallEdge[] = [];
    for (const { edge } of calls) {
      const next = edge.timeoutMs === undefined ? timeout : Math.min(edge.timeoutMs, timeout);
      if (next !== edge.timeoutMs) changed.push(ctx.draft.patchEdge<CallEdge>(edge.id, { timeoutMs: next }));
    }
    return ctx.done(`Added a ${timeout} ms timeout to ${joinNames(changed.map((e) => edgeLabel(ctx, e)))}.`, { edges: changed.map((e) => e.id) });
  },
});
