// Services of the two TypeScript stacks interoperate through the runtime contract (slow; run by
// vitest.generated.config.mts): the e-commerce orders service on fastify stores an order and
// relays OrderPlaced through its outbox to RabbitMQ; payments on nestjs consumes it idempotently
// into received_events/processed_messages. Throwaway PostgreSQL and RabbitMQ on loopback.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUnavailable, rabbitUnavailable, startPostgres, startRabbitMq, type Postgres, type RabbitMq } from '@/scripts/lib/servers';
import { GENERATORS } from '../../index';
import { freePort, installOnce, run } from './generated-utils';
import { allOn, generateWith, loadDesign, writeFiles } from './test-utils';

const root = mkdtempSync(path.join(tmpdir(), 'archwright-interop-'));
const procs: ChildProcess[] = [];
let pg: Postgres | undefined;
let rmq: RabbitMq | undefined;
let skip: string | undefined;
const ports = { orders: 0, payments: 0 };
const logs: Record<string, string> = { orders: '', payments: '' };

async function untilReady(port: number, name: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(2_000) })).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${name} never became ready:\n${logs[name].slice(-4000)}`);
}

beforeAll(async () => {
  skip = postgresUnavailable() ?? rabbitUnavailable() ?? (GENERATORS.has('sql-migrations') ? undefined : 'no sql-migrations generator');
  if (skip) return;
  const design = loadDesign('ecommerce.archwright.yaml');
  const stacks = { ...allOn(design, 'fastify').stacks, 'svc-payments': 'nestjs' as const };
  writeFiles(root, [...generateWith('fastify-service', design, { stacks }), ...generateWith('nestjs-service', design, { stacks }), ...generateWith('sql-migrations', design, { stacks })]);
  for (const [service, stack] of [
    ['orders', 'fastify'],
    ['payments', 'nestjs'],
  ] as const) {
    const installed = await installOnce(stack);
    if ('skip' in installed) {
      skip = installed.skip;
      return;
    }
    const dir = path.join(root, 'services', service);
    symlinkSync(installed.modules, path.join(dir, 'node_modules'), 'dir');
    const build = await run(process.execPath, [path.join(installed.modules, 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], dir, 300_000);
    if (build.code !== 0) throw new Error(`${service} does not build:\n${build.output}`);
  }
  [pg, rmq] = await Promise.all([startPostgres(), startRabbitMq()]);
  pg.sql('CREATE DATABASE orders_db');
  pg.sql('CREATE DATABASE payments_db');
  ports.orders = await freePort();
  ports.payments = await freePort();
  const base = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', RABBITMQ_URL: rmq.url, LOG_LEVEL: 'info' } as const;
  const start = (service: 'orders' | 'payments', env: Record<string, string>) => {
    const childEnv: NodeJS.ProcessEnv = { ...base, ...env };
    const child = spawn(process.execPath, ['dist/main.js'], { cwd: path.join(root, 'services', service), env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => (logs[service] += d.toString()));
    child.stderr.on('data', (d: Buffer) => (logs[service] += d.toString()));
    procs.push(child);
  };
  start('orders', { PORT: String(ports.orders), ORDERS_DB_URL: `postgres://postgres@127.0.0.1:${pg.port}/orders_db`, CATALOG_URL: 'http://127.0.0.1:1' });
  start('payments', { PORT: String(ports.payments), PAYMENTS_DB_URL: `postgres://postgres@127.0.0.1:${pg.port}/payments_db`, STRIPE_URL: 'http://127.0.0.1:1', STRIPE_API_KEY: 'test' });
  await Promise.all([untilReady(ports.orders, 'orders'), untilReady(ports.payments, 'payments')]);
}, 900_000);

afterAll(async () => {
  for (const child of procs) child.kill('SIGTERM');
  await Promise.all(procs.map((child) => (child.exitCode !== null ? undefined : new Promise((resolve) => child.once('exit', resolve)))));
  rmq?.stop();
  pg?.stop();
  rmSync(root, { recursive: true, force: true });
}, 120_000);

describe('fastify publisher → RabbitMQ → nestjs consumer', () => {
  it('an order placed on orders (fastify) is consumed once by payments (nestjs)', async (ctx) => {
    if (skip) ctx.skip(skip);
    const order = { orderId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', customerId: '3f2504e0-4f89-41d3-9a0c-0305e82c3302', lines: [], totalAmount: 10, currency: 'EUR', placedAt: '2026-01-01T00:00:00Z' };
    const post = () =>
      fetch(`http://127.0.0.1:${ports.orders}/orders`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'interop-1' }, body: JSON.stringify(order) });
    const first = await post();
    expect(first.status, await first.clone().text()).toBe(201);
    const again = await post();
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);

    const deadline = Date.now() + 30_000;
    let received = '';
    while (Date.now() < deadline) {
      received = pg!.sql("SELECT event || ' v' || version || ' ' || (payload->>'orderId') FROM received_events", 'payments_db').trim();
      if (received) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(received, `orders:\n${logs.orders.slice(-3000)}\npayments:\n${logs.payments.slice(-3000)}`).toBe(`OrderPlaced v1 ${order.orderId}`);
    expect(pg!.sql('SELECT count(*) FROM processed_messages', 'payments_db').trim()).toBe('1');
    expect(pg!.sql('SELECT count(*), count(published_at) FROM outbox', 'orders_db').trim()).toBe('1|1');
    expect(pg!.sql('SELECT count(*) FROM records', 'orders_db').trim()).toBe('1');
  });

  it('both stop cleanly on SIGTERM (exit code 0)', async (ctx) => {
    if (skip) ctx.skip(skip);
    const exits = procs.map((child) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))));
    for (const child of procs) child.kill('SIGTERM');
    expect(await Promise.all(exits)).toEqual([0, 0]);
  });
});
