'use client';

import { lazy, Suspense } from 'react';
import { useEditorContext, useUi } from '@/components/editor/EditorContext';

// The dialog needs the rule catalog: both load when it is first opened.
const RulesDialog = lazy(() => import('./RulesDialog'));

/** The Rules dialog (toolbar "Rules", "Configure rule" in the Problems panel). */
export function RulesDialogHost() {
  const open = useUi((s) => s.dialog === 'rules');
  const { ui } = useEditorContext();
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <RulesDialog onClose={() => ui.getState().set({ dialog: null })} />
    </Suspense>
  );
}
