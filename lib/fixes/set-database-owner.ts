import type { DataStoreNode } from '@/lib/graph';
import { storeOf } from './shared';
import { defineFix } from './types';

export default defineFix({
  id: 'set-database-owner',
  description: 'Records the first service that uses the store as its owner (database per service).',
  apply(ctx) {
    const entry = storeOf(ctx);
    if (!entry) return ctx.fail('This finding names no database or cache.');
    const info = ctx.graph.storeAt[entry.index]!;
    if (info.owner) return ctx.fail(`${info.node.name} is already owned by ${info.owner.name}.`);
    const owner = info.accessors[0];
    if (!owner) return ctx.fail(`No service uses ${info.node.name}: connect the service that owns it first.`);
    ctx.draft.patchNode<DataStoreNode>(info.node.id, { ownerId: owner.id });
    return ctx.done(`${owner.name} now owns ${info.node.name}.`, { nodes: [info.node.id] });
  },
});
