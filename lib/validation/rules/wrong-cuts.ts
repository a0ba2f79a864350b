import { z } from 'zod';
import { NODE_KIND_CODE, type DesignGraph } from '@/lib/graph';
import { degree as degreeOf, safeRegex } from '../helpers';
import { REF } from '../references';
import { defineRule, type Finding } from '../types';

// Imported bindings are getter calls once transpiled to CommonJS (tsx, vitest): loops read
// these module-level copies instead.
const { service: SERVICE } = NODE_KIND_CODE;
const degree = degreeOf;

/** True when node v calls a service other than itself. */
function callsAService(graph: DesignGraph, v: number): boolean {
  const { offsets, items } = graph.adjacency.outCall;
  const target = graph.edgeFacts.target;
  const kind = graph.nodeFacts.kind;
  for (let k = offsets[v], end = offsets[v + 1]; k < end; k++) {
    const t = target[items[k]];
    if (t !== v && kind[t] === SERVICE) return true;
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'wrong-cuts',
    title: 'Wrong cuts (layer-shaped services)',
    category: 'granularity',
    defaultSeverity: 'info',
    description:
      'Services cut along technical layers — a “data service” holding the data while other services hold the logic — split every feature across services: each change touches several of them, and the data service becomes a shared database with an API in front.',
    fix: 'Cut by business capability instead: move each part of the data next to the logic that uses it, so a service owns both its rules and its data.',
    references: [REF.taibiSmells, REF.taibiTaxonomy],
    options: z.object({
      /** Callers without data of their own that make a passive data holder a layer. */
      minDatalessCallers: z.number().int().min(1).max(10_000).default(2),
      /** Names that mark a data-layer service (regular expression, case-insensitive; empty = off). */
      namePattern: z.string().max(500).default('(^|-)(data|db|dao|repo|repository|persistence|storage|crud)(-|$)'),
    }),
  },
  check(ctx) {
    const { graph, options } = ctx;
    const layerName = safeRegex(options.namePattern);
    const adj = graph.adjacency;
    const source = graph.edgeFacts.source;
    const kind = graph.nodeFacts.kind;
    const out: Finding[] = [];
    // stamp[u] === v + 1: u is already listed as a caller of v (no Set per service).
    let stamp: Int32Array | undefined;
    for (let at = 0; at < graph.services.length; at++) {
      const svc = graph.services[at];
      // Passive data holder: has data, publishes nothing, calls no service, and is called.
      const v = svc.index;
      if (degree(adj.outData, v) === 0 || degree(adj.outPublish, v) > 0 || degree(adj.inCall, v) === 0) continue;
      if (callsAService(graph, v)) continue;
      stamp ??= new Int32Array(graph.nodeList.length);
      const callers: number[] = [];
      let dataless = 0;
      for (let k = adj.inCall.offsets[v], end = adj.inCall.offsets[v + 1]; k < end; k++) {
        const src = source[adj.inCall.items[k]];
        if (kind[src] !== SERVICE || src === v || stamp[src] === v + 1) continue;
        stamp[src] = v + 1;
        callers.push(src);
        if (graph.hasData[src] !== 1) dataless++;
      }
      const named = layerName !== null && callers.length >= 2 && layerName.test(svc.name);
      if (dataless < options.minDatalessCallers && !named) continue;
      const list = callers.map((c) => graph.nodeList[c]);
      out.push(
        ctx.newFinding(
          `${svc.name} only holds data for ${ctx.list(list.map((c) => c.name))}, which keep the logic: a layer cut rather than a business capability.`,
          [svc.id, ...list.map((c) => c.id)],
        ),
      );
    }
    return out;
  },
});
