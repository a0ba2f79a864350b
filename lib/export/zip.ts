// The only zip writer (DESIGN §2): the UI's export worker and the CLI both zip here, so the same
// files and date give the same bytes everywhere. A small writer of our own over fflate's raw
// DEFLATE (ported in deflate.ts to reuse its tables between files) rather than jszip: generated
// projects repeat whole files across services (each service carries its runtime library), and
// compressing each distinct content once is what keeps a 50-service export within its time
// budget. jszip still reads zips in the tests.
import type { GeneratedFile } from '@/lib/generators/types';
import { deflateRaw } from './deflate';
export interface ZipOptions {
  /** YYYY-MM-DD: every entry gets this date at 00:00 UTC, so the bytes do not depend on the clock. */
  date: string;
  /** DEFLATE level 1–9 (default 6). */
  level?: number;
  /** Called with 0–100 while compressing (the worker turns it into progress). */
  onProgress?: (percent: number) => void;
  /** Receives each file's size in bytes (UTF-8): the writer encodes every file anyway. */
  onFileSize?: (path: string, bytes: number) => void;
}

// File type bits included so unzip tools see regular files and directories, not bare modes.
const MODE_FILE = 0o100644;
const MODE_EXEC = 0o100755;
const MODE_DIR = 0o040755;

/** Parses YYYY-MM-DD into a UTC date inside the zip format's range (1980–2107); throws otherwise. */
export function zipDate(date: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    throw new Error(`Invalid date "${date}": expected YYYY-MM-DD.`);
  }
  if (d.getUTCFullYear() < 1980 || d.getUTCFullYear() > 2107) throw new Error(`Date ${date} is outside the zip format's range (1980–2107).`);
  return d;
}

const encoder = new TextEncoder();
// Contents are encoded into one reused buffer: only their compressed form is kept.
let utf8Scratch = new Uint8Array(0);
function utf8(text: string): Uint8Array {
  if (utf8Scratch.length < text.length * 3) utf8Scratch = new Uint8Array(Math.max(text.length * 3, utf8Scratch.length * 2, 1 << 16));
  return utf8Scratch.subarray(0, encoder.encodeInto(text, utf8Scratch).written);
}

// Slicing-by-8 tables: T[k][n] is the CRC of byte n followed by k zero bytes, so eight input
// bytes cost eight lookups and no per-byte shift chain.
const CRC_TABLES = (() => {
  const t = new Int32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 8; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n] >>> 8) ^ t[t[(k - 1) * 256 + n] & 0xff];
  return t;
})();

/** CRC-32 (IEEE) of bytes, as zip entries record it. */
export function crc32(bytes: Uint8Array): number {
  const t = CRC_TABLES;
  let c = -1;
  let i = 0;
  for (const end = bytes.length - 7; i < end; i += 8) {
    const lo = c ^ (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24));
    c =
      t[1792 + (lo & 0xff)] ^ t[1536 + ((lo >>> 8) & 0xff)] ^ t[1280 + ((lo >>> 16) & 0xff)] ^ t[1024 + (lo >>> 24)] ^
      t[768 + bytes[i + 4]] ^ t[512 + bytes[i + 5]] ^ t[256 + bytes[i + 6]] ^ t[bytes[i + 7]];
  }
  for (; i < bytes.length; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

interface Entry {
  name: Uint8Array;
  dir: boolean;
  mode: number;
  crc: number;
  size: number;
  data: Uint8Array;
}

/**
 * Zips files deterministically: entries sorted by path with their directories first, one fixed
 * timestamp, fixed unix modes (0644, 0755 for `executable`, 0755 directories), DEFLATE.
 */
export async function zipFiles(files: readonly GeneratedFile[], opts: ZipOptions): Promise<Uint8Array> {
  const date = zipDate(opts.date);
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const level = opts.level ?? 6;
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const entries: Entry[] = [];
  const dirs = new Set<string>();
  const filePaths = new Set<string>();
  // Identical contents are compressed once (same bytes, same CRC): services share whole files.
  const compressed = new Map<string, { crc: number; size: number; data: Uint8Array }>();
  let lastReport = -1;
  for (let i = 0; i < sorted.length; i++) {
    const file = sorted[i];
    if (!file.path || file.path.startsWith('/') || file.path.split('/').some((s) => s === '' || s === '.' || s === '..')) {
      throw new Error(`Refusing to zip an unsafe path: ${JSON.stringify(file.path)}`);
    }
    if (dirs.has(file.path) || filePaths.has(file.path)) throw new Error(`Duplicate zip entry: ${file.path}`);
    for (let slash = file.path.indexOf('/'); slash !== -1; slash = file.path.indexOf('/', slash + 1)) {
      const dir = file.path.slice(0, slash);
      if (dirs.has(dir)) continue;
      if (filePaths.has(dir)) throw new Error(`${dir} is both a file and a directory.`);
      dirs.add(dir);
      entries.push({ name: encoder.encode(`${dir}/`), dir: true, mode: MODE_DIR, crc: 0, size: 0, data: new Uint8Array(0) });
    }
    filePaths.add(file.path);
    let packed = compressed.get(file.content);
    if (!packed) {
      const raw = utf8(file.content);
      packed = { crc: crc32(raw), size: raw.length, data: deflateRaw(raw, level) };
      compressed.set(file.content, packed);
    }
    entries.push({ name: encoder.encode(file.path), dir: false, mode: file.executable ? MODE_EXEC : MODE_FILE, ...packed });
    opts.onFileSize?.(file.path, packed.size);
    const percent = Math.floor(((i + 1) / sorted.length) * 100);
    if (opts.onProgress && percent !== lastReport) {
      lastReport = percent;
      opts.onProgress(percent);
    }
  }
  if (entries.length > 0xffff) throw new Error(`Too many zip entries (${entries.length}); at most 65535 without ZIP64.`);

  const localSize = entries.reduce((n, e) => n + 30 + e.name.length + e.data.length, 0);
  const centralSize = entries.reduce((n, e) => n + 46 + e.name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  for (const e of entries) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true); // version needed: 2.0 (deflate)
    view.setUint16(at + 6, 0x0800, true); // names are UTF-8
    view.setUint16(at + 8, e.dir ? 0 : 8, true);
    view.setUint16(at + 10, dosTime, true);
    view.setUint16(at + 12, dosDate, true);
    view.setUint32(at + 14, e.crc >>> 0, true);
    view.setUint32(at + 18, e.data.length, true);
    view.setUint32(at + 22, e.size, true);
    view.setUint16(at + 26, e.name.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(e.name, at + 30);
    out.set(e.data, at + 30 + e.name.length);
    at += 30 + e.name.length + e.data.length;
  }
  const centralStart = at;
  entries.forEach((e, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, (3 << 8) | 20, true); // made by: UNIX, 2.0
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, 0x0800, true);
    view.setUint16(at + 10, e.dir ? 0 : 8, true);
    view.setUint16(at + 12, dosTime, true);
    view.setUint16(at + 14, dosDate, true);
    view.setUint32(at + 16, e.crc >>> 0, true);
    view.setUint32(at + 20, e.data.length, true);
    view.setUint32(at + 24, e.size, true);
    view.setUint16(at + 28, e.name.length, true);
    view.setUint16(at + 30, 0, true); // extra
    view.setUint16(at + 32, 0, true); // comment
    view.setUint16(at + 34, 0, true); // disk
    view.setUint16(at + 36, 0, true); // internal attributes
    view.setUint32(at + 38, ((e.mode << 16) | (e.dir ? 0x10 : 0)) >>> 0, true); // unix mode; MS-DOS directory bit
    view.setUint32(at + 42, offsets[i], true);
    out.set(e.name, at + 46);
    at += 46 + e.name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}
