import { REF } from '../references';
import { defineRule, type FindingInput } from '../types';

const FIXES: FindingInput['fixes'] = ['call-to-event'];

export default defineRule({
  meta: {
    id: 'sync-cycle',
    title: 'Cycle of sync calls',
    category: 'coupling',
    defaultSeverity: 'error',
    description:
      'Services that call each other in a cycle cannot be deployed, started or scaled independently, a slow member slows all of them, and requests can recurse until they time out: a distributed monolith.',
    fix: 'Break the cycle: replace one call with an event the other side consumes, merge the services, or move the shared responsibility into a service both call.',
    references: [REF.taibiTaxonomy, REF.neri],
  },
  check(ctx) {
    // Self-calls are left out: one service calling itself is not a distributed monolith.
    // Only the names the message shows are looked up: a cycle can span thousands of nodes.
    const names = (ids: readonly string[]) =>
      ids.length <= 5 ? ctx.list(ids.map(ctx.name)) : `${ids.slice(0, 5).map(ctx.name).join(', ')} and ${ids.length - 5} more`;
    return ctx.graph.sync.cycles.map((c) =>
      ctx.newFinding(
        `${c.nodes.length} nodes call each other in a cycle (${names(c.nodes)}): none of them can be deployed or fail on its own.`,
        [...c.nodes, ...c.edges],
        FIXES,
      ),
    );
  },
});
