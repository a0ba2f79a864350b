'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { emptyDesign, type Design } from '@/lib/model';
import { attachAutosave, createEditorStore, DesignLibrary, memoryStorage, type KeyValueStorage } from '@/lib/store';
import { EditorContext, type EditorContextValue } from './EditorContext';
import { createUiStore } from './uiStore';

function browserStorage(): KeyValueStorage {
  try {
    const probe = '__archwright_probe__';
    window.localStorage.setItem(probe, '1');
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return memoryStorage();
  }
}

/** Opens the last design (or a new blank one) and autosaves every change to browser storage. */
function boot(initial?: Design): EditorContextValue {
  const ui = createUiStore();
  const store = createEditorStore();
  if (initial) {
    // An injected design (benchmarks, read-only views) lives in memory: it never touches saved work.
    const library = new DesignLibrary(memoryStorage());
    const created = library.create(initial);
    store.getState().loadDesign(initial);
    ui.getState().set({ docId: created.id });
    return { store, ui, library };
  }
  const library = new DesignLibrary(browserStorage());
  const last = library.lastOpened();
  let opened = false;
  if (last) {
    const r = library.open(last);
    if (r.ok) {
      store.getState().loadDesign(r.design);
      ui.getState().set({ docId: last });
      opened = true;
    } else {
      ui.getState().notify('error', r.error, r.issues.map((i) => `${i.path}: ${i.message}`));
    }
  }
  if (!opened) {
    const others = library.list();
    const fallback = others[0] && library.open(others[0].id);
    if (fallback && fallback.ok) {
      store.getState().loadDesign(fallback.design);
      ui.getState().set({ docId: others[0].id });
    } else {
      const design = emptyDesign();
      const created = library.create(design);
      store.getState().loadDesign(design);
      ui.getState().set({ docId: created.id });
    }
  }
  library.setLastOpened(ui.getState().docId!);
  return { store, ui, library };
}

/** Creates the editor's stores on the client and provides them to the tree. */
export function EditorProvider({ children, initialDesign }: { children: ReactNode; initialDesign?: Design }) {
  const [value, setValue] = useState<EditorContextValue | null>(null);

  useEffect(() => {
    // localStorage exists only in the browser: boot after mount, not during render.
    const v = boot(initialDesign);
    const autosave = attachAutosave(v.store, v.library, () => v.ui.getState().docId, {
      onSaved: (r) => v.ui.getState().set({ saveStatus: r.ok ? { at: Date.now() } : { error: r.error } }),
    });
    const onHide = () => autosave.flush();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    document.addEventListener('visibilitychange', onHide);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one-time client boot
    setValue(v);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onHide);
      autosave.dispose();
    };
    // The initial design is read once at boot, like useState's initial value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (!value) {
    return (
      <div className="flex h-screen items-center justify-center text-sm text-neutral-500" role="status">
        Loading designer…
      </div>
    );
  }
  return <EditorContext.Provider value={value}>{children}</EditorContext.Provider>;
}
