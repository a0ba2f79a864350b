import type { Design } from '@/lib/model';
import type { DesignGraph, EdgeEntry, NodeEntry } from '@/lib/graph';
import type { Finding, QuickFixId } from '@/lib/validation';
import type { Draft } from './draft';

/** What applying a quick fix gives: the new design (one undo step) or why it cannot apply. */
export type FixResult =
  | {
      ok: true;
      design: Design;
      /** What to select afterwards. */
      select?: { nodes?: string[]; edges?: string[] };
      summary: string;
    }
  | { ok: false; error: string };

/** Elements to select after a fix. */
export interface Selection {
  nodes?: string[];
  edges?: string[];
}

/** What a fix works with: the design, its graph, the finding, and a draft to edit. */
export interface FixContext {
  readonly design: Design;
  readonly graph: DesignGraph;
  readonly finding: Finding;
  /** Copy-on-write editor of `design`. */
  readonly draft: Draft;
  /** The design's active profile id (from its settings). */
  readonly profile: string;
  /** Options of a rule as the design's settings configure it (rule defaults when it is off). */
  ruleOptions<T extends Record<string, unknown>>(ruleId: string): T;
  /** Whether the design's profile and settings run this rule. */
  ruleActive(ruleId: string): boolean;
  /** Finding targets that are nodes (optionally of these kinds), in target order, unique. */
  nodeTargets(...kinds: NodeEntry['kind'][]): NodeEntry[];
  /** Finding targets that are edges (optionally of these kinds), in target order, unique. */
  edgeTargets<K extends EdgeEntry['edge']['kind']>(...kinds: K[]): EdgeEntry<Extract<EdgeEntry['edge'], { kind: K }>>[];
  /** Builds the result from the draft. */
  done(summary: string, select?: Selection): FixResult;
  fail(error: string): FixResult;
}

/** A quick fix: a pure (design, finding) → design transform, one file per id in lib/fixes. */
export interface QuickFix {
  id: QuickFixId;
  /** What it does, in a sentence (for tooltips and docs). */
  description: string;
  apply(ctx: FixContext): FixResult;
}

/** Identity helper that types a fix module. */
export function defineFix(fix: QuickFix): QuickFix {
  return fix;
}
