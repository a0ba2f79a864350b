import { EDGE_FLAG, NODE_KIND_CODE } from '@/lib/graph';
import { isManagedCode } from '../helpers';
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
    const { graph } = ctx;
    const out: Finding[] = [];
    const f = graph.edgeFacts;
    const kind = graph.nodeFacts.kind;
    const calls = f.byKind.call;
    for (let j = 0; j < calls.length; j++) {
      const i = calls[j];
      if (f.flags[i] & EDGE_FLAG.breaker || !isManagedCode(kind[f.source[i]])) continue;
      const target = kind[f.target[i]];
      if (target !== NODE_KIND_CODE.service && target !== NODE_KIND_CODE.external) continue;
      out.push(
        ctx.finding({
          message: `${ctx.edgeLabelAt(i)} has no circuit breaker: when ${graph.nodeList[f.target[i]].name} fails, ${graph.nodeList[f.source[i]].name} keeps calling it and fails too.`,
          targets: ctx.edgeTargetsAt(i),
          fixes: FIXES,
        }),
      );
    }
    return out;
  },
});
