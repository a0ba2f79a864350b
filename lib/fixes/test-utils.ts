import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { designSchema, type Design } from '@/lib/model';
import { designOf, type DesignSpec } from '@/lib/graph/test-utils';
import { validate, type Finding, type QuickFixId } from '@/lib/validation';
import { applyQuickFix, canApplyQuickFix } from './index';
import type { FixResult } from './types';

export { designOf, type DesignSpec };

/** Freezes a value and everything inside it: a fix that mutates its input then throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** How a list of elements with ids changed: added count, removed ids, changed ids → keys. */
export interface ListChanges {
  added?: number;
  removed?: string[];
  /** Element id → its top-level keys that changed. */
  changed?: Record<string, string[]>;
}

/** Everything a fix changed, element by element: the test states it exactly. */
export interface DesignChanges {
  nodes?: ListChanges;
  edges?: ListChanges;
  events?: ListChanges;
  /** Settings keys that changed. */
  settings?: string[];
  /** Other top-level design keys that changed (views, flows…). */
  other?: string[];
}

function keysChanged(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !isDeepStrictEqual(a[k], b[k])).sort();
}

function listChanges(before: readonly { id: string }[], after: readonly { id: string }[]): ListChanges {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  const out: Required<ListChanges> = { added: 0, removed: [], changed: {} };
  for (const [id, x] of now) {
    const prev = old.get(id);
    if (!prev) out.added++;
    else if (prev !== x) {
      // A copy with nothing changed still counts: unchanged elements must keep their identity.
      const keys = keysChanged(prev as Record<string, unknown>, x as Record<string, unknown>);
      out.changed[id] = keys.length > 0 ? keys : ['(copied)'];
    }
  }
  for (const id of old.keys()) if (!now.has(id)) out.removed.push(id);
  out.removed.sort();
  return out;
}

/** The changes between two designs, in the shape of `DesignChanges` (every field present). */
export function designChanges(before: Design, after: Design): Required<DesignChanges> {
  const rest = (d: Design) => {
    const { nodes: _n, edges: _e, events: _v, settings: _s, ...others } = d;
    return others as Record<string, unknown>;
  };
  return {
    nodes: listChanges(before.nodes, after.nodes),
    edges: listChanges(before.edges, after.edges),
    events: listChanges(before.events, after.events),
    settings: keysChanged(before.settings, after.settings),
    other: keysChanged(rest(before), rest(after)),
  };
}

function normalize(c: DesignChanges): Required<DesignChanges> {
  const list = (l?: ListChanges): ListChanges => ({
    added: l?.added ?? 0,
    removed: [...(l?.removed ?? [])].sort(),
    changed: Object.fromEntries(Object.entries(l?.changed ?? {}).map(([k, v]) => [k, [...v].sort()])),
  });
  return { nodes: list(c.nodes), edges: list(c.edges), events: list(c.events), settings: [...(c.settings ?? [])].sort(), other: [...(c.other ?? [])].sort() };
}

const key = (f: Finding) => `${f.ruleId} ${f.targets[0] ?? '(design)'}`;

export interface FixCase {
  name: string;
  /** The design; its settings choose the profile the finding comes from. */
  design: Design | DesignSpec;
  /** The rule whose finding the fix is applied to. */
  rule: string;
  /** The finding's primary target (default: the rule's first finding offering the fix). */
  primary?: string;
  /** Exactly what the fix changes. */
  changes: DesignChanges;
  /** Finding keys (`ruleId primary`) at error level the fix may introduce. */
  allowNewErrors?: string[];
  /** More assertions on the result. */
  check?: (after: Design, result: Extract<FixResult, { ok: true }>, before: Design) => void;
}

export interface InvalidFixCase {
  name: string;
  design: Design | DesignSpec;
  finding: Pick<Finding, 'targets'> & Partial<Finding>;
  error: RegExp;
}

function toDesign(d: Design | DesignSpec): Design {
  return Array.isArray((d as Design).nodes) ? (d as Design) : designOf(d as DesignSpec);
}

/**
 * Table test of one quick fix on real findings: the finding goes away, exactly the stated
 * changes happen (unchanged elements keep their identity), the frozen input is untouched (so
 * undo is restoring the previous object), the result is schema-valid, and applying the fix
 * again finds nothing to do.
 */
export function testFix(fixId: QuickFixId, cases: { valid: FixCase[]; invalid?: InvalidFixCase[] }): void {
  describe(fixId, () => {
    for (const c of cases.valid) {
      it(c.name, () => {
        const design = deepFreeze(toDesign(c.design));
        const snapshot = structuredClone(design);
        const before = validate(design, { reuse: false });
        const finding = before.find((f) => f.ruleId === c.rule && (c.primary === undefined || f.targets[0] === c.primary) && f.fixes?.some((x) => x.id === fixId));
        expect(finding, `a ${c.rule} finding offering ${fixId} in ${before.map(key).join(', ') || 'no findings'}`).toBeDefined();
        expect(canApplyQuickFix(design, finding!, fixId)).toBe(true);

        const result = applyQuickFix(design, finding!, fixId);
        if (!result.ok) throw new Error(`${fixId} failed: ${result.error}`);
        const after = result.design;
        expect(result.summary.trim().length).toBeGreaterThan(0);
        expect(design, 'the input design is not mutated').toEqual(snapshot);
        const parsed = designSchema.safeParse(after);
        expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);

        const found = validate(after, { reuse: false });
        expect(found.map(key), 'the finding is gone').not.toContain(key(finding!));
        const had = new Set(before.map(key));
        const newErrors = found.filter((f) => f.severity === 'error' && !had.has(key(f))).map(key);
        expect(newErrors, 'no new errors').toEqual(c.allowNewErrors ?? []);
        expect(designChanges(design, after)).toEqual(normalize(c.changes));

        const ids = new Set([...after.nodes.map((n) => n.id), ...after.edges.map((e) => e.id)]);
        for (const id of [...(result.select?.nodes ?? []), ...(result.select?.edges ?? [])]) expect(ids, 'selected ids exist').toContain(id);
        // Undo restores the previous design object, which still has the finding.
        expect(validate(design, { reuse: false }).map(key)).toContain(key(finding!));
        expect(applyQuickFix(after, finding!, fixId).ok, 'applying again changes nothing').toBe(false);
        c.check?.(after, result, design);
      });
    }
    for (const c of cases.invalid ?? []) {
      it(`cannot apply: ${c.name}`, () => {
        const design = deepFreeze(toDesign(c.design));
        const finding: Finding = { ruleId: 'test', severity: 'warning', message: 'test', ...c.finding };
        const result = applyQuickFix(design, finding, fixId);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error).toMatch(c.error);
        expect(canApplyQuickFix(design, finding, fixId)).toBe(false);
      });
    }
  });
}
