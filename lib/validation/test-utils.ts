import { describe, expect, it } from 'vitest';
import { createEdge, createNode, designSchema, SEVERITIES, type Design, type Severity } from '@/lib/model';
import { buildGraph } from '@/lib/graph';
import { designOf, type DesignSpec } from '@/lib/graph/test-utils';
import { createContext } from './context';
import { QUICK_FIXES } from './fixes';
import type { Finding, Rule } from './types';

export { designOf, type DesignSpec };

function toDesign(d: Design | DesignSpec): Design {
  return Array.isArray((d as Design).nodes) ? (d as Design) : designOf(d as DesignSpec);
}

/** Runs one rule on a design (or compact spec) with options merged over its defaults. */
export function runRule(
  rule: Rule,
  design: Design | DesignSpec,
  opts: { options?: Record<string, unknown>; severity?: Severity; profile?: string } = {},
): Finding[] {
  const d = toDesign(design);
  const options = rule.meta.options ? (rule.meta.options.parse(opts.options ?? {}) as Record<string, unknown>) : {};
  return rule.check(
    createContext({ design: d, graph: buildGraph(d), ruleId: rule.meta.id, options, severity: opts.severity ?? rule.meta.defaultSeverity, profile: opts.profile ?? 'recommended' }),
  );
}

/** Designs that are schema-valid but awkward: every rule must survive them. */
export function awkwardDesigns(): { name: string; design: Design }[] {
  const a = createNode('service', { id: 'a', name: 'same' });
  const b = createNode('service', { id: 'b', name: 'same' });
  const a2 = createNode('database', { id: 'a', name: 'dup-id', ownerId: 'a' });
  const broker = createNode('broker', { id: 'q', name: 'q', topics: [{ name: 't' }, { name: 't' }] });
  const every = (['service', 'gateway', 'broker', 'database', 'cache', 'external', 'client', 'observability'] as const).map((k, i) =>
    createNode(k, { id: `${k}-${i}`, name: k, ownerId: 'missing' } as never),
  );
  return [
    { name: 'empty design', design: designSchema.parse({}) },
    { name: 'one of every kind, no edges', design: designSchema.parse({ nodes: every }) },
    {
      name: 'dangling edges of every kind',
      design: designOf({
        nodes: { s: 'service' },
        edges: ['s -call-> ghost', 'ghost -call-> s', 's -publish-> ghost', 'ghost -subscribe-> s', 's -data-> ghost', 'x -call-> y'],
      }),
    },
    {
      name: 'self-loops of every kind',
      design: designSchema.parse({
        nodes: [a, broker],
        edges: (['call', 'publish', 'subscribe', 'data'] as const).flatMap((kind) => [
          createEdge(a, a, { kind, id: `self-${kind}` }),
          createEdge(broker, broker, { kind, id: `bself-${kind}` }),
        ]),
      }),
    },
    {
      name: 'duplicate names and ids',
      design: designSchema.parse({
        nodes: [a, b, a2, broker],
        edges: [createEdge(a, b, { id: 'e1' }), createEdge(b, a, { id: 'e1' }), createEdge(a, a2, { id: 'e2', kind: 'data' })],
        events: [
          { id: 'ev', name: 'E', version: 1, fields: [], published: { fields: [{ name: 'x' }] } },
          { id: 'ev', name: 'E', version: 1, fields: [{ name: 'y' }] },
        ],
        settings: { suppressions: [{ ruleId: 'nope', targetId: 'ghost', reason: 'because' }] },
      }),
    },
    {
      name: 'edges between unusual kinds',
      design: designOf({
        nodes: { c: 'client', d: 'database', x: 'external', o: 'observability', q: 'broker', k: 'cache' },
        edges: ['d -call-> x', 'q -call-> d', 'q -data-> k', 'o -publish-> c', 'x -subscribe-> q', 'c -data-> d', 'k -call-> k'],
      }),
    },
  ];
}

export interface ExpectedFinding {
  /** Exact target list. */
  targets?: string[];
  /** The first target only. */
  primary?: string;
  message?: RegExp | string;
  severity?: Severity;
  /** Fix ids, in order. */
  fixes?: string[];
}
export interface RuleCase {
  name: string;
  design: Design | DesignSpec;
  options?: Record<string, unknown>;
}
export interface InvalidCase extends RuleCase {
  findings: ExpectedFinding[];
}

/** Checks the invariants every finding must hold, whatever the rule. */
export function expectWellFormed(rule: Rule, findings: Finding[]): void {
  for (const f of findings) {
    expect(f.ruleId).toBe(rule.meta.id);
    expect(SEVERITIES).toContain(f.severity);
    expect(typeof f.message).toBe('string');
    expect(f.message.length).toBeGreaterThan(0);
    expect(Array.isArray(f.targets)).toBe(true);
    for (const t of f.targets) expect(typeof t).toBe('string');
    for (const fix of f.fixes ?? []) {
      expect(Object.keys(QUICK_FIXES)).toContain(fix.id);
      expect(fix.title.length).toBeGreaterThan(0);
    }
  }
}

/** ESLint-style table test: valid designs yield nothing, invalid ones exactly the expected findings. */
export function testRule(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it('has complete metadata and default options', () => {
      const m = rule.meta;
      expect(m.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const text of [m.title, m.description, m.fix]) expect(text.trim().length).toBeGreaterThan(3);
      expect(m.references.length).toBeGreaterThan(0);
      expect(SEVERITIES).toContain(m.defaultSeverity);
      if (m.options) expect(m.options.safeParse({}).success).toBe(true);
    });

    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(runRule(rule, c.design, { options: c.options })).toEqual([]);
      });
    }

    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const got = runRule(rule, c.design, { options: c.options });
        expectWellFormed(rule, got);
        expect(got.map((f) => f.message), 'number of findings').toHaveLength(c.findings.length);
        c.findings.forEach((want, i) => {
          const f = got[i];
          if (want.targets) expect(f.targets).toEqual(want.targets);
          if (want.primary) expect(f.targets[0]).toBe(want.primary);
          if (want.message) expect(f.message).toMatch(want.message);
          if (want.severity) expect(f.severity).toBe(want.severity);
          if (want.fixes) expect((f.fixes ?? []).map((x) => x.id)).toEqual(want.fixes);
        });
      });
    }

    it('survives awkward designs', () => {
      for (const { design } of awkwardDesigns()) expectWellFormed(rule, runRule(rule, design));
    });
  });
}
