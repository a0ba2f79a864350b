import type { PublishEdge } from '@/lib/model';
import { edgeLabel, joinNames } from './shared';
import { defineFix } from './types';

export default defineFix({
  id: 'enable-outbox',
  description: 'Publishes the finding’s events through a transactional outbox.',
  apply(ctx) {
    const pubs = ctx.edgeTargets('publish');
    if (pubs.length === 0) return ctx.fail('This finding names no publication to route through an outbox.');
    const changed: PublishEdge[] = [];
    for (const { edge } of pubs) if (!edge.outbox) changed.push(ctx.draft.patchEdge<PublishEdge>(edge.id, { outbox: true }));
    return ctx.done(`${joinNames(changed.map((e) => edgeLabel(ctx, e)))} now publishes through an outbox.`, { edges: changed.map((e) => e.id) });
  },
});
