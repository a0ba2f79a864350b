'use client';

import { lazy, Suspense } from 'react';
import { useEditorContext, useUi } from '@/components/editor/EditorContext';

// The dialog pulls in generators, templates and zip code only when it first opens.
const ExportDialog = lazy(() => import('./ExportDialog'));

/** Mounts the export dialog while `dialog === 'export'`. */
export function ExportDialogHost() {
  const { ui } = useEditorContext();
  const open = useUi((s) => s.dialog === 'export');
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <ExportDialog onClose={() => ui.getState().set({ dialog: null })} />
    </Suspense>
  );
}
