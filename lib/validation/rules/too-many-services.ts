import { z } from 'zod';
import { REF } from '../references';
import { defineRule } from '../types';

export default defineRule({
  meta: {
    id: 'too-many-services',
    title: 'Too many services',
    category: 'granularity',
    defaultSeverity: 'info',
    description:
      'Every service adds a deploy pipeline, on-call surface, network hops and a contract to keep compatible. Past a team-sized number of services the overhead often exceeds the benefit and the design drifts towards nanoservices.',
    fix: 'Check that each service maps to a business capability and owns its data; merge services that always change and deploy together. Raise the threshold if the size is deliberate.',
    references: [REF.skill, REF.taibiTaxonomy],
    options: z.object({ max: z.number().int().min(1).max(100_000).default(15) }),
  },
  check(ctx) {
    const n = ctx.graph.services.length;
    if (n <= ctx.options.max) return [];
    return [
      ctx.newFinding(
        `${n} services (more than ${ctx.options.max}): make sure each owns a capability and its data, or merge the ones that change together.`,
        [],
      ),
    ];
  },
});
