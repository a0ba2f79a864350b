'use client';

import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EditorActions, EditorState, EditorStore, DesignLibrary } from '@/lib/store';
import type { UiState, UiStore } from './uiStore';

export interface EditorContextValue {
  store: EditorStore;
  ui: UiStore;
  library: DesignLibrary;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

/** The editor's stores; throws outside <EditorProvider>. */
export function useEditorContext(): EditorContextValue {
  const ctx = useContext(EditorContext);
  if (!ctx) throw new Error('useEditorContext must be used inside <EditorProvider>');
  return ctx;
}

/** Subscribes narrowly to the design store: re-renders only when the selected slice changes. */
export function useEditor<T>(selector: (s: EditorState & EditorActions) => T): T {
  return useStore(useEditorContext().store, selector);
}

/** Subscribes narrowly to the UI store. */
export function useUi<T>(selector: (s: UiState) => T): T {
  return useStore(useEditorContext().ui, selector);
}

/** Store actions (stable references; reading them never re-renders). */
export function useActions(): EditorActions {
  return useEditorContext().store.getState();
}
