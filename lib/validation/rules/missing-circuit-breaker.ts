import { EDGE_FLAG, NODE_KIND_CODE } from '@/lib/graph';
import { REF } from '../references';
import { defineRule, type Finding, type FindingInput } from '../types';

// Imported bindings are getter calls once transpiled to CommonJS (tsx, vitest): loops read
// these module-level copies instead.
const { breaker: BREAKER } = EDGE_FLAG;
const { service: SERVICE, gateway: GATEWAY, external: EXTERNAL } = NODE_KIND_CODE;

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
      const source = kind[f.source[i]];
      if (f.flags[i] & BREAKER || (source !== SERVICE && source !== GATEWAY)) continue;
      const target = kind[f.target[i]];
      if (target !== SERVICE && target !== EXTERNAL) continue;
      out.push(
        ctx.newFinding(
          `${ctx.edgeLabelAt(i)} has no circuit breaker: when ${graph.nodeList[f.target[i]].name} fails, ${graph.nodeList[f.source[i]].name} keeps calling it and fails too.`,
          ctx.edgeTargetsAt(i),
          FIXES,
        ),
      );
    }
    return out;
  },
});
