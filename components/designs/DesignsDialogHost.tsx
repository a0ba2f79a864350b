'use client';

import { Suspense } from 'react';
import { useUi } from '@/components/editor/EditorContext';
import { lazyPart } from '@/components/editor/lazyPart';

// The designs list, templates and their actions load when the dialog first opens.
const DesignsDialog = lazyPart(() => import('./DesignsDialog').then((m) => m.DesignsDialog), 'designs dialog');

/** Mounts the designs dialog ("Designs", "New design") while it is open. */
export function DesignsDialogHost() {
  const open = useUi((s) => s.dialog === 'designs' || s.dialog === 'new');
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <DesignsDialog />
    </Suspense>
  );
}
