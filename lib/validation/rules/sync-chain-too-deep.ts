import { z } from 'zod';
import { REF } from '../references';
import { defineRule, type FindingInput } from '../types';

const FIXES: FindingInput['fixes'] = ['call-to-event'];

export default defineRule({
  meta: {
    id: 'sync-chain-too-deep',
    title: 'Sync call chain too deep',
    category: 'coupling',
    defaultSeverity: 'warning',
    description:
      'Every synchronous hop adds its latency and its failure probability to the request: five services at 99.9% each give 99.5%, and the slowest hop sets the response time. Deep chains are also hard to trace and to change.',
    fix: 'Shorten the chain: cache or replicate the data the deep hops provide, turn downstream work into events, or merge services that are always called together.',
    references: [REF.skill, REF.neri, REF.nygard],
    options: z.object({ maxHops: z.number().int().min(1).max(1000).default(4) }),
  },
  check(ctx) {
    const path = ctx.graph.sync.longestPath;
    if (path.hops <= ctx.options.maxHops) return [];
    return [
      ctx.newFinding(
        `A request passes ${path.hops} sync hops (${path.nodes.map(ctx.name).join(' → ')}), more than ${ctx.options.maxHops}: latency and failure odds add up at every hop.`,
        [...path.nodes, ...path.edges],
        FIXES,
      ),
    ];
  },
});
