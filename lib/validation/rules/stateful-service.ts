import { NODE_FLAG } from '@/lib/graph';
import { REF } from '../references';
import { defineRule, type FindingInput, type Finding } from '../types';

// Imported bindings are getter calls once transpiled to CommonJS (tsx, vitest): loops read
// these module-level copies instead.
const { stateless: STATELESS } = NODE_FLAG;

const FIXES: FindingInput['fixes'] = ['make-stateless'];

export default defineRule({
  meta: {
    id: 'stateful-service',
    title: 'Stateful service',
    category: 'deployment',
    defaultSeverity: 'warning',
    description:
      'A service that keeps state in memory or on local disk loses it on restart, cannot be scaled horizontally or rescheduled freely, and needs sticky routing. State belongs in the database and the message bus.',
    fix: 'Move the state to the service’s database, a cache or the event log, and mark the service stateless.',
    references: [REF.optima, REF.nova, REF.k8sHpa],
    profiles: ['event-driven-gateway', 'grpc-kafka'],
  },
  check(ctx) {
    const out: Finding[] = [];
    const flags = ctx.graph.nodeFacts.flags;
    for (let at = 0; at < ctx.graph.services.length; at++) {
      const svc = ctx.graph.services[at];
      if (flags[svc.index] & STATELESS) continue;
      out.push(
        ctx.newFinding(`${svc.name} is stateful: it cannot be restarted, scaled or moved without losing state.`, [svc.id], FIXES),
      );
    }
    return out;
  },
});
