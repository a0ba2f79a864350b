import { REF } from '../references';
import { defineRule, type Finding, type FindingInput } from '../types';

const FIXES: FindingInput['fixes'] = ['route-via-owner'];
const VERB = { read: ' reads ', write: ' writes to ', 'read-write': ' reads and writes ' } as const;

export default defineRule({
  meta: {
    id: 'cross-service-data-access',
    title: 'Cross-service data access',
    category: 'data',
    defaultSeverity: 'warning',
    description:
      'A service that reaches into a store owned by another service depends on that service’s private schema: the owner can no longer change its data model without breaking a stranger, and invariants it enforces are bypassed.',
    fix: 'Ask the owner through its API, or consume its events into a local read model.',
    references: [REF.dbPerService, REF.taibiSmells, REF.neri],
  },
  check(ctx) {
    const { graph } = ctx;
    const out: Finding[] = [];
    // The end of the message depends on the store only: built once per store, not per finding.
    const tails = new Map<number, string>();
    for (const e of graph.edgesByKind.data) {
      const owner = graph.storeAt[e.target.index]?.owner;
      if (!owner || owner === e.source || e.source.kind !== 'service') continue;
      let tail = tails.get(e.target.index);
      if (tail === undefined) tails.set(e.target.index, (tail = `${e.target.name}, which ${owner.name} owns: go through ${owner.name}’s API or events.`));
      out.push(
        ctx.finding({
          message: `${e.source.name}${VERB[e.edge.access] ?? ' uses '}${tail}`,
          targets: ctx.edgeTargets(e),
          fixes: FIXES,
        }),
      );
    }
    return out;
  },
});
