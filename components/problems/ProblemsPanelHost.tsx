'use client';

import { Suspense } from 'react';
import { useUi } from '@/components/editor/EditorContext';
import { lazyPart } from '@/components/editor/lazyPart';
import { PROBLEMS_PANEL_ID } from './ProblemsStatus';

// The panel loads on first open: it is not part of the editor's first load; it waits for the
// design model too, since its actions validate with it, and says so if its chunk cannot load.
const ProblemsPanel = lazyPart(() => import('./ProblemsPanel').then((m) => m.default), 'Problems panel');

/** The Problems panel below the canvas, while it is open (status bar counts, F8, badges). */
export function ProblemsPanelHost() {
  const open = useUi((s) => s.problemsOpen);
  if (!open) return null;
  return (
    <Suspense
      fallback={
        <section id={PROBLEMS_PANEL_ID} aria-label="Problems" aria-busy="true" className="flex h-[280px] shrink-0 items-center justify-center border-t border-neutral-200 bg-white text-sm text-neutral-500 dark:border-neutral-800 dark:bg-neutral-900">
          Loading problems…
        </section>
      }
    >
      <ProblemsPanel />
    </Suspense>
  );
}
