import { z } from 'zod';
import { NODE_KIND_CODE } from '@/lib/graph';
import { REF } from '../references';
import { defineRule, type Finding } from '../types';

// Imported bindings are getter calls once transpiled to CommonJS (tsx, vitest): loops read
// these module-level copies instead.
const { service: SERVICE } = NODE_KIND_CODE;

export default defineRule({
  meta: {
    id: 'chatty-services',
    title: 'Chatty services',
    category: 'communication',
    defaultSeverity: 'warning',
    description:
      'Two services that exchange many fine-grained operations per request pay network latency for each (the N+1 problem) and are so entangled that they change together: the boundary between them is probably in the wrong place.',
    fix: 'Offer a coarser operation (batch or aggregate endpoint), cache or replicate the data locally via events, or merge the two services.',
    references: [REF.taibiTaxonomy, REF.neri],
    options: z.object({
      /** Distinct operations one pair may use across its call edges. */
      maxOperations: z.number().int().min(1).max(10_000).default(6),
      /** Calls per user request one pair may make, summed over its call edges. */
      maxCallsPerRequest: z.number().int().min(1).max(100_000).default(3),
    }),
  },
  check(ctx) {
    const { graph, options } = ctx;
    const found: { at: number; finding: Finding }[] = [];
    // Per service s, aggregate its edges with each higher-indexed service neighbour t, so every
    // unordered pair is visited once; `stamp` resets the per-neighbour accumulators without a Map.
    const n = graph.nodeList.length;
    const stamp = new Int32Array(n);
    const ops = new Int32Array(n);
    const calls = new Float64Array(n);
    const touched = new Int32Array(n);
    const f = graph.edgeFacts;
    const kind = graph.nodeFacts.kind;
    const { outCall, inCall } = graph.adjacency;
    const services = graph.services;
    for (let i = 0; i < services.length; i++) {
      const svc = services[i];
      const self = svc.index;
      let count = 0;
      for (let pass = 0; pass < 2; pass++) {
        const { offsets, items } = pass === 0 ? outCall : inCall;
        const ends = pass === 0 ? f.target : f.source;
        for (let k = offsets[self], end = offsets[self + 1]; k < end; k++) {
          const edge = items[k];
          const t = ends[edge];
          if (t <= self || kind[t] !== SERVICE) continue;
          if (stamp[t] !== self + 1) {
            stamp[t] = self + 1;
            ops[t] = 0;
            calls[t] = 0;
            touched[count++] = t;
          }
          ops[t] += f.operations[edge];
          calls[t] += f.callsPerRequest[edge];
        }
      }
      for (let j = 0; j < count; j++) {
        const t = touched[j];
        if (ops[t] <= options.maxOperations && calls[t] <= options.maxCallsPerRequest) continue;
        const other = graph.nodeList[t];
        // The pair's edges: svc's calls to t, then t's calls to svc, design order within each.
        const pair: number[] = [];
        for (let k = outCall.offsets[self], end = outCall.offsets[self + 1]; k < end; k++) if (f.target[outCall.items[k]] === t) pair.push(outCall.items[k]);
        for (let k = inCall.offsets[self], end = inCall.offsets[self + 1]; k < end; k++) if (f.source[inCall.items[k]] === t) pair.push(inCall.items[k]);
        const ids = graph.designEdges;
        const why =
          calls[t] > options.maxCallsPerRequest
            ? `${calls[t]} calls per request (more than ${options.maxCallsPerRequest})`
            : `${ops[t]} different operations (more than ${options.maxOperations})`;
        found.push({
          at: pair[0],
          finding: ctx.newFinding(
            `${svc.name} and ${other.name} exchange ${why}: the boundary between them is probably wrong.`,
            [ids[pair[0]].id, svc.id, other.id, ...pair.slice(1).map((i) => ids[i].id)],
            ['call-to-event', { id: 'merge-services', title: `Merge ${svc.name} and ${other.name}` }],
          ),
        });
      }
    }
    // The primary target is the pair's first edge: report in edge order.
    return found.sort((a, b) => a.at - b.at).map((f) => f.finding);
  },
});
