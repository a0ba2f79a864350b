'use client';

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ChevronDown, ChevronRight, EyeOff, Search, SlidersHorizontal, X } from 'lucide-react';
import { useEditorContext } from '@/components/editor/EditorContext';
import { Button, IconButton, cx } from '@/components/ui';
import { ResizeHandle, usePanelSize } from '@/components/ui/ResizeHandle';
import { groupProblems, SEVERITY_ORDER, type GroupBy, type KeyedFinding, type ProblemGroup } from '@/components/validation/model';
import { useValidation, useValidationStore } from '@/components/validation/ValidationContext';
import { SEVERITY_ICON, SEVERITY_LABEL, SEVERITY_PLURAL, SEVERITY_TEXT, SeverityIcon } from '@/components/validation/severity';
import { revealFinding, rowContext, type ProblemStores } from './actions';
import { ProblemDetail } from './ProblemDetail';
import { PROBLEMS_PANEL_ID } from './ProblemsStatus';

// The panel may take up to 70% of the window.
const SIZE = { storageKey: 'archwright.problemsHeight', min: 140, max: () => Math.max(140, Math.round(window.innerHeight * 0.7)), defaultSize: 280 };
/** Rows rendered at first: thousands of findings (a 10,000-node design) would stall the page. */
const ROW_LIMIT = 400;

/** The Problems panel under the canvas: filterable, grouped list on the left, the selected finding's explanation on the right. */
export default function ProblemsPanel() {
  const { store, ui } = useEditorContext();
  const validation = useValidationStore();
  const stores: ProblemStores = useMemo(() => ({ store, ui, validation }), [store, ui, validation]);

  const findings = useValidation((s) => s.findings);
  const suppressed = useValidation((s) => s.suppressed);
  const counts = useValidation((s) => s.counts);
  const elements = useValidation((s) => s.elements);
  const lib = useValidation((s) => s.lib);
  const status = useValidation((s) => s.status);
  const error = useValidation((s) => s.error);
  const issues = useValidation((s) => s.issues);
  const filter = useValidation((s) => s.filter);
  const groupBy = useValidation((s) => s.groupBy);
  const showSuppressed = useValidation((s) => s.showSuppressed);
  const activeKey = useValidation((s) => s.activeKey);
  const focusSeq = useValidation((s) => s.focusSeq);
  const profile = useValidation((s) => s.profile);

  const ctx = useMemo(() => rowContext({ elements, lib }), [elements, lib]);
  const groups = useMemo(() => groupProblems(findings, filter, groupBy, ctx), [findings, filter, groupBy, ctx]);
  const hiddenGroups = useMemo(() => groupProblems(suppressed, { ...filter, severities: { error: true, warning: true, info: true } }, groupBy, ctx), [suppressed, filter, groupBy, ctx]);
  const shownCount = groups.reduce((n, g) => n + g.items.length, 0);

  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [limit, setLimit] = useState(ROW_LIMIT);
  const [height, setHeight] = usePanelSize(SIZE);
  const list = useRef<HTMLDivElement>(null);

  // F8 / Shift+F8 (and the badges) ask for the active row to take focus: expand its group first.
  const [seenFocus, setSeenFocus] = useState(focusSeq);
  if (seenFocus !== focusSeq) {
    setSeenFocus(focusSeq);
    const g = groups.find((x) => x.items.some((k) => k.key === activeKey));
    if (g && collapsed.has(g.id)) {
      const next = new Set(collapsed);
      next.delete(g.id);
      setCollapsed(next);
    }
  }
  useEffect(() => {
    if (!activeKey || focusSeq <= validation.getState().focusDone) return;
    const row = list.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(activeKey)}"]`);
    if (!row) return;
    validation.getState().set({ focusDone: focusSeq });
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: 'nearest' });
  }, [focusSeq, activeKey, validation, collapsed]);

  const setV = validation.getState().set;
  const toggleSeverity = (sev: keyof typeof filter.severities) => setV({ filter: { ...filter, severities: { ...filter.severities, [sev]: !filter.severities[sev] } } });
  const toggleGroup = (id: string) => {
    const next = new Set(collapsed);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setCollapsed(next);
  };

  // Arrow keys move between rows (and group headers), like a tree.
  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
    const items = [...(list.current?.querySelectorAll<HTMLElement>('[data-nav]') ?? [])];
    if (!items.length) return;
    e.preventDefault();
    const i = items.indexOf(document.activeElement as HTMLElement);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : Math.min(items.length - 1, Math.max(0, i + (e.key === 'ArrowDown' ? 1 : -1)));
    items[next]?.focus();
  };

  // How many rows of each group are rendered: open groups in order until the limit is used up.
  const budgets = useMemo(() => rowBudgets(groups, collapsed, limit), [groups, collapsed, limit]);
  const rendered = budgets.reduce((a, b) => a + b, 0);
  const openRows = groups.reduce((n, g) => n + (collapsed.has(g.id) ? 0 : g.items.length), 0);

  const renderGroup = (g: ProblemGroup, hidden: boolean, budget: number) => {
    const isCollapsed = collapsed.has((hidden ? 's:' : '') + g.id);
    const worst = g.items.reduce((w, k) => (SEVERITY_ORDER.indexOf(k.finding.severity) < SEVERITY_ORDER.indexOf(w) ? k.finding.severity : w), g.items[0].finding.severity);
    const items = isCollapsed ? [] : g.items.slice(0, budget);
    return (
      <li key={(hidden ? 's:' : '') + (g.id || '(design)')} className="min-w-0">
        <button
          type="button"
          data-nav
          aria-expanded={!isCollapsed}
          aria-label={`${g.title}: ${g.items.length} ${hidden ? 'suppressed' : g.items.length === 1 ? 'problem' : 'problems'}`}
          onClick={() => toggleGroup((hidden ? 's:' : '') + g.id)}
          className="flex w-full min-w-0 items-center gap-1.5 px-2 py-1 text-left text-xs font-semibold text-neutral-700 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-500 dark:text-neutral-200 dark:hover:bg-neutral-800/70"
        >
          {isCollapsed ? <ChevronRight size={14} aria-hidden="true" className="shrink-0" /> : <ChevronDown size={14} aria-hidden="true" className="shrink-0" />}
          {!hidden && groupBy === 'rule' && <SeverityIcon severity={worst} size={13} decorative />}
          <span className="truncate">{g.title}</span>
          {g.detail && g.detail !== g.title && <span className="truncate font-mono text-[11px] font-normal text-neutral-500 dark:text-neutral-400">{g.detail}</span>}
          <span className="ml-auto shrink-0 rounded-full bg-neutral-200 px-1.5 text-[11px] font-medium tabular-nums text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300">{g.items.length}</span>
        </button>
        {items.length > 0 && (
          <ul className="min-w-0">
            {items.map((k) => (
              <ProblemRow key={k.key} k={k} active={k.key === activeKey} groupBy={groupBy} hidden={hidden} elementName={(id) => elements.get(id)?.name} onOpen={() => revealFinding(stores, k.key)} />
            ))}
          </ul>
        )}
      </li>
    );
  };

  const anyFilter = filter.text.trim() !== '' || SEVERITY_ORDER.some((s) => !filter.severities[s]);
  const total = findings.length;

  return (
    <section id={PROBLEMS_PANEL_ID} aria-label="Problems" data-testid="problems-panel" className="relative flex shrink-0 flex-col border-t border-neutral-200 bg-white dark:border-neutral-800 dark:bg-neutral-900" style={{ height }}>
      <ResizeHandle
        orientation="horizontal"
        label="Resize the Problems panel"
        size={height}
        min={SIZE.min}
        max={SIZE.max()}
        onResize={setHeight}
        grow={-1}
        step={24}
        largeStep={80}
        defaultSize={SIZE.defaultSize}
        className="absolute inset-x-0 -top-1 h-2 cursor-row-resize"
      />
      <div className="flex h-9 shrink-0 items-center gap-1.5 border-b border-neutral-200 px-2 dark:border-neutral-800">
        <h2 className="mr-1 shrink-0 text-xs font-semibold tracking-wide text-neutral-600 uppercase dark:text-neutral-300">Problems</h2>
        <div role="group" aria-label="Show severities" className="flex shrink-0 items-center gap-0.5">
          {SEVERITY_ORDER.map((sev) => {
            const Icon = SEVERITY_ICON[sev];
            const on = filter.severities[sev];
            return (
              <button
                key={sev}
                type="button"
                aria-pressed={on}
                aria-label={`${SEVERITY_PLURAL[sev]} (${counts[sev]})`}
                title={`${on ? 'Hide' : 'Show'} ${SEVERITY_PLURAL[sev].toLowerCase()}`}
                onClick={() => toggleSeverity(sev)}
                className={cx(
                  'flex h-6 items-center gap-1 rounded-md border px-1.5 text-xs tabular-nums focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-500',
                  on
                    ? 'border-neutral-300 bg-neutral-100 text-neutral-800 dark:border-neutral-600 dark:bg-neutral-800 dark:text-neutral-100'
                    : 'border-transparent text-neutral-400 line-through decoration-neutral-400/70 dark:text-neutral-500',
                )}
              >
                <Icon size={13} aria-hidden="true" className={on ? SEVERITY_TEXT[sev] : undefined} />
                {counts[sev]}
              </button>
            );
          })}
        </div>
        <div className="relative ml-1 w-52 min-w-24 shrink">
          <Search size={13} aria-hidden="true" className="pointer-events-none absolute top-1/2 left-2 -translate-y-1/2 text-neutral-400" />
          <input
            type="search"
            aria-label="Filter problems"
            placeholder="Filter by text, rule or element"
            value={filter.text}
            onChange={(e) => setV({ filter: { ...filter, text: e.target.value } })}
            className="h-6 w-full rounded-md border border-neutral-300 bg-white pr-2 pl-7 text-xs text-neutral-900 placeholder:text-neutral-400 focus:border-sky-500 focus:ring-2 focus:ring-sky-500/30 focus:outline-none dark:border-neutral-700 dark:bg-neutral-950 dark:text-neutral-100 dark:placeholder:text-neutral-500"
          />
        </div>
        <label className="ml-1 flex shrink-0 items-center gap-1 text-xs whitespace-nowrap text-neutral-600 dark:text-neutral-400">
          Group by
          <select
            value={groupBy}
            onChange={(e) => setV({ groupBy: e.target.value as GroupBy })}
            className="h-6 rounded-md border border-neutral-300 bg-white px-1 text-xs text-neutral-900 focus:border-sky-500 focus:ring-2 focus:ring-sky-500/30 focus:outline-none dark:border-neutral-700 dark:bg-neutral-950 dark:text-neutral-100"
          >
            <option value="rule">Rule</option>
            <option value="element">Element</option>
          </select>
        </label>
        <button
          type="button"
          aria-pressed={showSuppressed}
          onClick={() => setV({ showSuppressed: !showSuppressed })}
          title="Show the findings hidden by a suppression, with their reasons"
          className={cx(
            'ml-1 flex h-6 shrink-0 items-center gap-1 rounded-md border px-1.5 text-xs whitespace-nowrap focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-500',
            showSuppressed ? 'border-neutral-300 bg-neutral-100 text-neutral-800 dark:border-neutral-600 dark:bg-neutral-800 dark:text-neutral-100' : 'border-transparent text-neutral-600 hover:bg-neutral-100 dark:text-neutral-400 dark:hover:bg-neutral-800',
          )}
        >
          <EyeOff size={13} aria-hidden="true" />
          Suppressed ({suppressed.length})
        </button>
        <span className="flex-1" />
        <Button
          size="sm"
          variant="ghost"
          aria-label="Rule settings"
          icon={<SlidersHorizontal size={13} aria-hidden="true" />}
          onClick={() => ui.getState().set({ dialog: 'rules' })}
          title={`Rule settings (profile “${profile}”): choose rules, severities and thresholds`}
        >
          <span className="hidden xl:inline">Rule settings</span>
        </Button>
        <IconButton label="Close Problems panel" icon={<X size={15} />} size="sm" onClick={() => ui.getState().set({ problemsOpen: false })} />
      </div>
      <div className="flex min-h-0 flex-1">
        <div ref={list} className="min-w-0 flex-1 overflow-y-auto py-1 text-sm" onKeyDown={onListKey}>
          {status === 'failed' ? (
            <p role="alert" className="px-3 py-2 text-sm text-red-700 dark:text-red-300">
              Validation could not run: {error}
            </p>
          ) : status === 'pending' ? (
            <p className="px-3 py-2 text-neutral-500 dark:text-neutral-400">Checking the design…</p>
          ) : total === 0 && !showSuppressed ? (
            <p className="px-3 py-2 text-neutral-500 dark:text-neutral-400">
              No problems found{suppressed.length ? ` (${suppressed.length} suppressed)` : ''}. The rules run again after every change.
            </p>
          ) : shownCount === 0 && !showSuppressed ? (
            <p className="px-3 py-2 text-neutral-500 dark:text-neutral-400">
              No problem matches the filter ({total} hidden).{' '}
              {anyFilter && (
                <button type="button" className="text-sky-700 underline hover:no-underline dark:text-sky-400" onClick={() => setV({ filter: { severities: { error: true, warning: true, info: true }, text: '' } })}>
                  Clear the filter
                </button>
              )}
            </p>
          ) : (
            <ul aria-label="Problems by group" className="min-w-0">
              {groups.map((g, i) => renderGroup(g, false, budgets[i]))}
            </ul>
          )}
          {rendered < openRows && (
            <div className="px-3 py-2">
              <Button size="sm" onClick={() => setLimit((l) => l + 2000)}>
                Show more ({openRows - rendered} not shown)
              </Button>
            </div>
          )}
          {showSuppressed && (
            <div className="mt-1 border-t border-neutral-200 pt-1 dark:border-neutral-800">
              <h3 className="px-3 py-1 text-[11px] font-semibold tracking-wide text-neutral-500 uppercase dark:text-neutral-400">Suppressed ({suppressed.length})</h3>
              {suppressed.length === 0 ? (
                <p className="px-3 pb-2 text-xs text-neutral-500 dark:text-neutral-400">Nothing is suppressed. Suppress a finding from its explanation, with a reason.</p>
              ) : (
                <ul aria-label="Suppressed problems" className="min-w-0">
                  {hiddenGroups.map((g) => renderGroup(g, true, g.items.length))}
                </ul>
              )}
            </div>
          )}
          {issues.length > 0 && (
            <div className="mx-3 my-2 rounded-md border border-amber-300 bg-amber-50 px-2 py-1.5 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100">
              <p className="font-semibold">Rule settings need attention</p>
              <ul className="mt-0.5 list-disc pl-4">
                {issues.slice(0, 10).map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <ProblemDetail stores={stores} className="w-[42%] max-w-[520px] min-w-[320px] border-l border-neutral-200 dark:border-neutral-800" />
      </div>
    </section>
  );
}

function rowBudgets(groups: readonly ProblemGroup[], collapsed: ReadonlySet<string>, limit: number): number[] {
  const out: number[] = [];
  let left = limit;
  for (const g of groups) {
    const n = collapsed.has(g.id) ? 0 : Math.min(g.items.length, left);
    left -= n;
    out.push(n);
  }
  return out;
}


interface ProblemRowProps {
  k: KeyedFinding;
  active: boolean;
  groupBy: GroupBy;
  hidden: boolean;
  elementName(id: string): string | undefined;
  onOpen(): void;
}

/** One finding: severity, message and where; a click selects its elements and opens its explanation. */
function ProblemRow({ k, active, groupBy, hidden, elementName, onOpen }: ProblemRowProps) {
  const f = k.finding;
  const where = f.targets.length ? (elementName(f.targets[0]) ?? f.targets[0]) : 'design';
  return (
    <li className="min-w-0">
      <button
        type="button"
        data-nav
        data-key={k.key}
        aria-current={active ? 'true' : undefined}
        aria-label={`${hidden ? 'Suppressed ' : ''}${SEVERITY_LABEL[f.severity]} ${f.ruleId} on ${where}: ${f.message}`}
        onClick={onOpen}
        className={cx(
          'flex w-full min-w-0 items-center gap-2 py-1 pr-3 pl-7 text-left text-[13px] focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-500',
          active ? 'bg-sky-100 text-sky-950 dark:bg-sky-900/50 dark:text-sky-50' : 'text-neutral-800 hover:bg-neutral-100 dark:text-neutral-200 dark:hover:bg-neutral-800/70',
          hidden && !active && 'text-neutral-500 dark:text-neutral-400',
        )}
      >
        <SeverityIcon severity={f.severity} size={14} decorative className={hidden ? 'opacity-60' : undefined} />
        <span className="min-w-0 flex-1 truncate" title={f.message}>
          {f.message}
        </span>
        {groupBy === 'rule' ? (
          <span className="max-w-[35%] shrink-0 truncate text-xs text-neutral-500 dark:text-neutral-400">{where}</span>
        ) : (
          <span className="max-w-[35%] shrink-0 truncate font-mono text-[11px] text-neutral-500 dark:text-neutral-400">{f.ruleId}</span>
        )}
        {hidden && k.reason && (
          <span className="max-w-[30%] shrink-0 truncate text-xs text-neutral-500 italic dark:text-neutral-400" title={`Reason: ${k.reason}`}>
            “{k.reason}”
          </span>
        )}
      </button>
    </li>
  );
}
