import type { CallEdge } from '@/lib/model';
import { edgeLabel, joinNames } from './shared';
import { defineFix } from './types';

export default defineFix({
  id: 'add-idempotency-key',
  description: 'Makes the caller send an Idempotency-Key header, so a retried write applies once.',
  apply(ctx) {
    const calls = ctx.edgeTargets('call');
    if (calls.length === 0) return ctx.fail('This finding names no call to send an idempotency key on.');
    const changed: CallEdge[] = [];
    for (const { edge } of calls) if (!edge.idempotencyKey) changed.push(ctx.draft.patchEdge<CallEdge>(edge.id, { idempotencyKey: true }));
    return ctx.done(`${joinNames(changed.map((e) => edgeLabel(ctx, e)))} now sends an idempotency key.`, { edges: changed.map((e) => e.id) });
  },
});
