import type { ServiceNode } from '@/lib/model';
import { joinNames } from './shared';
import { defineFix } from './types';

export default defineFix({
  id: 'make-stateless',
  description: 'Marks the finding’s services stateless: their state belongs in a database or cache, not in the instance.',
  apply(ctx) {
    const services = ctx.nodeTargets('service');
    if (services.length === 0) return ctx.fail('This finding names no service to make stateless.');
    const changed: ServiceNode[] = [];
    for (const { node } of services) if (!(node as ServiceNode).stateless) changed.push(ctx.draft.patchNode<ServiceNode>(node.id, { stateless: true }));
    return ctx.done(`${joinNames(changed.map((s) => s.name))} ${changed.length === 1 ? 'is' : 'are'} now stateless: keep sessions and other state in a store.`, {
      nodes: changed.map((s) => s.id),
    });
  },
});
