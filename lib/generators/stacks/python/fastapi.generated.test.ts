// The e-commerce template with every service on FastAPI, and a design full of hostile names on every
// broker, store and protocol, written to a temp dir and checked at the strongest level this machine
// allows (printed, never skipped silently):
//   compile  every .py byte-compiles (always);
//   venv     a virtualenv with the services' pinned requirements (from the local wheel index; cached
//            in .cache/generated-py/<hash>/): each service's pytest suite passes (including real
//            gRPC calls to its own rpcs), and each starts under uvicorn with every dependency
//            pointing at nothing, answers /health/live with 200 (and /health/ready with 503) and
//            exits cleanly on SIGTERM; a caller's gRPC client reaches a FastAPI target's rpcs;
//   debian   Debian's /usr/bin/python3 (python3-fastapi, python3-uvicorn; missing optional modules
//            stubbed): each app imports, starts, answers /health/live and exits cleanly on SIGTERM.
// ARCHWRIGHT_PY_LEVEL=compile|debian|venv forces a level (a forced level that cannot run fails).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getGraph } from '@/lib/graph';
import { freePort } from '@/scripts/lib/servers';
import type { Design } from '@/lib/model';
import { buildProject, resolveOptions, type ExportOptions, type GeneratedFile } from '../../index';
import { grpcPaths } from './fastapi';
import { buildPyService } from './fastapi-model';
import { hostileDesign } from './test-designs';
import { allFastapi, generateFastapi, loadTemplateDesign, REPO_ROOT, writeFiles } from './test-utils';

const ecommerce = loadTemplateDesign('ecommerce.archwright.yaml');
const DESIGNS: { label: string; design: Design; partial: Partial<ExportOptions> }[] = [
  { label: 'ecommerce', design: ecommerce, partial: allFastapi(ecommerce) },
  { label: 'hostile', design: hostileDesign(), partial: {} },
];
/** Every FastAPI service of both designs, with the directory it is written to (relative). */
const services = DESIGNS.flatMap(({ label, design, partial }) => {
  const graph = getGraph(design);
  const project = buildProject(design, graph, resolveOptions(design, partial));
  const rpcs = grpcPaths({ design, graph, project });
  return project.services.map((spec) => ({ id: `${label}/${spec.name}`, rel: path.join(label, 'services', spec.name), spec, svc: buildPyService(spec, project, rpcs) }));
});
type Service = (typeof services)[number];
/** Needed for the venv level; the others (broker clients, OpenTelemetry SDK) are imported lazily. */
const ESSENTIAL = ['fastapi', 'uvicorn', 'pydantic', 'httpx', 'pytest'];

/** Environment of a child process (plain record: the project's ProcessEnv type insists on NODE_ENV). */
type Env = Record<string, string | undefined>;
const childEnv = (env: Env) => env as NodeJS.ProcessEnv;

function log(message: string): void {
  console.warn(`[fastapi] ${message}`);
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

function run(cmd: string, args: string[], opts: { cwd?: string; env?: Env; timeoutMs?: number } = {}): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env && childEnv(opts.env), encoding: 'utf8', timeout: opts.timeoutMs ?? 600_000, maxBuffer: 64 << 20 });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** The environment a generated service sees: its test values, nothing else from this process that could leak in. */
function serviceEnv({ svc }: Service, port: number, extra: Env = {}): Env {
  const env: Env = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' };
  for (const f of svc.settings) if (f.testValue !== '') env[f.env] = f.testValue;
  // Tracing on, towards a collector that is not there: the exporter must not hold anything up.
  return { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9', ...extra };
}

async function getStatus(url: string): Promise<number | undefined> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return undefined;
  }
}

/** Starts a service, checks its health endpoints, sends SIGTERM and waits for a clean exit. */
async function startAndStop(python: string, dir: string, service: Service, extraEnv: Env = {}): Promise<void> {
  const name = service.id;
  const port = await freePort();
  const child = spawn(python, ['-m', 'app'], { cwd: dir, env: childEnv(serviceEnv(service, port, extraEnv)), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? `code ${code}`)));
  try {
    let live: number | undefined;
    const until = Date.now() + 60_000;
    while (Date.now() < until && child.exitCode === null) {
      live = await getStatus(`http://127.0.0.1:${port}/health/live`);
      if (live !== undefined) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(live, `${name}: /health/live\n${output}`).toBe(200);
    expect(await getStatus(`http://127.0.0.1:${port}/health/ready`), `${name}: /health/ready with nothing running`).toBe(503);
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
  }
  const how = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000))]);
  if (how === 'timeout') child.kill('SIGKILL');
  // uvicorn shuts down gracefully, then newer releases re-raise SIGTERM (exit status 143) as is conventional.
  expect(['code 0', 'SIGTERM'], `${name}: exit after SIGTERM\n${output}`).toContain(how);
  expect(output, `${name}: graceful shutdown`).toContain('"service stopped"');
}

/**
 * A FastAPI caller's generated gRPC client against a FastAPI target, as two processes: the target
 * runs under uvicorn on a fixed GRPC_PORT, the caller's Clients call every rpc of the edge. The
 * target's database is down, so each rpc must answer UNAVAILABLE (served and mapped), never
 * UNIMPLEMENTED (the path the client addresses is not what the server serves).
 */
async function grpcAcrossServices(python: string, serviceDir: (s: Service) => string): Promise<number> {
  let checked = 0;
  for (const caller of services) {
    for (const client of caller.svc.clients.filter((c) => c.protocol === 'grpc')) {
      const target = services.find((s) => s.rel.split(path.sep)[0] === caller.rel.split(path.sep)[0] && s.spec.name === client.targetName);
      const ops = client.operations.filter((o) => o.rpcPath);
      if (!target || !ops.length) continue;
      const [port, grpcPort] = [await freePort(), await freePort()];
      const child = spawn(python, ['-m', 'app'], { cwd: serviceDir(target), env: childEnv(serviceEnv(target, port, { GRPC_PORT: String(grpcPort) })), stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      try {
        const until = Date.now() + 60_000;
        while (Date.now() < until && child.exitCode === null && (await getStatus(`http://127.0.0.1:${port}/health/live`)) === undefined) await new Promise((r) => setTimeout(r, 250));
        const url = caller.svc.settings.find((f) => f.attr === client.urlAttr)!;
        const script = [
          'import asyncio, sys',
          'import grpc',
          'from app.clients import Clients',
          'from app.grpc_wire import RpcRequest',
          'from app.settings import load_settings',
          'async def main() -> None:',
          '    clients = Clients(load_settings())',
          `    client = clients.${client.attr}`,
          `    for fn in sys.argv[1:]:`,
          '        try:',
          '            await getattr(client, fn)(RpcRequest(id="archwright-check", body_json="{}").encode())',
          '            print(fn, "OK")',
          '        except grpc.aio.AioRpcError as exc:',
          '            print(fn, exc.code().name)',
          '    await clients.stop()',
          'asyncio.run(main())',
        ].join('\n');
        const env = serviceEnv(caller, await freePort(), { [url.env]: `127.0.0.1:${grpcPort}` });
        const r = run(python, ['-c', script, ...ops.map((o) => o.fn)], { cwd: serviceDir(caller), env, timeoutMs: 60_000 });
        expect(r.ok, `${caller.id} → ${target.id} over gRPC\n${r.out}\n--- target ---\n${output}`).toBe(true);
        expect(r.out.trim().split('\n'), `${caller.id} → ${target.id} over gRPC\n${output}`).toEqual(ops.map((o) => `${o.fn} UNAVAILABLE`));
        checked += ops.length;
      } finally {
        child.kill('SIGTERM');
        await new Promise((r) => (child.exitCode === null ? child.on('exit', r) : r(undefined)));
      }
    }
  }
  return checked;
}

async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: Math.min(size, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  }));
}

interface Venv {
  python: string;
  missing: string[];
}

/** A cached virtualenv with `requirements`, or the reason there is none. */
function prepareVenv(requirements: string[]): Venv | string {
  const base = 'python3';
  const probe = run(base, ['-c', 'import sys, venv, ensurepip; print(sys.version)']);
  if (!probe.ok) return `python3 cannot create virtualenvs (${probe.out.trim().split('\n').pop()})`;
  const hash = createHash('sha256').update(probe.out).update(requirements.join('\n')).digest('hex').slice(0, 16);
  const root = path.join(REPO_ROOT, '.cache', 'generated-py');
  const dir = path.join(root, hash);
  const state = path.join(dir, 'state.json');
  if (!existsSync(state)) {
    const started = performance.now();
    mkdirSync(root, { recursive: true });
    const tmp = mkdtempSync(path.join(root, `${hash}.tmp-`));
    const venvPython = path.join(tmp, 'venv', 'bin', 'python');
    const made = run(base, ['-m', 'venv', path.join(tmp, 'venv')]);
    if (!made.ok) return `python3 -m venv failed: ${made.out.slice(-500)}`;
    const pip = (args: string[]) => run(venvPython, ['-m', 'pip', 'install', '--retries', '0', '--timeout', '15', '--disable-pip-version-check', '-q', ...args]);
    const missing: string[] = [];
    if (!pip(requirements).ok) {
      // Some pins are not in the configured index: install what is there, one by one.
      for (const r of requirements) if (!pip([r]).ok) missing.push(r);
    }
    writeFileSync(path.join(tmp, 'state.json'), JSON.stringify({ requirements, missing }, null, 2));
    try {
      renameSync(tmp, dir);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another run cached it first
    }
    log(`virtualenv built in ${seconds(started)} (cached in ${path.relative(REPO_ROOT, dir)})`);
    // Older virtualenvs (other requirements) and abandoned builds would only pile up.
    for (const entry of readdirSync(root)) {
      const full = path.join(root, entry);
      const abandoned = entry.includes('.tmp-') && Date.now() - statSync(full).mtimeMs > 3_600_000;
      if ((/^[0-9a-f]{16}$/.test(entry) && entry !== hash) || abandoned) rmSync(full, { recursive: true, force: true });
    }
  } else {
    log(`virtualenv reused from ${path.relative(REPO_ROOT, dir)}`);
  }
  const { missing } = JSON.parse(readFileSync(state, 'utf8')) as { missing: string[] };
  const essentialMissing = missing.filter((m) => ESSENTIAL.includes(m.split('==')[0]));
  if (essentialMissing.length) return `pip could not install ${essentialMissing.join(', ')}`;
  return { python: path.join(dir, 'venv', 'bin', 'python'), missing };
}

/** Debian's python3 with FastAPI and uvicorn, and a directory of stubs for what it lacks; or why not. */
function prepareDebian(stubRoot: string): { python: string; pythonPath: string; stubbed: string[] } | string {
  const python = '/usr/bin/python3';
  if (!existsSync(python)) return `${python} does not exist`;
  const core = run(python, ['-c', 'import fastapi, uvicorn, pydantic; print(fastapi.__version__, uvicorn.__version__, pydantic.VERSION)']);
  if (!core.ok) return `${python} lacks fastapi/uvicorn/pydantic (apt install python3-fastapi python3-uvicorn)`;
  log(`debian: fastapi, uvicorn, pydantic ${core.out.trim()}`);
  const stubbed: string[] = [];
  if (!run(python, ['-c', 'import httpx']).ok) {
    // Only the outgoing clients use httpx; a stand-in lets the app import and start.
    mkdirSync(path.join(stubRoot, 'httpx'), { recursive: true });
    writeFileSync(
      path.join(stubRoot, 'httpx', '__init__.py'),
      [
        '"""Stand-in for httpx: the generated app imports and starts; outgoing calls are not exercised."""',
        'class _Stub:',
        '    def __init__(self, *args, **kwargs):',
        '        pass',
        '    async def aclose(self):',
        '        pass',
        'AsyncClient = Timeout = MockTransport = _Stub',
        'class AsyncBaseTransport: pass',
        'class Request: pass',
        'class Response: pass',
        'class TransportError(Exception): pass',
        'class TimeoutException(TransportError): pass',
        '',
      ].join('\n'),
    );
    stubbed.push('httpx');
  }
  return { python, pythonPath: stubRoot, stubbed };
}

describe('generated FastAPI services: e-commerce on fastapi, and a hostile design', () => {
  let dir = '';
  const files: GeneratedFile[] = [];
  const serviceDir = (s: Service) => path.join(dir, s.rel);

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'archwright-fastapi-'));
    for (const { label, design, partial } of DESIGNS) {
      const generated = generateFastapi(design, partial).map((f) => ({ ...f, path: `${label}/${f.path}` }));
      writeFiles(dir, generated);
      files.push(...generated);
    }
  });

  afterAll(() => {
    if (dir && !process.env.ARCHWRIGHT_KEEP_GENERATED) rmSync(dir, { recursive: true, force: true });
  });

  it('byte-compiles every Python file (level: compile)', () => {
    const python = ['python3', '/usr/bin/python3'].find((p) => run(p, ['-c', 'import py_compile']).ok);
    if (!python) throw new Error('no python3: cannot even byte-compile the generated services');
    const py = files.filter((f) => f.path.endsWith('.py')).map((f) => path.join(dir, f.path));
    expect(services.length).toBe(8);
    expect(py.length).toBeGreaterThan(services.length * 20);
    const started = performance.now();
    const script = 'import py_compile, sys\nfor f in sys.argv[1:]:\n    py_compile.compile(f, doraise=True, cfile=f + "c")';
    execFileSync(python, ['-c', script, ...py], { stdio: 'pipe' });
    log(`level compile: ${py.length} files of ${services.length} services byte-compiled with ${python} in ${seconds(started)}`);
  });

  it('installs, passes its own tests, starts and stops cleanly at the strongest level available', async () => {
    const forced = process.env.ARCHWRIGHT_PY_LEVEL;
    const reasons: string[] = [];
    const requirements = [
      ...new Set(
        services.flatMap((s) => [
          ...readFileSync(path.join(serviceDir(s), 'requirements.txt'), 'utf8').split('\n'),
          ...readFileSync(path.join(serviceDir(s), 'requirements-dev.txt'), 'utf8').split('\n'),
        ]),
      ),
    ]
      .filter((l) => /^[A-Za-z0-9]/.test(l))
      .sort();

    if (!forced || forced === 'venv') {
      const started = performance.now();
      const venv = prepareVenv(requirements);
      if (typeof venv !== 'string') {
        log(
          `level venv: ${venv.python}${venv.missing.length ? `; not in the package index: ${venv.missing.join(', ')} (imported lazily: those dependencies just stay unready)` : '; every pinned requirement installed'}`,
        );
        const testsStarted = performance.now();
        await inPool(services, 2, async (s) => {
          const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
            const child = spawn(venv.python, ['-m', 'pytest', '-p', 'no:cacheprovider'], { cwd: serviceDir(s), env: childEnv({ PATH: process.env.PATH, HOME: process.env.HOME, PYTHONDONTWRITEBYTECODE: '1' }) });
            let out = '';
            child.stdout.on('data', (d: Buffer) => (out += d.toString()));
            child.stderr.on('data', (d: Buffer) => (out += d.toString()));
            child.on('exit', (code) => resolve({ code, out }));
          });
          expect(r.code, `pytest in ${s.rel}\n${r.out}`).toBe(0);
          log(`  ${s.id}: pytest ${/(\d+ passed[^\n]*)/.exec(r.out)?.[1] ?? 'passed'}`);
        });
        log(`  pytest for ${services.length} services in ${seconds(testsStarted)}`);
        const startStarted = performance.now();
        await inPool(services, 2, (s) => startAndStop(venv.python, serviceDir(s), s));
        log(`  ${services.length} services started (/health/live 200, /health/ready 503) and shut down gracefully on SIGTERM in ${seconds(startStarted)}`);
        const rpcs = await grpcAcrossServices(venv.python, serviceDir);
        expect(rpcs, 'the hostile design has a gRPC edge between FastAPI services').toBeGreaterThan(0);
        log(`  ${rpcs} rpcs called from a caller's generated gRPC client to a FastAPI target over real processes (UNAVAILABLE with its database down)`);
        log(`level venv passed in ${seconds(started)}`);
        return;
      }
      reasons.push(`venv: ${venv}`);
      if (forced) throw new Error(`ARCHWRIGHT_PY_LEVEL=venv cannot run: ${venv}`);
      log(`level venv skipped: ${venv}`);
    }

    if (!forced || forced === 'debian') {
      const stubs = mkdtempSync(path.join(os.tmpdir(), 'archwright-fastapi-stubs-'));
      try {
        const deb = prepareDebian(stubs);
        if (typeof deb !== 'string') {
          const started = performance.now();
          log(`level debian: ${deb.python}${deb.stubbed.length ? ` with stand-ins for ${deb.stubbed.join(', ')}` : ''}; pytest is not run at this level`);
          for (const s of services) {
            const imported = run(deb.python, ['-c', 'import app.main, app.wiring, app.routes; app.main.create_app'], { cwd: serviceDir(s), env: { PATH: process.env.PATH, PYTHONPATH: deb.pythonPath } });
            expect(imported.ok, `${s.id}: import\n${imported.out}`).toBe(true);
          }
          await inPool(services, 2, (s) => startAndStop(deb.python, serviceDir(s), s, { PYTHONPATH: deb.pythonPath }));
          log(`level debian passed: ${services.length} services imported, started (/health/live 200), stopped by SIGTERM in ${seconds(started)}`);
          return;
        }
        reasons.push(`debian: ${deb}`);
        if (forced) throw new Error(`ARCHWRIGHT_PY_LEVEL=debian cannot run: ${deb}`);
        log(`level debian skipped: ${deb}`);
      } finally {
        rmSync(stubs, { recursive: true, force: true });
      }
    }

    log(`only level compile ran (${forced === 'compile' ? 'forced by ARCHWRIGHT_PY_LEVEL' : reasons.join('; ')})`);
  });
});
