import { z } from 'zod';
import type { DataEdge } from '@/lib/model';
import type { DesignGraph, EdgeEntry, NodeEntry } from '@/lib/graph';
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
): { gateway: NodeEntry | undefined; configured: boolean; counted: (e: EdgeEntry<DataEdge>) => boolean; accessors: number } {
  const counted = (e: EdgeEntry<DataEdge>) =>
    e.source.kind === 'service' && (e.target.kind === 'database' || (options.includeCaches && e.target.kind === 'cache'));
  // Data edges per service, by node index; accessors in order of their first edge.
  const count = new Int32Array(graph.nodeList.length);
  const accessors: NodeEntry[] = [];
  for (const e of graph.edgesByKind.data) {
    if (!counted(e)) continue;
    if (count[e.source.index]++ === 0) accessors.push(e.source);
  }
  const configured = findService(graph, options.gatewayService);
  let gateway: NodeEntry | undefined = configured;
  if (!gateway) {
    const named = safeRegex(GATEWAY_NAME);
    gateway = accessors.find((svc) => named?.test(svc.name));
  }
  if (!gateway) {
    let most = -1;
    for (const svc of accessors) {
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
    // The end of every message is the same: built once, not per finding.
    const tail = ` directly; only the database gateway${gateway ? ` (${gateway.name})` : ''} may.`;
    // Report in edge order: every counted data edge not from the gateway.
    for (const e of graph.edgesByKind.data) {
      if (e.source === gateway || !counted(e)) continue;
      out.push(
        ctx.finding({
          message: `${e.source.name} reaches ${e.target.name}${tail}`,
          targets: ctx.edgeTargets(e),
          fixes: FIXES,
        }),
      );
    }
    return out;
  },
});
