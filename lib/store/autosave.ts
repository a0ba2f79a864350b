import type { EditorStore } from './editor';
import type { DesignLibrary, SaveResult } from './library';

export interface Autosave {
  /** Saves now if anything is pending. */
  flush(): void;
  dispose(): void;
}

/** Saves the store's design to the library, debounced, whenever it changes (moves included). */
export function attachAutosave(
  store: EditorStore,
  library: DesignLibrary,
  getId: () => string | null,
  opts: { delayMs?: number; onSaved?: (r: SaveResult) => void } = {},
): Autosave {
  const delay = opts.delayMs ?? 400;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = false;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    pending = false;
    const id = getId();
    if (!id) return;
    // A drag in progress saves its end state, not every frame.
    opts.onSaved?.(library.save(id, store.getState().design));
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.design === prev.design) return;
    pending = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, delay);
  });
  return {
    flush,
    dispose() {
      flush();
      unsubscribe();
    },
  };
}
