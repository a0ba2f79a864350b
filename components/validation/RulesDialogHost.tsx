'use client';

import { Suspense } from 'react';
import { useEditorContext, useUi } from '@/components/editor/EditorContext';
import { lazyPart } from '@/components/editor/lazyPart';

// The dialog needs the rule catalog: both load when it is first opened; it waits for the
// design model too, since its actions validate with it, and says so if its chunk cannot load.
const RulesDialog = lazyPart(() => import('./RulesDialog').then((m) => m.default), 'rules dialog');

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
