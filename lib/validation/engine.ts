import type { Design, Settings, Severity, Suppression } from '@/lib/model';
import { getGraph, type DesignGraph } from '@/lib/graph';
import { createContext, createRunMemo } from './context';
import { isProfileId, profileRules } from './profiles';
import { RULES } from './registry';
import type { Finding, ProfileId, Rule } from './types';

/** Suppression target that matches design-wide findings (those with no targets). */
export const DESIGN_TARGET = 'design';

export interface ValidateOptions {
  /** Precomputed indexes for this design (else taken from the per-design cache). */
  graph?: DesignGraph;
  /** Profile to run instead of `design.settings.profile`. */
  profile?: string;
  /**
   * Reuse the previous result when the design differs from the last one validated (same
   * profile option) only in fields no rule reads (default true). False forces a full run.
   */
  reuse?: boolean;
}

/** A rule as it runs for one design: profile and per-design settings applied, options parsed. */
export interface ActiveRule {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
}

/** A problem with the rule configuration itself (unknown rule or profile, invalid options…). */
export interface ConfigIssue {
  ruleId?: string;
  message: string;
}

export interface SuppressedFinding {
  finding: Finding;
  suppression: Suppression;
}

export interface ValidationResult {
  profile: ProfileId;
  /** Reported findings, sorted: severity, rule id, design position of the primary target. */
  findings: Finding[];
  /** Findings a suppression matched, with the suppression (and its reason), same order. */
  suppressed: SuppressedFinding[];
  issues: ConfigIssue[];
  /** Rules that threw (a bug): reported instead of breaking validation. */
  failures: { ruleId: string; error: string }[];
}

export interface RuleConfig {
  profile: ProfileId;
  rules: ActiveRule[];
  issues: ConfigIssue[];
  /** ruleId → targetId → suppression. */
  suppressions: Map<string, Map<string, Suppression>>;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function rankOf(severity: Severity): number {
  return severity === 'error' ? 0 : severity === 'warning' ? 1 : 2;
}

function parseOptions(rule: Rule, layers: Record<string, unknown>[], issues: ConfigIssue[]): Record<string, unknown> {
  const schema = rule.meta.options;
  if (!schema) return {};
  // Try all layers; if the design's layer is invalid, report it and fall back to the profile's.
  for (let n = layers.length; n >= 0; n--) {
    const parsed = schema.safeParse(Object.assign({}, ...layers.slice(0, n)));
    if (parsed.success) return parsed.data as Record<string, unknown>;
    if (n === layers.length) {
      issues.push({
        ruleId: rule.meta.id,
        message: `Invalid options for ${rule.meta.id}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ')}. Using the profile’s options.`,
      });
    }
  }
  return {};
}

/** Which rules run for these settings, at what severity and with which options. */
export function resolveRuleConfig(settings: Settings, profileOverride?: string): RuleConfig {
  const issues: ConfigIssue[] = [];
  const requested = profileOverride ?? settings.profile;
  let profile: ProfileId = 'recommended';
  if (isProfileId(requested)) profile = requested;
  else issues.push({ message: `Unknown profile "${requested}"; using "recommended".` });

  const byId = new Map<string, ActiveRule>();
  const profileOptions = new Map<string, Record<string, unknown>>();
  for (const pr of profileRules(profile)) {
    byId.set(pr.rule.meta.id, { rule: pr.rule, severity: pr.severity, options: {} });
    profileOptions.set(pr.rule.meta.id, pr.options);
  }
  const designOptions = new Map<string, Record<string, unknown>>();
  for (const [id, setting] of Object.entries(settings.rules)) {
    const rule = Object.prototype.hasOwnProperty.call(RULES, id) ? RULES[id] : undefined;
    if (!rule) {
      issues.push({ ruleId: id, message: `Unknown rule "${id}" in the design's rule settings.` });
      continue;
    }
    const severity = typeof setting === 'string' ? setting : setting.severity;
    if (severity === 'off') {
      byId.delete(id);
      continue;
    }
    // An explicit severity turns on a rule the profile leaves off; options alone do not.
    const current = byId.get(id);
    if (severity) byId.set(id, { rule, severity, options: {} });
    else if (!current) continue;
    if (typeof setting === 'object' && setting.options) designOptions.set(id, setting.options);
  }
  const rules = [...byId.values()].sort((a, b) => (a.rule.meta.id < b.rule.meta.id ? -1 : 1));
  for (const r of rules) {
    const id = r.rule.meta.id;
    r.options = parseOptions(r.rule, [profileOptions.get(id) ?? {}, designOptions.get(id) ?? {}], issues);
  }

  const suppressions = new Map<string, Map<string, Suppression>>();
  for (const s of settings.suppressions) {
    if (!Object.prototype.hasOwnProperty.call(RULES, s.ruleId)) issues.push({ ruleId: s.ruleId, message: `Suppression for unknown rule "${s.ruleId}".` });
    let m = suppressions.get(s.ruleId);
    if (!m) suppressions.set(s.ruleId, (m = new Map()));
    if (!m.has(s.targetId)) m.set(s.targetId, s);
  }
  return { profile, rules, issues, suppressions };
}

// Settings objects are replaced, not mutated, on edit: cache the resolution per settings object.
const configCache = new WeakMap<Settings, Map<string, RuleConfig>>();

function cachedConfig(settings: Settings, profileOverride?: string): RuleConfig {
  let byProfile = configCache.get(settings);
  if (!byProfile) configCache.set(settings, (byProfile = new Map()));
  const key = profileOverride ?? '';
  let config = byProfile.get(key);
  if (!config) byProfile.set(key, (config = resolveRuleConfig(settings, profileOverride)));
  return config;
}

/**
 * Position of an element in the design: nodes, then edges, then events (design order); -1 for
 * the design itself, +Infinity for ids that are not in it.
 */
export function elementPosition(graph: DesignGraph): (id: string | undefined) => number {
  let events: Map<string, number> | undefined;
  const n = graph.nodeList.length;
  const m = graph.designEdges.length;
  return (id) => {
    if (id === undefined || id === DESIGN_TARGET) return -1;
    const node = graph.indexOf(id);
    if (node !== -1) return node;
    const edge = graph.edge(id);
    if (edge) return n + edge.index;
    if (!events) {
      events = new Map();
      graph.design.events.forEach((e, i) => events!.has(e.id) || events!.set(e.id, i));
    }
    const ev = events.get(id);
    return ev === undefined ? Number.POSITIVE_INFINITY : n + m + ev;
  };
}

/**
 * The order `validate` returns: severity (errors first), rule id, then the design position of
 * the primary target (design-wide findings first). Findings on the same element keep the
 * rule's order (the comparator returns 0).
 */
export function compareFindings(graph: DesignGraph): (a: Finding, b: Finding) => number {
  const pos = elementPosition(graph);
  return (a, b) => {
    if (a.severity !== b.severity) return RANK[a.severity] - RANK[b.severity];
    if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
    return pos(a.targets[0]) - pos(b.targets[0]);
  };
}

function elementExists(design: Design, graph: DesignGraph, id: string): boolean {
  return id === DESIGN_TARGET || graph.indexOf(id) !== -1 || graph.edge(id) !== undefined || design.events.some((e) => e.id === id);
}

/**
 * Fields no rule reads. An edit that changes only these (moving, relabelling, describing,
 * tagging, regrouping: the most frequent edits) cannot change the findings, so the previous
 * result is reused. property.test.ts checks this list against every rule of every profile.
 */
export const INERT_NODE_FIELDS: ReadonlySet<string> = new Set(['position', 'label', 'description', 'parentId', 'tags']);
export const INERT_EDGE_FIELDS: ReadonlySet<string> = new Set(['label', 'description']);

/** Shallow equality ignoring inert fields; nested values compare by identity (structural sharing). */
function sameExcept(a: object, b: object, inert: ReadonlySet<string>): boolean {
  if (a === b) return true;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const k in x) {
    if (inert.has(k)) continue;
    keys++;
    if (x[k] !== y[k]) return false;
  }
  for (const k in y) if (!inert.has(k)) keys--;
  return keys === 0;
}

function sameList(a: readonly object[], b: readonly object[], inert: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameExcept(a[i], b[i], inert)) return false;
  return true;
}

/** The last validation, for result reuse: one slot, so at most one result is retained. */
let lastRun: { key: string; design: Design; result: ValidationResult } | undefined;

function reusable(prev: Design, next: Design): boolean {
  return (
    prev.settings === next.settings &&
    prev.events === next.events &&
    sameList(prev.nodes, next.nodes, INERT_NODE_FIELDS) &&
    sameList(prev.edges, next.edges, INERT_EDGE_FIELDS)
  );
}

/** Runs every active rule and returns findings, suppressed findings and configuration issues. */
export function validateDetailed(design: Design, opts: ValidateOptions = {}): ValidationResult {
  const key = opts.profile ?? '';
  const useCache = opts.reuse !== false && opts.graph === undefined;
  if (useCache && lastRun && lastRun.key === key && reusable(lastRun.design, design)) {
    lastRun.design = design;
    const r = lastRun.result;
    // Fresh arrays so callers can sort or filter without touching the cached result.
    return { ...r, findings: r.findings.slice(), suppressed: r.suppressed.slice(), issues: r.issues.slice(), failures: r.failures.slice() };
  }
  const result = runRules(design, opts);
  if (useCache) lastRun = { key, design, result: { ...result, findings: result.findings.slice(), suppressed: result.suppressed.slice() } };
  return result;
}

function runRules(design: Design, opts: ValidateOptions): ValidationResult {
  const graph = opts.graph ?? getGraph(design);
  const config = cachedConfig(design.settings, opts.profile);
  const issues = [...config.issues];
  for (const s of design.settings.suppressions) {
    if (!elementExists(design, graph, s.targetId)) issues.push({ ruleId: s.ruleId, message: `Suppression of ${s.ruleId} on "${s.targetId}", which is not in the design.` });
  }
  // Rules run in id order and report in the design order of their primary targets (a tested
  // contract), so concatenating each rule's findings per severity yields the full order without
  // sorting: sorting 25,000 findings by string keys alone would cost more than all the rules.
  // A rule's list is kept whole when every finding has one severity and none is suppressed (the
  // usual case), so the result is assembled in one allocation instead of growing buckets.
  const chunks: Finding[][] = [];
  const chunkRank: number[] = [];
  const counts = [0, 0, 0];
  const suppressedBuckets: SuppressedFinding[][] = [[], [], []];
  const failures: ValidationResult['failures'] = [];
  const memo = createRunMemo();
  for (const active of config.rules) {
    const ruleId = active.rule.meta.id;
    let found: Finding[];
    try {
      found = active.rule.check(
        createContext({ design, graph, ruleId, options: active.options, severity: active.severity, profile: config.profile, memo }),
      );
    } catch (err) {
      failures.push({ ruleId, error: err instanceof Error ? err.message : String(err) });
      continue;
    }
    if (found.length === 0) continue;
    const suppressions = config.suppressions.get(ruleId);
    const first = rankOf(found[0].severity);
    let uniform = suppressions === undefined;
    for (let i = 1; i < found.length && uniform; i++) uniform = rankOf(found[i].severity) === first;
    if (uniform) {
      chunks.push(found);
      chunkRank.push(first);
      counts[first] += found.length;
      continue;
    }
    const split: Finding[][] = [[], [], []];
    for (const f of found) {
      const rank = rankOf(f.severity);
      const s = suppressions?.get(f.targets.length > 0 ? f.targets[0] : DESIGN_TARGET);
      if (s) suppressedBuckets[rank].push({ finding: f, suppression: s });
      else split[rank].push(f);
    }
    for (let rank = 0; rank < 3; rank++) {
      if (split[rank].length === 0) continue;
      chunks.push(split[rank]);
      chunkRank.push(rank);
      counts[rank] += split[rank].length;
    }
  }
  const findings: Finding[] = new Array(counts[0] + counts[1] + counts[2]);
  let at = 0;
  for (let rank = 0; rank < 3; rank++) {
    for (let c = 0; c < chunks.length; c++) {
      if (chunkRank[c] !== rank) continue;
      const chunk = chunks[c];
      for (let i = 0; i < chunk.length; i++) findings[at++] = chunk[i];
    }
  }
  return {
    profile: config.profile,
    findings,
    suppressed: suppressedBuckets[0].concat(suppressedBuckets[1], suppressedBuckets[2]),
    issues,
    failures,
  };
}

/** Validates a design: the findings to show (suppressed ones left out), in `compareFindings` order. */
export function validate(design: Design, opts: ValidateOptions = {}): Finding[] {
  return validateDetailed(design, opts).findings;
}
