import type { Design } from '@/lib/model';
import { getGraph, type EdgeEntry, type NodeEntry } from '@/lib/graph';
import { getRule, resolveRuleConfig, type Finding } from '@/lib/validation';
import { Draft } from './draft';
import type { FixContext, FixResult, Selection } from './types';

/** Builds the context a fix's `apply` receives. */
export function createFixContext(design: Design, finding: Finding): FixContext {
  const graph = getGraph(design);
  const draft = new Draft(design);
  let config: ReturnType<typeof resolveRuleConfig> | undefined;
  const rules = () => (config ??= resolveRuleConfig(design.settings)).rules;
  const targets = Array.isArray(finding.targets) ? finding.targets : [];
  return {
    design,
    graph,
    finding,
    draft,
    profile: design.settings.profile,
    ruleOptions<T extends Record<string, unknown>>(ruleId: string): T {
      const active = rules().find((r) => r.rule.meta.id === ruleId);
      if (active) return active.options as T;
      const schema = getRule(ruleId)?.meta.options;
      return (schema ? schema.parse({}) : {}) as T;
    },
    ruleActive: (ruleId) => rules().some((r) => r.rule.meta.id === ruleId),
    nodeTargets(...kinds) {
      const out: NodeEntry[] = [];
      for (const id of targets) {
        const entry = graph.nodes.get(id);
        if (entry && (kinds.length === 0 || kinds.includes(entry.kind)) && !out.includes(entry)) out.push(entry);
      }
      return out;
    },
    edgeTargets(...kinds) {
      const out: EdgeEntry[] = [];
      for (const id of targets) {
        const entry = graph.edge(id);
        if (entry && (kinds.length === 0 || (kinds as string[]).includes(entry.edge.kind)) && !out.includes(entry)) out.push(entry);
      }
      return out as never;
    },
    done(summary: string, select?: Selection): FixResult {
      const built = draft.build();
      if (!built.ok) return built;
      if (built.design === design) return { ok: false, error: 'Nothing to change: this is already fixed.' };
      return select ? { ok: true, design: built.design, select, summary } : { ok: true, design: built.design, summary };
    },
    fail: (error: string) => ({ ok: false, error }),
  };
}
