import { z } from 'zod';
import type { NodeEntry } from '@/lib/graph';
import { degree, hasOwnData } from '../helpers';
import { REF } from '../references';
import { defineRule, type Finding } from '../types';

export default defineRule({
  meta: {
    id: 'esb-misuse',
    title: 'ESB usage (smart pipes)',
    category: 'communication',
    defaultSeverity: 'warning',
    description:
      'A hub that receives from many services and forwards to many others without owning any data is routing and transforming — an enterprise service bus in disguise. It centralises logic that belongs to the endpoints, and every change to any flow goes through it. A broker that calls services or touches databases is the same smell in the pipe itself.',
    fix: 'Keep pipes dumb and endpoints smart: let producers publish their own events and consumers subscribe directly; move routing and transformation rules into the services that own them.',
    references: [REF.taibiTaxonomy, REF.neri, REF.messaging],
    options: z.object({
      /** Distinct services a hub receives from (calls or events). */
      minUpstream: z.number().int().min(1).max(10_000).default(3),
      /** Distinct services a hub forwards to (calls or events). */
      minDownstream: z.number().int().min(1).max(10_000).default(3),
    }),
  },
  check(ctx) {
    const { graph, options } = ctx;
    const out: Finding[] = [];
    const { outCall, inCall, outPublish, inSubscribe, outData } = graph.adjacency;
    const edges = graph.edgeList;
    // Distinct neighbour services counted with a stamp per node: no Set per service. One
    // closure per check (not per service); `mark` and `count` say what is being counted.
    const stamp = new Int32Array(graph.nodeList.length);
    let self: NodeEntry = graph.nodeList[0];
    let mark = 0;
    let count = 0;
    const see = (other: NodeEntry) => {
      if (other !== self && other.kind === 'service' && stamp[other.index] !== mark) {
        stamp[other.index] = mark;
        count++;
      }
    };
    // One pass over all nodes keeps services and brokers in design order.
    for (const svc of graph.nodeList) {
      const v = svc.index;
      if (svc.kind === 'broker') {
        if (degree(outCall, v) === 0 && degree(outData, v) === 0) continue;
        const smart = [...svc.outCall, ...svc.outData].sort((a, b) => a.index - b.index);
        out.push(
          ctx.finding({
            message: `Broker ${svc.name} calls or writes to ${ctx.list([...new Set(smart.map((e) => e.target.name))])}: logic in the pipe makes it an ESB.`,
            targets: [svc.id, ...smart.map((e) => e.id)],
          }),
        );
        continue;
      }
      if (svc.kind !== 'service' || hasOwnData(graph, svc)) continue;
      // Cheap bound first: a hub needs inbound and outbound traffic at all.
      if (degree(inCall, v) + degree(inSubscribe, v) === 0 || degree(outCall, v) + degree(outPublish, v) === 0) continue;
      self = svc;
      mark = 2 * v + 1;
      count = 0;
      const minUp = options.minUpstream;
      for (let k = inCall.offsets[v], end = inCall.offsets[v + 1]; k < end && count < minUp; k++) see(edges[inCall.items[k]].source);
      for (let k = inSubscribe.offsets[v], end = inSubscribe.offsets[v + 1]; k < end && count < minUp; k++) {
        const pubs = edges[inSubscribe.items[k]].channel?.publisherServices;
        for (let j = 0; pubs && j < pubs.length && count < minUp; j++) see(pubs[j]);
      }
      if (count < minUp) continue;
      const up = count;
      mark = 2 * v + 2;
      count = 0;
      const minDown = options.minDownstream;
      for (let k = outCall.offsets[v], end = outCall.offsets[v + 1]; k < end && count < minDown; k++) see(edges[outCall.items[k]].target);
      for (let k = outPublish.offsets[v], end = outPublish.offsets[v + 1]; k < end && count < minDown; k++) {
        const subs = edges[outPublish.items[k]].channel?.subscriberServices;
        for (let j = 0; subs && j < subs.length && count < minDown; j++) see(subs[j]);
      }
      if (count < minDown) continue;
      const down = count;
      out.push(
        ctx.finding({
          message: `${svc.name} receives from ${up}+ services and forwards to ${down}+ others without owning data: it routes between them like an ESB.`,
          targets: [svc.id],
        }),
      );
    }
    return out;
  },
});
