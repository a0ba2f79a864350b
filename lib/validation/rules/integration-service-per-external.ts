import { NODE_KIND_CODE, type Adjacency, type DesignGraph, type NodeEntry } from '@/lib/graph';
import { REF } from '../references';
import { defineRule, type FindingInput, type Finding } from '../types';

// Imported bindings are getter calls once transpiled to CommonJS (tsx, vitest): loops read
// these module-level copies instead.
const { service: SERVICE, external: EXTERNAL } = NODE_KIND_CODE;

const FIXES: FindingInput['fixes'] = ['insert-integration-service'];

/**
 * The distinct nodes of `kind` at the other end of node v's edges in `adj`, first-edge order.
 * `stamp` marks nodes already listed for v (by v's index + 1), so no Set per node; the list is
 * only built from the second distinct neighbour on (most nodes have at most one).
 */
function distinctEnds(graph: DesignGraph, adj: Adjacency, v: number, ends: Int32Array, kind: number, stamp: Int32Array): NodeEntry[] | undefined {
  const kinds = graph.nodeFacts.kind;
  let first = -1;
  let list: NodeEntry[] | undefined;
  for (let k = adj.offsets[v], to = adj.offsets[v + 1]; k < to; k++) {
    const other = ends[adj.items[k]];
    if (kinds[other] !== kind || stamp[other] === v + 1) continue;
    stamp[other] = v + 1;
    if (first === -1) first = other;
    else (list ??= [graph.nodeList[first]]).push(graph.nodeList[other]);
  }
  return list;
}

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
    const { graph } = ctx;
    const { inCall, outCall } = graph.adjacency;
    const stamp = new Int32Array(graph.nodeList.length);
    const out: Finding[] = [];
    // One pass over all nodes keeps externals and services in design order.
    for (let ix = 0; ix < graph.nodeList.length; ix++) {
      const entry = graph.nodeList[ix];
      if (entry.kind === 'external') {
        const callers = distinctEnds(graph, inCall, entry.index, graph.edgeFacts.source, SERVICE, stamp);
        if (!callers) continue;
        out.push(
          ctx.newFinding(
            `External system ${entry.name} is called by ${callers.length} services (${ctx.list(callers.map((c) => c.name))}); route it through one integration service.`,
            [entry.id, ...callers.map((c) => c.id)],
            [{ id: 'insert-integration-service', title: `Add a ${entry.name} integration service` }],
          ),
        );
      } else if (entry.kind === 'service') {
        const externals = distinctEnds(graph, outCall, entry.index, graph.edgeFacts.target, EXTERNAL, stamp);
        if (!externals) continue;
        out.push(
          ctx.newFinding(
            `${entry.name} integrates ${externals.length} external systems (${ctx.list(externals.map((x) => x.name))}); each should have its own integration service.`,
            [entry.id, ...externals.map((x) => x.id)],
            FIXES,
          ),
        );
      }
    }
    return out;
  },
});
