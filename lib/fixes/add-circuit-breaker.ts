import type { CallEdge } from '@/lib/model';
import { defaultCircuitBreaker, edgeLabel, joinNames } from './shared';
import { defineFix } from './types';

export default defineFix({
  id: 'add-circuit-breaker',
  description: 'Turns on a circuit breaker (schema defaults: opens after 5 failures, retries after 30 s) on the finding’s calls.',
  apply(ctx) {
    const calls = ctx.edgeTargets('call');
    if (calls.length === 0) return ctx.fail('This finding names no call to protect with a circuit breaker.');
    const changed: CallEdge[] = [];
    for (const { edge } of calls) {
      if (edge.circuitBreaker?.enabled) continue;
      // A disabled breaker keeps its tuned thresholds; a missing one gets the defaults.
      const breaker = edge.circuitBreaker ? { ...edge.circuitBreaker, enabled: true } : defaultCircuitBreaker();
      changed.push(ctx.draft.patchEdge<CallEdge>(edge.id, { circuitBreaker: breaker }));
    }
    return ctx.done(`Added a circuit breaker to ${joinNames(changed.map((e) => edgeLabel(ctx, e)))}.`, { edges: changed.map((e) => e.id) });
  },
});
