import { createEdge, type DataEdge } from '@/lib/model';
import { databaseGateway, type DatabaseGatewayOptions } from '@/lib/validation/rules/database-via-gateway';
import { linkServices, pascal } from './shared';
import { defineFix } from './types';

const WIDER: Record<DataEdge['access'], number> = { read: 1, write: 2, 'read-write': 3 };

export default defineFix({
  id: 'route-via-database-gateway',
  description:
    'Moves the service’s database access to the database-gateway service: the gateway gets the data edge, and the service sends it requests over the broker (or calls it, where direct calls are allowed).',
  apply(ctx) {
    const { draft, graph } = ctx;
    const { gateway } = databaseGateway(graph, ctx.ruleOptions<DatabaseGatewayOptions & Record<string, unknown>>('database-via-gateway'));
    if (!gateway) return ctx.fail('The design has no database-gateway service.');
    const access = ctx.edgeTargets('data').find((e) => e.source.kind === 'service' && e.source !== gateway);
    if (!access) return ctx.fail(`This finding names no database access outside ${gateway.name}.`);
    const store = access.target;
    const svc = access.source;
    const edges: string[] = [];
    // The gateway needs the access the service had (reads, writes or both).
    const own = gateway.outData.find((e) => e.target === store);
    const needed = svc.outData.filter((e) => e.target === store).reduce((acc, e) => (acc === e.edge.access || acc === 'read-write' ? acc : acc === undefined ? e.edge.access : 'read-write'), undefined as DataEdge['access'] | undefined)!;
    if (!own) {
      edges.push(draft.addEdge(createEdge(draft.node(gateway.id)!, draft.node(store.id)!, { kind: 'data', access: needed })).id);
    } else if (own.edge.access !== needed && WIDER[own.edge.access] !== 3) {
      draft.patchEdge<DataEdge>(own.id, { access: 'read-write' });
      edges.push(own.id);
    }
    const link = linkServices(ctx, draft.node(svc.id)!, draft.node(gateway.id)!, `${pascal(store.name)}Requested`);
    const removed = new Set(svc.outData.filter((e) => e.target === store).map((e) => e.id));
    draft.removeEdges(removed, Object.fromEntries([...removed].map((id) => [id, link.edges[0]])));
    return ctx.done(`${svc.name} now reaches ${store.name} through ${gateway.name}${link.via === 'bus' ? ' over the broker' : ''}.`, {
      edges: [...edges, ...(link.existing ? [] : link.edges)],
      nodes: link.nodes,
    });
  },
});
