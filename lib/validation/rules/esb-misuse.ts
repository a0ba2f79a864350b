import { z } from 'zod';
import { NODE_KIND_CODE } from '@/lib/graph';
import { degree as degreeOf } from '../helpers';
import { REF } from '../references';
import { defineRule, type Finding } from '../types';

// Imported bindings are getter calls once transpiled to CommonJS (tsx, vitest): loops read
// these module-level copies instead.
const { service: SERVICE, broker: BROKER } = NODE_KIND_CODE;
const degree = degreeOf;

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
    const f = graph.edgeFacts;
    const kind = graph.nodeFacts.kind;
    const events = graph.events;
    // Distinct neighbour services counted with a stamp per node: no Set per service. One
    // closure per check (not per service); `self`, `mark` and `count` say what is being counted.
    const stamp = new Int32Array(graph.nodeList.length);
    let self = -1;
    let mark = 0;
    let count = 0;
    const see = (other: number) => {
      if (other !== self && kind[other] === SERVICE && stamp[other] !== mark) {
        stamp[other] = mark;
        count++;
      }
    };
    // One pass over all nodes keeps services and brokers in design order.
    for (let ix = 0; ix < graph.nodeList.length; ix++) {
      const svc = graph.nodeList[ix];
      const v = svc.index;
      if (kind[v] === BROKER) {
        if (degree(outCall, v) === 0 && degree(outData, v) === 0) continue;
        const smart: number[] = [];
        for (let k = outCall.offsets[v], end = outCall.offsets[v + 1]; k < end; k++) smart.push(outCall.items[k]);
        for (let k = outData.offsets[v], end = outData.offsets[v + 1]; k < end; k++) smart.push(outData.items[k]);
        smart.sort((a, b) => a - b);
        out.push(
          ctx.newFinding(
            `Broker ${svc.name} calls or writes to ${ctx.list([...new Set(smart.map((i) => graph.nodeList[f.target[i]].name))])}: logic in the pipe makes it an ESB.`,
            [svc.id, ...smart.map((i) => graph.designEdges[i].id)],
          ),
        );
        continue;
      }
      if (kind[v] !== SERVICE || graph.hasData[v] === 1) continue;
      // Cheap bound first: a hub needs inbound and outbound traffic at all.
      if (degree(inCall, v) + degree(inSubscribe, v) === 0 || degree(outCall, v) + degree(outPublish, v) === 0) continue;
      self = v;
      mark = 2 * v + 1;
      count = 0;
      const minUp = options.minUpstream;
      for (let k = inCall.offsets[v], end = inCall.offsets[v + 1]; k < end && count < minUp; k++) see(f.source[inCall.items[k]]);
      for (let k = inSubscribe.offsets[v], end = inSubscribe.offsets[v + 1]; k < end && count < minUp; k++) {
        const c = f.channel[inSubscribe.items[k]];
        const pubs = c === -1 ? undefined : events[c].publisherServices;
        for (let j = 0; pubs && j < pubs.length && count < minUp; j++) see(pubs[j].index);
      }
      if (count < minUp) continue;
      const up = count;
      mark = 2 * v + 2;
      count = 0;
      const minDown = options.minDownstream;
      for (let k = outCall.offsets[v], end = outCall.offsets[v + 1]; k < end && count < minDown; k++) see(f.target[outCall.items[k]]);
      for (let k = outPublish.offsets[v], end = outPublish.offsets[v + 1]; k < end && count < minDown; k++) {
        const c = f.channel[outPublish.items[k]];
        const subs = c === -1 ? undefined : events[c].subscriberServices;
        for (let j = 0; subs && j < subs.length && count < minDown; j++) see(subs[j].index);
      }
      if (count < minDown) continue;
      const down = count;
      out.push(
        ctx.newFinding(
          `${svc.name} receives from ${up}+ services and forwards to ${down}+ others without owning data: it routes between them like an ESB.`,
          [svc.id],
        ),
      );
    }
    return out;
  },
});
