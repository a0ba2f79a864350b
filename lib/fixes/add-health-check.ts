import type { ServiceNode } from '@/lib/model';
import { joinNames } from './shared';
import { defineFix } from './types';

export default defineFix({
  id: 'add-health-check',
  description: 'Gives the finding’s services liveness and readiness checks (/health/live and /health/ready in the export).',
  apply(ctx) {
    const services = ctx.nodeTargets('service');
    if (services.length === 0) return ctx.fail('This finding names no service to add health checks to.');
    const changed: ServiceNode[] = [];
    for (const { node } of services) {
      const svc = node as ServiceNode;
      if (svc.healthCheck.liveness && svc.healthCheck.readiness) continue;
      changed.push(ctx.draft.patchNode<ServiceNode>(svc.id, { healthCheck: { ...svc.healthCheck, liveness: true, readiness: true } }));
    }
    return ctx.done(`${joinNames(changed.map((s) => s.name))} now ${changed.length === 1 ? 'has' : 'have'} liveness and readiness checks.`, { nodes: changed.map((s) => s.id) });
  },
});
