import type { Operation } from '@/lib/model';
import { addCall, addNode, joinNames, linkServices, pascal } from './shared';
import { defineFix } from './types';

export default defineFix({
  id: 'insert-integration-service',
  description:
    'Gives each external system of the finding its own integration service (<external>-integration): every service that called the external system now goes through it (over the broker where the house style forbids direct calls), and only it calls the external system.',
  apply(ctx) {
    const { draft } = ctx;
    const externals = ctx.nodeTargets('external');
    if (externals.length === 0) return ctx.fail('This finding names no external system.');
    const nodes: string[] = [];
    const edges: string[] = [];
    const done: string[] = [];
    for (const ext of externals) {
      const calls = ext.inCall.filter((e) => e.source.kind === 'service');
      const callers = [...new Set(calls.map((e) => e.source))];
      if (callers.length === 0) continue;
      // One caller that talks to no other external system already is this one's integration service.
      const dedicated = callers.length === 1 && callers[0].outCall.every((e) => e.target === ext || e.target.kind !== 'external');
      if (dedicated) continue;
      const at = draft.position(ext.node);
      const integration = addNode(ctx, 'service', `${ext.name}-integration`, { x: at.x - 240, y: at.y }, {
        stack: ctx.design.settings.defaultStack,
        description: `The one service that talks to ${ext.name}; others ask it.`,
      });
      nodes.push(integration.id);
      const ops: Operation[] = [];
      const seen = new Set<string>();
      for (const e of calls) {
        for (const op of e.edge.operations) {
          const key = `${op.method} ${op.path}`;
          if (!seen.has(key)) {
            seen.add(key);
            ops.push(op);
          }
        }
      }
      // The one call keeps what made the old ones safe to retry.
      const safety = { retries: Math.min(...calls.map((e) => e.edge.retries)), idempotencyKey: calls.some((e) => e.edge.idempotencyKey) };
      edges.push(addCall(ctx, integration, ext.node, { operations: ops, ...safety }).id);
      for (const caller of callers) {
        const link = linkServices(ctx, draft.node(caller.id)!, integration, `${pascal(ext.name)}Requested`);
        edges.push(...link.edges);
        nodes.push(...link.nodes);
        const gone = new Set(calls.filter((e) => e.source === caller).map((e) => e.id));
        draft.removeEdges(gone, Object.fromEntries([...gone].map((id) => [id, link.edges[0]])));
      }
      done.push(`${ext.name} (${integration.name})`);
    }
    if (done.length === 0) return ctx.fail('No service calls these external systems, or each already has its own integration service.');
    return ctx.done(`Added an integration service for ${joinNames(done)}.`, { nodes: [...new Set(nodes)], edges: [...new Set(edges)] });
  },
});
