// Helpers for the CLI tests: run the real bin in a child process, or main() in-process.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { main, type CliIO } from './main';

export const ROOT = path.resolve(__dirname, '../..');
export const BIN = path.join(ROOT, 'bin', 'archwright.mjs');
export const FIXTURES = path.join(ROOT, 'lib', 'cli', 'fixtures');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/archwright.mjs ...args` as a user would, without a TTY. */
export function runBin(args: readonly string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...opts.env };
    delete env.FORCE_COLOR;
    execFile(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs main() in-process with captured output. */
export async function runMain(args: readonly string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd: opts.cwd ?? ROOT,
    env: opts.env ?? {},
    packageRoot: ROOT,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** The SARIF 2.1.0 schema from npm, compiled with ajv (draft-04's `id` renamed for ajv 8). */
export function sarifValidator() {
  const file = path.join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
  const { $schema: _draft, id, ...schema } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ ...schema, $id: id as string });
}

/** Bad input must be explained in one line on stderr, never with a stack trace. */
export function expectOneLineError(r: RunResult, pattern: RegExp): void {
  if (r.code !== 2) throw new Error(`expected exit 2, got ${r.code}: ${r.stderr}`);
  const lines = r.stderr.trimEnd().split('\n');
  if (lines.length !== 1 || !lines[0].startsWith('archwright: ')) throw new Error(`expected one "archwright: " line on stderr, got: ${JSON.stringify(r.stderr)}`);
  if (/^\s+at /m.test(r.stderr) || /Error:/.test(r.stderr)) throw new Error(`stack trace on stderr: ${r.stderr}`);
  if (!pattern.test(lines[0])) throw new Error(`stderr ${JSON.stringify(lines[0])} does not match ${pattern}`);
  if (r.stdout !== '') throw new Error(`unexpected stdout: ${r.stdout}`);
}
