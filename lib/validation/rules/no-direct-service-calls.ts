import { NODE_KIND_CODE } from '@/lib/graph';
import { REF } from '../references';
import { defineRule, type FindingInput, type Finding } from '../types';

// Imported bindings are getter calls once transpiled to CommonJS (tsx, vitest): loops read
// these module-level copies instead.
const { service: SERVICE } = NODE_KIND_CODE;

const FIXES: FindingInput['fixes'] = ['call-to-event'];

export default defineRule({
  meta: {
    id: 'no-direct-service-calls',
    title: 'Direct service-to-service call',
    category: 'communication',
    defaultSeverity: 'error',
    description:
      'In an event-driven house style every service talks through the message bus: producers do not know their consumers, a slow or absent service does not block others, and every interaction is replayable.',
    fix: 'Replace the call with a command or event on the bus (request/reply over the bus if an answer is needed).',
    references: [REF.optima, REF.messaging],
    profiles: ['event-driven-gateway'],
  },
  check(ctx) {
    const { graph } = ctx;
    const out: Finding[] = [];
    const f = graph.edgeFacts;
    const kind = graph.nodeFacts.kind;
    const calls = f.byKind.call;
    for (let j = 0; j < calls.length; j++) {
      const i = calls[j];
      const s = f.source[i];
      const t = f.target[i];
      if (s === t || kind[s] !== SERVICE || kind[t] !== SERVICE) continue;
      out.push(
        ctx.newFinding(
          `${ctx.edgeLabelAt(i)} is a direct call; this house style sends all service-to-service traffic over the message bus.`,
          ctx.edgeTargetsAt(i),
          FIXES,
        ),
      );
    }
    return out;
  },
});
