// The export's end-to-end proof (issue 4): export the e-commerce template on the TypeScript
// stacks — orders and notifications on Fastify, payments and inventory on NestJS, so the two
// stacks must interoperate — start PostgreSQL and RabbitMQ from Debian on loopback, run those
// services natively, place an order over HTTP and see OrderPlaced consumed and persisted by every
// subscriber — once, even when the request is retried with the same Idempotency-Key — and the
// PaymentCaptured flow back is not needed. Everything started here is stopped afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplatesFromDisk } from '@/lib/export/node';
import { exportProject } from '@/lib/export';
import { buildProject, resolveOptions, type ServiceSpec } from '@/lib/generators';
import { getGraph } from '@/lib/graph';
import { parseDesignText, type Design } from '@/lib/model';
import { installOnce, run, waitFor } from '@/lib/generators/stacks/typescript/generated-utils';
import { eventually, REPO_ROOT } from './lib/generated';
import { freePort, postgresUnavailable, rabbitUnavailable, startPostgres, startRabbitMq, type Postgres, type RabbitMq } from './lib/servers';

const STACKS: Record<string, 'fastify' | 'nestjs'> = { orders: 'fastify', notifications: 'fastify', payments: 'nestjs', inventory: 'nestjs' };
const STARTED = Object.keys(STACKS);
const SUBSCRIBERS = ['payments', 'inventory', 'notifications'];

function loadDesign(): Design {
  const file = 'ecommerce.archwright.yaml';
  const r = parseDesignText(readFileSync(path.join(REPO_ROOT, 'templates', 'designs', file), 'utf8'), file);
  if (!r.ok) throw new Error(r.error);
  return r.design;
}

const why = postgresUnavailable() ?? rabbitUnavailable();
const root = mkdtempSync(path.join(tmpdir(), 'archwright-run-'));
const children: ChildProcess[] = [];
let pg: Postgres | undefined;
let mq: RabbitMq | undefined;
let specs: ServiceSpec[] = [];
const ports = new Map<string, number>();
const logs = new Map<string, string>();
let skip: string | undefined = why ?? undefined;

afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
  pg?.stop();
  mq?.stop();
  rmSync(root, { recursive: true, force: true });
});

/** The service's env with every host rewritten to what runs here, and closed ports for the rest. */
function localEnv(spec: ServiceSpec): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production' };
  for (const v of spec.env) {
    if (v.name.startsWith('OTEL_')) continue;
    env[v.name] = v.value;
  }
  for (const store of spec.datastores) {
    env[store.urlEnv] =
      store.technology === 'postgres' ? `postgres://${store.user}:${store.devPassword}@127.0.0.1:${pg!.port}/${store.dbName}` : store.url.replace(/\/\/[^/]+/, '//127.0.0.1:1');
  }
  for (const broker of spec.brokers) env[broker.urlEnv] = mq!.url;
  for (const call of spec.calls) {
    const port = ports.get(call.targetName);
    env[call.urlEnv] = call.protocol === 'grpc' ? `127.0.0.1:${port ?? 1}` : `http://127.0.0.1:${port ?? 1}`;
  }
  env.PORT = String(ports.get(spec.name));
  env.LOG_LEVEL = 'warn';
  return env;
}

describe('the exported e-commerce project runs end to end', () => {
  beforeAll(async () => {
    if (skip) return;
    const design = loadDesign();
    const stacks = Object.fromEntries(design.nodes.filter((n) => n.kind === 'service').map((n) => [n.id, STACKS[n.name] ?? 'fastify'] as const));
    const options = { stacks, date: '2026-01-01' };
    const { files } = exportProject(design, options, loadTemplatesFromDisk(path.join(REPO_ROOT, 'templates')));
    for (const f of files) {
      const full = path.join(root, f.path);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, f.content, f.executable ? { mode: 0o755 } : undefined);
    }
    specs = buildProject(design, getGraph(design), resolveOptions(design, options)).services.filter((s) => STARTED.includes(s.name));
    expect(specs.map((s) => s.name).sort()).toEqual([...STARTED].sort());

    const dirs = specs.map((s) => path.join(root, 'services', s.name));
    const [installed, postgres, rabbit] = await Promise.all([installOnce(), startPostgres(), startRabbitMq()]);
    pg = postgres;
    mq = rabbit;
    if ('skip' in installed) {
      skip = installed.skip;
      return;
    }
    for (const dir of dirs) symlinkSync(installed.modules, path.join(dir, 'node_modules'), 'dir');

    // Each service's own database and role, as compose/k8s would provision them.
    for (const store of new Map(specs.flatMap((s) => s.datastores.filter((d) => d.technology === 'postgres').map((d) => [d.id, d] as const))).values()) {
      pg.sql(`CREATE ROLE "${store.user}" LOGIN PASSWORD '${store.devPassword}'`);
      pg.sql(`CREATE DATABASE "${store.dbName}" OWNER "${store.user}"`);
    }

    const tsc = path.join(installed.modules, 'typescript', 'bin', 'tsc');
    await Promise.all(
      dirs.map(async (dir) => {
        const build = await run(process.execPath, [tsc, '-p', 'tsconfig.build.json'], dir, 300_000);
        if (build.code !== 0) throw new Error(`build of ${dir} failed:\n${build.output}`);
      }),
    );
    for (const spec of specs) ports.set(spec.name, await freePort());
    for (const spec of specs) {
      const child = spawn(process.execPath, ['dist/main.js'], { cwd: path.join(root, 'services', spec.name), env: localEnv(spec), stdio: ['ignore', 'pipe', 'pipe'] });
      logs.set(spec.name, '');
      const append = (d: Buffer) => logs.set(spec.name, (logs.get(spec.name)! + d.toString()).slice(-20_000));
      child.stdout!.on('data', append);
      child.stderr!.on('data', append);
      children.push(child);
    }
    // Ready = its database and the broker answer, so consumers are bound before the order is placed.
    for (const spec of specs) {
      await eventually(
        async () => ((await waitFor(`http://127.0.0.1:${ports.get(spec.name)}/health/ready`, 30_000)).status === 200 ? true : undefined),
        90_000,
        `${spec.name} to be ready\n${logs.get(spec.name)}`,
      );
    }
  }, 900_000);

  it('an order placed over HTTP reaches every subscriber once, and a retried request is not applied twice', async (ctx) => {
    if (skip) ctx.skip(skip);
    const order = { customerId: '0b8f5c1e-2d4c-4c1e-9a53-3f0d2b8a9c11', lines: [{ sku: 'SKU-1', quantity: 2, unitPrice: 9.5 }], totalAmount: 19, currency: 'EUR' };
    const post = () =>
      fetch(`http://127.0.0.1:${ports.get('orders')}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'order-e2e-1' },
        body: JSON.stringify(order),
      });
    const first = await post();
    const firstBody = await first.text();
    expect(first.status, `${firstBody}\n${logs.get('orders')}`).toBe(201);
    const again = await post();
    expect(again.status).toBe(first.status);
    expect(await again.text()).toBe(firstBody);

    for (const name of SUBSCRIBERS) {
      const spec = specs.find((s) => s.name === name)!;
      const db = spec.primaryDatabase!.dbName;
      const rows = await eventually(
        () => {
          const out = pg!.sql(`SELECT event || ':' || version FROM received_events WHERE event = 'OrderPlaced'`, db).trim();
          return out ? out.split('\n') : undefined;
        },
        30_000,
        `${name} to persist OrderPlaced\n${logs.get(name)}\n--- orders ---\n${logs.get('orders')}`,
      );
      expect(rows).toEqual(['OrderPlaced:1']);
    }
    // The order itself was stored once, and its outbox row was relayed.
    const ordersDb = specs.find((s) => s.name === 'orders')!.primaryDatabase!.dbName;
    expect(pg!.sql(`SELECT count(*) FROM records`, ordersDb).trim()).toBe('1');
    await eventually(() => (pg!.sql(`SELECT count(*) FROM outbox WHERE published_at IS NULL`, ordersDb).trim() === '0' ? true : undefined), 15_000, 'the outbox to drain');
    // Nothing more arrives later (one delivery per subscriber).
    await new Promise((r) => setTimeout(r, 1500));
    for (const name of SUBSCRIBERS) {
      const db = specs.find((s) => s.name === name)!.primaryDatabase!.dbName;
      expect(pg!.sql(`SELECT count(*) FROM received_events WHERE event = 'OrderPlaced'`, db).trim(), name).toBe('1');
    }
  }, 120_000);

  it('stops cleanly on SIGTERM', async (ctx) => {
    if (skip) ctx.skip(skip);
    const codes = await Promise.all(
      children.map(
        (c) =>
          new Promise<number | null>((resolve) => {
            const timer = setTimeout(() => c.kill('SIGKILL'), 20_000);
            c.once('exit', (code) => (clearTimeout(timer), resolve(code)));
            c.kill('SIGTERM');
          }),
      ),
    );
    expect(codes).toEqual(children.map(() => 0));
  }, 60_000);
});
