'use client';

import { LoaderCircle } from 'lucide-react';
import { useEditorContext, useUi } from '@/components/editor/EditorContext';
import { countsText, SEVERITY_ORDER } from '@/components/validation/model';
import { useValidation } from '@/components/validation/ValidationContext';
import { SEVERITY_ICON, SEVERITY_TEXT } from '@/components/validation/severity';
// Direct, not the barrel: this is on the canvas's first load, the other primitives are not.
import { cx } from '@/components/ui/cx';

export const PROBLEMS_PANEL_ID = 'problems-panel';

/** The status bar's problem counts: always visible; a click shows or hides the Problems panel. */
export function ProblemsStatus() {
  const { ui } = useEditorContext();
  const counts = useValidation((s) => s.counts);
  const status = useValidation((s) => s.status);
  const open = useUi((s) => s.problemsOpen);
  const summary = status === 'pending' ? 'checking the design' : status === 'failed' ? 'validation unavailable' : countsText(counts, true);
  return (
    <button
      type="button"
      onClick={() => ui.getState().set({ problemsOpen: !open })}
      aria-expanded={open}
      aria-controls={open ? PROBLEMS_PANEL_ID : undefined}
      aria-label={`Problems: ${summary}`}
      title={`${open ? 'Hide' : 'Show'} the Problems panel (F8: next problem)`}
      data-testid="problems-status"
      className={cx(
        'flex items-center gap-2.5 rounded px-1.5 py-0.5 tabular-nums hover:bg-neutral-200/70 dark:hover:bg-neutral-800',
        open && 'bg-neutral-200/60 dark:bg-neutral-800/80',
      )}
    >
      {status === 'pending' ? (
        <span className="flex items-center gap-1">
          <LoaderCircle size={12} aria-hidden="true" className="animate-spin" /> Checking…
        </span>
      ) : (
        SEVERITY_ORDER.map((sev) => {
          const Icon = SEVERITY_ICON[sev];
          const n = counts[sev];
          return (
            <span key={sev} className={cx('flex items-center gap-1', n === 0 && 'opacity-60')}>
              <Icon size={12} aria-hidden="true" className={n > 0 ? SEVERITY_TEXT[sev] : undefined} />
              {n}
            </span>
          );
        })
      )}
    </button>
  );
}
