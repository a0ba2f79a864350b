import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { protoModel } from '../../contracts/proto';
import { buildProject, DEFAULT_VERSIONS, isSafeOutputPath, resolveOptions } from '../../index';
import { getGraph } from '@/lib/graph';
import { buildPyService } from './fastapi-model';
import { PYTHON_PACKAGES } from './packages';
import { pyIdent } from './python-code';
import { HOSTILE, hostileDesign } from './test-designs';
import { allFastapi, generateFastapi, loadTemplateDesign, writeFiles } from './test-utils';

const restaurant = loadTemplateDesign('restaurant.archwright.yaml');
const ecommerce = loadTemplateDesign('ecommerce.archwright.yaml');

/** The restaurant template's voice agent is FastAPI already; the bookings API is moved to it too. */
const restaurantFiles = () => generateFastapi(restaurant, { stacks: { 'svc-bookings': 'fastapi' } });

function fileOf(files: { path: string; content: string }[], p: string): string {
  const f = files.find((x) => x.path === p);
  if (!f) throw new Error(`no ${p} in ${files.map((x) => x.path).join(', ')}`);
  return f.content;
}

/** A python3 that can byte-compile, or undefined. */
function python(): string | undefined {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    if (spawnSync(candidate, ['-c', 'import py_compile'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return undefined;
}

/** Byte-compiles every .py file under `dir`; returns the compiler's complaints (empty when all compile). */
function pyCompileAll(py: string, dir: string, files: string[]): string {
  const script = 'import py_compile, sys\nbad = []\nfor f in sys.argv[1:]:\n    try:\n        py_compile.compile(f, doraise=True, cfile=f + "c")\n    except py_compile.PyCompileError as e:\n        bad.append(str(e))\nprint("\\n".join(bad))';
  return execFileSync(py, ['-c', script, ...files.map((f) => path.join(dir, f))], { encoding: 'utf8', maxBuffer: 64 << 20 }).trim();
}

describe('fastapi generator', () => {
  it('matches the snapshot for the restaurant template', () => {
    const files = restaurantFiles();
    expect(files.map((f) => f.path)).toMatchSnapshot('file list');
    for (const f of files) expect(f.content).toMatchSnapshot(f.path);
  });

  it('is deterministic and emits only safe paths under services/<name>/ of fastapi services', () => {
    const a = restaurantFiles();
    expect(restaurantFiles()).toEqual(a);
    expect(a.every((f) => isSafeOutputPath(f.path))).toBe(true);
    expect(new Set(a.map((f) => f.path.split('/')[1]))).toEqual(new Set(['voice-agent', 'bookings-api']));
    // Services on other stacks get nothing from this generator.
    expect(generateFastapi(ecommerce)).toEqual([]);
  });

  it('reads exactly the env vars the project model gives each service', () => {
    const design = ecommerce;
    const options = resolveOptions(design, allFastapi(design));
    const project = buildProject(design, getGraph(design), options);
    const files = generateFastapi(design, allFastapi(design));
    for (const spec of project.services) {
      const settings = fileOf(files, `services/${spec.name}/app/settings.py`);
      for (const env of spec.env) expect(settings).toContain(`: "${env.name}",`);
      const svc = buildPyService(spec, project);
      expect(svc.settings.map((s) => s.env)).toEqual(expect.arrayContaining(spec.env.map((e) => e.name)));
    }
  });

  it('wires brokers, channels and tables per the runtime contract', () => {
    const files = generateFastapi(ecommerce, allFastapi(ecommerce));
    const orders = fileOf(files, 'services/orders/app/wiring.py');
    expect(orders).toContain('Channel(broker="rabbitmq", topic="orders.events", routing_key="orderplaced.v1", event="OrderPlaced", version=1, outbox=True)');
    expect(orders).toContain('Subscription(broker="rabbitmq", topic="payments.events", routing_key="paymentcaptured.v1", group="orders", event="PaymentCaptured", version=1, dedupe=True)');
    expect(orders).toContain('Database("orders-db", settings.orders_db_url.get_secret_value(), MIGRATIONS_DIR)');
    expect(orders).toContain('PostgresStore(databases["orders-db"])');
    const rabbit = fileOf(files, 'services/orders/app/messaging/rabbitmq.py');
    expect(rabbit).toContain('declare_queue(f"{group}.{topic}", durable=True)');
    expect(rabbit).toContain('ExchangeType.TOPIC, durable=True');
    expect(rabbit).toContain('message_id=envelope.id');
    const store = fileOf(files, 'services/orders/app/store.py');
    for (const table of ['records', 'outbox', 'processed_messages', 'received_events']) expect(store).toContain(`INTO ${table} (`);
    expect(fileOf(files, 'services/orders/app/db.py')).toContain('schema_migrations (version text PRIMARY KEY, applied_at timestamptz');
    // The catalog's cache is checked with a real client, the order client honours the edge.
    expect(fileOf(files, 'services/catalog/app/wiring.py')).toContain('RedisCache("catalog-cache", settings.catalog_cache_url)');
    const clients = fileOf(files, 'services/orders/app/clients.py');
    expect(clients).toContain('TIMEOUT_SECONDS = 1.0');
    expect(clients).toContain('RETRIES = 2');
    expect(clients).toContain('CircuitBreaker("catalog", 5, 20.0)');
    expect(clients).toContain('expand_path("/products/{id}", {"id": id})');
    expect(fileOf(files, 'services/payments/app/clients.py')).toContain('{"Authorization": "Bearer " + settings.stripe_api_key.get_secret_value()}');
  });

  it('pins every requirement and builds a non-root image from options.versions.python', () => {
    const files = restaurantFiles();
    const reqs = fileOf(files, 'services/bookings-api/requirements.txt').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(reqs.length).toBeGreaterThan(3);
    for (const r of reqs) expect(r).toMatch(/^[a-z0-9-]+==[0-9][0-9a-z.]*$/);
    expect(reqs).toContain(`aio-pika==${PYTHON_PACKAGES['aio-pika']}`);
    const docker = fileOf(files, 'services/bookings-api/Dockerfile');
    expect(docker).toContain(`FROM python:${DEFAULT_VERSIONS.python} AS build`);
    expect(docker).toContain('USER 10001:10001');
    expect(docker).toMatch(/HEALTHCHECK .*\n.*\/health\/live/);
    expect(docker).toContain('COPY migrations ./migrations');
    // The voice agent has no database of its own: no migrations to copy.
    expect(fileOf(files, 'services/voice-agent/Dockerfile')).not.toContain('COPY migrations');
    const custom = generateFastapi(restaurant, { versions: { ...DEFAULT_VERSIONS, python: '3.13-slim' } });
    expect(fileOf(custom, 'services/voice-agent/Dockerfile')).toContain('FROM python:3.13-slim AS runtime');
    expect(() => generateFastapi(restaurant, { versions: { ...DEFAULT_VERSIONS, python: '3.12 AS x\nRUN evil' } })).toThrow(/unsafe Python image tag/);
  });

  it('orders routes literal-first, keeps identifiers valid and separates services sharing a database', () => {
    const design = hostileDesign();
    const project = buildProject(design, getGraph(design), resolveOptions(design));
    const evil = buildPyService(project.services.find((s) => s.name === 'evil')!, project);
    const paths = evil.routes.map((r) => `${r.method} ${r.path}`);
    expect(paths.indexOf('GET /orders/me')).toBeLessThan(paths.indexOf('GET /orders/{class_}'));
    // The duplicate GET /orders/{class} is emitted once.
    expect(paths.filter((p) => p === 'GET /orders/{class_}')).toHaveLength(1);
    expect(evil.routes.find((r) => r.method === 'PATCH')!.params).toEqual(['request_', 'request_2']);
    // evil and other keep their tables in evil-db: each in its own schema, as the migrations expect.
    const files = generateFastapi(design);
    expect(fileOf(files, 'services/evil/app/wiring.py')).toContain('Database("evil-db", settings.evil_db_url.get_secret_value(), MIGRATIONS_DIR, schema="evil")');
    expect(fileOf(files, 'services/other/app/wiring.py')).toContain('Database("evil-db", settings.evil_db_url.get_secret_value(), MIGRATIONS_DIR, schema="other")');
    for (const r of evil.routes) expect(r.path).toMatch(/^\/[A-Za-z0-9._~:{}/-]*$/);
    expect(pyIdent('class')).toBe('class_');
    expect(pyIdent('model_config')).toBe('f_model_config');
    expect(pyIdent('1st')).toBe('n_1st');
  });

  it('serves the rpcs of the service\'s proto contract, named as the contract names them', () => {
    const design = hostileDesign();
    const graph = getGraph(design);
    const project = buildProject(design, graph, resolveOptions(design));
    const model = protoModel({ graph, project }, project.services.find((s) => s.name === 'other')!)!;
    expect(model.methods.map((m) => m.operation.method)).toEqual(['POST', 'GET', 'DELETE']);
    const files = generateFastapi(design);
    const server = fileOf(files, 'services/other/app/grpc_server.py');
    expect(server).toContain(`SERVICE = ${JSON.stringify(model.fullService)}`);
    expect(server).toContain('RESOURCE = "other"');
    for (const m of model.methods) expect(server).toContain(`${JSON.stringify(m.name)}: ${JSON.stringify(m.operation.method)},  # `);
    expect(server).not.toMatch(/\{\{|\}\}/);
    for (const f of ['app/grpc_wire.py', 'tests/test_grpc.py', 'tests/test_grpc_wire.py']) fileOf(files, `services/other/${f}`);
    // The caller gets the wire helper for its client too, but no server; its client addresses the contract's rpcs.
    fileOf(files, 'services/evil/app/grpc_wire.py');
    const clients = fileOf(files, 'services/evil/app/clients.py');
    for (const m of model.methods) expect(clients).toContain(`self.grpc.unary(${JSON.stringify(`/${model.fullService}/${m.name}`)}, request`);
    expect(files.some((f) => f.path === 'services/evil/app/grpc_server.py')).toBe(false);
  });

  it('turns hostile labels, event names, topics, fields and paths into code that compiles', () => {
    const files = generateFastapi(hostileDesign());
    expect(files.length).toBeGreaterThan(40);
    for (const f of files.filter((x) => x.path.endsWith('.py'))) {
      // Free text only ever appears inside string literals or comments.
      expect(f.content).not.toMatch(/^\s*import os; os\.system/m);
    }
    const py = python();
    if (!py) {
      console.warn('[fastapi] hostile names: no python3 on this machine, py_compile skipped');
      return;
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'archwright-fastapi-hostile-'));
    try {
      writeFiles(dir, files);
      const pyFiles = files.filter((f) => f.path.endsWith('.py')).map((f) => f.path);
      expect(pyCompileAll(py, dir, pyFiles)).toBe('');
      // The hostile text survives as data: the literal decodes back to the original.
      const main = fileOf(files, 'services/evil/app/main.py');
      const literal = /^SERVICE_TITLE = (.*)$/m.exec(main)![1];
      const decoded = execFileSync(py, ['-c', `import sys; sys.stdout.write(${literal})`], { encoding: 'utf8' });
      expect(decoded).toBe(HOSTILE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
