import { parseDesignText, serializeDesignJson, type Design, type LoadResult } from '@/lib/model';

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
export type OpenResult = LoadResult & { quarantinedAs?: string };

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
      if (Array.isArray(parsed)) index = parsed.filter((m): m is LocalDesignMeta => !!m && typeof m.id === 'string' && typeof m.name === 'string');
    } catch {
      index = null;
    }
    if (!index) index = this.rebuildIndex();
    return index
      .filter((m) => this.storage.getItem(designKey(m.id)) !== null)
      .sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
  }

  private rebuildIndex(): LocalDesignMeta[] {
    const out: LocalDesignMeta[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const k = this.storage.key(i);
      if (!k?.startsWith(`${PREFIX}design.`)) continue;
      const id = k.slice(`${PREFIX}design.`.length);
      const r = parseDesignText(this.storage.getItem(k) ?? '', 'x.json');
      out.push({ id, name: r.ok ? r.design.name : `Unreadable design ${id}`, updatedAt: 0, nodes: r.ok ? r.design.nodes.length : 0 });
    }
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

  /** Reads a design; a corrupt copy is moved aside (and reported), never silently dropped. */
  open(id: string): OpenResult {
    const raw = this.storage.getItem(designKey(id));
    if (raw === null) return { ok: false, error: 'This design is no longer in this browser.', issues: [] };
    const r = parseDesignText(raw, 'design.json');
    if (r.ok) return r;
    const aside = `${PREFIX}corrupt.${id}.${this.now()}`;
    try {
      this.storage.setItem(aside, raw);
      this.storage.removeItem(designKey(id));
      this.writeIndex(this.list().filter((m) => m.id !== id));
    } catch {
      return { ...r, error: `The saved copy of this design is damaged (${r.error}). It was left in place.` };
    }
    return { ...r, error: `The saved copy of this design is damaged and was set aside as "${aside}": ${r.error}`, quarantinedAs: aside };
  }

  /** Saves a design under `id`; on failure the previous copy stays. */
  save(id: string, design: Design): SaveResult {
    const text = serializeDesignJson(design);
    try {
      this.storage.setItem(designKey(id), text);
    } catch (e) {
      const quota = e instanceof Error && /quota/i.test(`${e.name} ${e.message}`);
      return { ok: false, error: quota ? 'Browser storage is full: the last saved copy is kept. Download the design or delete old ones.' : `Could not save: ${String(e)}` };
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
