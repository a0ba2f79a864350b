import type { DataStoreNode, NodeEntry } from '@/lib/graph';
import type { DataEdge } from '@/lib/model';
import { addNode, joinNames, storeOf } from './shared';
import { defineFix } from './types';

export default defineFix({
  id: 'own-database',
  description:
    'Gives every service that uses the store, except its owner, a store of its own (same kind and technology, named <service>-db) and moves its data edges there; records the owner of the original if it had none.',
  apply(ctx) {
    const { draft, graph } = ctx;
    const entry = storeOf(ctx);
    if (!entry) return ctx.fail('This finding names no database or cache to split.');
    const info = graph.storeAt[entry.index]!;
    const store = info.node;
    // The declared owner keeps the store; without one, the service that used it first does.
    const owner: NodeEntry | undefined = info.owner ?? info.accessors[0];
    const others = info.accessors.filter((a) => a !== owner);
    if (!owner || others.length === 0) return ctx.fail(`Only ${owner ? owner.name : 'no service'} uses ${store.name}: there is nothing to split.`);
    if (!info.owner) draft.patchNode<DataStoreNode>(store.id, { ownerId: owner.id });
    const created: DataStoreNode[] = [];
    const moved: string[] = [];
    for (const svc of others) {
      const at = draft.position(svc.node);
      const copy = addNode(ctx, store.kind, `${svc.name}-${store.kind === 'cache' ? 'cache' : 'db'}`, { x: at.x, y: at.y + 140 }, { technology: store.technology, ownerId: svc.id }, svc.node);
      created.push(copy);
      for (const e of info.edges) {
        if (e.source !== svc) continue;
        draft.patchEdge<DataEdge>(e.id, { target: copy.id });
        moved.push(e.id);
      }
    }
    const kind = store.kind === 'cache' ? 'cache' : 'database';
    return ctx.done(
      `${joinNames(others.map((s) => s.name))} now ${others.length === 1 ? 'has its' : 'each have their'} own ${kind} (${joinNames(created.map((c) => c.name))}); ${owner.name} owns ${store.name}.`,
      { nodes: created.map((c) => c.id), edges: moved },
    );
  },
});
