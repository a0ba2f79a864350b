import type { PublishEdge } from '@/lib/model';
import { EDGE_FLAG, NODE_KIND_CODE, type DesignGraph } from '@/lib/graph';
import { REF } from '../references';
import { defineRule, type FindingInput, type Finding } from '../types';

// Imported bindings are getter calls once transpiled to CommonJS (tsx, vitest): loops read
// these module-level copies instead.
const { write: WRITE, outbox: OUTBOX } = EDGE_FLAG;
const { service: SERVICE } = NODE_KIND_CODE;

const FIXES: FindingInput['fixes'] = ['enable-outbox'];

/** True when the node writes a store (some data edge other than read-only). */
function writesData(graph: DesignGraph, v: number): boolean {
  const { offsets, items } = graph.adjacency.outData;
  const flags = graph.edgeFacts.flags;
  for (let k = offsets[v], end = offsets[v + 1]; k < end; k++) if (flags[items[k]] & WRITE) return true;
  return false;
}

function tailFor(tails: Map<unknown, string>, key: unknown, event: string, version: number): string {
  let tail = tails.get(key);
  if (tail === undefined) tails.set(key, (tail = ` writes its database and publishes ${event} v${version} without an outbox: a crash in between loses the event or sends a phantom one.`));
  return tail;
}

export default defineRule({
  meta: {
    id: 'missing-outbox',
    title: 'Event published without an outbox',
    category: 'data',
    defaultSeverity: 'warning',
    description:
      'A service that writes its database and then publishes an event can crash in between: the event is lost, or published for a write that rolled back. An outbox table written in the same transaction and relayed to the broker makes both happen or neither.',
    fix: 'Write the event to an outbox table in the same transaction as the change, and relay it to Kafka (polling or CDC).',
    references: [REF.outbox, REF.nova],
    profiles: ['grpc-kafka'],
  },
  check(ctx) {
    const out: Finding[] = [];
    // The message after the service name depends on the event only: built once per event.
    const tails = new Map<unknown, string>();
    const { graph } = ctx;
    const f = graph.edgeFacts;
    const pubs = f.byKind.publish;
    for (let j = 0; j < pubs.length; j++) {
      const i = pubs[j];
      // The dual-write problem needs a database write next to the publish.
      if (f.flags[i] & OUTBOX || graph.nodeFacts.kind[f.source[i]] !== SERVICE || !writesData(graph, f.source[i])) continue;
      const edge = graph.designEdges[i] as PublishEdge;
      out.push(
        ctx.newFinding(graph.nodeList[f.source[i]].name + tailFor(tails, f.channel[i], edge.event, edge.version), ctx.edgeTargetsAt(i), FIXES),
      );
    }
    return out;
  },
});
