import type { Design, LoadResult } from '@/lib/model';
import { readStoredDesign, serializeDesignJson } from '@/lib/model/storedDesign';
import { DESIGN_VERSION } from '@/lib/model/version';
import { model, modelIfLoaded } from '@/lib/store/model';

/** The subset of the Web Storage API the library needs (localStorage, or a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

/** One entry of the local designs list. */
export interface LocalDesignMeta {
  id: string;
  name: string;
  updatedAt: number;
  nodes: number;
}

const PREFIX = 'archwright.v1.';
const INDEX = `${PREFIX}index`;
const LAST = `${PREFIX}last`;
const designKey = (id: string) => `${PREFIX}design.${id}`;

export type SaveResult = { ok: true } | { ok: false; error: string };

/**
 * Storage full: a DOMException named QuotaExceededError (code 22), Firefox's
 * NS_ERROR_DOM_QUOTA_REACHED (code 1014), or anything whose name or message says "quota". Checked
 * on the shape, not `instanceof Error`, since DOMException is not an Error subclass everywhere.
 */
function isQuotaError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const x = e as { name?: unknown; message?: unknown; code?: unknown };
  return x.code === 22 || x.code === 1014 || /quota/i.test(`${String(x.name ?? '')} ${String(x.message ?? '')}`);
}

/** True when stored text is a design of a newer format than this build reads (not corrupt). */
function isNewerFormat(raw: string): boolean {
  try {
    const v = (JSON.parse(raw) as { archwright?: unknown } | null)?.archwright;
    return typeof v === 'number' && v > DESIGN_VERSION;
  } catch {
    return false;
  }
}
export type OpenResult = LoadResult & { quarantinedAs?: string };

/** Name and size of a stored design without checking it (null when it is not even JSON of that shape). */
function roughMeta(raw: string): { name: string; nodes: number } | null {
  try {
    const d = (JSON.parse(raw) as { design?: { name?: unknown; nodes?: unknown } } | null)?.design;
    return d && typeof d.name === 'string' && Array.isArray(d.nodes) ? { name: d.name.slice(0, 200), nodes: d.nodes.length } : null;
  } catch {
    return null;
  }
}

/** In-memory storage for tests and for browsers without localStorage. */
export function memoryStorage(): KeyValueStorage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, String(v)),
    removeItem: (k) => void m.delete(k),
    get length() {
      return m.size;
    },
    key: (i) => [...m.keys()][i] ?? null,
  };
}

/**
 * Several designs kept in browser storage. A write that fails (quota) leaves the last good copy;
 * a copy that no longer parses is set aside under a `corrupt.` key, never deleted.
 */
export class DesignLibrary {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly now: () => number = Date.now,
  ) {}

  /** Designs, most recently changed first. Rebuilds the index if it is missing or corrupt. */
  list(): LocalDesignMeta[] {
    let index: LocalDesignMeta[] | null = null;
    try {
      const raw = this.storage.getItem(INDEX);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      if (Array.isArray(parsed)) {
        index = parsed
          .filter((m): m is LocalDesignMeta => !!m && typeof m.id === 'string' && typeof m.name === 'string')
          .map((m) => ({ id: m.id, name: m.name, updatedAt: Number.isFinite(m.updatedAt) ? m.updatedAt : 0, nodes: Number.isFinite(m.nodes) ? m.nodes : 0 }));
      }
    } catch {
      index = null;
    }
    // A design whose index update failed (quota) is still listed: the index is reconciled.
    index = index ? this.addUnindexed(index) : this.rebuildIndex();
    const seen = new Set<string>();
    return index
      .filter((m) => !seen.has(m.id) && seen.add(m.id) && this.storage.getItem(designKey(m.id)) !== null)
      .sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
  }

  /** Ids of every design in storage. */
  private storedIds(): string[] {
    const ids: string[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const k = this.storage.key(i);
      if (k?.startsWith(`${PREFIX}design.`)) ids.push(k.slice(`${PREFIX}design.`.length));
    }
    return ids;
  }

  private metaFromStorage(id: string): LocalDesignMeta {
    const raw = this.storage.getItem(designKey(id)) ?? '';
    // A design this build saved reads without the schema; anything else needs the schema, and
    // before it has loaded (the browser's first moments) its name is taken as it stands.
    const m = modelIfLoaded();
    let meta: { name: string; nodes: number } | null = null;
    const quick = readStoredDesign(raw);
    if (quick) meta = { name: quick.name, nodes: quick.nodes.length };
    else if (m) {
      const full = m.parseDesignJson(raw);
      if (full.ok) meta = { name: full.design.name, nodes: full.design.nodes.length };
    } else meta = roughMeta(raw);
    return { id, name: meta ? meta.name : `Unreadable design ${id}`, updatedAt: 0, nodes: meta ? meta.nodes : 0 };
  }

  private rebuildIndex(): LocalDesignMeta[] {
    const out = this.storedIds().map((id) => this.metaFromStorage(id));
    this.writeIndex(out);
    return out;
  }

  private addUnindexed(index: LocalDesignMeta[]): LocalDesignMeta[] {
    const known = new Set(index.map((m) => m.id));
    const missing = this.storedIds().filter((id) => !known.has(id));
    if (!missing.length) return index;
    const out = [...index, ...missing.map((id) => this.metaFromStorage(id))];
    this.writeIndex(out);
    return out;
  }

  private writeIndex(index: LocalDesignMeta[]) {
    try {
      this.storage.setItem(INDEX, JSON.stringify(index));
    } catch {
      // The designs themselves are intact; the index is rebuilt from them next time.
    }
  }

  private upsertMeta(meta: LocalDesignMeta) {
    const index = this.list().filter((m) => m.id !== meta.id);
    index.push(meta);
    this.writeIndex(index);
  }

  /**
   * A stored design as this build saved it, read without the schema (null when absent or when
   * only open() can tell): lets the editor show the last design before the schema has loaded.
   * Follow it with open() to check it.
   */
  peek(id: string): Design | null {
    return readStoredDesign(this.storage.getItem(designKey(id)));
  }

  /**
   * Reads and checks a design; a corrupt copy is moved aside (and reported), never silently
   * dropped. Needs the model (in the browser: after loadModel()).
   */
  open(id: string): OpenResult {
    const raw = this.storage.getItem(designKey(id));
    if (raw === null) return { ok: false, error: 'This design is no longer in this browser.', issues: [] };
    const r = model().parseDesignJson(raw);
    if (r.ok) return r;
    // Written by a newer Archwright in this browser: not damaged, so it stays where it is.
    if (isNewerFormat(raw)) return r;
    let aside = `${PREFIX}corrupt.${id}.${this.now()}`;
    for (let i = 2; this.storage.getItem(aside) !== null; i++) aside = `${PREFIX}corrupt.${id}.${this.now()}-${i}`;
    try {
      this.storage.setItem(aside, raw);
      this.storage.removeItem(designKey(id));
      this.writeIndex(this.list().filter((m) => m.id !== id));
    } catch {
      return { ...r, error: `The saved copy of this design is damaged (${r.error}). It was left in place.` };
    }
    return { ...r, error: `The saved copy of this design is damaged and was set aside as "${aside}": ${r.error}`, quarantinedAs: aside };
  }

  /**
   * Saves a design under `id`; on failure the previous copy stays. A design that would not load
   * back (schema problems) is not written either: the last good copy is kept. In the browser's
   * first moments, before the schema has loaded, the design is written unchecked: only the
   * editor's schema-free actions (add from the palette, connect, move, delete…) can have made it,
   * and they produce exactly what the schema would.
   */
  save(id: string, design: Design): SaveResult {
    const m = modelIfLoaded();
    const checked = m?.designSchema.safeParse(design);
    if (m && checked && !checked.success) {
      const first = m.describeIssues(checked.error, design)[0];
      return { ok: false, error: `The design has a problem and was not saved (the last saved copy is kept): ${first.path}: ${first.message}` };
    }
    const text = serializeDesignJson(design);
    try {
      this.storage.setItem(designKey(id), text);
    } catch (e) {
      return {
        ok: false,
        error: isQuotaError(e)
          ? 'Browser storage is full: the last saved copy is kept. Download the design or delete old ones.'
          : `Could not save: ${e instanceof Error ? e.message : String(e)}`,
      };
    }
    this.upsertMeta({ id, name: design.name, updatedAt: this.now(), nodes: design.nodes.length });
    return { ok: true };
  }

  /** Stores a design under a fresh id (never overwriting another) and returns the id. */
  create(design: Design): { id: string } & SaveResult {
    const taken = new Set(this.list().map((m) => m.id));
    let id = '';
    do id = `d${this.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    while (taken.has(id) || this.storage.getItem(designKey(id)) !== null);
    return { id, ...this.save(id, design) };
  }

  /** Renames a stored design. */
  rename(id: string, name: string): SaveResult {
    const r = this.open(id);
    if (!r.ok) return { ok: false, error: r.error };
    return this.save(id, { ...r.design, name: name.trim().slice(0, 200) || r.design.name });
  }

  /** Copies a stored design under a new id named "… (copy)". */
  duplicate(id: string): { id: string } & SaveResult {
    const r = this.open(id);
    if (!r.ok) return { id: '', ok: false, error: r.error };
    return this.create({ ...r.design, name: `${r.design.name} (copy)`.slice(0, 200) });
  }

  /** Deletes a stored design. */
  remove(id: string): void {
    this.storage.removeItem(designKey(id));
    this.writeIndex(this.list().filter((m) => m.id !== id));
    if (this.lastOpened() === id) this.storage.removeItem(LAST);
  }

  /** Id of the design open last, if any. */
  lastOpened(): string | null {
    return this.storage.getItem(LAST);
  }

  /** Remembers which design is open. */
  setLastOpened(id: string): void {
    try {
      this.storage.setItem(LAST, id);
    } catch {
      // Non-essential.
    }
  }

  /** Keys of designs set aside as corrupt (kept for recovery). */
  corruptKeys(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const k = this.storage.key(i);
      if (k?.startsWith(`${PREFIX}corrupt.`)) out.push(k);
    }
    return out;
  }
}
