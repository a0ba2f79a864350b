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
    for (const svc of graph.services) {
      if (hasOwnData(graph, svc)) continue;
      // Count distinct neighbour services, stopping as soon as a second one appears. Indexed
      // loops: this runs for every service.
      let first: NodeEntry | undefined;
      let many = false;
      const see = (other: NodeEntry) => {
        if (other === svc || other.kind !== 'service') return;
        if (first === undefined) first = other;
        else if (other !== first) many = true;
      };
      const { outCall, inCall, outPublish, inSubscribe } = svc;
      for (let i = 0; i < outCall.length && !many; i++) see(outCall[i].target);
      for (let i = 0; i < inCall.length && !many; i++) see(inCall[i].source);
      for (let i = 0; i < outPublish.length && !many; i++) {
        const subs = outPublish[i].channel?.subscriberServices ?? [];
        for (let k = 0; k < subs.length && !many; k++) see(subs[k]);
      }
      for (let i = 0; i < inSubscribe.length && !many; i++) {
        const pubs = inSubscribe[i].channel?.publisherServices ?? [];
        for (let k = 0; k < pubs.length && !many; k++) see(pubs[k]);
      }
      if (many || first === undefined) continue;
      const other: NodeEntry = first;
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
