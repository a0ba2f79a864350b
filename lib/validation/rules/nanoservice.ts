import { NODE_KIND_CODE } from '@/lib/graph';
import { REF } from '../references';
import { defineRule, type Finding, type FindingInput } from '../types';

// Imported bindings are getter calls once transpiled to CommonJS (tsx, vitest): loops read
// these module-level copies instead.
const { service: SERVICE } = NODE_KIND_CODE;

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
    const f = graph.edgeFacts;
    const kind = graph.nodeFacts.kind;
    const events = graph.events;
    const nodes = graph.nodeList;
    // Distinct neighbour services of `self`, stopping at the second. One closure per check (not
    // per service) and typed-array loops: this runs for every service.
    let self = -1;
    let first = -1;
    let many = false;
    const see = (other: number) => {
      if (other === self || kind[other] !== SERVICE) return;
      if (first === -1) first = other;
      else if (other !== first) many = true;
    };
    const seeAll = (channel: number, publishers: boolean) => {
      if (channel === -1) return;
      const others = publishers ? events[channel].publisherServices : events[channel].subscriberServices;
      for (let j = 0; j < others.length && !many; j++) see(others[j].index);
    };
    for (let ix = 0; ix < graph.services.length; ix++) {
      const svc = graph.services[ix];
      if (graph.hasData[svc.index] === 1) continue;
      const v = svc.index;
      self = v;
      first = -1;
      many = false;
      for (let k = outCall.offsets[v], end = outCall.offsets[v + 1]; k < end && !many; k++) see(f.target[outCall.items[k]]);
      for (let k = inCall.offsets[v], end = inCall.offsets[v + 1]; k < end && !many; k++) see(f.source[inCall.items[k]]);
      // Events reach the services on the other side of the channel.
      for (let k = outPublish.offsets[v], end = outPublish.offsets[v + 1]; k < end && !many; k++) seeAll(f.channel[outPublish.items[k]], false);
      for (let k = inSubscribe.offsets[v], end = inSubscribe.offsets[v + 1]; k < end && !many; k++) seeAll(f.channel[inSubscribe.items[k]], true);
      if (many || first === -1) continue;
      const other = nodes[first];
      out.push(
        ctx.newFinding(
          `${svc.name} only talks to ${other.name} and keeps no data of its own: it is probably part of ${other.name}.`,
          [svc.id, other.id],
          FIXES,
        ),
      );
    }
    return out;
  },
});
