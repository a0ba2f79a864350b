import { z } from 'zod';
import { REF } from '../references';
import { defineRule, type FindingInput, type Finding } from '../types';

const FIXES: FindingInput['fixes'] = ['call-to-event'];

export default defineRule({
  meta: {
    id: 'high-coupling',
    title: 'High coupling',
    category: 'coupling',
    defaultSeverity: 'info',
    description:
      'The service coupling factor (sync call pairs over possible pairs) measures how meshed the services are; a service that depends on many others (ADS) breaks when any of them does, and one many depend on (AIS) cannot change its API freely.',
    fix: 'Reduce sync dependencies: move data a service needs next to it via events, combine fine-grained dependencies behind one API, and keep widely used APIs backward compatible and versioned.',
    references: [REF.bogner, REF.neri],
    options: z.object({
      /** Service coupling factor above which the design is reported. */
      maxCouplingFactor: z.number().min(0).max(1).default(0.3),
      /** The coupling factor is only meaningful from this many services. */
      minServices: z.number().int().min(2).max(10_000).default(5),
      /** Absolute dependence of a service (distinct services it calls). */
      maxDependencies: z.number().int().min(1).max(10_000).default(6),
      /** Absolute importance of a service (distinct services calling it). */
      maxDependents: z.number().int().min(1).max(10_000).default(10),
    }),
  },
  check(ctx) {
    const { graph, options } = ctx;
    const out: Finding[] = [];
    const n = graph.services.length;
    if (n >= options.minServices) {
      const scf = graph.degreeStats.servicePairs / (n * (n - 1));
      if (scf > options.maxCouplingFactor) {
        out.push(
          ctx.newFinding(
            `Service coupling factor is ${scf.toFixed(2)} (${graph.degreeStats.servicePairs} calling pairs among ${n} services), above ${options.maxCouplingFactor}: the services are tightly meshed.`,
            [],
            FIXES,
          ),
        );
      }
    }
    for (let at = 0; at < graph.services.length; at++) {
      const svc = graph.services[at];
      const ads = graph.fanOut[svc.index];
      const ais = graph.fanIn[svc.index];
      if (ads > options.maxDependencies) {
        out.push(
          ctx.newFinding(
            `${svc.name} depends on ${ads} services (ADS, more than ${options.maxDependencies}): it breaks when any of them does.`,
            [svc.id],
            FIXES,
          ),
        );
      }
      if (ais > options.maxDependents) {
        out.push(
          ctx.newFinding(
            `${ais} services depend on ${svc.name} (AIS, more than ${options.maxDependents}): its API cannot change without coordinating them all.`,
            [svc.id],
          ),
        );
      }
    }
    return out;
  },
});
