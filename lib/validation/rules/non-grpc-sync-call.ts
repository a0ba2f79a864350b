import { NODE_KIND_CODE, PROTOCOL_CODE } from '@/lib/graph';
import { REF } from '../references';
import { defineRule, type FindingInput, type Finding } from '../types';

// Imported bindings are getter calls once transpiled to CommonJS (tsx, vitest): loops read
// these module-level copies instead.
const { grpc: GRPC } = PROTOCOL_CODE;
const { service: SERVICE } = NODE_KIND_CODE;

const FIXES: FindingInput['fixes'] = ['use-grpc'];
// The message after the "a → b" label, by PROTOCOL_CODE: one string per finding, not a chain.
const SUFFIX: readonly string[] = (['rest', 'grpc', 'graphql'] as const).map((p) => ` uses ${p.toUpperCase()}; this house style calls services over gRPC.`);

export default defineRule({
  meta: {
    id: 'non-grpc-sync-call',
    title: 'Sync service call not on gRPC',
    category: 'communication',
    defaultSeverity: 'warning',
    description:
      'This house style uses gRPC for every synchronous service-to-service call: typed, versioned .proto contracts generate the clients, and one transport means one set of deadlines, retries and interceptors.',
    fix: 'Define the operation in a versioned .proto package and switch the call to gRPC (the gateway may still offer REST to clients).',
    references: [REF.nova, REF.grpcVersioning],
    profiles: ['grpc-kafka'],
  },
  check(ctx) {
    const { graph } = ctx;
    const out: Finding[] = [];
    const f = graph.edgeFacts;
    const kind = graph.nodeFacts.kind;
    const calls = f.byKind.call;
    for (let j = 0; j < calls.length; j++) {
      const i = calls[j];
      const protocol = f.protocol[i];
      if (protocol === GRPC || kind[f.source[i]] !== SERVICE || kind[f.target[i]] !== SERVICE) continue;
      out.push(
        ctx.newFinding(ctx.edgeLabelAt(i) + SUFFIX[protocol], ctx.edgeTargetsAt(i), FIXES),
      );
    }
    return out;
  },
});
