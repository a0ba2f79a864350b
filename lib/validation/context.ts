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

/** Builds the context a rule's `check` receives. */
export function createContext<O>(args: {
  design: Design;
  graph: DesignGraph;
  ruleId: string;
  options: O;
  severity: Severity;
  profile: string;
}): RuleContext<O> {
  const { graph, ruleId, severity } = args;
  const name = (id: string) => graph.node(id)?.name ?? id;
  return {
    ...args,
    finding(input: FindingInput): Finding {
      const f: Finding = { ruleId, severity: input.severity ?? severity, message: input.message, targets: input.targets };
      if (input.fixes && input.fixes.length > 0) f.fixes = resolveFixes(input.fixes);
      return f;
    },
    lower: (s = severity) => MILDER[s],
    name,
    edgeLabel: (e: EdgeEntry) => `${e.source.name} → ${e.target.name}`,
    list(items: readonly string[], max = 5) {
      if (items.length <= max) return items.join(', ');
      return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
    },
  };
}
