'use client';

import { useEffect } from 'react';
import { isTypingTarget } from '@/components/canvas/useKeyboardShortcuts';
import type { DocActions } from '@/components/designs/docActions';
import type { UiStore } from './uiStore';

/** Editor-level keys; the canvas installs its own (undo, copy, delete…) in useKeyboardShortcuts. */
export const EDITOR_SHORTCUTS: readonly { keys: string; action: string }[] = [
  { keys: 'Ctrl/⌘ S', action: 'Save file (download .archwright.yaml)' },
  { keys: 'Ctrl/⌘ O', action: 'Open file' },
  { keys: 'F8 / Shift F8', action: 'Next / previous problem (selects and centres it)' },
  { keys: '?', action: 'Show keyboard shortcuts' },
  { keys: 'Esc', action: 'Close a dialog or menu' },
];

/** Save, open and help keys for the whole editor. */
export function useEditorShortcuts(ui: UiStore, docs: DocActions, openFile: () => void): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || ui.getState().dialog) return;
      const mod = (e.ctrlKey || e.metaKey) && !e.altKey;
      const key = e.key.toLowerCase();
      if (mod && !e.shiftKey && key === 's') {
        // Instead of the browser saving the page's HTML.
        e.preventDefault();
        docs.download('yaml');
      } else if (mod && !e.shiftKey && key === 'o') {
        e.preventDefault();
        openFile();
      } else if (e.key === '?' && !mod && !isTypingTarget(e.target)) {
        e.preventDefault();
        ui.getState().set({ dialog: 'shortcuts' });
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [ui, docs, openFile]);
}
