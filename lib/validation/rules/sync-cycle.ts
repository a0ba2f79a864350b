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
    return ctx.graph.sync.cycles.map((c) =>
      ctx.finding({
        message: `${c.nodes.length} nodes call each other in a cycle (${ctx.list(c.nodes.map(ctx.name))}): none of them can be deployed or fail on its own.`,
        targets: [...c.nodes, ...c.edges],
        fixes: FIXES,
      }),
    );
  },
});
