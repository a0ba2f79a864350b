import { z } from 'zod';
import { NODE_KIND_CODE, type DesignGraph, type NodeEntry } from '@/lib/graph';
import { findService, safeRegex } from '../helpers';
import { REF } from '../references';
import { defineRule, type Finding, type FindingInput } from '../types';

const GATEWAY_NAME = '(^|-)(db|database|data)(-|$)';
const FIXES: FindingInput['fixes'] = ['route-via-database-gateway'];

/** Options of the database-via-gateway rule. */
export interface DatabaseGatewayOptions {
  gatewayService: string;
  includeCaches: boolean;
}

/**
 * The service the rule treats as the database gateway: the configured one, else the accessor
 * named like a data service, else the one with most data edges. Quick fixes route through the
 * same service, so after a fix the rule agrees with it.
 */
export function databaseGateway(
  graph: DesignGraph,
  options: DatabaseGatewayOptions,
): { gateway: NodeEntry | undefined; configured: boolean; counted: (edgeIndex: number) => boolean; accessors: number } {
  const f = graph.edgeFacts;
  const kind = graph.nodeFacts.kind;
  const { service, database, cache } = NODE_KIND_CODE;
  const counted = (i: number) => {
    if (kind[f.source[i]] !== service) return false;
    const t = kind[f.target[i]];
    return t === database || (options.includeCaches && t === cache);
  };
  // Data edges per service, by node index; accessors in order of their first edge.
  const count = new Int32Array(graph.nodeList.length);
  const accessors: NodeEntry[] = [];
  const datas = f.byKind.data;
  for (let j = 0; j < datas.length; j++) {
    const i = datas[j];
    if (!counted(i)) continue;
    if (count[f.source[i]]++ === 0) accessors.push(graph.nodeList[f.source[i]]);
  }
  const configured = findService(graph, options.gatewayService);
  let gateway: NodeEntry | undefined = configured;
  if (!gateway) {
    const named = safeRegex(GATEWAY_NAME);
    gateway = accessors.find((svc) => named?.test(svc.name));
  }
  if (!gateway) {
    let most = -1;
    for (let at = 0; at < accessors.length; at++) {
      const svc = accessors[at];
      if (count[svc.index] > most) {
        most = count[svc.index];
        gateway = svc;
      }
    }
  }
  return { gateway, configured: configured !== undefined, counted, accessors: accessors.length };
}

export default defineRule({
  meta: {
    id: 'database-via-gateway',
    title: 'Database access outside the database gateway',
    category: 'data',
    defaultSeverity: 'error',
    description:
      'When a single database-gateway service is the only one with database access, connection pools, migrations, credentials and query rules are owned in one place, and other services stay stateless clients of the bus.',
    fix: 'Remove the service’s direct database access and send the reads and writes to the database-gateway service over the bus.',
    references: [REF.optima],
    profiles: ['event-driven-gateway'],
    options: z.object({
      /** Name or id of the database-gateway service; empty = the accessor named like “db-service”, else the one with most data edges. */
      gatewayService: z.string().max(200).default(''),
      includeCaches: z.boolean().default(false),
    }),
  },
  check(ctx) {
    const { graph, options } = ctx;
    const { gateway, configured, counted, accessors } = databaseGateway(graph, options);
    if (!gateway || (!configured && accessors <= 1)) return [];
    const out: Finding[] = [];
    // The end of every message is the same: built once, not per finding; with the store's name
    // in front, once per store (a finding then adds one string node).
    const tail = ` directly; only the database gateway (${gateway.name}) may.`;
    const tails = new Map<number, string>();
    // Report in edge order: every counted data edge not from the gateway.
    const f = graph.edgeFacts;
    const datas = f.byKind.data;
    for (let j = 0; j < datas.length; j++) {
      const i = datas[j];
      if (f.source[i] === gateway.index || !counted(i)) continue;
      const t = f.target[i];
      let end = tails.get(t);
      if (end === undefined) tails.set(t, (end = ` reaches ${graph.nodeList[t].name}${tail}`));
      out.push(
        ctx.newFinding(graph.nodeList[f.source[i]].name + end, ctx.edgeTargetsAt(i), FIXES),
      );
    }
    return out;
  },
});
