import type { CallEdge, DesignNode, GatewayNode, Operation, Route } from '@/lib/model';
import { newId } from '@/lib/model';
import type { EdgeEntry, NodeEntry } from '@/lib/graph';
import { DEFAULT_TIMEOUT_MS, addCall, addNode, joinNames, midpoint } from './shared';
import { defineFix } from './types';

/** Operations of several calls, each method + path once, in order. */
function unionOps(lists: readonly (readonly Operation[])[]): Operation[] {
  const seen = new Set<string>();
  const out: Operation[] = [];
  for (const list of lists) {
    for (const op of list) {
      const key = `${op.method} ${op.path}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(op);
      }
    }
  }
  return out;
}

function centre(points: readonly { x: number; y: number }[]): { x: number; y: number } {
  const n = Math.max(1, points.length);
  return { x: points.reduce((s, p) => s + p.x, 0) / n, y: points.reduce((s, p) => s + p.y, 0) / n };
}

export default defineFix({
  id: 'insert-gateway',
  description:
    'Puts an API gateway (an existing one, else a new one between clients and services) in front of the services the clients call directly: each client calls the gateway instead, and the gateway routes to each service with a timeout.',
  apply(ctx) {
    const { draft, graph } = ctx;
    const clients = ctx.nodeTargets('client');
    if (clients.length === 0) return ctx.fail('This finding names no client.');
    const direct = new Map<NodeEntry, EdgeEntry<CallEdge>[]>();
    for (const c of clients) {
      const list = c.outCall.filter((e) => e.target.kind === 'service');
      if (list.length > 0) direct.set(c, list);
    }
    if (direct.size === 0) return ctx.fail(`${joinNames(clients.map((c) => c.name))} calls no service directly.`);
    const services = [...new Set([...direct.values()].flat().map((e) => e.target))];

    // Reuse the gateway a client already uses, else the design's first one, else add one.
    let gateway: DesignNode | undefined = clients.flatMap((c) => c.outCall).find((e) => e.target.kind === 'gateway')?.target.node ?? graph.nodesByKind.gateway[0]?.node;
    const created = !gateway;
    if (!gateway) {
      const from = centre(clients.map((c) => draft.position(c.node)));
      const to = centre(services.map((s) => draft.position(s.node)));
      gateway = addNode(ctx, 'gateway', 'gateway', midpoint(from, to));
    }
    const gw = gateway;
    const edges: string[] = [];

    for (const [client, list] of direct) {
      const ops = unionOps(list.map((e) => e.edge.operations));
      const existing = draft.edgeList.find((e): e is CallEdge => e.kind === 'call' && e.source === client.id && e.target === gw.id);
      // One client → gateway call carries what the direct calls did; flows move with it.
      const keep = existing ?? list[0].edge;
      const merged = unionOps([existing?.operations ?? [], ops]);
      const patched = draft.patchEdge<CallEdge>(keep.id, { target: gw.id, operations: merged });
      edges.push(patched.id);
      const gone = new Set(list.map((e) => e.id).filter((id) => id !== keep.id));
      draft.removeEdges(gone, Object.fromEntries([...gone].map((id) => [id, keep.id])));
    }

    const routes: Route[] = [...(draft.node(gw.id) as GatewayNode).routes];
    const paths = new Set(routes.map((r) => r.path));
    for (const svc of services) {
      const ops = unionOps([...direct.values()].flat().filter((e) => e.target === svc).map((e) => e.edge.operations));
      const existing = draft.edgeList.find((e): e is CallEdge => e.kind === 'call' && e.source === gw.id && e.target === svc.id);
      if (!existing) edges.push(addCall(ctx, draft.node(gw.id)!, svc.node, { operations: ops }).id);
      else if (existing.timeoutMs === undefined) edges.push(draft.patchEdge<CallEdge>(existing.id, { timeoutMs: DEFAULT_TIMEOUT_MS }).id);
      if (!routes.some((r) => r.target === svc.id)) {
        let path = `/${svc.name}`;
        for (let i = 2; paths.has(path); i++) path = `/${svc.name}-${i}`;
        paths.add(path);
        routes.push({ id: newId('rt'), path, target: svc.id });
      }
    }
    if (routes.length !== (draft.node(gw.id) as GatewayNode).routes.length) draft.patchNode<GatewayNode>(gw.id, { routes });

    const names = joinNames(services.map((s) => s.name));
    return ctx.done(`${joinNames([...direct.keys()].map((c) => c.name))} now ${direct.size === 1 ? 'reaches' : 'reach'} ${names} through ${created ? 'the new gateway ' : ''}${gw.name}.`, {
      nodes: [gw.id],
      edges,
    });
  },
});
