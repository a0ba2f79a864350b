'use client';

import { useState } from 'react';
import { CircleAlert, CircleCheck, LoaderCircle, Maximize } from 'lucide-react';
import { canvasCommands } from '@/components/canvas/canvasCommands';
import { ProblemsStatus } from '@/components/problems/ProblemsStatus';
import { useEditor, useEditorContext, useUi } from './EditorContext';

/** Bottom line: what the design holds, whether it is saved, and how to move around the canvas. */
export function StatusBar() {
  const nodes = useEditor((s) => s.design.nodes.length);
  const edges = useEditor((s) => s.design.edges.length);
  const groups = useEditor((s) => s.design.groups.length);
  const selected = useEditor((s) => s.selection.nodes.length + s.selection.edges.length + s.selection.groups.length);
  const status = useUi((s) => s.saveStatus);
  const store = useEditorContext().store;

  // The revision current when the last save result arrived: a newer one means a save is pending.
  // Subscribing to the boolean, not the revision, keeps drag frames from re-rendering this bar.
  const [savedAt, setSavedAt] = useState(() => ({ status, revision: store.getState().revision }));
  if (savedAt.status !== status) setSavedAt({ status, revision: store.getState().revision });
  const changedSinceSave = useEditor((s) => s.revision !== savedAt.revision);
  const error = status && 'error' in status ? status.error : null;
  const pending = !error && changedSinceSave;

  return (
    <footer className="flex h-7 shrink-0 items-center gap-4 border-t border-neutral-200 bg-white px-3 text-xs text-neutral-600 dark:border-neutral-800 dark:bg-neutral-900 dark:text-neutral-400">
      <span>
        {nodes} node{nodes === 1 ? '' : 's'} · {edges} connection{edges === 1 ? '' : 's'}
        {groups > 0 && ` · ${groups} context${groups === 1 ? '' : 's'}`}
        {selected > 0 && ` · ${selected} selected`}
      </span>
      <span role="status" aria-live="polite" className="flex min-w-0 items-center gap-1">
        {error ? (
          <span className="flex min-w-0 items-center gap-1 text-red-600 dark:text-red-400" title={error}>
            <CircleAlert size={12} aria-hidden="true" className="shrink-0" />
            <span className="truncate">Not saved: {error}</span>
          </span>
        ) : pending ? (
          <>
            {/* Not spinning: an animation makes the browser redraw the page every frame, which on a
                large design costs as much as the drag that caused the save. */}
            <LoaderCircle size={12} aria-hidden="true" /> Saving…
          </>
        ) : (
          <>
            <CircleCheck size={12} aria-hidden="true" className="text-emerald-600 dark:text-emerald-400" /> Saved
          </>
        )}
      </span>
      <ProblemsStatus />
      <span className="flex-1" />
      <span className="hidden truncate md:inline">Scroll or pinch to zoom · drag the background to pan · Shift+drag to select</span>
      <button
        type="button"
        onClick={() => canvasCommands.fitView()}
        className="flex items-center gap-1 rounded px-1.5 py-0.5 hover:bg-neutral-200/70 dark:hover:bg-neutral-800"
        title="Zoom to fit the whole design"
      >
        <Maximize size={12} aria-hidden="true" /> Fit view
      </button>
    </footer>
  );
}
