// Helpers for checks that install, build and run exported projects (Node only, tests only).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export interface RunResult {
  code: number | null;
  output: string;
  ms: number;
}

/** Runs a command to completion (killed after `timeoutMs`), capturing stdout and stderr together. */
export function run(cmd: string, args: string[], cwd: string, timeoutMs: number, env: NodeJS.ProcessEnv = process.env): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: -1, output: String(err), ms: Date.now() - started });
    });
  });
}

/**
 * Installs the union of the services' npm dependencies once into `.cache/generated-ts/<key>-<hash>`
 * (reused while the dependency set is unchanged) and returns its node_modules, or why it can't.
 */
export async function installNodeDeps(key: string, serviceDirs: readonly string[]): Promise<{ modules: string } | { skip: string }> {
  const deps: Record<string, string> = {};
  const dev: Record<string, string> = {};
  for (const dir of serviceDirs) {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    Object.assign(deps, pkg.dependencies);
    Object.assign(dev, pkg.devDependencies);
  }
  const sorted = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)));
  const manifest = { name: `archwright-generated-${key}`, private: true, dependencies: sorted(deps), devDependencies: sorted(dev) };
  const hash = createHash('sha256').update(JSON.stringify(manifest)).digest('hex').slice(0, 12);
  const dir = path.join(REPO_ROOT, '.cache', 'generated-ts', `${key}-${hash}`);
  const marker = path.join(dir, 'node_modules', '.archwright-complete');
  if (existsSync(marker)) return { modules: path.join(dir, 'node_modules') };
  const ping = await run('npm', ['view', 'typescript@5.9.3', 'version'], REPO_ROOT, 60_000);
  if (ping.code !== 0) return { skip: `npm registry unreachable, cannot install the generated services' packages: ${ping.output.trim().slice(0, 300)}` };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const install = await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], dir, 900_000);
  console.log(`[${key}] npm install: ${install.ms} ms`);
  if (install.code !== 0) throw new Error(`npm install failed for ${key}:\n${install.output}`);
  writeFileSync(marker, new Date().toISOString());
  return { modules: path.join(dir, 'node_modules') };
}

/** Polls `url` until it answers (any status) or `timeoutMs` passes. */
export async function waitForHttp(url: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(2_000) });
    } catch (err) {
      last = err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} never answered: ${String(last)}`);
}

/** Polls `check` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
