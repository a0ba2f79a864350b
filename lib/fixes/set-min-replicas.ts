import type { ServiceNode } from '@/lib/model';
import { joinNames } from './shared';
import { defineFix } from './types';

export default defineFix({
  id: 'set-min-replicas',
  description: 'Raises the finding’s services to the minimum replica count the profile asks for (2 by default).',
  apply(ctx) {
    const services = ctx.nodeTargets('service');
    if (services.length === 0) return ctx.fail('This finding names no service to scale.');
    const min = ctx.ruleOptions<{ minReplicas: number }>('replicas-below-ha').minReplicas;
    const changed: ServiceNode[] = [];
    for (const { node } of services) if ((node as ServiceNode).replicas < min) changed.push(ctx.draft.patchNode<ServiceNode>(node.id, { replicas: min }));
    return ctx.done(`${joinNames(changed.map((s) => s.name))} now ${changed.length === 1 ? 'runs' : 'run'} ${min} replicas.`, { nodes: changed.map((s) => s.id) });
  },
});
