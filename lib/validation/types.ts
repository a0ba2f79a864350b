import type { z } from 'zod';
import type { Design, Severity } from '@/lib/model';
import type { DesignGraph, EdgeEntry } from '@/lib/graph';
import type { QuickFixId } from './fixes';

export type { Severity };

export type RuleCategory =
  | 'granularity'
  | 'data'
  | 'resilience'
  | 'coupling'
  | 'communication'
  | 'observability'
  | 'security'
  | 'contracts'
  | 'deployment'
  | 'hygiene';

export const PROFILE_IDS = ['recommended', 'strict', 'event-driven-gateway', 'grpc-kafka'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

export interface Reference {
  title: string;
  url?: string;
}

/** A quick fix offered on a finding; implemented in lib/fixes under the same id. */
export interface QuickFixRef {
  id: QuickFixId;
  title: string;
}

/** One problem: what, how bad, and which elements (node, edge or event ids; primary first). */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /**
   * Element ids; the first is the element the finding is about (suppressions match it). Empty =
   * the whole design. May be shared between findings: never mutate it.
   */
  targets: string[];
  fixes?: QuickFixRef[];
}

/** The empty object schema, for rules without options. */
export type NoOptions = z.ZodObject<Record<string, never>>;

export interface RuleMeta<S extends z.ZodObject = z.ZodObject> {
  /** Kebab-case; equals the file name and the registry key. */
  id: string;
  title: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** Why it matters. */
  description: string;
  /** How to fix it, in prose. */
  fix: string;
  references: Reference[];
  /** Options with defaults; profiles and per-design settings override them. */
  options?: S;
  /** Profiles that enable the rule; absent = every profile. */
  profiles?: readonly ProfileId[];
}

/** What a finding is built from inside a rule. */
export interface FindingInput {
  message: string;
  targets: string[];
  /** Fix ids (default titles) or ids with a contextual title. A module-level constant list is
   * resolved once and shared between findings. */
  fixes?: readonly (QuickFixId | QuickFixRef)[];
  /** Defaults to the configured severity; use `ctx.lower()` for a milder variant. */
  severity?: Severity;
}

export interface RuleContext<O = Record<string, unknown>> {
  /** Rules read only nodes, edges, events and settings from it (result reuse relies on this). */
  readonly design: Design;
  readonly graph: DesignGraph;
  /** Options merged over the rule's defaults. */
  readonly options: O;
  /** Severity the rule runs at (profile and settings applied). */
  readonly severity: Severity;
  readonly ruleId: string;
  readonly profile: string;
  /** Builds a finding of this rule. */
  finding(input: FindingInput): Finding;
  /**
   * `finding` with positional arguments, for rules that report per node or edge: the input
   * object of `finding` is allocated per call (about 50 bytes a finding on large designs).
   */
  newFinding(message: string, targets: string[], fixes?: FindingInput['fixes'], severity?: Severity): Finding;
  /** One step milder than `severity` (error→warning→info). */
  lower(severity?: Severity): Severity;
  /** The technical name of a node, else the id itself. */
  name(id: string): string;
  /** "source → target" with node names. */
  edgeLabel(edge: EdgeEntry): string;
  /** `edgeLabel` by EdgeEntry.index (no entry needed). */
  edgeLabelAt(index: number): string;
  /** `[edge id, source id, target id]`, shared by every finding on that edge: never mutate it. */
  edgeTargets(edge: EdgeEntry): string[];
  /** `edgeTargets` by EdgeEntry.index (no entry needed). */
  edgeTargetsAt(index: number): string[];
  /** "a, b, c and 2 more": a short list for messages. */
  list(items: readonly string[], max?: number): string;
}

/** An ESLint-shaped rule: metadata plus a pure check over the shared graph indexes. */
export interface Rule<S extends z.ZodObject = z.ZodObject> {
  meta: RuleMeta<S>;
  /** Pure, O(nodes + edges), never throws on a schema-valid design. */
  check(ctx: RuleContext<z.output<S>>): Finding[];
}

/** Identity helper that infers a rule's option types from its schema. */
export function defineRule<S extends z.ZodObject = NoOptions>(rule: Rule<S>): Rule<S> {
  return rule;
}
