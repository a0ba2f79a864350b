import type { CallEdge, Operation } from '@/lib/model';
import { edgeLabel, joinNames, pascal } from './shared';
import { defineFix } from './types';

// Same test as the unversioned-grpc-package rule: a package segment like v1 or v2beta1.
const VERSIONED = /(^|[./])v\d+([a-z]+\d*)?[./]/i;
const VERB: Record<Operation['method'], string> = { GET: 'Get', POST: 'Create', PUT: 'Update', PATCH: 'Update', DELETE: 'Delete' };

/** "POST /orders/{id}/items" on service order-api → "order_api.v1.OrderApiService/CreateItems". */
export function grpcMethodFor(op: Operation, service: string): string {
  const segments = op.path.split('/').filter(Boolean);
  const resources = segments.filter((s) => !/^[{:]/.test(s));
  const resource = resources.length > 0 ? pascal(resources[resources.length - 1]) : 'Resource';
  const endsWithParam = segments.length > 0 && /^[{:]/.test(segments[segments.length - 1]);
  const verb = op.method === 'GET' && !endsWithParam ? 'List' : VERB[op.method];
  const pkg = service.replace(/-/g, '_');
  const svc = pascal(service);
  return `${pkg}.v1.${svc.endsWith('Service') ? svc : `${svc}Service`}/${verb}${resource}`;
}

export default defineFix({
  id: 'use-grpc',
  description: 'Switches the finding’s calls to gRPC and names their operations as methods of a versioned package.',
  apply(ctx) {
    const calls = ctx.edgeTargets('call');
    if (calls.length === 0) return ctx.fail('This finding names no call to switch to gRPC.');
    const changed: CallEdge[] = [];
    for (const { edge, target } of calls) {
      if (edge.protocol === 'grpc') continue;
      // REST paths are not gRPC methods: keep what already looks versioned, translate the rest.
      const operations = edge.operations.map((op) => (VERSIONED.test(op.path) ? op : { ...op, path: grpcMethodFor(op, target.name) }));
      changed.push(ctx.draft.patchEdge<CallEdge>(edge.id, { protocol: 'grpc', operations }));
    }
    return ctx.done(`${joinNames(changed.map((e) => edgeLabel(ctx, e)))} now uses gRPC.`, { edges: changed.map((e) => e.id) });
  },
});
