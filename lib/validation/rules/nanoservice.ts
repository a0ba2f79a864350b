import type { NodeEntry } from '@/lib/graph';
import { hasOwnData } from '../helpers';
import { REF } from '../references';
import { defineRule, type Finding, type FindingInput } from '../types';

const FIXES: FindingInput['fixes'] = ['merge-services'];

export default defineRule({
  meta: {
    id: 'nanoservice',
    title: 'Nanoservice',
    category: 'granularity',
    defaultSeverity: 'info',
    description:
      'A service that talks to exactly one other service and keeps no data of its own is usually a fragment of that neighbour: it adds a network hop and a deployment without an independent responsibility.',
    fix: 'Merge it into its neighbour, or give it a real capability with its own data.',
    references: [REF.taibiTaxonomy, REF.neri],
  },
  check(ctx) {
    const { graph } = ctx;
    const out: Finding[] = [];
    const { outCall, inCall, outPublish, inSubscribe } = graph.adjacency;
    const edges = graph.edgeList;
    const nodes = graph.nodeList;
    // Distinct neighbour services of `self`, stopping at the second. One closure per check (not
    // per service) and typed-array loops: this runs for every service.
    let self: NodeEntry = nodes[0];
    let first = -1;
    let many = false;
    const see = (other: NodeEntry) => {
      if (other === self || other.kind !== 'service') return;
      if (first === -1) first = other.index;
      else if (other.index !== first) many = true;
    };
    const seeAll = (others: readonly NodeEntry[] | undefined) => {
      if (others) for (let j = 0; j < others.length && !many; j++) see(others[j]);
    };
    for (const svc of graph.services) {
      if (hasOwnData(graph, svc)) continue;
      const v = svc.index;
      self = svc;
      first = -1;
      many = false;
      for (let k = outCall.offsets[v], end = outCall.offsets[v + 1]; k < end && !many; k++) see(edges[outCall.items[k]].target);
      for (let k = inCall.offsets[v], end = inCall.offsets[v + 1]; k < end && !many; k++) see(edges[inCall.items[k]].source);
      // Events reach the services on the other side of the channel.
      for (let k = outPublish.offsets[v], end = outPublish.offsets[v + 1]; k < end && !many; k++) seeAll(edges[outPublish.items[k]].channel?.subscriberServices);
      for (let k = inSubscribe.offsets[v], end = inSubscribe.offsets[v + 1]; k < end && !many; k++) seeAll(edges[inSubscribe.items[k]].channel?.publisherServices);
      if (many || first === -1) continue;
      const other = nodes[first];
      out.push(
        ctx.finding({
          message: `${svc.name} only talks to ${other.name} and keeps no data of its own: it is probably part of ${other.name}.`,
          targets: [svc.id, other.id],
          fixes: FIXES,
        }),
      );
    }
    return out;
  },
});
