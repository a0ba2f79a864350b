import type { BrokerNode } from '@/lib/model';
import { eventKey } from '@/lib/graph';
import { degree as degreeOf } from '../helpers';
import { REF } from '../references';
import { defineRule, type FindingInput, type Finding } from '../types';

const FIXES: FindingInput['fixes'] = ['remove-element'];
// Imported bindings are getter calls once transpiled to CommonJS (tsx, vitest): the node loop
// calls a module-level copy.
const degree = degreeOf;

export default defineRule({
  meta: {
    id: 'orphan-node',
    title: 'Unused element',
    category: 'hygiene',
    defaultSeverity: 'info',
    description:
      'A database, cache, broker, topic or external system nothing connects to, or an event nobody consumes, is either a forgotten leftover (it still gets deployed, paid for and secured) or a sign that an edge is missing from the design.',
    fix: 'Connect it to the services that use it, or remove it.',
    references: [REF.neri],
  },
  check(ctx) {
    const { graph, design } = ctx;
    const adj = graph.adjacency;
    const out: Finding[] = [];
    const orphan = (message: string, targets: string[]) => out.push(ctx.newFinding(message, targets, FIXES));

    // Nodes first, in design order; then events seen only on publish edges; then declared events.
    for (let at = 0; at < graph.nodeList.length; at++) {
      const entry = graph.nodeList[at];
      switch (entry.kind) {
        case 'database':
        case 'cache':
          if (degree(adj.inData, entry.index) === 0) orphan(`${entry.kind === 'cache' ? 'Cache' : 'Database'} ${entry.name} is not used by any service.`, [entry.id]);
          break;
        case 'external':
          if (degree(adj.inCall, entry.index) === 0) orphan(`External system ${entry.name} is not called by anything.`, [entry.id]);
          break;
        case 'broker': {
          if (degree(adj.inPublish, entry.index) === 0 && degree(adj.outSubscribe, entry.index) === 0) {
            orphan(`Broker ${entry.name} has no publishers or subscribers.`, [entry.id]);
            break;
          }
          const topics = (entry.node as BrokerNode).topics;
          const seen = topics.length > 1 ? new Set<string>() : undefined;
          for (let at = 0; at < topics.length; at++) {
            const t = topics[at];
            if (seen) {
              if (seen.has(t.name)) continue;
              seen.add(t.name);
            }
            if (!graph.topicChannel(entry.id, t.name)) orphan(`Topic ${t.name} on ${entry.name} is never published or consumed.`, [entry.id]);
          }
          break;
        }
      }
    }
    const declared = new Set<string>();
    for (let at = 0; at < design.events.length; at++) {
      const ev = design.events[at];
      declared.add(eventKey(ev.name, ev.version));
    }
    // Channels are created in edge order, so a publish-only channel's first publisher orders it.
    for (let at = 0; at < graph.events.length; at++) {
      const ch = graph.events[at];
      if (ch.subscriberIndices.length > 0 || declared.has(eventKey(ch.event, ch.version))) continue;
      orphan(`Event ${ch.event} v${ch.version} is published but nobody consumes it.`, ch.publisherIndices.map((i) => graph.designEdges[i].id));
    }
    for (let at = 0; at < design.events.length; at++) {
      const ev = design.events[at];
      if ((graph.eventChannel(ev.name, ev.version)?.subscriberIndices.length ?? 0) === 0) orphan(`Event ${ev.name} v${ev.version} is not consumed by anyone.`, [ev.id]);
    }
    return out;
  },
});
