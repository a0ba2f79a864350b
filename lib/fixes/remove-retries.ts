import type { CallEdge } from '@/lib/model';
import { edgeLabel, joinNames } from './shared';
import { defineFix } from './types';

export default defineFix({
  id: 'remove-retries',
  description: 'Sets the finding’s calls to zero retries: a failed write is reported instead of repeated.',
  apply(ctx) {
    const calls = ctx.edgeTargets('call');
    if (calls.length === 0) return ctx.fail('This finding names no call whose retries to remove.');
    const changed: CallEdge[] = [];
    for (const { edge } of calls) if (edge.retries !== 0) changed.push(ctx.draft.patchEdge<CallEdge>(edge.id, { retries: 0 }));
    return ctx.done(`${joinNames(changed.map((e) => edgeLabel(ctx, e)))} no longer retries.`, { edges: changed.map((e) => e.id) });
  },
});
