import { EDGE_FLAG, NODE_KIND_CODE } from '@/lib/graph';
import { REF } from '../references';
import { defineRule, type Finding, type FindingInput } from '../types';

// Imported bindings are getter calls once transpiled to CommonJS (tsx, vitest): loops read
// these module-level copies instead.
const { service: SERVICE } = NODE_KIND_CODE;
const { read: READ, write: WRITE } = EDGE_FLAG;

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
    // The message after the accessor's name depends on the store and the access only: built
    // once per pair (key: store index * 4 + access, 1 read / 2 write / 3 both), so a finding adds one string node.
    const tails = new Map<number, string>();
    for (let j = 0; j < datas.length; j++) {
      const i = datas[j];
      const s = f.source[i];
      const t = f.target[i];
      const owner = graph.storeAt[t]?.owner;
      if (!owner || owner.index === s || kind[s] !== SERVICE) continue;
      const access = f.flags[i] & (READ | WRITE);
      const key = t * 4 + (access === READ ? 1 : access === WRITE ? 2 : 3);
      let tail = tails.get(key);
      if (tail === undefined) {
        const verb = access === READ ? ' reads ' : access === WRITE ? ' writes to ' : ' reads and writes ';
        tails.set(key, (tail = `${verb}${graph.nodeList[t].name}, which ${owner.name} owns: go through ${owner.name}’s API or events.`));
      }
      out.push(
        ctx.newFinding(graph.nodeList[s].name + tail, ctx.edgeTargetsAt(i), FIXES),
      );
    }
    return out;
  },
});
