import { z } from 'zod';
import { plural } from '../helpers';
import { REF } from '../references';
import { defineRule, type Finding, type FindingInput } from '../types';

const FIXES: FindingInput['fixes'] = ['set-min-replicas'];

export default defineRule({
  meta: {
    id: 'replicas-below-ha',
    title: 'Too few replicas for HPA and PDB',
    category: 'deployment',
    defaultSeverity: 'warning',
    description:
      'With a single replica every deploy, node drain or crash is an outage; a PodDisruptionBudget on one pod blocks node maintenance, and an autoscaler with a minimum of one has nothing to fail over to.',
    fix: 'Run at least two replicas (HPA minReplicas ≥ 2) with a PodDisruptionBudget of minAvailable 1.',
    references: [REF.nova, REF.k8sHpa, REF.k8sPdb],
    profiles: ['grpc-kafka'],
    options: z.object({ minReplicas: z.number().int().min(1).max(1000).default(2) }),
  },
  check(ctx) {
    const out: Finding[] = [];
    const min = ctx.options.minReplicas;
    const count = ctx.graph.nodeFacts.replicas;
    for (let ix = 0; ix < ctx.graph.services.length; ix++) {
      const svc = ctx.graph.services[ix];
      const replicas = count[svc.index];
      if (replicas >= min) continue;
      out.push(
        ctx.newFinding(
          `${svc.name} runs ${plural(replicas, 'replica')}: fewer than ${min} means downtime on every deploy or node drain, and no useful HPA or PDB.`,
          [svc.id],
          FIXES,
        ),
      );
    }
    return out;
  },
});
