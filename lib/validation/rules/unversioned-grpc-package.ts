import type { CallEdge } from '@/lib/model';
import { PROTOCOL_CODE } from '@/lib/graph';
import { REF } from '../references';
import { defineRule, type Finding } from '../types';

// Imported bindings are getter calls once transpiled to CommonJS (tsx, vitest): loops read
// these module-level copies instead.
const { grpc: GRPC } = PROTOCOL_CODE;

// A package segment like `v1` or `v2beta1`: `user.v1.UserService/GetUser`.
const VERSIONED = /(^|[./])v\d+([a-z]+\d*)?[./]/i;

export default defineRule({
  meta: {
    id: 'unversioned-grpc-package',
    title: 'gRPC operation without a versioned package',
    category: 'contracts',
    defaultSeverity: 'warning',
    description:
      'A gRPC service in an unversioned package cannot evolve incompatibly: there is no place for v2 to live next to v1 while clients migrate.',
    fix: 'Put the service in a versioned package (`package user.v1;`) and name operations `user.v1.UserService/GetUser`.',
    references: [REF.nova, REF.grpcVersioning],
    profiles: ['grpc-kafka'],
  },
  check(ctx) {
    const { graph } = ctx;
    const out: Finding[] = [];
    const f = graph.edgeFacts;
    const calls = f.byKind.call;
    for (let j = 0; j < calls.length; j++) {
      const i = calls[j];
      if (f.protocol[i] !== GRPC || f.operations[i] === 0) continue;
      const bad = (graph.designEdges[i] as CallEdge).operations.filter((op) => !VERSIONED.test(op.path)).map((op) => op.path);
      if (bad.length === 0) continue;
      out.push(
        ctx.newFinding(
          `${ctx.edgeLabelAt(i)} uses ${ctx.list(bad, 3)} without a versioned package (e.g. user.v1.UserService/GetUser).`,
          ctx.edgeTargetsAt(i),
        ),
      );
    }
    return out;
  },
});
