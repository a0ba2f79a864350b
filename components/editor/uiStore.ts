import { createStore } from 'zustand/vanilla';

export type Theme = 'system' | 'light' | 'dark';
export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
  /** Extra lines (e.g. where a file is malformed). */
  details?: string[];
}

/** UI-only state: not part of the design, not in undo history. */
export interface UiState {
  theme: Theme;
  snapToGrid: boolean;
  showMinimap: boolean;
  /** Id of the local design open in the editor. */
  docId: string | null;
  saveStatus: { at: number } | { error: string } | null;
  toasts: Toast[];
  dialog: null | 'designs' | 'new' | 'shortcuts' | 'export' | 'context' | 'rules';
  /** The Problems panel below the canvas is expanded. */
  problemsOpen: boolean;
  notify(kind: Toast['kind'], text: string, details?: string[]): void;
  dismiss(id: number): void;
  set(patch: Partial<Omit<UiState, 'notify' | 'dismiss' | 'set'>>): void;
}

let seq = 0;

/** Creates the UI store (one per editor). */
export function createUiStore() {
  return createStore<UiState>()((set, get) => ({
    theme: 'system',
    snapToGrid: true,
    showMinimap: true,
    docId: null,
    saveStatus: null,
    toasts: [],
    dialog: null,
    problemsOpen: false,
    notify(kind, text, details) {
      const id = ++seq;
      set({ toasts: [...get().toasts.slice(-4), { id, kind, text, details }] });
      if (kind !== 'error') setTimeout(() => get().dismiss(id), 4000);
    },
    dismiss(id) {
      set({ toasts: get().toasts.filter((t) => t.id !== id) });
    },
    set(patch) {
      set(patch);
    },
  }));
}

export type UiStore = ReturnType<typeof createUiStore>;
