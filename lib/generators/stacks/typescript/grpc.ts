// gRPC wiring from the contracts generator's proto model: the names a service's server
// implements and its clients address, and copies of the .proto files each service loads at
// runtime (PROTO_DIR, default ./proto), so a service folder builds and runs on its own.
import { protoModel, protoText, type ProtoModel } from '../../contracts/proto';
import type { CallSpec, ServiceSpec } from '../../project';
import type { GeneratorContext } from '../../types';

/** The gRPC contract this service serves, when something calls it over gRPC. */
export function ownProto(ctx: GeneratorContext, spec: ServiceSpec): ProtoModel | undefined {
  return spec.grpcPort ? protoModel(ctx, spec) : undefined;
}

/** For each operation of a gRPC call to a service: the full service name and rpc of the target's contract. */
export function grpcTargets(ctx: GeneratorContext, call: CallSpec): ({ service: string; rpc: string } | undefined)[] {
  const target = ctx.project.services.find((s) => s.id === call.targetId);
  const edge = ctx.design.edges.find((e) => e.id === call.edgeId);
  const model = target ? protoModel(ctx, target) : undefined;
  if (!model || !edge || edge.kind !== 'call') return call.operations.map(() => undefined);
  return edge.operations.map((op) => {
    const method = model.methods.find((m) => m.operation.method === op.method && m.operation.path === op.path);
    return method ? { service: model.fullService, rpc: method.name } : undefined;
  });
}

/** .proto files a service needs (its own contract and those of the services it calls over gRPC), under proto/. */
export function protoCopies(ctx: GeneratorContext, spec: ServiceSpec): { path: string; content: string }[] {
  const services = new Map<string, ServiceSpec>();
  if (spec.grpcPort) services.set(spec.id, spec);
  for (const c of spec.calls) {
    if (c.protocol !== 'grpc') continue;
    const target = ctx.project.services.find((s) => s.id === c.targetId);
    if (target) services.set(target.id, target);
  }
  const out: { path: string; content: string }[] = [];
  for (const s of services.values()) {
    const model = protoModel(ctx, s);
    if (model) out.push({ path: `proto/${model.path.replace(/^contracts\/proto\//, '')}`, content: protoText(model, s, ctx.project.title) });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}
