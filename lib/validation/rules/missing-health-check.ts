import { NODE_FLAG } from '@/lib/graph';
import { REF } from '../references';
import { defineRule, type FindingInput, type Finding } from '../types';

// Imported bindings are getter calls once transpiled to CommonJS (tsx, vitest): loops read
// these module-level copies instead.
const { liveness: LIVENESS, readiness: READINESS } = NODE_FLAG;

const FIXES: FindingInput['fixes'] = ['add-health-check'];

export default defineRule({
  meta: {
    id: 'missing-health-check',
    title: 'Missing health check',
    category: 'deployment',
    defaultSeverity: 'warning',
    description:
      'Without a liveness check a hung process is never restarted; without a readiness check traffic reaches instances that are still starting or have lost their database. Orchestrators, load balancers and compose depend_on conditions all need them.',
    fix: 'Expose /health/live (the process is alive) and /health/ready (its dependencies are reachable) and wire them to the container and Kubernetes probes.',
    references: [REF.healthCheck, REF.k8sProbes],
  },
  check(ctx) {
    const out: Finding[] = [];
    const flags = ctx.graph.nodeFacts.flags;
    const BOTH = LIVENESS | READINESS;
    for (let at = 0; at < ctx.graph.services.length; at++) {
      const svc = ctx.graph.services[at];
      const f = flags[svc.index];
      if ((f & BOTH) === BOTH) continue;
      const liveness = (f & LIVENESS) !== 0;
      const readiness = (f & READINESS) !== 0;
      const missing = !liveness && !readiness ? 'liveness or readiness' : !liveness ? 'liveness' : 'readiness';
      out.push(
        ctx.newFinding(
          `${svc.name} has no ${missing} check: ${!liveness ? 'a hung instance is never restarted' : 'traffic reaches instances that are not ready'}.`,
          [svc.id],
          FIXES,
        ),
      );
    }
    return out;
  },
});
