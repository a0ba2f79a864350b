// Helpers of the *.generated.test.ts checks (Node only; imported by tests, never by generators).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { TS_PACKAGE_VERSIONS } from './packages';
import { REPO_ROOT } from './test-utils';

const CACHE = path.join(REPO_ROOT, '.cache', 'generated-ts');

export interface RunResult {
  code: number | null;
  output: string;
  ms: number;
}

/** Runs a command; resolves with its exit code and combined output (never rejects). */
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

/** Runs `tasks` with at most `limit` at a time. */
export async function pool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
    }),
  );
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Installs every package a generated TypeScript service can depend on (pinned in packages.ts, both
 * stacks: one node_modules serves Fastify and NestJS services alike) once into
 * .cache/generated-ts/ts-<hash>/; returns its node_modules or a reason to skip.
 */
export async function installOnce(): Promise<{ modules: string } | { skip: string }> {
  const deps: Record<string, string> = {};
  const dev: Record<string, string> = {};
  for (const [name, version] of Object.entries(TS_PACKAGE_VERSIONS).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (name === 'typescript' || name.startsWith('@types/')) dev[name] = version;
    else deps[name] = version;
  }
  const manifest = { name: 'archwright-generated-ts', private: true, dependencies: deps, devDependencies: dev };
  const hash = createHash('sha256').update(JSON.stringify(manifest)).digest('hex').slice(0, 12);
  const dir = path.join(CACHE, `ts-${hash}`);
  const marker = path.join(dir, 'node_modules', '.archwright-complete');
  if (existsSync(marker)) return { modules: path.join(dir, 'node_modules') };
  const ping = await run('npm', ['view', 'typescript@5.9.3', 'version'], REPO_ROOT, 60_000);
  if (ping.code !== 0) return { skip: `npm registry unreachable, cannot install the generated TypeScript services' packages: ${ping.output.trim().slice(0, 300)}` };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const install = await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], dir, 900_000);
  console.warn(`[ts] npm install: ${install.ms} ms`);
  if (install.code !== 0) throw new Error(`npm install failed for the generated TypeScript services:\n${install.output}`);
  writeFileSync(marker, new Date().toISOString());
  return { modules: path.join(dir, 'node_modules') };
}

/** Rewrites every address in .env.example to a closed local port: the dependencies are "not there". */
export function envPointingNowhere(serviceDir: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production' };
  for (const line of readFileSync(path.join(serviceDir, '.env.example'), 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)='(.*)'$/.exec(line);
    if (!m) continue;
    const [, name, value] = m;
    if (name.startsWith('OTEL_')) continue;
    env[name] = value
      .replace(/^([a-z][a-z0-9+.-]*:\/\/)([^@/]*@)?[^/:?]+(:\d+)?/i, (_, scheme: string, auth = '') => `${scheme}${auth}127.0.0.1:1`)
      .replace(/^[A-Za-z0-9.-]+:\d+$/, '127.0.0.1:1');
  }
  env.PORT = String(port);
  env.LOG_LEVEL = 'warn';
  return env;
}

/** Fetches `url` until it answers (any status) or `timeoutMs` passes. */
export async function waitFor(url: string, timeoutMs: number): Promise<Response> {
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

