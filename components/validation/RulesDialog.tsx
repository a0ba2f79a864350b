'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { ChevronDown, ChevronRight, RotateCcw, Search } from 'lucide-react';
import { useEditor, useEditorContext } from '@/components/editor/EditorContext';
import { Button, CheckboxField, Dialog, NumberField, Select, SelectField, TextField, cx } from '@/components/ui';
import { PROFILE_IDS, PROFILES, type ProfileId } from '@/lib/validation';
import { LEVELS, optionFields, profileOf, resetRule, ruleRows, setLevel, setOption, type Level, type RuleRow } from './ruleSettings';
import { useValidationStore } from './ValidationContext';
import { CATEGORY_LABEL } from './categories';

const LEVEL_LABEL: Record<Level, string> = { off: 'Off', info: 'Info', warning: 'Warning', error: 'Error' };

const CATEGORY_ORDER = ['data', 'resilience', 'communication', 'coupling', 'granularity', 'observability', 'security', 'contracts', 'deployment', 'hygiene'];
const LEVEL_DOT: Record<Level, string> = {
  off: 'bg-neutral-300 dark:bg-neutral-600',
  info: 'bg-sky-500',
  warning: 'bg-amber-500',
  error: 'bg-red-500',
};

/**
 * Rule settings of the design: profile, each rule's severity (or off) and thresholds. Every
 * change is a store action (one undo step; typing in a threshold coalesces) saved with the design.
 */
export default function RulesDialog({ onClose }: { onClose(): void }) {
  const { store, ui } = useEditorContext();
  const validation = useValidationStore();
  const settings = useEditor((s) => s.design.settings);
  const rows = useMemo(() => ruleRows(settings), [settings]);
  const profile = profileOf(settings);
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => {
    const focus = validation.getState().rulesFocus;
    return new Set(focus ? [focus] : []);
  });
  const body = useRef<HTMLDivElement>(null);

  // "Configure rule" from a finding: scroll to that rule and take focus there.
  useEffect(() => {
    const focus = validation.getState().rulesFocus;
    if (!focus) return;
    validation.getState().set({ rulesFocus: null });
    const el = body.current?.querySelector<HTMLElement>(`[data-rule="${CSS.escape(focus)}"]`);
    el?.scrollIntoView({ block: 'center' });
    el?.querySelector<HTMLElement>('select')?.focus();
  }, [validation]);

  const update = (rules: typeof settings.rules, coalesceKey?: string) => {
    const r = store.getState().updateSettings({ rules }, coalesceKey ? { coalesceKey } : undefined);
    if (!r.ok) ui.getState().notify('error', r.error);
    return r.ok ? null : r.error;
  };

  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const visible = rows.filter((r) => {
    if (!words.length) return true;
    const m = r.rule.meta;
    const hay = `${m.id} ${m.title} ${m.description} ${m.category}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  const byCategory = new Map<string, RuleRow[]>();
  for (const r of visible) {
    const c = r.rule.meta.category;
    if (!byCategory.has(c)) byCategory.set(c, []);
    byCategory.get(c)!.push(r);
  }
  const categories = [...byCategory.keys()].sort((a, b) => CATEGORY_ORDER.indexOf(a) - CATEGORY_ORDER.indexOf(b));
  const overrides = Object.keys(settings.rules).length;
  const active = rows.filter((r) => r.level !== 'off').length;

  const toggle = (id: string) => {
    const next = new Set(expanded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title="Rules"
      description="What the live validation checks in this design. Settings are saved in the design file; every change can be undone."
      size="lg"
      footer={<Button onClick={onClose}>Done</Button>}
    >
      <div ref={body}>
        <div className="flex flex-wrap items-end gap-3">
          <SelectField<ProfileId>
            label="Profile"
            value={profile}
            options={PROFILE_IDS.map((id) => ({ value: id, label: PROFILES[id].title }))}
            onChange={(p) => {
              const r = store.getState().updateSettings({ profile: p });
              if (!r.ok) ui.getState().notify('error', r.error);
            }}
            className="w-64"
          />
          <Button
            icon={<RotateCcw size={14} aria-hidden="true" />}
            disabled={overrides === 0}
            onClick={() => update({})}
            title={overrides ? `Drop the design's ${overrides} rule override${overrides === 1 ? '' : 's'} and use the profile's settings` : 'Every rule runs as the profile says'}
          >
            Reset to profile defaults
          </Button>
          <span className="pb-1.5 text-xs text-neutral-500 dark:text-neutral-400">
            {active} of {rows.length} rules on{overrides ? ` · ${overrides} changed` : ''}
          </span>
        </div>
        <p className="mt-1.5 text-xs text-neutral-600 dark:text-neutral-400">{PROFILES[profile].description}</p>
        {settings.profile !== profile && <p className="mt-1 text-xs text-amber-700 dark:text-amber-400">The design names an unknown profile “{settings.profile}”; the recommended rules run instead.</p>}

        <div className="relative mt-3">
          <Search size={14} aria-hidden="true" className="pointer-events-none absolute top-1/2 left-2.5 -translate-y-1/2 text-neutral-400" />
          <input
            type="search"
            aria-label="Filter rules"
            placeholder="Filter rules"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            className="h-8 w-full rounded-md border border-neutral-300 bg-white pr-2 pl-8 text-sm text-neutral-900 placeholder:text-neutral-400 focus:border-sky-500 focus:ring-2 focus:ring-sky-500/30 focus:outline-none dark:border-neutral-700 dark:bg-neutral-950 dark:text-neutral-100 dark:placeholder:text-neutral-500"
          />
        </div>

        {categories.length === 0 && <p className="mt-4 text-sm text-neutral-500">No rule matches “{query}”.</p>}
        {categories.map((c) => (
          <section key={c} className="mt-4" aria-label={CATEGORY_LABEL[c] ?? c}>
            <h3 className="mb-1 text-xs font-semibold tracking-wide text-neutral-500 uppercase dark:text-neutral-400">{CATEGORY_LABEL[c] ?? c}</h3>
            <ul className="divide-y divide-neutral-100 rounded-md border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800">
              {byCategory.get(c)!.map((r) => (
                <RuleItem key={r.rule.meta.id} row={r} open={expanded.has(r.rule.meta.id)} onToggle={() => toggle(r.rule.meta.id)} settings={settings} update={update} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Dialog>
  );
}

interface RuleItemProps {
  row: RuleRow;
  open: boolean;
  onToggle(): void;
  settings: Parameters<typeof ruleRows>[0];
  update(rules: Parameters<typeof ruleRows>[0]['rules'], coalesceKey?: string): string | null;
}

function RuleItem({ row, open, onToggle, settings, update }: RuleItemProps) {
  const m = row.rule.meta;
  const fields = optionFields(row.rule);
  const changed = row.severityChanged || row.changedOptions.length > 0;
  const detailsId = `rule-${m.id}-details`;
  return (
    <li data-rule={m.id} className="px-3 py-2">
      <div className="flex items-center gap-2">
        <button
          type="button"
          onClick={onToggle}
          aria-expanded={open}
          aria-controls={detailsId}
          aria-label={`${m.title}: details${fields.length ? ' and thresholds' : ''}`}
          className="-ml-1 rounded p-0.5 text-neutral-500 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-neutral-800"
        >
          {open ? <ChevronDown size={14} aria-hidden="true" /> : <ChevronRight size={14} aria-hidden="true" />}
        </button>
        <span aria-hidden="true" className={cx('size-2 shrink-0 rounded-full', LEVEL_DOT[row.level])} />
        <div className="min-w-0 flex-1">
          <div className="flex min-w-0 items-baseline gap-2">
            <span className={cx('truncate text-sm font-medium', row.level === 'off' ? 'text-neutral-500 dark:text-neutral-400' : 'text-neutral-900 dark:text-neutral-100')}>{m.title}</span>
            <code className="truncate font-mono text-[11px] text-neutral-500 dark:text-neutral-400">{m.id}</code>
            {changed && <span className="shrink-0 rounded bg-sky-100 px-1 text-[10px] font-medium text-sky-800 dark:bg-sky-900/60 dark:text-sky-200">changed</span>}
          </div>
        </div>
        <Select<Level>
          aria-label={`${m.title} severity`}
          value={row.level}
          options={LEVELS.map((l) => ({ value: l, label: l === row.base ? `${LEVEL_LABEL[l]} (default)` : LEVEL_LABEL[l] }))}
          onChange={(l) => update(setLevel(settings, m.id, l))}
          className="w-44! shrink-0 py-0.5! text-xs"
        />
      </div>
      {open && (
        <div id={detailsId} className="mt-2 ml-7 space-y-2">
          <p className="text-xs text-neutral-600 dark:text-neutral-400">{m.description}</p>
          {fields.length > 0 && (
            <div className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-2">
              {fields.map((f) => {
                const value = row.options[f.key];
                const coalesce = `rules:${m.id}:${f.key}`;
                if (f.type === 'boolean') {
                  return <CheckboxField key={f.key} label={f.label} checked={value === true} onChange={(v) => update(setOption(settings, m.id, f.key, v))} className="self-end pb-1" />;
                }
                if (f.type === 'string') {
                  return <TextField key={f.key} label={f.label} value={typeof value === 'string' ? value : ''} mono onCommit={(v) => update(setOption(settings, m.id, f.key, v), coalesce)} />;
                }
                return (
                  <NumberField
                    key={f.key}
                    label={f.label}
                    value={typeof value === 'number' ? value : undefined}
                    min={f.min}
                    max={f.max}
                    integer={f.type === 'integer'}
                    step={f.type === 'integer' ? 1 : 0.05}
                    onCommit={(v) => update(setOption(settings, m.id, f.key, v), coalesce)}
                  />
                );
              })}
            </div>
          )}
          {changed && (
            <Button size="sm" variant="ghost" icon={<RotateCcw size={12} aria-hidden="true" />} onClick={() => update(resetRule(settings, m.id))}>
              Reset this rule
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
