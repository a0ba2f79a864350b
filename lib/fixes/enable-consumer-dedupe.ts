import type { SubscribeEdge } from '@/lib/model';
import { edgeLabel, joinNames } from './shared';
import { defineFix } from './types';

export default defineFix({
  id: 'enable-consumer-dedupe',
  description: 'Makes the consumer remember processed message ids (an idempotent consumer).',
  apply(ctx) {
    const subs = ctx.edgeTargets('subscribe');
    if (subs.length === 0) return ctx.fail('This finding names no subscription to deduplicate.');
    const changed: SubscribeEdge[] = [];
    for (const { edge } of subs) if (!edge.dedupe) changed.push(ctx.draft.patchEdge<SubscribeEdge>(edge.id, { dedupe: true }));
    return ctx.done(`${joinNames(changed.map((e) => edgeLabel(ctx, e)))} now deduplicates messages.`, { edges: changed.map((e) => e.id) });
  },
});
