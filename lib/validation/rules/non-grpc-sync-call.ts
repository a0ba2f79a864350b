import { REF } from '../references';
import { defineRule, type FindingInput, type Finding } from '../types';

const FIXES: FindingInput['fixes'] = ['use-grpc'];
const PROTOCOL: Record<string, string> = { rest: 'REST', graphql: 'GRAPHQL', grpc: 'GRPC' };

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
          message: `${ctx.edgeLabel(e)} uses ${PROTOCOL[protocol]}; this house style calls services over gRPC.`,
          targets: ctx.edgeTargets(e),
          fixes: FIXES,
        }),
      );
    }
    return out;
  },
});
