import type { NodeEntry } from '@/lib/graph';
import { edgeLabel, linkServices, pascal } from './shared';
import { defineFix } from './types';

export default defineFix({
  id: 'route-via-owner',
  description:
    'Removes the service’s direct access to another service’s store and has it ask the owner instead: a call to the owner, or a request event where the house style forbids direct calls.',
  apply(ctx) {
    const { draft, graph } = ctx;
    const access = ctx.edgeTargets('data').find((e) => e.source.kind === 'service' && graph.storeAt[e.target.index]?.owner);
    if (!access) return ctx.fail('This finding names no access to a store another service owns.');
    const owner = graph.storeAt[access.target.index]!.owner as NodeEntry;
    const svc = access.source;
    if (owner === svc) return ctx.fail(`${svc.name} owns ${access.target.name} itself.`);
    const link = linkServices(ctx, draft.node(svc.id)!, draft.node(owner.id)!, `${pascal(access.target.name)}Requested`);
    // Every edge of the same access goes (parallel edges are the same shortcut); flow steps
    // through them now go to the owner.
    const removed = new Set(svc.outData.filter((e) => e.target === access.target).map((e) => e.id));
    const replacement = Object.fromEntries([...removed].map((id) => [id, link.edges[0]]));
    draft.removeEdges(removed, replacement);
    const how = link.via === 'call' ? (link.existing ? `through its existing call ${edgeLabel(ctx, draft.edge(link.edges[0])!)}` : 'with a call') : 'with a request event over the broker';
    return ctx.done(`${svc.name} no longer touches ${access.target.name}; it asks ${owner.name} ${how}.`, {
      edges: link.existing ? [] : link.edges,
      nodes: link.nodes,
    });
  },
});
