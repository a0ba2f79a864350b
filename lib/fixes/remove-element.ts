import type { BrokerNode } from '@/lib/model';
import { joinNames } from './shared';
import { defineFix } from './types';

export default defineFix({
  id: 'remove-element',
  description:
    'Removes what the finding is about with everything that refers to it: a node and its edges, the listed edges, an event and its publications, or a broker’s unused topics.',
  apply(ctx) {
    const { draft, graph, finding } = ctx;
    const primary = finding.targets[0];
    if (primary === undefined) return ctx.fail('This finding is about the whole design, not one element.');
    const entry = graph.nodes.get(primary);
    if (entry) {
      // A broker in use is reported for its unused topics: remove those, not the broker.
      if (entry.kind === 'broker' && (entry.inPublish.length > 0 || entry.outSubscribe.length > 0)) {
        const broker = entry.node as BrokerNode;
        const unused = broker.topics.filter((t) => !graph.topicChannel(broker.id, t.name));
        if (unused.length === 0) return ctx.fail(`${broker.name} is in use and has no unused topics.`);
        draft.patchNode<BrokerNode>(broker.id, { topics: broker.topics.filter((t) => graph.topicChannel(broker.id, t.name)) });
        return ctx.done(`Removed the unused topic${unused.length === 1 ? '' : 's'} ${joinNames([...new Set(unused.map((t) => t.name))])} from ${broker.name}.`, { nodes: [broker.id] });
      }
      draft.removeNodes(new Set([primary]));
      return ctx.done(`Removed ${entry.name}.`);
    }
    const edges = ctx.edgeTargets();
    if (edges.length > 0) {
      draft.removeEdges(new Set(edges.map((e) => e.id)));
      return ctx.done(`Removed ${edges.length === 1 ? 'the edge' : `${edges.length} edges`} ${joinNames(edges.map((e) => `${e.source.name} → ${e.target.name}`))}.`);
    }
    const events = draft.eventList;
    const first = events.find((e) => e.id === primary);
    if (first) {
      // Publications nobody consumes would only be reported next as published to nobody.
      const indices = new Set(events.flatMap((e, i) => (e.id === primary ? [i] : [])));
      draft.removeEvents(indices);
      const carries = (e: { kind: string; event?: string; version?: number }) => e.event === first.name && e.version === first.version;
      const consumed = draft.edgeList.some((e) => e.kind === 'subscribe' && carries(e));
      const pubs = consumed ? [] : draft.edgeList.filter((e) => e.kind === 'publish' && carries(e));
      draft.removeEdges(new Set(pubs.map((e) => e.id)));
      return ctx.done(`Removed the event ${first.name} v${first.version}${pubs.length > 0 ? ` and its ${pubs.length === 1 ? 'publication' : `${pubs.length} publications`}` : ''}.`);
    }
    return ctx.fail('What this finding names is no longer in the design.');
  },
});
