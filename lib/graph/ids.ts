/**
 * Node ids → indices in an open-addressing table over a typed array. A Map of 10,000 ids
 * allocated about a megabyte per graph (its buckets and their growth), all of it garbage the
 * collector then had to copy; this allocates one Int32Array and nothing per id.
 *
 * The hash is not keyed, so a design could be crafted whose ids all collide (a hostile file or
 * share link). A probe longer than MAX_PROBE switches the index to a Map, whose hashing V8 seeds
 * per process: lookups stay O(1) whatever the ids are.
 */
export class IdIndex {
  private readonly table: Int32Array;
  private readonly mask: number;
  // The id at each index, contiguous: a probe compares string pointers without touching the
  // node objects.
  private readonly keys: string[];
  private fallback: Map<string, number> | undefined;

  /** `capacity`: the most ids that will be added (indices are below it). `hashOf` is for tests. */
  constructor(
    capacity: number,
    private readonly hashOf: (id: string) => number = hash,
  ) {
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    this.table = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.keys = new Array<string>(capacity);
  }

  /** Adds `id` at `index` unless it is already present; returns the index that holds it. */
  add(id: string, index: number): number {
    if (this.fallback) return this.addToMap(id, index);
    let p = this.hashOf(id) & this.mask;
    let steps = 0;
    for (let v = this.table[p]; v !== -1; v = this.table[p]) {
      if (this.keys[v] === id) return v;
      if (++steps > MAX_PROBE) {
        this.fallback = new Map();
        for (let i = 0; i < this.table.length; i++) if (this.table[i] !== -1) this.fallback.set(this.keys[this.table[i]], this.table[i]);
        return this.addToMap(id, index);
      }
      p = (p + 1) & this.mask;
    }
    this.table[p] = index;
    this.keys[index] = id;
    return index;
  }

  /** The index of `id`, -1 when absent. */
  get(id: string): number {
    if (this.fallback) return this.fallback.get(id) ?? -1;
    let p = this.hashOf(id) & this.mask;
    for (let v = this.table[p]; v !== -1; v = this.table[p]) {
      if (this.keys[v] === id) return v;
      p = (p + 1) & this.mask;
    }
    return -1;
  }

  /** True once colliding ids moved the index to a Map. */
  get degraded(): boolean {
    return this.fallback !== undefined;
  }

  private addToMap(id: string, index: number): number {
    const map = this.fallback!;
    const had = map.get(id);
    if (had !== undefined) return had;
    map.set(id, index);
    this.keys[index] = id;
    return index;
  }
}

// At a load factor of at most 1/2, linear probing averages under 3 probes; 64 means collisions.
const MAX_PROBE = 64;

/**
 * FNV-1a over the length and the last 8 UTF-16 code units: generated ids end in random
 * characters, so the tail tells them apart, and hashing whole ids was a third of buildGraph on
 * large designs. Ids that share a tail (and length) only lengthen probes: past MAX_PROBE the
 * index moves to a Map, so no set of ids can make lookups slow.
 */
function hash(s: string): number {
  const n = s.length;
  let h = Math.imul(0x811c9dc5 ^ n, 0x01000193);
  for (let i = n > 8 ? n - 8 : 0; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
