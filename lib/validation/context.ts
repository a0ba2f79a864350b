import type { Design, Severity } from '@/lib/model';
import type { DesignGraph, EdgeEntry } from '@/lib/graph';
import { QUICK_FIXES, type QuickFixId } from './fixes';
import type { Finding, FindingInput, QuickFixRef, RuleContext } from './types';

const MILDER: Record<Severity, Severity> = { error: 'warning', warning: 'info', info: 'info' };

// Rules pass module-level lists of fix ids; resolving each list once and sharing the frozen
// result saves two allocations per finding (tens of thousands on large designs). Lists with
// contextual titles are built per finding anyway, so they are not cached.
const resolved = new WeakMap<readonly (QuickFixId | QuickFixRef)[], QuickFixRef[]>();
const toRef = (x: QuickFixId | QuickFixRef): QuickFixRef => (typeof x === 'string' ? { id: x, title: QUICK_FIXES[x] } : x);
function resolveFixes(fixes: readonly (QuickFixId | QuickFixRef)[]): QuickFixRef[] {
  if (typeof fixes[fixes.length - 1] !== 'string') return fixes.map(toRef);
  let out = resolved.get(fixes);
  if (!out) {
    out = Object.freeze(fixes.map((x) => Object.freeze(toRef(x)))) as QuickFixRef[];
    resolved.set(fixes, out);
  }
  return out;
}

/**
 * Strings and target lists shared by the rules of one validation run: several rules report the
 * same call edge (timeout, breaker, TLS…), and building its "a → b" label and `[edge, source,
 * target]` list once instead of per finding saves a large share of the allocations on big
 * designs. Scoped to the run (not the graph) so nothing outlives the findings that use it.
 */
export interface RunMemo {
  labels: (string | undefined)[] | undefined;
  targets: (string[] | undefined)[] | undefined;
  /** " → name" per target node, by NodeEntry.index: a label is then one string node. */
  arrows: (string | undefined)[] | undefined;
}

/** A fresh memo for one validation run. */
export function createRunMemo(): RunMemo {
  return { labels: undefined, targets: undefined, arrows: undefined };
}

// Full-length arrays: filling a short array at scattered indices would turn it into a slow
// dictionary-backed array.
const slots = <T>(graph: DesignGraph): (T | undefined)[] => new Array<T | undefined>(graph.designEdges.length).fill(undefined);

/**
 * The context of one rule run. A class (methods on the prototype, one object per rule) rather
 * than an object of closures: validation creates one per rule per run. `name` is an own arrow
 * function because rules pass it around (`ids.map(ctx.name)`).
 */
class Context<O> implements RuleContext<O> {
  readonly design: Design;
  readonly graph: DesignGraph;
  readonly ruleId: string;
  readonly options: O;
  readonly severity: Severity;
  readonly profile: string;
  private readonly memo: RunMemo;

  constructor(args: { design: Design; graph: DesignGraph; ruleId: string; options: O; severity: Severity; profile: string; memo?: RunMemo }) {
    this.design = args.design;
    this.graph = args.graph;
    this.ruleId = args.ruleId;
    this.options = args.options;
    this.severity = args.severity;
    this.profile = args.profile;
    this.memo = args.memo ?? createRunMemo();
  }

  readonly name = (id: string): string => this.graph.node(id)?.name ?? id;

  finding(input: FindingInput): Finding {
    return this.newFinding(input.message, input.targets, input.fixes, input.severity);
  }

  newFinding(message: string, targets: string[], fixes?: readonly (QuickFixId | QuickFixRef)[], severity?: Severity): Finding {
    // Every finding gets the same five fields in one literal (one hidden class, no transition
    // when fixes are added); `fixes` is undefined when there are none.
    return {
      ruleId: this.ruleId,
      severity: severity ?? this.severity,
      message,
      targets,
      fixes: fixes && fixes.length > 0 ? this.fixesOf(fixes) : undefined,
    };
  }

  // Rules pass the same constant list for most findings: the last one resolved is kept here,
  // saving a WeakMap lookup per finding.
  private lastFixes: readonly (QuickFixId | QuickFixRef)[] | undefined;
  private lastResolved: QuickFixRef[] | undefined;

  private fixesOf(fixes: readonly (QuickFixId | QuickFixRef)[]): QuickFixRef[] {
    if (fixes === this.lastFixes) return this.lastResolved!;
    const resolvedList = resolveFixes(fixes);
    // Lists with contextual titles are built per finding: only constant lists are remembered.
    if (typeof fixes[fixes.length - 1] === 'string') {
      this.lastFixes = fixes;
      this.lastResolved = resolvedList;
    }
    return resolvedList;
  }

  lower(s: Severity = this.severity): Severity {
    return MILDER[s];
  }

  edgeLabel(e: EdgeEntry): string {
    return this.edgeLabelAt(e.index);
  }

  edgeLabelAt(i: number): string {
    const labels = (this.memo.labels ??= slots<string>(this.graph));
    let label = labels[i];
    if (label === undefined) {
      const { nodeList, edgeFacts } = this.graph;
      const t = edgeFacts.target[i];
      const arrows = (this.memo.arrows ??= new Array<string | undefined>(nodeList.length).fill(undefined));
      const arrow = (arrows[t] ??= ` → ${nodeList[t].name}`);
      label = labels[i] = nodeList[edgeFacts.source[i]].name + arrow;
    }
    return label;
  }

  edgeTargets(e: EdgeEntry): string[] {
    return this.edgeTargetsAt(e.index);
  }

  edgeTargetsAt(i: number): string[] {
    const targets = (this.memo.targets ??= slots<string[]>(this.graph));
    let list = targets[i];
    if (list === undefined) {
      const { nodeList, edgeFacts } = this.graph;
      list = targets[i] = [this.graph.designEdges[i].id, nodeList[edgeFacts.source[i]].id, nodeList[edgeFacts.target[i]].id];
    }
    return list;
  }

  list(items: readonly string[], max = 5): string {
    if (items.length <= max) return items.join(', ');
    return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
  }
}

/** Builds the context a rule's `check` receives. */
export function createContext<O>(args: {
  design: Design;
  graph: DesignGraph;
  ruleId: string;
  options: O;
  severity: Severity;
  profile: string;
  /** Shared by the rules of one run (the engine passes one); a context of its own otherwise. */
  memo?: RunMemo;
}): RuleContext<O> {
  return new Context(args);
}
