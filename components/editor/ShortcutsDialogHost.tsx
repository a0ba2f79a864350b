'use client';

import { Suspense } from 'react';
import { useUi } from './EditorContext';
import { lazyPart } from './lazyPart';

const ShortcutsDialog = lazyPart(() => import('./ShortcutsDialog').then((m) => m.ShortcutsDialog), 'shortcuts list');

/** Mounts the keyboard shortcuts dialog ("?") while it is open; its code loads on first open. */
export function ShortcutsDialogHost() {
  const open = useUi((s) => s.dialog === 'shortcuts');
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <ShortcutsDialog />
    </Suspense>
  );
}
