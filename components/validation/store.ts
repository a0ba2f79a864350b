import { createStore } from 'zustand/vanilla';
import type * as ValidationModule from '@/lib/validation';
import {
  DEFAULT_FILTER,
  ZERO_COUNTS,
  type ElementInfo,
  type ElementMark,
  type GroupBy,
  type KeyedFinding,
  type ProblemFilter,
  type SeverityCounts,
} from './model';

/** The rule engine's module, loaded on demand (it is not part of the editor's first load). */
export type ValidationLib = typeof ValidationModule;

export interface ValidationState {
  /** The engine and rule catalog, once loaded. */
  lib: ValidationLib | null;
  status: 'pending' | 'ready' | 'failed';
  /** Why validation could not run (the engine failed to load). */
  error: string | null;
  /** The editor's structureRevision the findings belong to (-1 before the first run). */
  revision: number;
  profile: string;
  /** Reported findings, in the engine's order (errors first). */
  findings: readonly KeyedFinding[];
  /** Findings hidden by a suppression, with its reason. */
  suppressed: readonly KeyedFinding[];
  counts: SeverityCounts;
  /** Badge and outline per element (primary targets only); entries keep identity while unchanged. */
  marks: ReadonlyMap<string, ElementMark>;
  /** Names of the elements findings mention. */
  elements: ReadonlyMap<string, ElementInfo>;
  /** Problems with the rule settings themselves (unknown rules, invalid options…). */
  issues: readonly string[];

  // Problems panel (UI only, not saved).
  filter: ProblemFilter;
  groupBy: GroupBy;
  showSuppressed: boolean;
  /** Key of the finding shown in the detail pane. */
  activeKey: string | null;
  /** Bumps when the active row should take keyboard focus (F8 / Shift+F8). */
  focusSeq: number;
  /** The last focusSeq the panel acted on (the panel may mount after the request). */
  focusDone: number;
  /** A rule the Rules dialog should reveal when it opens. */
  rulesFocus: string | null;

  set(patch: Partial<Omit<ValidationState, 'set'>>): void;
}

/** One per editor: findings of the current design and the Problems panel's view state. */
export function createValidationStore() {
  return createStore<ValidationState>()((set) => ({
    lib: null,
    status: 'pending',
    error: null,
    revision: -1,
    profile: 'recommended',
    findings: [],
    suppressed: [],
    counts: ZERO_COUNTS,
    marks: new Map(),
    elements: new Map(),
    issues: [],
    filter: DEFAULT_FILTER,
    groupBy: 'rule',
    showSuppressed: false,
    activeKey: null,
    focusSeq: 0,
    focusDone: 0,
    rulesFocus: null,
    set: (patch) => set(patch),
  }));
}

export type ValidationStore = ReturnType<typeof createValidationStore>;
