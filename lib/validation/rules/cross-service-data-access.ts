import { EDGE_FLAG, NODE_KIND_CODE } from '@/lib/graph';
import { REF } from '../references';
import { defineRule, type Finding, type FindingInput } from '../types';

const FIXES: FindingInput['fixes'] = ['route-via-owner'];

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
    const f = graph.edgeFacts;
    const kind = graph.nodeFacts.kind;
    const datas = f.byKind.data;
    // The end of the message depends on the store only: built once per store, not per finding.
    const tails = new Map<number, string>();
    for (let j = 0; j < datas.length; j++) {
      const i = datas[j];
      const s = f.source[i];
      const t = f.target[i];
      const owner = graph.storeAt[t]?.owner;
      if (!owner || owner.index === s || kind[s] !== NODE_KIND_CODE.service) continue;
      let tail = tails.get(t);
      if (tail === undefined) tails.set(t, (tail = `${graph.nodeList[t].name}, which ${owner.name} owns: go through ${owner.name}’s API or events.`));
      const access = f.flags[i] & (EDGE_FLAG.read | EDGE_FLAG.write);
      out.push(
        ctx.finding({
          message: `${graph.nodeList[s].name}${access === EDGE_FLAG.read ? ' reads ' : access === EDGE_FLAG.write ? ' writes to ' : ' reads and writes '}${tail}`,
          targets: ctx.edgeTargetsAt(i),
          fixes: FIXES,
        }),
      );
    }
    return out;
  },
});
