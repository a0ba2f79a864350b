import { NODE_KIND_CODE } from '@/lib/graph';
import { REF } from '../references';
import { defineRule, type FindingInput, type Finding } from '../types';

// Imported bindings are getter calls once transpiled to CommonJS (tsx, vitest): loops read
// these module-level copies instead.
const { service: SERVICE } = NODE_KIND_CODE;

const FIXES: FindingInput['fixes'] = ['insert-gateway'];

export default defineRule({
  meta: {
    id: 'no-api-gateway',
    title: 'Client calls services directly',
    category: 'communication',
    defaultSeverity: 'warning',
    description:
      'Clients that call services directly are coupled to the internal decomposition (every split or rename breaks them), and every service must handle authentication, rate limiting, TLS and CORS itself.',
    fix: 'Put an API gateway (or a backend for frontend) between clients and services, and route the client’s calls through it.',
    references: [REF.apiGateway, REF.taibiSmells],
  },
  check(ctx) {
    const out: Finding[] = [];
    const { graph } = ctx;
    const { offsets, items } = graph.adjacency.outCall;
    const target = graph.edgeFacts.target;
    const kind = graph.nodeFacts.kind;
    for (let at = 0; at < graph.nodesByKind.client.length; at++) {
      const client = graph.nodesByKind.client[at];
      // Most clients only call a gateway: check without building the client's edge list.
      let calls = false;
      for (let k = offsets[client.index], end = offsets[client.index + 1]; k < end && !calls; k++) calls = kind[target[items[k]]] === SERVICE;
      if (!calls) continue;
      const direct = client.outCall.filter((e) => e.target.kind === 'service');
      const services = [...new Set(direct.map((e) => e.target))];
      out.push(
        ctx.newFinding(
          `Client ${client.name} calls ${ctx.list(services.map((s) => s.name))} directly: it depends on the internal service layout and each service must secure itself.`,
          [client.id, ...direct.map((e) => e.id), ...services.map((s) => s.id)],
          FIXES,
        ),
      );
    }
    return out;
  },
});
