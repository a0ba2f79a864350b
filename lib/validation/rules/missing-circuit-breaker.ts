import { isManagedCaller } from '../helpers';
import { REF } from '../references';
import { defineRule, type Finding, type FindingInput } from '../types';

const FIXES: FindingInput['fixes'] = ['add-circuit-breaker'];

export default defineRule({
  meta: {
    id: 'missing-circuit-breaker',
    title: 'Sync call without circuit breaker',
    category: 'resilience',
    defaultSeverity: 'warning',
    description:
      'Without a circuit breaker, a caller keeps sending requests to a dependency that is already failing: each waits for its timeout, the caller’s resources run out, and one outage cascades through the call graph.',
    fix: 'Wrap the call in a circuit breaker that opens after repeated failures and fails fast (with a fallback) until the dependency recovers.',
    references: [REF.circuitBreaker, REF.nygard, REF.skill],
  },
  check(ctx) {
    const out: Finding[] = [];
    for (const e of ctx.graph.edgesByKind.call) {
      if (e.edge.circuitBreaker?.enabled || !isManagedCaller(e.source.kind)) continue;
      if (e.target.kind !== 'service' && e.target.kind !== 'external') continue;
      out.push(
        ctx.finding({
          message: `${ctx.edgeLabel(e)} has no circuit breaker: when ${e.target.name} fails, ${e.source.name} keeps calling it and fails too.`,
          targets: ctx.edgeTargets(e),
          fixes: FIXES,
        }),
      );
    }
    return out;
  },
});
