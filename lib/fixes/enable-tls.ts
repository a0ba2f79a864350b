import type { CallEdge } from '@/lib/model';
import { edgeLabel, joinNames } from './shared';
import { defineFix } from './types';

export default defineFix({
  id: 'enable-tls',
  description: 'Encrypts the finding’s calls with TLS.',
  apply(ctx) {
    const calls = ctx.edgeTargets('call');
    if (calls.length === 0) return ctx.fail('This finding names no call to encrypt.');
    const changed: CallEdge[] = [];
    for (const { edge } of calls) if (!edge.tls) changed.push(ctx.draft.patchEdge<CallEdge>(edge.id, { tls: true }));
    return ctx.done(`${joinNames(changed.map((e) => edgeLabel(ctx, e)))} now uses TLS.`, { edges: changed.map((e) => e.id) });
  },
});
