import type { ServiceNode } from '@/lib/model';
import { joinNames } from './shared';
import { defineFix } from './types';

export default defineFix({
  id: 'enable-json-logging',
  description: 'Makes the finding’s services log JSON lines (for a design-wide finding: every service that does not).',
  apply(ctx) {
    const named = ctx.nodeTargets('service');
    const services = (named.length > 0 ? named : ctx.graph.services).map((e) => e.node as ServiceNode);
    if (services.length === 0) return ctx.fail('There is no service to switch to JSON logging.');
    const changed = services.filter((s) => s.logging !== 'json').map((s) => ctx.draft.patchNode<ServiceNode>(s.id, { logging: 'json' }));
    return ctx.done(`${joinNames(changed.map((s) => s.name))} now ${changed.length === 1 ? 'logs' : 'log'} JSON.`, { nodes: changed.map((s) => s.id) });
  },
});
