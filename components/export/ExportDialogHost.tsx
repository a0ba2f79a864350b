'use client';

import { Suspense } from 'react';
import { useEditorContext, useUi } from '@/components/editor/EditorContext';
import { lazyPart } from '@/components/editor/lazyPart';

// The dialog pulls in generators, templates and zip code only when it first opens; it waits for the
// design model too, since its actions validate with it, and says so if its chunk cannot load.
const ExportDialog = lazyPart(() => import('./ExportDialog').then((m) => m.default), 'export dialog');

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
