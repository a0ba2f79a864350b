import { z } from 'zod';
import type { NodeEntry } from '@/lib/graph';
import { degree, hasOwnData, safeRegex } from '../helpers';
import { REF } from '../references';
import { defineRule, type Finding } from '../types';

function callsAService(svc: NodeEntry): boolean {
  const outCall = svc.outCall;
  for (let i = 0; i < outCall.length; i++) if (outCall[i].target !== svc && outCall[i].target.kind === 'service') return true;
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
    const out: Finding[] = [];
    for (const svc of graph.services) {
      // Passive data holder: has data, publishes nothing, calls no service, and is called.
      const v = svc.index;
      if (degree(adj.outData, v) === 0 || degree(adj.outPublish, v) > 0 || degree(adj.inCall, v) === 0) continue;
      if (callsAService(svc)) continue;
      const callers = new Set<NodeEntry>();
      let dataless = 0;
      const inCall = svc.inCall;
      for (let i = 0; i < inCall.length; i++) {
        const src = inCall[i].source;
        if (src.kind !== 'service' || src === svc || callers.has(src)) continue;
        callers.add(src);
        if (!hasOwnData(graph, src)) dataless++;
      }
      const named = layerName !== null && callers.size >= 2 && layerName.test(svc.name);
      if (dataless < options.minDatalessCallers && !named) continue;
      const list = [...callers];
      out.push(
        ctx.finding({
          message: `${svc.name} only holds data for ${ctx.list(list.map((c) => c.name))}, which keep the logic: a layer cut rather than a business capability.`,
          targets: [svc.id, ...list.map((c) => c.id)],
        }),
      );
    }
    return out;
  },
});
