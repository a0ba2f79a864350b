import type { EdgeEntry } from '@/lib/graph';
import type { NodeKind } from '@/lib/model';
import { REF } from '../references';

/** Edges whose given end has the kind, capped at 2 (all the rule needs) to stay allocation-free. */
function countKind(edges: readonly EdgeEntry[], end: 'source' | 'target', kind: NodeKind): number {
  let n = 0;
  for (let i = 0; i < edges.length && n < 2; i++) if (edges[i][end].kind === kind) n++;
  return n;
}
import { defineRule, type FindingInput, type Finding } from '../types';

const FIXES: FindingInput['fixes'] = ['insert-integration-service'];

export default defineRule({
  meta: {
    id: 'integration-service-per-external',
    title: 'One integration service per external system',
    category: 'communication',
    defaultSeverity: 'warning',
    description:
      'When exactly one service talks to each external system, its credentials, rate limits, retries and quirks live in one place, and the rest of the system sees clean events instead of a vendor API.',
    fix: 'Give each external system its own integration service; other services publish intents and consume its events.',
    references: [REF.optima],
    profiles: ['event-driven-gateway'],
  },
  check(ctx) {
    const out: Finding[] = [];
    // One pass over all nodes keeps externals and services in design order.
    for (const entry of ctx.graph.nodeList) {
      if (entry.kind === 'external') {
        if (countKind(entry.inCall, 'source', 'service') < 2) continue;
        const callers = [...new Set(entry.inCall.map((e) => e.source))].filter((s) => s.kind === 'service');
        if (callers.length < 2) continue;
        out.push(
          ctx.finding({
            message: `External system ${entry.name} is called by ${callers.length} services (${ctx.list(callers.map((c) => c.name))}); route it through one integration service.`,
            targets: [entry.id, ...callers.map((c) => c.id)],
            fixes: [{ id: 'insert-integration-service', title: `Add a ${entry.name} integration service` }],
          }),
        );
      } else if (entry.kind === 'service') {
        if (countKind(entry.outCall, 'target', 'external') < 2) continue;
        const externals = [...new Set(entry.outCall.map((e) => e.target))].filter((t) => t.kind === 'external');
        if (externals.length < 2) continue;
        out.push(
          ctx.finding({
            message: `${entry.name} integrates ${externals.length} external systems (${ctx.list(externals.map((x) => x.name))}); each should have its own integration service.`,
            targets: [entry.id, ...externals.map((x) => x.id)],
            fixes: FIXES,
          }),
        );
      }
    }
    return out;
  },
});
