'use client';

import { useEffect } from 'react';
import type { EditorStore } from '@/lib/store';
import type { UiStore } from '@/components/editor/uiStore';
import { GRID } from './geometry';

/** Keys the editor answers to, for a shortcuts dialog. */
export const SHORTCUTS: readonly { keys: string; action: string }[] = [
  { keys: 'Delete / Backspace', action: 'Delete selection' },
  { keys: 'Ctrl/⌘ Z', action: 'Undo' },
  { keys: 'Ctrl/⌘ Shift Z, Ctrl Y', action: 'Redo' },
  { keys: 'Ctrl/⌘ C / V', action: 'Copy / paste' },
  { keys: 'Ctrl/⌘ D', action: 'Duplicate' },
  { keys: 'Ctrl/⌘ A', action: 'Select all' },
  { keys: 'Ctrl/⌘ G', action: 'Group selection into a bounded context' },
  { keys: 'Ctrl/⌘ Shift G', action: 'Ungroup selected bounded contexts' },
  { keys: 'Esc', action: 'Clear selection' },
  { keys: 'Arrow keys', action: 'Nudge selection (Shift: 1px)' },
  { keys: 'Shift + drag', action: 'Box select' },
];

/** True when the key belongs to a text field, Monaco or an open dialog rather than the canvas. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .monaco-editor')) return true;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  // Keys pressed inside a dialog (buttons included) are the dialog's business.
  return !!target.closest('[role="dialog"], [role="alertdialog"], dialog');
}

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/**
 * Installs the editor's keyboard shortcuts on the document while mounted. React Flow's own
 * Delete handling is off (deleteKeyCode=null) so deletion always goes through the store.
 */
export function useKeyboardShortcuts(store: EditorStore, ui: UiStore): void {
  useEffect(() => {
    // A held arrow key is one gesture (one undo step) that ends on key up.
    let nudging = false;
    const endNudge = () => {
      if (!nudging) return;
      nudging = false;
      store.getState().endGesture();
    };

    const onKeyDown = (e: KeyboardEvent) => {
      // React Flow already moved a focused node with the arrows (it prevents default): do not move twice.
      if (e.defaultPrevented || e.isComposing || isTypingTarget(e.target) || ui.getState().dialog) return;
      const s = store.getState();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const hasSelection = s.selection.nodes.length + s.selection.edges.length + s.selection.groups.length > 0;
      let handled = true;

      if (mod && !e.altKey) {
        switch (key) {
          case 'z':
            if (e.shiftKey) s.redo();
            else s.undo();
            break;
          case 'y':
            s.redo();
            break;
          case 'c': {
            // Let the browser copy text the user selected in a panel.
            const text = window.getSelection()?.toString();
            if (text || !hasSelection) handled = false;
            else s.copySelection();
            break;
          }
          case 'x':
            if (!hasSelection || window.getSelection()?.toString()) handled = false;
            else {
              s.copySelection();
              s.deleteSelection();
            }
            break;
          case 'v':
            if (s.clipboard) s.paste();
            else handled = false;
            break;
          case 'd':
            // Always swallow: Ctrl+D would otherwise bookmark the page.
            s.duplicateSelection();
            break;
          case 'a':
            s.selectAll();
            break;
          case 'g':
            if (e.shiftKey) for (const g of s.selection.groups) store.getState().ungroup(g);
            else if (s.selection.nodes.length) s.groupSelection();
            break;
          default:
            handled = false;
        }
      } else if (!e.altKey && !mod) {
        if (key === 'Delete' || key === 'Backspace') {
          if (hasSelection) s.deleteSelection();
          else handled = false;
        } else if (key === 'Escape') {
          if (hasSelection) s.clearSelection();
          else handled = false;
        } else if (key in ARROWS) {
          handled = nudge(e);
        } else {
          handled = false;
        }
      } else {
        handled = false;
      }
      if (handled) e.preventDefault();
    };

    const nudge = (e: KeyboardEvent): boolean => {
      const s = store.getState();
      const groups = new Set(s.selection.groups);
      const nodeSel = new Set(s.selection.nodes);
      const step = e.shiftKey ? 1 : ui.getState().snapToGrid ? GRID : 4;
      const [dx, dy] = ARROWS[e.key];
      const moves = [
        ...s.design.groups.filter((g) => groups.has(g.id)),
        // Members of a moved group move with it already.
        ...s.design.nodes.filter((n) => nodeSel.has(n.id) && !(n.parentId && groups.has(n.parentId))),
      ].map((x) => ({ id: x.id, position: { x: x.position.x + dx * step, y: x.position.y + dy * step } }));
      if (!moves.length) return false;
      if (!nudging) {
        nudging = true;
        s.beginGesture();
      }
      s.moveNodes(moves);
      return true;
    };

    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key in ARROWS) endNudge();
    };

    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', endNudge);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', endNudge);
      endNudge();
    };
  }, [store, ui]);
}
