import type { ServiceNode } from '@/lib/model';
import { joinNames } from './shared';
import { defineFix } from './types';

export default defineFix({
  id: 'enable-tracing',
  description: 'Turns tracing on for the finding’s services (for a design-wide finding: every service that has it off).',
  apply(ctx) {
    const named = ctx.nodeTargets('service');
    const services = (named.length > 0 ? named : ctx.graph.services).map((e) => e.node as ServiceNode);
    if (services.length === 0) return ctx.fail('There is no service to turn tracing on for.');
    const changed = services.filter((s) => !s.tracing).map((s) => ctx.draft.patchNode<ServiceNode>(s.id, { tracing: true }));
    return ctx.done(`Tracing is on for ${joinNames(changed.map((s) => s.name))}.`, { nodes: changed.map((s) => s.id) });
  },
});
