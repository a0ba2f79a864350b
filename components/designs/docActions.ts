import type { Design, FileFormat } from '@/lib/model';
import { blankDesign } from '@/lib/model/blank';
import { MAX_FILE_CHARS } from '@/lib/model/kinds';
import type { EditorContextValue } from '@/components/editor/EditorContext';

// File formats (YAML) and the template list load when a file is opened or saved, not with the editor.
const loadIo = () => import('@/lib/model/io');
const loadTemplates = () => import('@/templates/designs/catalog');

/**
 * What the toolbar and the designs dialog do with whole designs: open, create, switch, delete,
 * open a file, download. Every path that replaces the open design saves it first, and refuses
 * to go on if that save fails, so switching never loses work.
 */
export interface DocActions {
  /** Writes the open design to storage now (what a pending autosave would do). */
  saveCurrent(): boolean;
  switchTo(id: string): boolean;
  /** Stores `design` as a new local design (never overwriting one) and opens it. */
  createAndOpen(design: Design): string | null;
  createBlank(): string | null;
  createFromTemplate(templateId: string): Promise<string | null>;
  rename(id: string, name: string): boolean;
  duplicate(id: string): string | null;
  remove(id: string): void;
  openFile(file: File): Promise<boolean>;
  download(format: FileFormat): void;
}

const issueLines = (issues: readonly { path: string; message: string }[]) => issues.map((i) => `${i.path}: ${i.message}`);

/** A name not used by another local design: "Untitled design", "Untitled design 2", … */
function freshName(base: string, taken: readonly string[]): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  for (let i = 2; ; i++) if (!names.has(`${base} ${i}`)) return `${base} ${i}`;
}

export function createDocActions({ store, ui, library }: EditorContextValue): DocActions {
  const notify = (...a: Parameters<ReturnType<typeof ui.getState>['notify']>) => ui.getState().notify(...a);

  const saveCurrent = (): boolean => {
    const id = ui.getState().docId;
    if (!id) return true;
    const r = library.save(id, store.getState().design);
    ui.getState().set({ saveStatus: r.ok ? { at: Date.now() } : { error: r.error } });
    if (!r.ok) notify('error', `The open design could not be saved, so it stays open: ${r.error}`);
    return r.ok;
  };

  const show = (id: string, design: Design) => {
    // docId first: the autosave that loadDesign triggers must write to the new design's slot.
    ui.getState().set({ docId: id, saveStatus: { at: Date.now() } });
    store.getState().loadDesign(design);
    library.setLastOpened(id);
  };

  const switchTo = (id: string, saveFirst = true): boolean => {
    if (id === ui.getState().docId) return true;
    const r = library.open(id);
    if (!r.ok) {
      notify('error', r.error, issueLines(r.issues));
      return false;
    }
    if (saveFirst && !saveCurrent()) return false;
    show(id, r.design);
    return true;
  };

  const createAndOpen = (design: Design): string | null => {
    if (!saveCurrent()) return null;
    const c = library.create(design);
    if (!c.ok) {
      notify('error', c.error);
      return null;
    }
    show(c.id, design);
    return c.id;
  };

  return {
    saveCurrent,
    switchTo: (id) => switchTo(id),
    createAndOpen,

    createBlank() {
      const design = blankDesign(freshName('Untitled design', library.list().map((m) => m.name)));
      const id = createAndOpen(design);
      if (id) notify('success', `Created "${design.name}".`);
      return id;
    },

    async createFromTemplate(templateId) {
      const [{ parseDesignText }, { DESIGN_TEMPLATES, templateUrl }] = await Promise.all([loadIo(), loadTemplates()]);
      const t = DESIGN_TEMPLATES.find((x) => x.id === templateId);
      if (!t) {
        notify('error', `There is no template "${templateId}".`);
        return null;
      }
      let text: string;
      try {
        const res = await fetch(templateUrl(t.id));
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        text = await res.text();
      } catch (e) {
        notify('error', `The "${t.title}" template could not be loaded (${e instanceof Error ? e.message : String(e)}).`);
        return null;
      }
      // Templates go through the same parser as users' files: a broken template is reported, not trusted.
      const r = parseDesignText(text, t.file);
      if (!r.ok) {
        notify('error', `The "${t.title}" template is not a valid design: ${r.error}`, issueLines(r.issues));
        return null;
      }
      const id = createAndOpen(r.design);
      if (id) notify('success', `Created "${r.design.name}" from the ${t.title} template.`);
      return id;
    },

    rename(id, name) {
      const trimmed = name.trim();
      if (!trimmed) {
        notify('error', 'A design needs a name.');
        return false;
      }
      if (id === ui.getState().docId) {
        // The open design is renamed in the editor (undoable) and saved, or autosave would undo it.
        store.getState().setDesignMeta({ name: trimmed });
        return saveCurrent();
      }
      const r = library.rename(id, trimmed);
      if (!r.ok) notify('error', r.error);
      return r.ok;
    },

    duplicate(id) {
      // The copy of the open design includes edits that autosave has not written yet.
      if (id === ui.getState().docId && !saveCurrent()) return null;
      const r = library.duplicate(id);
      if (!r.ok) {
        notify('error', r.error);
        return null;
      }
      return r.id;
    },

    remove(id) {
      library.remove(id);
      if (id !== ui.getState().docId) return;
      // The open design is gone: show the most recent other one, or a new blank design.
      for (const m of library.list()) if (switchTo(m.id, false)) return;
      const design = blankDesign();
      const c = library.create(design);
      if (c.ok) show(c.id, design);
      else notify('error', c.error);
    },

    async openFile(file) {
      // Bytes can be up to 4× the characters in UTF-8; the parser checks the exact length.
      if (file.size > MAX_FILE_CHARS * 4) {
        notify('error', `Could not open ${file.name}: it is ${(file.size / 1048576).toFixed(1)} MB; designs are limited to ${MAX_FILE_CHARS / 1048576} MB.`);
        return false;
      }
      let text: string;
      try {
        text = await file.text();
      } catch (e) {
        notify('error', `Could not read ${file.name}: ${e instanceof Error ? e.message : String(e)}`);
        return false;
      }
      const { parseDesignText } = await loadIo();
      const r = parseDesignText(text, file.name);
      if (!r.ok) {
        // With issues, the list says where; the headline just says what happened.
        const n = r.issues.length;
        const headline = n
          ? `Could not open ${file.name}: it is not a valid design (${n >= 50 ? '50 or more' : n} problem${n === 1 ? '' : 's'}). Nothing was changed.`
          : `Could not open ${file.name}: ${r.error.replace(/\.?$/, '.')} Nothing was changed.`;
        notify('error', headline, issueLines(r.issues));
        return false;
      }
      const id = createAndOpen(r.design);
      if (!id) return false;
      notify('success', `Opened ${file.name} as a new design${r.migratedFrom ? ` (upgraded from format ${r.migratedFrom})` : ''}.`);
      return true;
    },

    download(format) {
      // The design as it is now, written once the serializer has loaded.
      const design = store.getState().design;
      loadIo().then(
        ({ serializeDesign, designFileName }) => {
          const blob = new Blob([serializeDesign(design, format)], { type: format === 'json' ? 'application/json' : 'application/yaml' });
          const url = URL.createObjectURL(blob);
          const a = document.createElement('a');
          a.href = url;
          a.download = designFileName(design, format);
          document.body.appendChild(a);
          a.click();
          a.remove();
          // Revoke later: some browsers start the download after the click handler returns.
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
        },
        (e: unknown) => notify('error', `Could not save the file: ${e instanceof Error ? e.message : String(e)}`),
      );
    },
  };
}
