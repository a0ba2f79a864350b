/**
 * What the editor shows of a validation result, derived without React: per-element marks with
 * stable identities (a node re-renders only when its own problems change), counts, element
 * names, and the Problems panel's rows (filter, grouping, order).
 */
import type { Design, Severity } from '@/lib/model';
import type { Finding, SuppressedFinding } from '@/lib/validation';

export type SeverityCounts = Readonly<Record<Severity, number>>;
export const ZERO_COUNTS: SeverityCounts = Object.freeze({ error: 0, warning: 0, info: 0 });

/** Errors first. */
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The problems an element is the primary target of: what its badge and outline show. */
export interface ElementMark {
  /** The worst severity. */
  severity: Severity;
  count: number;
  /** Messages, worst first, one per line (the badge's tooltip). */
  title: string;
  /** Short spoken summary, e.g. "2 problems: 1 error, 1 warning". */
  label: string;
}

/** How a finding's targets are shown. */
export interface ElementInfo {
  /** Display name: a node's technical name, "a → b" for an edge, "Event v2" for an event. */
  name: string;
  type: 'node' | 'edge' | 'group' | 'event' | 'missing';
}

/** A finding with a key that stays the same across validations while the finding does. */
export interface KeyedFinding {
  key: string;
  finding: Finding;
  /** Set for suppressed findings. */
  reason?: string;
}

const MAX_TITLE_LINES = 8;

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

const SEVERITY_WORD: Record<Severity, [string, string]> = { error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['info', 'info'] };

/** "1 error, 2 warnings" (zero counts left out; "no problems" when all are zero). */
export function countsText(c: SeverityCounts, all = false): string {
  const parts = SEVERITY_ORDER.filter((s) => all || c[s] > 0).map((s) => `${c[s]} ${SEVERITY_WORD[s][c[s] === 1 ? 0 : 1]}`);
  return parts.length ? parts.join(', ') : 'no problems';
}

/** Keys for findings: rule, targets and message, numbered when two findings share all three. */
export function keyFindings(findings: readonly Finding[]): KeyedFinding[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const base = `${finding.ruleId}|${finding.targets.join(',')}|${finding.message}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { key: n ? `${base}#${n}` : base, finding };
  });
}

export function keySuppressed(items: readonly SuppressedFinding[]): KeyedFinding[] {
  return keyFindings(items.map((s) => s.finding)).map((k, i) => ({ ...k, key: `s:${k.key}`, reason: items[i].suppression.reason }));
}

export function countFindings(findings: readonly Finding[]): SeverityCounts {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/**
 * Marks per primary target. Entries equal to the previous map's keep their identity, and the
 * previous map itself is returned when nothing changed, so selectors reading one element's mark
 * see a new value only when that element's problems changed.
 */
export function buildMarks(findings: readonly Finding[], prev: ReadonlyMap<string, ElementMark> = new Map()): ReadonlyMap<string, ElementMark> {
  const acc = new Map<string, { severity: Severity; counts: Record<Severity, number>; lines: Finding[] }>();
  for (const f of findings) {
    const id = f.targets[0];
    if (id === undefined) continue;
    let a = acc.get(id);
    if (!a) acc.set(id, (a = { severity: f.severity, counts: { error: 0, warning: 0, info: 0 }, lines: [] }));
    if (RANK[f.severity] < RANK[a.severity]) a.severity = f.severity;
    a.counts[f.severity]++;
    a.lines.push(f);
  }
  const next = new Map<string, ElementMark>();
  let changed = acc.size !== prev.size;
  for (const [id, a] of acc) {
    // Worst first; the findings arrive severity-sorted per rule, so a stable sort suffices.
    const count = a.lines.length;
    const ordered = count > 1 ? a.lines.slice().sort((x, y) => RANK[x.severity] - RANK[y.severity]) : a.lines;
    const shown = ordered.slice(0, MAX_TITLE_LINES).map((f) => (count > 1 ? `• ${f.message}` : f.message));
    if (count > MAX_TITLE_LINES) shown.push(`… and ${count - MAX_TITLE_LINES} more (see Problems)`);
    const title = shown.join('\n');
    const label = `${plural(count, 'problem')}: ${countsText(a.counts)}`;
    const old = prev.get(id);
    if (old && old.severity === a.severity && old.count === count && old.title === title) next.set(id, old);
    else {
      changed = true;
      next.set(id, { severity: a.severity, count, title, label });
    }
  }
  return changed ? next : prev;
}

/**
 * Names of every element the findings mention, read from the design that was validated. Only
 * elements that appear in findings are looked up (indexes built once, not per finding).
 */
export function describeTargets(design: Design, findings: Iterable<Finding>): ReadonlyMap<string, ElementInfo> {
  const out = new Map<string, ElementInfo>();
  let nodes: Map<string, string> | undefined;
  let edges: Map<string, { source: string; target: string; kind: string }> | undefined;
  let others: Map<string, ElementInfo> | undefined;
  for (const f of findings) {
    for (const id of f.targets) {
      if (out.has(id)) continue;
      nodes ??= new Map(design.nodes.map((n) => [n.id, n.name]));
      const node = nodes.get(id);
      if (node !== undefined) {
        out.set(id, { name: node, type: 'node' });
        continue;
      }
      edges ??= new Map(design.edges.map((e) => [e.id, e]));
      const edge = edges.get(id);
      if (edge) {
        out.set(id, { name: `${nodes.get(edge.source) ?? edge.source} → ${nodes.get(edge.target) ?? edge.target}`, type: 'edge' });
        continue;
      }
      if (!others) {
        others = new Map();
        for (const g of design.groups) others.set(g.id, { name: g.name, type: 'group' });
        for (const ev of design.events) others.set(ev.id, { name: `${ev.name} v${ev.version}`, type: 'event' });
      }
      out.set(id, others.get(id) ?? { name: id, type: 'missing' });
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------
// Problems panel rows
// ------------------------------------------------------------------------------------------

export type GroupBy = 'rule' | 'element';

export interface ProblemFilter {
  severities: Readonly<Record<Severity, boolean>>;
  text: string;
}

export const DEFAULT_FILTER: ProblemFilter = { severities: { error: true, warning: true, info: true }, text: '' };

export interface ProblemGroup {
  /** Rule id, element id, or '' for design-wide findings. */
  id: string;
  title: string;
  /** Secondary text, e.g. the rule id or the element kind. */
  detail: string;
  items: KeyedFinding[];
}

/** The first target (the element the finding is about) or '' for the design as a whole. */
export const primaryOf = (f: Finding): string => f.targets[0] ?? '';

export interface RowContext {
  elements: ReadonlyMap<string, ElementInfo>;
  /** Rule titles by id (absent until the rule catalog is loaded). */
  ruleTitle(id: string): string | undefined;
}

function matches(k: KeyedFinding, words: readonly string[], ctx: RowContext): boolean {
  if (!words.length) return true;
  const f = k.finding;
  const hay = [f.message, f.ruleId, ctx.ruleTitle(f.ruleId) ?? '', f.severity, ...f.targets.map((t) => ctx.elements.get(t)?.name ?? ''), k.reason ?? ''].join('\n').toLowerCase();
  return words.every((w) => hay.includes(w));
}

/** Filters and groups findings for the panel; groups keep the order of their first finding. */
export function groupProblems(items: readonly KeyedFinding[], filter: ProblemFilter, groupBy: GroupBy, ctx: RowContext): ProblemGroup[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  const groups = new Map<string, ProblemGroup>();
  for (const k of items) {
    if (!filter.severities[k.finding.severity] || !matches(k, words, ctx)) continue;
    const id = groupBy === 'rule' ? k.finding.ruleId : primaryOf(k.finding);
    let g = groups.get(id);
    if (!g) {
      if (groupBy === 'rule') g = { id, title: ctx.ruleTitle(id) ?? id, detail: id, items: [] };
      else {
        const el = id ? ctx.elements.get(id) : undefined;
        g = { id, title: id ? (el?.name ?? id) : 'Whole design', detail: id ? (el?.type === 'missing' ? 'not in the design' : (el?.type ?? '')) : 'design-wide', items: [] };
      }
      groups.set(id, g);
    }
    g.items.push(k);
  }
  const out = [...groups.values()];
  // By element, errors-first order would scatter an element's problems: keep groups in the order
  // of their worst finding (the input is severity-sorted) and design-wide findings first.
  if (groupBy === 'element') out.sort((a, b) => (a.id === '' ? -1 : b.id === '' ? 1 : 0));
  return out;
}

/** Keys in the order the panel lists them (what F8 walks through). */
export function flatKeys(groups: readonly ProblemGroup[]): string[] {
  const out: string[] = [];
  for (const g of groups) for (const k of g.items) out.push(k.key);
  return out;
}

/** The next (or previous) key after `current`, wrapping around; the first (or last) when current is not listed. */
export function stepKey(keys: readonly string[], current: string | null, dir: 1 | -1): string | null {
  if (!keys.length) return null;
  const i = current === null ? -1 : keys.indexOf(current);
  if (i < 0) return dir === 1 ? keys[0] : keys[keys.length - 1];
  return keys[(i + dir + keys.length) % keys.length];
}

/** Which of a finding's targets are nodes, edges or groups of the current design. */
export function selectionFor(design: Design, targets: readonly string[]): { nodes: string[]; edges: string[]; groups: string[] } {
  const want = new Set(targets);
  return {
    nodes: design.nodes.filter((n) => want.has(n.id)).map((n) => n.id),
    edges: design.edges.filter((e) => want.has(e.id)).map((e) => e.id),
    groups: design.groups.filter((g) => want.has(g.id)).map((g) => g.id),
  };
}
