// The only module that imports jszip (DESIGN §2): the UI's export worker and the CLI both zip here,
// so the same files and date give the same bytes everywhere.
import JSZip from 'jszip';
import type { GeneratedFile } from '@/lib/generators/types';

export interface ZipOptions {
  /** YYYY-MM-DD: every entry gets this date at 00:00 UTC, so the bytes do not depend on the clock. */
  date: string;
  /** DEFLATE level 1–9 (default 6). */
  level?: number;
  /** Called with 0–100 while compressing (the worker turns it into progress). */
  onProgress?: (percent: number) => void;
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

/**
 * Zips files deterministically: entries sorted by path with their directories first, one fixed
 * timestamp, fixed unix modes (0644, 0755 for `executable`, 0755 directories), DEFLATE.
 */
export async function zipFiles(files: readonly GeneratedFile[], opts: ZipOptions): Promise<Uint8Array> {
  const date = zipDate(opts.date);
  const zip = new JSZip();
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const dirs = new Set<string>();
  for (const file of sorted) {
    if (!file.path || file.path.startsWith('/') || file.path.split('/').some((s) => s === '' || s === '.' || s === '..')) {
      throw new Error(`Refusing to zip an unsafe path: ${JSON.stringify(file.path)}`);
    }
    if (dirs.has(file.path) || zip.files[file.path]) throw new Error(`Duplicate zip entry: ${file.path}`);
    const parts = file.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (dirs.has(dir)) continue;
      if (zip.files[dir]) throw new Error(`${dir} is both a file and a directory.`);
      dirs.add(dir);
      zip.file(`${dir}/`, null, { dir: true, date, unixPermissions: MODE_DIR, createFolders: false });
    }
    zip.file(file.path, file.content, { date, unixPermissions: file.executable ? MODE_EXEC : MODE_FILE, createFolders: false, binary: false });
  }
  return zip.generateAsync(
    { type: 'uint8array', platform: 'UNIX', compression: 'DEFLATE', compressionOptions: { level: opts.level ?? 6 } },
    opts.onProgress ? (meta) => opts.onProgress!(meta.percent) : undefined,
  );
}
