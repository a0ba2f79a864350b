import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SEVERITIES, designSchema } from '@/lib/model';
import { buildGraph } from '@/lib/graph';
import { createContext } from './context';
import { INERT_EDGE_FIELDS, INERT_NODE_FIELDS, compareFindings, elementPosition, validateDetailed } from './engine';
import { PROFILES, profileRules } from './profiles';
import { designArb, idArb } from './test-arbitraries';
import { PROFILE_IDS } from './types';

describe('every rule on random schema-valid designs', () => {
  it('the generator produces schema-valid designs', () => {
    fc.assert(
      fc.property(designArb, (d) => {
        expect(designSchema.safeParse(d).success).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('no rule of any profile throws; findings are well-formed and deterministic', () => {
    fc.assert(
      fc.property(designArb, (design) => {
        const graph = buildGraph(design);
        // Design order is only defined when edge and event ids are unique.
        const unique = new Set(design.edges.map((e) => e.id)).size === design.edges.length && new Set(design.events.map((e) => e.id)).size === design.events.length;
        const pos = elementPosition(graph);
        const cmp = compareFindings(graph);
        for (const profile of PROFILE_IDS) {
          for (const { rule, severity, options } of profileRules(profile)) {
            const opts = rule.meta.options ? rule.meta.options.parse(options) : {};
            const found = rule.check(createContext({ design, graph, ruleId: rule.meta.id, options: opts, severity, profile }));
            // The ordering contract the engine relies on instead of sorting.
            if (unique) for (let i = 1; i < found.length; i++) expect(pos(found[i - 1].targets[0]), rule.meta.id).toBeLessThanOrEqual(pos(found[i].targets[0]));
            for (const f of found) {
              expect(f.ruleId).toBe(rule.meta.id);
              expect(SEVERITIES).toContain(f.severity);
              expect(f.targets.every((t) => typeof t === 'string')).toBe(true);
            }
          }
          const res = validateDetailed(design, { profile, reuse: false });
          expect(res.failures).toEqual([]);
          if (unique) for (let i = 1; i < res.findings.length; i++) expect(cmp(res.findings[i - 1], res.findings[i])).toBeLessThanOrEqual(0);
          expect(validateDetailed(design, { profile, reuse: false }).findings).toEqual(res.findings);
          for (const f of res.findings) expect(f.targets.every((t) => typeof t === 'string')).toBe(true);
        }
        // The design's own profile and settings, including junk overrides.
        expect(validateDetailed(design, { reuse: false }).failures).toEqual([]);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  }, 600_000);

  it('fields the engine treats as inert change no finding of any profile', () => {
    // Random values for every inert field of some nodes and edges.
    const inertNode = fc.record({ position: fc.record({ x: fc.integer(), y: fc.integer() }), label: fc.string({ maxLength: 5 }), description: fc.string({ maxLength: 5 }), tags: fc.array(fc.constantFrom('x', 'y')), parentId: fc.option(idArb, { nil: undefined }) });
    const inertEdge = fc.record({ label: fc.string({ maxLength: 5 }), description: fc.string({ maxLength: 5 }) });
    fc.assert(
      fc.property(designArb, fc.array(fc.tuple(fc.nat(), inertNode), { maxLength: 4 }), fc.array(fc.tuple(fc.nat(), inertEdge), { maxLength: 4 }), (design, nodeEdits, edgeEdits) => {
        expect([...INERT_NODE_FIELDS].sort()).toEqual(['description', 'label', 'parentId', 'position', 'tags']);
        expect([...INERT_EDGE_FIELDS].sort()).toEqual(['description', 'label']);
        const nodes = design.nodes.slice();
        for (const [i, patch] of nodeEdits) if (nodes.length) nodes[i % nodes.length] = { ...nodes[i % nodes.length], ...patch };
        const edges = design.edges.slice();
        for (const [i, patch] of edgeEdits) if (edges.length) edges[i % edges.length] = { ...edges[i % edges.length], ...patch };
        const edited = { ...design, nodes, edges };
        for (const profile of PROFILE_IDS) {
          expect(validateDetailed(edited, { profile, reuse: false })).toEqual(validateDetailed(design, { profile, reuse: false }));
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 100) },
    );
  });

  it('house-style rules only run in their profiles', () => {
    for (const p of Object.values(PROFILES)) {
      for (const { rule } of profileRules(p.id)) if (rule.meta.profiles) expect(rule.meta.profiles).toContain(p.id);
    }
  });
});
