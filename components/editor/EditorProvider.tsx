'use client';

import { useEffect, useState, type ReactNode } from 'react';
import type { Design } from '@/lib/model';
import { blankDesign } from '@/lib/model/blank';
import { attachAutosave, createEditorStore, DesignLibrary, loadModel, memoryStorage, type KeyValueStorage } from '@/lib/store';
import { whenCanvasInteractive } from '@/components/canvas/interactive';
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

/** How long to wait for the canvas before loading the model anyway (e.g. the canvas is hidden). */
const MODEL_FALLBACK_MS = 3000;

interface Booted {
  value: EditorContextValue;
  /** A design shown from storage unchecked (quick boot): checked once the model has loaded. */
  unchecked: { id: string; design: Design } | null;
}

function show({ store, ui, library }: EditorContextValue, id: string, design: Design) {
  store.getState().loadDesign(design);
  ui.getState().set({ docId: id });
  library.setLastOpened(id);
}

/** A new blank design, stored and shown. */
function showBlank(v: EditorContextValue) {
  const design = blankDesign();
  const created = v.library.create(design);
  show(v, created.id, design);
}

/**
 * Opens the design to show without the schema (zod), so the editor's first load stays small: a
 * design this build saved reads back as is (it was checked when it was saved). Returns null when
 * only the full check can decide what to open (a damaged or older design): see fullBoot.
 */
function quickBoot(initial?: Design): Booted | null {
  const store = createEditorStore();
  const ui = createUiStore();
  if (initial) {
    // An injected design (benchmarks, read-only views) lives in memory: it never touches saved work.
    const library = new DesignLibrary(memoryStorage());
    const created = library.create(initial);
    store.getState().loadDesign(initial);
    ui.getState().set({ docId: created.id });
    return { value: { store, ui, library }, unchecked: null };
  }
  const value: EditorContextValue = { store, ui, library: new DesignLibrary(browserStorage()) };
  const id = value.library.lastOpened() ?? value.library.list()[0]?.id;
  if (!id) {
    showBlank(value);
    return { value, unchecked: null };
  }
  const design = value.library.peek(id);
  if (!design) return null;
  show(value, id, design);
  return { value, unchecked: { id, design } };
}

/** Opens the last design (or another, or a new blank one) with the full check; needs the model. */
function fullBoot(): EditorContextValue {
  const v: EditorContextValue = { store: createEditorStore(), ui: createUiStore(), library: new DesignLibrary(browserStorage()) };
  const last = v.library.lastOpened();
  if (last) {
    const r = v.library.open(last);
    if (r.ok) {
      show(v, last, r.design);
      return v;
    }
    v.ui.getState().notify('error', r.error, r.issues.map((i) => `${i.path}: ${i.message}`));
  }
  openFallback(v);
  return v;
}

/** The most recent other design that opens, else a new blank one. */
function openFallback(v: EditorContextValue, except?: string) {
  const other = v.library.list().find((m) => m.id !== except);
  const r = other && v.library.open(other.id);
  if (other && r && r.ok) show(v, other.id, r.design);
  else showBlank(v);
}

/**
 * Checks a design that quickBoot showed unchecked. Damaged: it has been set aside by open(), the
 * user is told, and another design is shown, as fullBoot would have done. Fine: the checked copy
 * replaces the shown one if they differ and nothing has been edited yet (defaults filled in).
 */
function checkQuickBoot(v: EditorContextValue, { id, design }: { id: string; design: Design }) {
  const r = v.library.open(id);
  const s = v.store.getState();
  const untouched = s.design === design && v.ui.getState().docId === id;
  if (r.ok) {
    if (untouched && JSON.stringify(r.design) !== JSON.stringify(design)) s.loadDesign(r.design);
    return;
  }
  v.ui.getState().notify('error', r.error, r.issues.map((i) => `${i.path}: ${i.message}`));
  if (v.ui.getState().docId === id) openFallback(v, id);
}

/** Autosave and flush-on-leave for a booted editor; returns dispose. */
function start(v: EditorContextValue): () => void {
  v.library.setLastOpened(v.ui.getState().docId!);
  const autosave = attachAutosave(v.store, v.library, () => v.ui.getState().docId, {
    onSaved: (r) => v.ui.getState().set({ saveStatus: r.ok ? { at: Date.now() } : { error: r.error } }),
  });
  const onHide = () => autosave.flush();
  window.addEventListener('pagehide', onHide);
  window.addEventListener('beforeunload', onHide);
  document.addEventListener('visibilitychange', onHide);
  return () => {
    window.removeEventListener('pagehide', onHide);
    window.removeEventListener('beforeunload', onHide);
    document.removeEventListener('visibilitychange', onHide);
    autosave.dispose();
  };
}

/**
 * Creates the editor's stores on the client and provides them to the tree. The schema (zod) is
 * not part of the first load: it starts loading once the canvas is interactive, and the stored
 * design shown at boot is checked then.
 */
export function EditorProvider({ children, initialDesign }: { children: ReactNode; initialDesign?: Design }) {
  const [value, setValue] = useState<EditorContextValue | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    // localStorage exists only in the browser: boot after mount, not during render.
    let disposed = false;
    let stop: (() => void) | undefined;
    let cancelWait: (() => void) | undefined;
    let fallback: ReturnType<typeof setTimeout> | undefined;
    const quick = quickBoot(initialDesign);
    if (quick) {
      const v = quick.value;
      stop = start(v);
      // eslint-disable-next-line react-hooks/set-state-in-effect -- one-time client boot
      setValue(v);
      const load = () => {
        cancelWait?.();
        clearTimeout(fallback);
        void loadModel().then(
          () => {
            if (!disposed && quick.unchecked) checkQuickBoot(v, quick.unchecked);
          },
          (e: unknown) => {
            if (!disposed) v.ui.getState().notify('error', `Part of the editor could not be loaded (${e instanceof Error ? e.message : String(e)}). Reload the page to edit properties.`);
          },
        );
      };
      cancelWait = whenCanvasInteractive(load);
      fallback = setTimeout(load, MODEL_FALLBACK_MS);
    } else {
      // Only the full check can tell what to open: load the model first.
      loadModel().then(
        () => {
          if (disposed) return;
          const v = fullBoot();
          stop = start(v);
          setValue(v);
        },
        (e: unknown) => {
          if (!disposed) setFailed(e instanceof Error ? e.message : String(e));
        },
      );
    }
    return () => {
      disposed = true;
      cancelWait?.();
      clearTimeout(fallback);
      stop?.();
    };
    // The initial design is read once at boot, like useState's initial value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (!value) {
    return (
      <div className="flex h-screen items-center justify-center text-sm text-neutral-500" role="status">
        {failed ? `The designer could not be loaded (${failed}). Reload the page to try again.` : 'Loading designer…'}
      </div>
    );
  }
  return <EditorContext.Provider value={value}>{children}</EditorContext.Provider>;
}
