import { z } from 'zod';
import type { DataStoreInfo, DesignGraph } from '@/lib/graph';
import { REF } from '../references';
import { defineRule, type Finding, type FindingInput } from '../types';

const FIXES: FindingInput['fixes'] = ['own-database'];

/** The store, its accessors, then its data edges: built in one array, straight from the adjacency. */
function targetsOf(graph: DesignGraph, info: DataStoreInfo): string[] {
  const { offsets, items } = graph.adjacency.inData;
  const v = info.entry.index;
  const out: string[] = new Array(1 + info.accessors.length + offsets[v + 1] - offsets[v]);
  let i = 0;
  out[i++] = info.node.id;
  for (let ix = 0; ix < info.accessors.length; ix++) {
    const a = info.accessors[ix];
    out[i++] = a.id;
  }
  for (let k = offsets[v]; k < offsets[v + 1]; k++) out[i++] = graph.designEdges[items[k]].id;
  return out;
}

export default defineRule({
  meta: {
    id: 'shared-database',
    title: 'Shared database',
    category: 'data',
    defaultSeverity: 'error',
    description:
      'When several services read and write the same database, a schema change, a lock or a slow query in one breaks the others, and none of them can be deployed or scaled on its own. A shared cache couples them the same way, with less at stake.',
    fix: 'Give each service its own database (or schema it alone owns). Other services get the data through the owner’s API or by consuming its events; use CDC for read models.',
    references: [REF.dbPerService, REF.sharedDb, REF.taibiSmells],
    options: z.object({ includeCaches: z.boolean().default(true) }),
  },
  check(ctx) {
    const out: Finding[] = [];
    for (let ix = 0; ix < ctx.graph.dataStores.length; ix++) {
      const info = ctx.graph.dataStores[ix];
      if (info.accessors.length < 2) continue;
      const isCache = info.node.kind === 'cache';
      if (isCache && !ctx.options.includeCaches) continue;
      out.push(
        ctx.newFinding(
          `${isCache ? 'Cache' : 'Database'} ${info.node.name} is used by ${info.accessors.length} services (${ctx.list(info.accessors.map((a) => a.name))}): a change in one breaks the others.`,
          targetsOf(ctx.graph, info),
          FIXES,
          isCache ? ctx.lower() : ctx.severity,
        ),
      );
    }
    return out;
  },
});
