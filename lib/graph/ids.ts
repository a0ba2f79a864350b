/**
 * Node ids → indices in an open-addressing table over a typed array. A Map of 10,000 ids
 * allocated about a megabyte per graph (its buckets and their growth), all of it garbage the
 * collector then had to copy; this allocates one Int32Array and nothing per id.
 */
export class IdIndex {
  private readonly table: Int32Array;
  private readonly mask: number;
  // The id at each index, contiguous: a probe compares string pointers without touching the
  // node objects.
  private readonly keys: string[];

  /** `capacity`: the most ids that will be added (indices are below it). */
  constructor(capacity: number) {
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    this.table = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.keys = new Array<string>(capacity);
  }

  /** Adds `id` at `index` unless it is already present; returns the index that holds it. */
  add(id: string, index: number): number {
    let p = hash(id) & this.mask;
    for (let v = this.table[p]; v !== -1; v = this.table[p]) {
      if (this.keys[v] === id) return v;
      p = (p + 1) & this.mask;
    }
    this.table[p] = index;
    this.keys[index] = id;
    return index;
  }

  /** The index of `id`, -1 when absent. */
  get(id: string): number {
    let p = hash(id) & this.mask;
    for (let v = this.table[p]; v !== -1; v = this.table[p]) {
      if (this.keys[v] === id) return v;
      p = (p + 1) & this.mask;
    }
    return -1;
  }
}

/** FNV-1a over UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
