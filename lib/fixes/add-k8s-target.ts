import { defineFix } from './types';

export default defineFix({
  id: 'add-k8s-target',
  description: 'Adds Kubernetes to the design’s deployment targets, so the export generates probes, HPA and PDB.',
  apply(ctx) {
    const targets = ctx.draft.currentSettings.targets;
    if (targets.includes('k8s')) return ctx.fail('Kubernetes is already a deployment target.');
    ctx.draft.patchSettings({ targets: [...targets, 'k8s'] });
    return ctx.done('Kubernetes is now a deployment target.');
  },
});
