import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEPLOY_TARGETS, SERVICE_STACKS } from '@/lib/model';
import { isSafeOutputPath, type DeployTarget, type ExportOptions, type GeneratedFile, type ServiceStack } from '@/lib/generators';
import { exportProject, stackForAll, todayUtc, zipDate, zipFiles } from '@/lib/export';
import { loadTemplatesFromDisk } from '@/lib/export/node';
import { validate } from '@/lib/validation';
import { parseArgs } from './args';
import { CliError, oneLine, type CliIO } from './io';
import { displayPath, readDesignFile } from './read';

export const EXPORT_USAGE = `Usage: archwright export <design file> --out <dir | file.zip> [options]

Generates the project for a design: the same files, and the same zip bytes, as "Download .zip"
in the designer.

Options:
  --out <path>        a directory (created; must be empty unless --force) or a .zip file
  --stack <s>         use this stack for every service: ${SERVICE_STACKS.join(', ')}
  --target <list>     deployment targets, comma-separated: ${DEPLOY_TARGETS.join(', ')}
                      (default: the design's settings)
  --date <YYYY-MM-DD> date stamped into the files and the zip (default: SOURCE_DATE_EPOCH,
                      else today in UTC)
  --no-observability  leave out observability/ and tracing wiring
  --no-ci             leave out the CI workflow
  --no-gateway        leave out gateway configuration
  --force             write into a non-empty directory (same paths are overwritten, other
                      files stay) or overwrite an existing zip
  -h, --help          show this help

Exit codes: 0 written, 2 unreadable input, bad options or nothing written.
`;

/** The export date: --date, else SOURCE_DATE_EPOCH (reproducible builds), else today in UTC. */
export function exportDate(flag: string | undefined, env: CliIO['env'], now = Date.now()): string {
  if (flag !== undefined) {
    try {
      zipDate(flag);
    } catch (e) {
      throw new CliError(`--date: ${(e as Error).message}`);
    }
    return flag;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d{1,12}$/.test(epoch)) throw new CliError(`SOURCE_DATE_EPOCH must be a number of seconds; got ${JSON.stringify(oneLine(epoch, 40))}.`);
    const date = todayUtc(Number(epoch) * 1000);
    try {
      zipDate(date);
    } catch (e) {
      throw new CliError(`SOURCE_DATE_EPOCH: ${(e as Error).message}`);
    }
    return date;
  }
  return todayUtc(now);
}

function parseTargets(value: string): DeployTarget[] {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new CliError(`--target needs at least one of ${DEPLOY_TARGETS.join(', ')}.`);
  for (const t of items) {
    if (!(DEPLOY_TARGETS as readonly string[]).includes(t)) throw new CliError(`Unknown target ${JSON.stringify(oneLine(t, 40))}: use ${DEPLOY_TARGETS.join(', ')}.`);
  }
  // Canonical order and no repeats: the same choice must give the same bytes however it is typed.
  return DEPLOY_TARGETS.filter((t) => items.includes(t));
}

function fsError(err: unknown, what: string): CliError {
  const e = err as NodeJS.ErrnoException;
  const why =
    e?.code === 'EACCES' || e?.code === 'EPERM' ? 'permission denied' : e?.code === 'ENOSPC' ? 'no space left on the device' : e?.code === 'EROFS' ? 'read-only file system' : oneLine(e?.message ?? String(err), 200);
  return new CliError(`Cannot write ${what}: ${why}.`);
}

function lstatOrUndefined(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/** Writes files under `dir` with modes 0644/0755, refusing anything that would land outside it. */
export function writeDirectory(files: readonly GeneratedFile[], dir: string, force: boolean, shown: string): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new CliError(`${shown} exists and is not a directory.`);
    if (!force && readdirSync(dir).length > 0) throw new CliError(`${shown} is not empty; choose an empty directory or pass --force.`);
  }
  try {
    mkdirSync(dir, { recursive: true });
    const root = realpathSync(dir);
    for (const file of files) {
      // generateProject already rejects unsafe paths; this guards the file system independently.
      if (!isSafeOutputPath(file.path)) throw new CliError(`Refusing to write an unsafe path: ${JSON.stringify(oneLine(file.path, 200))}.`);
      const segments = file.path.split('/');
      // Created one level at a time: with --force the folder may hold symlinks, and neither a
      // mkdir nor a write may follow one out of the output folder.
      let parent = root;
      for (const seg of segments.slice(0, -1)) {
        parent = path.join(parent, seg);
        const st = lstatOrUndefined(parent);
        if (!st) mkdirSync(parent);
        else if (st.isSymbolicLink()) throw new CliError(`Refusing to write ${file.path}: ${path.relative(root, parent)} is a symbolic link.`);
        else if (!st.isDirectory()) throw new CliError(`Cannot write ${file.path}: ${path.relative(root, parent)} is a file.`);
      }
      const target = path.join(parent, segments[segments.length - 1]);
      const existing = lstatOrUndefined(target);
      if (existing?.isDirectory()) throw new CliError(`Cannot write ${file.path}: a directory is in the way.`);
      // Replaced, never written through: a symlink (even a dangling one) or a hard link could
      // otherwise carry the write to a file outside the output folder.
      if (existing) rmSync(target);
      const mode = file.executable ? 0o755 : 0o644;
      writeFileSync(target, file.content, { mode });
      chmodSync(target, mode); // the umask and pre-existing files would otherwise decide the mode
    }
  } catch (err) {
    throw err instanceof CliError ? err : fsError(err, shown);
  }
}

function writeZip(bytes: Uint8Array, file: string, force: boolean, shown: string): void {
  if (existsSync(file)) {
    if (statSync(file).isDirectory()) throw new CliError(`${shown} is a directory.`);
    if (!force) throw new CliError(`${shown} exists; pass --force to overwrite it.`);
  }
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    // Written aside and renamed: an interrupted export never leaves a truncated zip behind.
    writeFileSync(tmp, bytes, { mode: 0o644 });
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw fsError(err, shown);
  }
}

/** `archwright export`: generates the project and writes it as a directory or a zip. */
export async function runExport(argv: readonly string[], io: CliIO): Promise<number> {
  const { positionals, flags } = parseArgs(
    argv,
    { out: 'string', stack: 'string', target: 'string', date: 'string', force: 'boolean', help: 'boolean', 'no-observability': 'boolean', 'no-ci': 'boolean', 'no-gateway': 'boolean' },
    'export',
  );
  if (flags.help) {
    io.stdout(EXPORT_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError(positionals.length ? 'Export one design file at a time.' : 'Missing the design file. Usage: archwright export <design file> --out <dir | file.zip>');
  const out = flags.out as string | undefined;
  if (!out) throw new CliError('Missing --out <dir | file.zip>.');
  const stack = flags.stack as string | undefined;
  if (stack !== undefined && !(SERVICE_STACKS as readonly string[]).includes(stack)) {
    throw new CliError(`Unknown stack ${JSON.stringify(oneLine(stack, 40))}: use ${SERVICE_STACKS.join(', ')}.`);
  }
  const targets = flags.target !== undefined ? parseTargets(flags.target as string) : undefined;
  const date = exportDate(flags.date as string | undefined, io.env);

  const file = readDesignFile(positionals[0], io.cwd);
  const partial: Partial<ExportOptions> = {
    date,
    ...(stack ? { stacks: stackForAll(file.design, stack as ServiceStack) } : {}),
    ...(targets ? { targets } : {}),
    ...(flags['no-observability'] ? { observability: false } : {}),
    ...(flags['no-ci'] ? { ci: false } : {}),
    ...(flags['no-gateway'] ? { gateway: false } : {}),
  };
  let result;
  try {
    result = exportProject(file.design, partial, loadTemplatesFromDisk(path.join(io.packageRoot, 'templates')));
  } catch (e) {
    // A generator bug or a missing template: explain in one line, no stack trace.
    throw new CliError(`Export failed: ${oneLine(e instanceof Error ? e.message : String(e), 400)}`);
  }

  const dest = path.resolve(io.cwd, out);
  const shown = oneLine(displayPath(dest, io.cwd), 300);
  const asZip = /\.zip$/i.test(out);
  if (asZip) writeZip(await zipFiles(result.files, { date }), dest, Boolean(flags.force), shown);
  else writeDirectory(result.files, dest, Boolean(flags.force), shown);

  const errors = validate(file.design, { reuse: false }).filter((f) => f.severity === 'error').length;
  if (errors) io.stderr(`note: the design has ${errors} error-level finding${errors === 1 ? '' : 's'}; run "archwright validate ${oneLine(file.display, 200)}" to see them.\n`);
  const { options } = result;
  io.stdout(`Wrote ${result.files.length} file${result.files.length === 1 ? '' : 's'} to ${shown}${asZip ? '' : '/'} (date ${options.date}, targets ${options.targets.join(', ') || 'none'}${stack ? `, stack ${stack}` : ''}).\n`);
  return 0;
}
