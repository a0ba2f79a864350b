import type { GatewayNode } from '@/lib/model';
import { joinNames } from './shared';
import { defineFix } from './types';

export default defineFix({
  id: 'enable-gateway-auth',
  description: 'Makes the finding’s gateways require a JWT from callers.',
  apply(ctx) {
    const gateways = ctx.nodeTargets('gateway');
    if (gateways.length === 0) return ctx.fail('This finding names no gateway to secure.');
    const changed: GatewayNode[] = [];
    for (const { node } of gateways) if ((node as GatewayNode).authentication === 'none') changed.push(ctx.draft.patchNode<GatewayNode>(node.id, { authentication: 'jwt' }));
    return ctx.done(`${joinNames(changed.map((g) => g.name))} now ${changed.length === 1 ? 'requires' : 'require'} a JWT.`, { nodes: changed.map((g) => g.id) });
  },
});
