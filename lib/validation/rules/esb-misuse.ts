import { z } from 'zod';
import type { NodeEntry } from '@/lib/graph';
import { hasOwnData } from '../helpers';
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
    // Distinct neighbour services counted with a stamp per node: no Set per service.
    const stamp = new Int32Array(graph.nodeList.length);
    // One pass over all nodes keeps services and brokers in design order.
    for (const svc of graph.nodeList) {
      if (svc.kind === 'broker') {
        if (svc.outCall.length === 0 && svc.outData.length === 0) continue;
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
      if (svc.inCall.length + svc.inSubscribe.length === 0 || svc.outCall.length + svc.outPublish.length === 0) continue;
      const upMark = 2 * svc.index + 1;
      const downMark = upMark + 1;
      let up = 0;
      const countUp = (other: NodeEntry) => {
        if (other !== svc && other.kind === 'service' && stamp[other.index] !== upMark) {
          stamp[other.index] = upMark;
          up++;
        }
      };
      const { inCall, inSubscribe, outCall, outPublish } = svc;
      for (let i = 0; i < inCall.length && up < options.minUpstream; i++) countUp(inCall[i].source);
      for (let i = 0; i < inSubscribe.length && up < options.minUpstream; i++) {
        const pubs = inSubscribe[i].channel?.publisherServices ?? [];
        for (let k = 0; k < pubs.length && up < options.minUpstream; k++) countUp(pubs[k]);
      }
      if (up < options.minUpstream) continue;
      let down = 0;
      const countDown = (other: NodeEntry) => {
        if (other !== svc && other.kind === 'service' && stamp[other.index] !== downMark) {
          stamp[other.index] = downMark;
          down++;
        }
      };
      for (let i = 0; i < outCall.length && down < options.minDownstream; i++) countDown(outCall[i].target);
      for (let i = 0; i < outPublish.length && down < options.minDownstream; i++) {
        const subs = outPublish[i].channel?.subscriberServices ?? [];
        for (let k = 0; k < subs.length && down < options.minDownstream; k++) countDown(subs[k]);
      }
      if (down < options.minDownstream) continue;
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
