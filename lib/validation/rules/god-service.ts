import { z } from 'zod';
import type { DataStoreInfo, NodeEntry } from '@/lib/graph';
import { REF } from '../references';
import { defineRule, type Finding } from '../types';

// Shared by every service that owns no store (no array per service).
const NONE: readonly string[] = Object.freeze([]);

export default defineRule({
  meta: {
    id: 'god-service',
    title: 'God service',
    category: 'granularity',
    defaultSeverity: 'warning',
    description:
      'A service that many others call and that itself calls many others, or that owns several datastores, has absorbed too many responsibilities: it becomes the team bottleneck, the riskiest deploy and the single point of failure.',
    fix: 'Split it along its business capabilities; move each datastore with the capability that owns it, and let the rest talk to the new services or consume their events.',
    references: [REF.taibiTaxonomy, REF.neri, REF.bogner],
    options: z.object({
      /** Standard deviations above the mean that make a fan-in or fan-out an outlier. */
      sigma: z.number().min(0).max(100).default(2),
      /** Fan-in and fan-out below this are never outliers (small designs). */
      minDegree: z.number().int().min(1).max(10_000).default(4),
      /** Owned datastores that make a god service (0 = do not check). */
      maxStores: z.number().int().min(0).max(10_000).default(3),
      /** Count caches as datastores. */
      countCaches: z.boolean().default(false),
    }),
  },
  check(ctx) {
    const { graph, options } = ctx;
    const { fanIn, fanOut } = graph.degreeStats;
    const inLimit = fanIn.mean + options.sigma * fanIn.stddev;
    const outLimit = fanOut.mean + options.sigma * fanOut.stddev;
    // Stores a service owns: declared by ownerId, or inferred when it is the only one using it.
    // Counted per service first; id lists are built only for services at the limit.
    const count = new Int32Array(graph.nodeList.length);
    const ownerOf = (info: DataStoreInfo): NodeEntry | undefined => {
      if (info.node.kind === 'cache' && !options.countCaches) return undefined;
      return info.owner ?? (info.accessors.length === 1 ? info.accessors[0] : undefined);
    };
    let hoarders = 0;
    if (options.maxStores > 0) {
      for (let ix = 0; ix < graph.dataStores.length; ix++) {
        const info = graph.dataStores[ix];
        const owner = ownerOf(info);
        if (owner && ++count[owner.index] === options.maxStores) hoarders++;
      }
    }
    const owned = new Map<NodeEntry, string[]>();
    if (hoarders > 0) {
      for (let ix = 0; ix < graph.dataStores.length; ix++) {
        const info = graph.dataStores[ix];
        const owner = ownerOf(info);
        if (!owner || count[owner.index] < options.maxStores) continue;
        const list = owned.get(owner);
        if (list) list.push(info.node.id);
        else owned.set(owner, [info.node.id]);
      }
    }
    const out: Finding[] = [];
    for (let ix = 0; ix < graph.services.length; ix++) {
      const svc = graph.services[ix];
      const fi = graph.fanIn[svc.index];
      const fo = graph.fanOut[svc.index];
      const hub = fi >= options.minDegree && fi > inLimit && fo >= options.minDegree && fo > outLimit;
      const stores = owned.size > 0 ? (owned.get(svc) ?? NONE) : NONE;
      const hoard = options.maxStores > 0 && stores.length >= options.maxStores;
      if (!hub && !hoard) continue;
      const reasons: string[] = [];
      if (hub) reasons.push(`is called by ${fi} services and calls ${fo} (typical: ${fanIn.mean.toFixed(1)} and ${fanOut.mean.toFixed(1)})`);
      if (hoard) reasons.push(`owns ${stores.length} datastores (${ctx.list(stores.map(ctx.name))})`);
      out.push(
        ctx.newFinding(`${svc.name} ${reasons.join(' and ')}: it has absorbed too many responsibilities.`, [svc.id, ...stores]),
      );
    }
    return out;
  },
});
