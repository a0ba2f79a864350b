import { REF } from '../references';
import { defineRule, type FindingInput } from '../types';

const FIXES: FindingInput['fixes'] = ['add-k8s-target'];

export default defineRule({
  meta: {
    id: 'missing-k8s-target',
    title: 'Kubernetes not a deployment target',
    category: 'deployment',
    defaultSeverity: 'warning',
    description:
      'This house style runs on Kubernetes with probes, autoscaling and disruption budgets; without the Kubernetes target the export has none of them.',
    fix: 'Add Kubernetes to the design’s deployment targets.',
    references: [REF.nova, REF.k8sProbes],
    profiles: ['grpc-kafka'],
  },
  check(ctx) {
    if (ctx.graph.services.length === 0 || ctx.design.settings.targets.includes('k8s')) return [];
    return [ctx.newFinding('Kubernetes is not a deployment target: no probes, HPA or PDB will be generated.', [], FIXES)];
  },
});
