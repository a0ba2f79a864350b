import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { MAX_FILE_CHARS, parseDesignText, type Design, type FileFormat } from '@/lib/model';
import { CliError, oneLine } from './io';

export interface DesignFile {
  design: Design;
  text: string;
  format: FileFormat;
  /** Absolute path. */
  path: string;
  /** The path as the user should see it: relative to the working directory when inside it. */
  display: string;
}

const COMPOSE_NAME = /(^|[\\/])(docker-)?compose(\.[\w-]+)?\.ya?ml$|\.compose\.ya?ml$/i;

/** Path relative to `cwd` with POSIX separators, or absolute when outside `cwd`. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  if (rel === '') return '.';
  return !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

function readError(err: unknown, shown: string): CliError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new CliError(`Cannot read ${shown}: no such file.`);
  if (code === 'EISDIR') return new CliError(`${shown} is a directory, not a design file.`);
  if (code === 'EACCES' || code === 'EPERM') return new CliError(`Cannot read ${shown}: permission denied.`);
  return new CliError(`Cannot read ${shown}: ${oneLine(err instanceof Error ? err.message : String(err), 200)}`);
}

/** Reads and validates a design file; every failure is a CliError with a one-line explanation. */
export function readDesignFile(file: string, cwd: string): DesignFile {
  const abs = path.resolve(cwd, file);
  const shown = oneLine(displayPath(abs, cwd), 300);
  let size: number;
  try {
    const st = statSync(abs);
    if (st.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    size = st.size;
  } catch (err) {
    throw readError(err, shown);
  }
  // UTF-8 takes at most 4 bytes per character: anything larger is over the limit without reading it.
  if (size > MAX_FILE_CHARS * 4) {
    throw new CliError(`${shown}: the file is ${(size / 1048576).toFixed(1)} MB; designs are limited to ${MAX_FILE_CHARS / 1048576} MB.`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (err) {
    throw readError(err, shown);
  }
  if (bytes.includes(0)) throw new CliError(`${shown} is not a text file (it contains binary data).`);
  const text = bytes.toString('utf8');
  const result = parseDesignText(text, abs);
  if (!result.ok) {
    if (COMPOSE_NAME.test(abs) || (/"archwright" format version is missing/.test(result.error) && /^services\s*:/m.test(text))) {
      throw new CliError(`${shown} looks like a docker-compose file: importing compose files is not supported yet. Pass an Archwright design file (*.archwright.yaml or .json).`);
    }
    if (/"archwright" format version is missing/.test(result.error) && /^apiVersion\s*:/m.test(text) && /^kind\s*:/m.test(text)) {
      throw new CliError(`${shown} looks like a Kubernetes manifest: importing manifests is not supported yet. Pass an Archwright design file.`);
    }
    throw new CliError(`${shown}: ${oneLine(result.error)}`);
  }
  return { design: result.design, text, format: result.format, path: abs, display: displayPath(abs, cwd) };
}
