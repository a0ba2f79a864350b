'use client';

import { Toasts } from '@/components/ui';
import { useEditorContext, useUi } from './EditorContext';

/** The UI store's notifications. */
export function EditorToasts() {
  const toasts = useUi((s) => s.toasts);
  const { ui } = useEditorContext();
  return <Toasts toasts={toasts} onDismiss={(id) => ui.getState().dismiss(id)} />;
}
