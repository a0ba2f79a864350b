// The real check of the TypeScript stacks (slow; vitest.generated.config.mts runs it): for the
// e-commerce template with every service on the stack, and for the hostile design, write the
// services to a temp dir, install their packages once per stack into .cache/generated-ts/
// (every package the stack can use, keyed by a hash of the set, symlinked above the services), type-check and compile
// every service's src and test with the stack's strict tsconfig (one tsc program for all of
// them: loading the packages' typings once keeps this within minutes on 2 cores), run each
// service's own tests, then build one service with its own tsconfig.build.json and start it
// against dependencies that are not there: /health/live answers 200, /health/ready 503, and
// SIGTERM ends it with exit code 0.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATORS } from '../../index';
import type { TsStack } from './files';
import { hostileDesign } from './hostile-design';
import { envPointingNowhere, freePort, installOnce, pool, run, waitFor } from './generated-utils';
import { allOn, generateWith, loadDesign, writeFiles } from './test-utils';

const STACKS: TsStack[] = ['fastify', 'nestjs'];
const STARTED_SERVICE = 'orders';

const root = mkdtempSync(path.join(tmpdir(), 'archwright-ts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each(STACKS)('generated %s services', (stack) => {
  const generatorId = `${stack}-service`;
  const available = GENERATORS.has(generatorId);
  const dirs: string[] = [];
  const stackRoot = path.join(root, stack);
  let modules: string | undefined;
  let skip: string | undefined;
  const tscOk = new Set<string>();

  beforeAll(async () => {
    if (!available) return;
    const started = Date.now();
    for (const [label, design] of [
      ['ecommerce', loadDesign('ecommerce.archwright.yaml')],
      ['hostile', hostileDesign()],
    ] as const) {
      const out = path.join(stackRoot, label);
      writeFiles(out, generateWith(generatorId, design, allOn(design, stack)));
      for (const name of readdirSync(path.join(out, 'services')).sort()) dirs.push(path.join(out, 'services', name));
    }
    console.warn(`[${stack}] generated ${dirs.length} services in ${Date.now() - started} ms`);
    const result = await installOnce();
    if ('skip' in result) {
      skip = result.skip;
      console.warn(`SKIPPED generated ${stack} checks: ${skip}`);
      return;
    }
    modules = result.modules;
    // Node and tsc resolve packages by walking up: one link serves every service below.
    symlinkSync(modules, path.join(stackRoot, 'node_modules'), 'dir');
    const own = JSON.parse(readFileSync(path.join(dirs[0], 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
    const combined = {
      compilerOptions: { ...own.compilerOptions, rootDir: '.', outDir: '.build' },
      include: ['*/services/*/src', '*/services/*/test'],
    };
    writeFileSync(path.join(stackRoot, 'tsconfig.json'), JSON.stringify(combined, null, 2));
  });

  it('type-checks and compiles every service (tsc, strict)', async (ctx) => {
    if (!available) ctx.skip(`no ${generatorId} generator registered yet`);
    if (skip) ctx.skip(skip);
    const tsc = path.join(modules!, 'typescript', 'bin', 'tsc');
    const r = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], stackRoot, 600_000);
    console.warn(`[${stack}] tsc of ${dirs.length} services: ${r.ms} ms`);
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
    for (const dir of dirs) tscOk.add(dir);
  });

  it("passes each service's own tests (node:test)", async (ctx) => {
    if (!available) ctx.skip(`no ${generatorId} generator registered yet`);
    if (skip) ctx.skip(skip);
    const failures: string[] = [];
    const started = Date.now();
    let count = 0;
    await pool(
      dirs.filter((d) => tscOk.has(d)),
      2,
      async (dir) => {
        const testDir = path.join(stackRoot, '.build', path.relative(stackRoot, dir), 'test');
        const files = readdirSync(testDir)
          .filter((f) => f.endsWith('.test.js'))
          .sort()
          .map((f) => path.join(testDir, f));
        const r = await run(process.execPath, ['--test', ...files], dir, 300_000);
        const passed = /^# pass (\d+)/m.exec(r.output);
        count += passed ? Number(passed[1]) : 0;
        if (r.code !== 0 || !passed || /^# fail [1-9]/m.test(r.output)) failures.push(`${path.relative(root, dir)}:\n${r.output.slice(-6000)}`);
      },
    );
    console.warn(`[${stack}] ${count} tests of ${tscOk.size} services: ${Date.now() - started} ms`);
    expect(tscOk.size).toBe(dirs.length);
    expect(failures.join('\n\n')).toBe('');
  });

  it(`starts ${STARTED_SERVICE} with no dependency reachable: live 200, ready 503, exits 0 on SIGTERM`, async (ctx) => {
    if (!available) ctx.skip(`no ${generatorId} generator registered yet`);
    if (skip) ctx.skip(skip);
    const dir = dirs.find((d) => d.endsWith(path.join('ecommerce', 'services', STARTED_SERVICE)))!;
    const tsc = path.join(modules!, 'typescript', 'bin', 'tsc');
    const build = await run(process.execPath, [tsc, '-p', 'tsconfig.build.json'], dir, 300_000);
    expect(build.output).toBe('');
    const port = await freePort();
    const started = Date.now();
    const child = spawn(process.execPath, ['dist/main.js'], { cwd: dir, env: envPointingNowhere(dir, port), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    try {
      const live = await waitFor(`http://127.0.0.1:${port}/health/live`, 30_000);
      expect(live.status, output).toBe(200);
      expect(await live.json()).toEqual({ status: 'ok' });
      expect(live.headers.get('x-request-id')).toBeTruthy();
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect({ status: ready.status, body: await ready.clone().text() }).toMatchObject({ status: 503 });
      const body = (await ready.json()) as { checks: Record<string, { ok: boolean }> };
      expect(Object.values(body.checks).some((c) => !c.ok)).toBe(true);
      console.warn(`[${stack}] ${STARTED_SERVICE} answered /health/live after ${Date.now() - started} ms`);
    } finally {
      child.kill('SIGTERM');
    }
    const timeout = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const result = await exited;
    clearTimeout(timeout);
    expect({ ...result, output: result.code === 0 ? '' : output }).toEqual({ code: 0, signal: null, output: '' });
  });
});
