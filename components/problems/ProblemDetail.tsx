'use client';

import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { BookOpen, Crosshair, ExternalLink, EyeOff, Eye, Keyboard, SlidersHorizontal, Wrench } from 'lucide-react';
import { useEditor } from '@/components/editor/EditorContext';
import { Button, IconButton, cx } from '@/components/ui';
import { useValidation } from '@/components/validation/ValidationContext';
import { SEVERITY_LABEL, SEVERITY_TEXT, SeverityIcon } from '@/components/validation/severity';
import type { Finding, QuickFixRef } from '@/lib/validation';
import { applyFix, findByKey, loadFixes, revealTargets, unsuppressFinding, type FixesLib, type ProblemStores } from './actions';
import { SuppressDialog } from './SuppressDialog';
import { CATEGORY_LABEL } from '@/components/validation/categories';

/** The active finding's explanation: why it matters, how to fix it, references, quick fixes, suppression. */
export function ProblemDetail({ stores, className }: { stores: ProblemStores; className?: string }) {
  const activeKey = useValidation((s) => s.activeKey);
  const k = useValidation((s) => findByKey(s, s.activeKey));
  const lib = useValidation((s) => s.lib);
  const elements = useValidation((s) => s.elements);
  const [suppressing, setSuppressing] = useState(false);

  if (!k) {
    return (
      <aside aria-label="Problem details" className={cx('overflow-y-auto p-4 text-sm text-neutral-600 dark:text-neutral-400', className)}>
        {activeKey ? (
          <p>This problem is gone: the design changed since it was reported.</p>
        ) : (
          <>
            <p className="font-medium text-neutral-800 dark:text-neutral-200">Select a problem to see why it matters and how to fix it.</p>
            <p className="mt-2 flex items-center gap-1.5">
              <Keyboard size={14} aria-hidden="true" />
              <span>
                <Kbd>F8</Kbd> next problem, <Kbd>Shift</Kbd>+<Kbd>F8</Kbd> previous.
              </span>
            </p>
            <p className="mt-2">Badges on nodes and connections show their worst problem; hover one to read the messages.</p>
          </>
        )}
      </aside>
    );
  }

  const f = k.finding;
  const rule = lib?.RULES[f.ruleId]?.meta;
  const suppressedReason = k.reason;
  return (
    <aside aria-label="Problem details" className={cx('overflow-y-auto px-4 py-3 text-sm', className)}>
      <div className="flex items-start gap-2">
        <SeverityIcon severity={f.severity} size={18} className="mt-0.5" />
        <div className="min-w-0 flex-1">
          <h3 className="text-[15px] leading-5 font-semibold text-neutral-900 dark:text-neutral-50">{rule?.title ?? f.ruleId}</h3>
          <p className="mt-0.5 flex flex-wrap items-center gap-x-1.5 text-xs text-neutral-500 dark:text-neutral-400">
            <span className={cx('font-medium', SEVERITY_TEXT[f.severity])}>{SEVERITY_LABEL[f.severity]}</span>
            <span aria-hidden="true">·</span>
            <code className="font-mono">{f.ruleId}</code>
            {rule && (
              <>
                <span aria-hidden="true">·</span>
                <span>{CATEGORY_LABEL[rule.category] ?? rule.category}</span>
              </>
            )}
          </p>
        </div>
        <IconButton
          label="Configure rule"
          icon={<SlidersHorizontal size={14} />}
          size="sm"
          tooltip="Configure rule: change its severity or thresholds, or turn it off"
          onClick={() => {
            stores.validation.getState().set({ rulesFocus: f.ruleId });
            stores.ui.getState().set({ dialog: 'rules' });
          }}
        />
      </div>

      <p className="mt-3 text-neutral-900 dark:text-neutral-100">{f.message}</p>

      {f.targets.length > 0 && (
        <div className="mt-2 flex flex-wrap items-center gap-1">
          {f.targets.slice(0, 12).map((id) => {
            const el = elements.get(id);
            const canvasElement = el && (el.type === 'node' || el.type === 'edge' || el.type === 'group');
            return (
              <button
                key={id}
                type="button"
                disabled={!canvasElement}
                onClick={() => revealTargets(stores, [id])}
                title={canvasElement ? 'Select and show on the canvas' : el?.type === 'event' ? 'An event (see the inspector’s events)' : 'Not on the canvas'}
                className="inline-flex max-w-full items-center gap-1 rounded border border-neutral-200 bg-neutral-50 px-1.5 py-0.5 font-mono text-[11px] text-neutral-700 enabled:hover:border-sky-400 enabled:hover:bg-sky-50 disabled:opacity-70 dark:border-neutral-700 dark:bg-neutral-800 dark:text-neutral-200 dark:enabled:hover:border-sky-500 dark:enabled:hover:bg-sky-950"
              >
                {canvasElement && <Crosshair size={11} aria-hidden="true" className="shrink-0" />}
                <span className="truncate">{el?.name ?? id}</span>
              </button>
            );
          })}
          {f.targets.length > 12 && <span className="text-xs text-neutral-500">and {f.targets.length - 12} more</span>}
        </div>
      )}

      {suppressedReason === undefined && (
        <QuickFixes stores={stores} finding={f} fixes={f.fixes ?? []}>
          <Button size="sm" variant="ghost" icon={<EyeOff size={13} aria-hidden="true" />} onClick={() => setSuppressing(true)} title="Hide this finding on this element; the reason is kept in the design (and becomes an ADR on export)">
            Suppress with a reason…
          </Button>
        </QuickFixes>
      )}

      {suppressedReason !== undefined ? (
        <div className="mt-3 rounded-md border border-neutral-200 bg-neutral-50 p-2.5 dark:border-neutral-700 dark:bg-neutral-800/60">
          <p className="flex items-center gap-1.5 text-xs font-semibold text-neutral-700 dark:text-neutral-200">
            <EyeOff size={13} aria-hidden="true" /> Suppressed on this element
          </p>
          <p className="mt-1 text-sm text-neutral-800 italic dark:text-neutral-200">“{suppressedReason}”</p>
          <Button size="sm" className="mt-2" icon={<Eye size={13} aria-hidden="true" />} onClick={() => unsuppressFinding(stores, k)}>
            Unsuppress
          </Button>
        </div>
      ) : null}

      {rule && (
        <div className="mt-3 space-y-3 border-t border-neutral-200 pt-3 dark:border-neutral-800">
          <section>
            <h4 className="text-xs font-semibold tracking-wide text-neutral-500 uppercase dark:text-neutral-400">Why it matters</h4>
            <p className="mt-1 text-neutral-700 dark:text-neutral-300">{rule.description}</p>
          </section>
          <section>
            <h4 className="text-xs font-semibold tracking-wide text-neutral-500 uppercase dark:text-neutral-400">How to fix it</h4>
            <p className="mt-1 text-neutral-700 dark:text-neutral-300">{rule.fix}</p>
          </section>
          {rule.references.length > 0 && (
            <section>
              <h4 className="text-xs font-semibold tracking-wide text-neutral-500 uppercase dark:text-neutral-400">References</h4>
              <ul className="mt-1 space-y-1">
                {rule.references.map((r) => (
                  <li key={r.title} className="flex gap-1.5 text-neutral-700 dark:text-neutral-300">
                    <BookOpen size={13} aria-hidden="true" className="mt-1 shrink-0 text-neutral-400" />
                    {r.url ? (
                      <a href={r.url} target="_blank" rel="noopener noreferrer" className="text-sky-700 underline decoration-sky-700/30 underline-offset-2 hover:decoration-sky-700 dark:text-sky-400 dark:decoration-sky-400/30 dark:hover:decoration-sky-400">
                        {r.title}
                        <ExternalLink size={11} aria-label="(opens in a new tab)" className="ml-0.5 inline align-baseline" />
                      </a>
                    ) : (
                      <span>{r.title}</span>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
      <SuppressDialog open={suppressing} stores={stores} finding={k} ruleTitle={rule?.title ?? f.ruleId} targetName={f.targets.length ? (elements.get(f.targets[0])?.name ?? f.targets[0]) : 'the whole design'} onClose={() => setSuppressing(false)} />
    </aside>
  );
}

function Kbd({ children }: { children: string }) {
  return <kbd className="rounded border border-neutral-300 bg-neutral-100 px-1 font-mono text-[11px] dark:border-neutral-700 dark:bg-neutral-800">{children}</kbd>;
}

/** The finding's quick fixes; a fix that does not apply to the current design is disabled. */
function QuickFixes({ stores, finding, fixes, children }: { stores: ProblemStores; finding: Finding; fixes: readonly QuickFixRef[]; children?: ReactNode }) {
  const [lib, setLib] = useState<FixesLib | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // Re-check availability when the design's structure changes.
  const revision = useEditor((s) => s.structureRevision);
  const hasFixes = fixes.length > 0;
  useEffect(() => {
    if (!hasFixes) return;
    let live = true;
    loadFixes().then(
      (m) => live && setLib(m),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [hasFixes]);
  const available = useMemo(() => {
    if (!lib) return null;
    const design = stores.store.getState().design;
    return fixes.map((fx) => {
      try {
        return lib.canApplyQuickFix(design, finding, fx.id);
      } catch {
        return false;
      }
    });
    // `revision` stands for the design read from the store (a structural edit may change what applies).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lib, revision, stores, finding, fixes]);
  return (
    <div className="mt-3">
      {fixes.length > 0 && (
        <h4 className="mb-1.5 flex items-center gap-1 text-xs font-semibold tracking-wide text-neutral-500 uppercase dark:text-neutral-400">
          <Wrench size={12} aria-hidden="true" /> Quick fixes
        </h4>
      )}
      <div className="flex flex-wrap gap-1.5">
        {fixes.map((fx, i) => {
          const ok = available?.[i] ?? true;
          return (
            <Button
              key={fx.id}
              size="sm"
              variant={i === 0 ? 'primary' : 'secondary'}
              disabled={!ok || busy !== null}
              aria-busy={busy === fx.id || undefined}
              title={ok ? `${fx.title} (one undo step)` : 'Does not apply to the design as it is now'}
              onClick={async () => {
                setBusy(fx.id);
                try {
                  await applyFix(stores, finding, fx.id);
                } finally {
                  setBusy(null);
                }
              }}
            >
              {fx.title}
            </Button>
          );
        })}
        {children}
      </div>
    </div>
  );
}
