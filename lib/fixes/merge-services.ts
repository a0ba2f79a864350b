import type { CallEdge, DataEdge, DesignEdge, DesignEvent, Endpoint, GatewayNode, Operation, ServiceNode } from '@/lib/model';
import type { DataStoreNode } from '@/lib/graph';
import { defineFix } from './types';

const ACCESS: Record<DataEdge['access'], number> = { read: 1, write: 2, 'read-write': 3 };

/** The same connection from the merged service's point of view: same kind, other end and channel. */
function sameLink(a: DesignEdge, b: DesignEdge): boolean {
  if (a.kind !== b.kind || a.source !== b.source || a.target !== b.target) return false;
  if ((a.kind === 'publish' || a.kind === 'subscribe') && (b.kind === 'publish' || b.kind === 'subscribe')) {
    return a.topic === b.topic && a.event === b.event && a.version === b.version;
  }
  return true;
}

function mergeOps(a: readonly Operation[], b: readonly Operation[]): Operation[] {
  const seen = new Set(a.map((op) => `${op.method} ${op.path}`));
  return [...a, ...b.filter((op) => !seen.has(`${op.method} ${op.path}`))];
}

export default defineFix({
  id: 'merge-services',
  description:
    'Merges two services into one: the second one’s edges, endpoints, stores, events and routes move to the first, calls between them disappear (they are in-process now), and duplicate connections are combined.',
  apply(ctx) {
    const { draft, finding } = ctx;
    const services = ctx.nodeTargets('service');
    if (services.length < 2) return ctx.fail('This finding does not name two services to merge.');
    // A finding about one service (a nanoservice) merges it into its neighbour; a finding about
    // a pair (chatty calls) folds the second into the first.
    const [a, b] = services;
    const [absorbed, kept] = finding.targets[0] === a.id ? [a, b] : [b, a];
    const keptNode = draft.node(kept.id) as ServiceNode;
    const goneNode = draft.node(absorbed.id) as ServiceNode;
    const k = kept.id;
    const x = absorbed.id;

    // Endpoints: the kept service's, plus the absorbed one's it does not already serve.
    const have = new Set(keptNode.endpoints.map((ep) => `${ep.method} ${ep.path}`));
    const ids = new Set(keptNode.endpoints.map((ep) => ep.id));
    const endpoints: Endpoint[] = [...keptNode.endpoints];
    for (const ep of goneNode.endpoints) {
      if (have.has(`${ep.method} ${ep.path}`)) continue;
      let id = ep.id;
      for (let i = 2; ids.has(id); i++) id = `${ep.id.slice(0, 58)}-${i}`;
      ids.add(id);
      endpoints.push(id === ep.id ? ep : { ...ep, id });
    }
    const replicas = Math.max(keptNode.replicas, goneNode.replicas);
    if (endpoints.length !== keptNode.endpoints.length || replicas !== keptNode.replicas) draft.patchNode<ServiceNode>(k, { endpoints, replicas });

    // Edges: calls between the two go; the rest move to the kept service unless it already has
    // the same connection, which then absorbs them (operations merged, access widened).
    const removed = new Set<string>();
    const replacement: Record<string, string> = {};
    for (const edge of [...draft.edgeList]) {
      if (edge.source !== x && edge.target !== x) continue;
      const source = edge.source === x ? k : edge.source;
      const target = edge.target === x ? k : edge.target;
      if (source === target) {
        removed.add(edge.id);
        continue;
      }
      const moved = { ...edge, source, target } as DesignEdge;
      const twin = draft.edgeList.find((e) => e !== edge && !removed.has(e.id) && e.source !== x && e.target !== x && sameLink(e, moved));
      if (!twin) {
        draft.patchEdge(edge.id, { source, target });
        continue;
      }
      removed.add(edge.id);
      replacement[edge.id] = twin.id;
      if (twin.kind === 'call' && edge.kind === 'call') {
        const ops = mergeOps(twin.operations, edge.operations);
        if (ops.length !== twin.operations.length) draft.patchEdge<CallEdge>(twin.id, { operations: ops });
      } else if (twin.kind === 'data' && edge.kind === 'data' && twin.access !== edge.access && ACCESS[twin.access] !== 3) {
        draft.patchEdge<DataEdge>(twin.id, { access: 'read-write' });
      }
    }
    draft.removeEdges(removed, replacement);

    // References: stores and events it owned and gateway routes to it now belong to the kept one.
    for (const n of [...draft.nodeList]) {
      if ((n.kind === 'database' || n.kind === 'cache') && n.ownerId === x) draft.patchNode<DataStoreNode>(n.id, { ownerId: k });
      else if (n.kind === 'gateway' && n.routes.some((r) => r.target === x)) {
        draft.patchNode<GatewayNode>(n.id, { routes: n.routes.map((r) => (r.target === x ? { ...r, target: k } : r)) });
      }
    }
    draft.eventList.forEach((ev: DesignEvent, i) => {
      if (ev.ownerId === x) draft.patchEvent(i, { ownerId: k });
    });
    draft.replaceInViews(x, k);
    draft.removeNodes(new Set([x]));
    return ctx.done(`Merged ${absorbed.name} into ${kept.name}.`, { nodes: [k] });
  },
});
