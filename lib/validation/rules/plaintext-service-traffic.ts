import { EDGE_FLAG, NODE_KIND_CODE } from '@/lib/graph';
import { REF } from '../references';
import { defineRule, type Finding, type FindingInput } from '../types';

// Imported bindings are getter calls once transpiled to CommonJS (tsx, vitest): loops read
// these module-level copies instead.
const { tls: TLS } = EDGE_FLAG;
const { service: SERVICE, gateway: GATEWAY } = NODE_KIND_CODE;

const FIXES: FindingInput['fixes'] = ['enable-tls', 'enable-service-mesh'];

export default defineRule({
  meta: {
    id: 'plaintext-service-traffic',
    title: 'Plaintext service-to-service traffic',
    category: 'security',
    defaultSeverity: 'info',
    description:
      'Inside the cluster is not a trust boundary: unencrypted calls between services can be read or altered by anything on the network, and neither side can prove who the other is.',
    fix: 'Encrypt the calls with TLS, or run the services in a mesh with mutual TLS (then set “service mesh” in the design settings).',
    references: [REF.zeroTrust, REF.neri],
  },
  check(ctx) {
    if (ctx.design.settings.serviceMesh) return [];
    const { graph } = ctx;
    const out: Finding[] = [];
    const f = graph.edgeFacts;
    const kind = graph.nodeFacts.kind;
    const calls = f.byKind.call;
    for (let j = 0; j < calls.length; j++) {
      const i = calls[j];
      const source = kind[f.source[i]];
      if (f.flags[i] & TLS || kind[f.target[i]] !== SERVICE || (source !== SERVICE && source !== GATEWAY)) continue;
      out.push(
        ctx.newFinding(`${ctx.edgeLabelAt(i)} is not encrypted: anything on the network can read or change it.`, ctx.edgeTargetsAt(i), FIXES),
      );
    }
    return out;
  },
});
