import { REF } from '../references';
import { defineRule, type FindingInput, type Finding } from '../types';

const FIXES: FindingInput['fixes'] = ['use-grpc'];
// The message after the "a → b" label, per protocol: one string per finding instead of a chain.
const SUFFIX: Record<string, string> = Object.fromEntries(
  ['rest', 'graphql', 'grpc'].map((p) => [p, ` uses ${p.toUpperCase()}; this house style calls services over gRPC.`]),
);

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
    const out: Finding[] = [];
    for (const e of ctx.graph.edgesByKind.call) {
      const protocol = e.edge.protocol;
      if (protocol === 'grpc' || e.source.kind !== 'service' || e.target.kind !== 'service') continue;
      out.push(
        ctx.finding({
          message: ctx.edgeLabel(e) + SUFFIX[protocol],
          targets: ctx.edgeTargets(e),
          fixes: FIXES,
        }),
      );
    }
    return out;
  },
});
