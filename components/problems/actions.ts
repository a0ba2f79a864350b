/**
 * What the Problems panel, the badges and the F8 keys do with a finding: reveal it (select and
 * centre its elements), apply a quick fix as one undo step, suppress it with a reason or lift
 * the suppression. No React here: each takes the stores it acts on.
 */
import type { EditorStore } from '@/lib/store';
import type { Finding, QuickFixId } from '@/lib/validation';
import type * as FixesModule from '@/lib/fixes';
import { canvasCommands } from '@/components/canvas/canvasCommands';
import type { UiStore } from '@/components/editor/uiStore';
import { flatKeys, groupProblems, selectionFor, stepKey, type KeyedFinding, type RowContext } from '@/components/validation/model';
import type { ValidationState, ValidationStore } from '@/components/validation/store';

export interface ProblemStores {
  store: EditorStore;
  ui: UiStore;
  validation: ValidationStore;
}

/** Suppression target of design-wide findings (lib/validation's DESIGN_TARGET, without loading it). */
export const DESIGN_TARGET = 'design';

export type FixesLib = typeof FixesModule;
let fixesPromise: Promise<FixesLib> | null = null;

/** The quick fixes, loaded on first use. */
export function loadFixes(): Promise<FixesLib> {
  fixesPromise ??= import('@/lib/fixes').catch((e: unknown) => {
    fixesPromise = null;
    throw e;
  });
  return fixesPromise;
}

export function rowContext(v: Pick<ValidationState, 'elements' | 'lib'>): RowContext {
  return { elements: v.elements, ruleTitle: (id) => v.lib?.RULES[id]?.meta.title };
}

/** The keyed finding (reported or suppressed) with this key. */
export function findByKey(v: Pick<ValidationState, 'findings' | 'suppressed'>, key: string | null): KeyedFinding | undefined {
  if (key === null) return undefined;
  return v.findings.find((k) => k.key === key) ?? v.suppressed.find((k) => k.key === key);
}

/** Selects the elements a finding (or a single target) is about and centres the canvas on them. */
export function revealTargets(stores: ProblemStores, targets: readonly string[]): void {
  const sel = selectionFor(stores.store.getState().design, targets);
  stores.store.getState().select(sel);
  const ids = [...sel.nodes, ...sel.edges, ...sel.groups];
  if (ids.length) canvasCommands.focus(ids);
}

/**
 * Makes a finding the active one: opens the panel on it, selects and centres its elements.
 * `focusRow` moves keyboard focus to its row (F8).
 */
export function revealFinding(stores: ProblemStores, key: string, opts: { focusRow?: boolean } = {}): void {
  const v = stores.validation.getState();
  const k = findByKey(v, key);
  if (!k) return;
  v.set({ activeKey: key, ...(opts.focusRow ? { focusSeq: v.focusSeq + 1 } : {}) });
  if (!stores.ui.getState().problemsOpen) stores.ui.getState().set({ problemsOpen: true });
  revealTargets(stores, k.finding.targets);
}

/** F8 / Shift+F8: the next or previous problem in the panel's order (filter and grouping applied). */
export function stepProblem(stores: ProblemStores, dir: 1 | -1): void {
  const v = stores.validation.getState();
  const keys = flatKeys(groupProblems(v.findings, v.filter, v.groupBy, rowContext(v)));
  const next = stepKey(keys, v.activeKey, dir);
  if (next === null) {
    stores.ui.getState().set({ problemsOpen: true });
    return;
  }
  revealFinding(stores, next, { focusRow: true });
}

/** Applies a quick fix to the current design as one undo step; toasts its summary or error. */
export async function applyFix(stores: ProblemStores, finding: Finding, fixId: QuickFixId): Promise<boolean> {
  const { store, ui } = stores;
  let lib: FixesLib;
  try {
    lib = await loadFixes();
  } catch (e) {
    ui.getState().notify('error', `Quick fixes could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
  let r: ReturnType<FixesLib['applyQuickFix']>;
  try {
    r = lib.applyQuickFix(store.getState().design, finding, fixId);
  } catch (e) {
    r = { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  if (!r.ok) {
    ui.getState().notify('error', `Could not apply the fix: ${r.error}`);
    return false;
  }
  store.getState().commit(r.design, r.select ? { selection: { nodes: r.select.nodes ?? [], edges: r.select.edges ?? [], groups: [] } } : {});
  const sel = store.getState().selection;
  const ids = [...sel.nodes, ...sel.edges];
  if (ids.length) canvasCommands.focus(ids);
  stores.validation.getState().set({ activeKey: null });
  ui.getState().notify('success', `${r.summary} (undo with Ctrl+Z)`);
  return true;
}

/** The element a suppression of this finding is attached to. */
export const suppressionTarget = (f: Finding): string => f.targets[0] ?? DESIGN_TARGET;

/** Hides a finding on its element, with a reason kept in the design (one undo step). */
export function suppressFinding(stores: ProblemStores, k: KeyedFinding, reason: string): string | null {
  const s = stores.store.getState();
  const f = k.finding;
  const targetId = suppressionTarget(f);
  const rest = s.design.settings.suppressions.filter((x) => !(x.ruleId === f.ruleId && x.targetId === targetId));
  const r = s.updateSettings({ suppressions: [...rest, { ruleId: f.ruleId, targetId, reason: reason.trim() }] });
  if (!r.ok) return r.error;
  // Keep showing it in the detail pane, now as suppressed, so it can be lifted again.
  stores.validation.getState().set({ activeKey: `s:${k.key}` });
  return null;
}

/** Lifts the suppression that hides a finding (one undo step). */
export function unsuppressFinding(stores: ProblemStores, k: KeyedFinding): void {
  const s = stores.store.getState();
  const f = k.finding;
  const targetId = suppressionTarget(f);
  const r = s.updateSettings({ suppressions: s.design.settings.suppressions.filter((x) => !(x.ruleId === f.ruleId && x.targetId === targetId)) });
  if (!r.ok) {
    stores.ui.getState().notify('error', r.error);
    return;
  }
  stores.validation.getState().set({ activeKey: k.key.startsWith('s:') ? k.key.slice(2) : k.key });
}
