import { REF } from '../references';
import { defineRule, type FindingInput, type Finding } from '../types';

const FIXES: FindingInput['fixes'] = ['enable-gateway-auth'];

export default defineRule({
  meta: {
    id: 'unauthenticated-entry',
    title: 'Unauthenticated entry point',
    category: 'security',
    defaultSeverity: 'warning',
    description:
      'A gateway is the door to every service behind it; if it does not authenticate callers, each service must (and one that forgets is open to the internet).',
    fix: 'Require authentication at the gateway (JWT, OAuth2, API keys or mTLS) and pass the verified identity to the services.',
    references: [REF.owaspAuth, REF.apiGateway],
  },
  check(ctx) {
    const out: Finding[] = [];
    for (let ix = 0; ix < ctx.graph.nodesByKind.gateway.length; ix++) {
      const gw = ctx.graph.nodesByKind.gateway[ix];
      if (gw.node.authentication !== 'none') continue;
      out.push(
        ctx.newFinding(`Gateway ${gw.name} does not authenticate callers: everything behind it is public.`, [gw.id], FIXES),
      );
    }
    return out;
  },
});
