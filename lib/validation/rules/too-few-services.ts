import { z } from 'zod';
import { REF } from '../references';
import { defineRule } from '../types';

export default defineRule({
  meta: {
    id: 'too-few-services',
    title: 'Too few services',
    category: 'granularity',
    defaultSeverity: 'info',
    description:
      'With fewer than two services there is nothing to distribute: the system pays for network calls, separate deploys and distributed data without getting independent teams or scaling in return. It is a monolith in disguise.',
    fix: 'Either keep it as a well-structured monolith on purpose (turn this rule off and record why), or split it along business capabilities into services that each own their data.',
    references: [REF.skill, REF.taibiTaxonomy],
    options: z.object({ min: z.number().int().min(1).max(1000).default(2) }),
  },
  check(ctx) {
    const { services } = ctx.graph;
    // An empty canvas is a design that has not started, not a monolith.
    if (ctx.graph.nodeList.length === 0 || services.length >= ctx.options.min) return [];
    const message =
      services.length === 0
        ? `The design has no services; microservices need at least ${ctx.options.min}.`
        : `Only ${services.length} service${services.length === 1 ? '' : 's'} (${ctx.list(services.map((s) => s.name))}); with fewer than ${ctx.options.min} this is a monolith in disguise.`;
    return [ctx.newFinding(message, services.map((s) => s.id))];
  },
});
