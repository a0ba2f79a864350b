import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { designSchema } from '@/lib/model';
import { NGINX_BIN, checkNginxStructure, generateDeploy, nginxTest, starterDesigns } from './test-utils';

const confOf = (files: { path: string; content: string }[], gateway: string) => files.find((f) => f.path === `gateway/${gateway}/nginx.conf`)!.content;

if (!NGINX_BIN) console.warn('nginx is not installed: skipping `nginx -t` and the live proxy test (structural checks still run).');

describe('nginx gateway generator', () => {
  for (const { id, design } of starterDesigns()) {
    it(`${id}: every gateway gets a structurally valid nginx.conf${NGINX_BIN ? ' that passes nginx -t' : ''}`, () => {
      const files = generateDeploy(design, {}, ['nginx']);
      const gateways = design.nodes.filter((n) => n.kind === 'gateway');
      expect(files.map((f) => f.path).sort()).toEqual(gateways.map((g) => `gateway/${g.name}/nginx.conf`).sort());
      for (const f of files) {
        expect(checkNginxStructure(f.content), f.path).toEqual([]);
        if (NGINX_BIN) expect(nginxTest(f.content), f.path).toBeUndefined();
      }
    });
  }

  it('e-commerce: routes map onto the services\' own paths, with timeouts, rate limit, request ids and JSON logs', () => {
    const { design } = starterDesigns().find((d) => d.id === 'ecommerce')!;
    const conf = confOf(generateDeploy(design, {}, ['nginx']), 'api-gateway');
    // /api/orders → the orders service serves /orders; /api/catalog → catalog serves /products, /categories.
    expect(conf).toContain('location "/api/orders/" {');
    expect(conf).toContain('proxy_pass "http://svc_orders/orders/";');
    expect(conf).toContain('location = "/api/catalog" {');
    expect(conf).toContain('proxy_pass "http://svc_catalog/";');
    expect(conf).toContain('server orders:3003;');
    expect(conf).toContain('limit_req_zone $binary_remote_addr zone=per_client:10m rate=500r/s;');
    expect(conf).toContain('proxy_set_header X-Request-Id $req_id;');
    expect(conf).toContain('log_format json_combined escape=json');
    expect(conf).toContain('location = /healthz {');
    // The gateway's call edge to orders has a 5 s timeout in the design.
    expect(conf).toMatch(/location "\/api\/orders\/" \{[^}]*proxy_read_timeout 5000ms;/);
  });

  it('other technologies get nginx with a note; rateLimitRps 0 means no limit; a "/" route replaces the 404 fallback', () => {
    const design = designSchema.parse({
      name: 'Kong',
      nodes: [
        { kind: 'service', id: 's', name: 's', port: 3000, position: { x: 0, y: 0 } },
        { kind: 'gateway', id: 'g', name: 'edge', technology: 'kong', rateLimitRps: 0, routes: [{ id: 'r', path: '/', target: 's' }], position: { x: 0, y: 0 } },
      ],
    });
    const conf = confOf(generateDeploy(design, {}, ['nginx']), 'edge');
    expect(conf).toMatch(/names kong/);
    expect(conf).not.toContain('limit_req');
    expect(conf).not.toContain('no route');
    expect(conf).toContain('proxy_pass "http://svc_s/";');
    expect(checkNginxStructure(conf)).toEqual([]);
    if (NGINX_BIN) expect(nginxTest(conf)).toBeUndefined();
  });

  it('hostile route paths are reduced to safe, quoted paths', () => {
    const design = designSchema.parse({
      name: 'Hostile',
      nodes: [
        { kind: 'service', id: 's', name: 's', endpoints: [{ id: 'e', path: '/a"; }\n{ evil' }], position: { x: 0, y: 0 } },
        {
          kind: 'gateway',
          id: 'g',
          name: 'gw',
          routes: [
            { id: 'r1', path: '/x"; return 200 "pwned"; #', target: 's' },
            { id: 'r2', path: '/../../etc/passwd', target: 's' },
            { id: 'r3', path: '/$(reboot)/${x}/`id`', target: 's' },
            { id: 'r4', path: '/{id}/~user/a:b', target: 's' },
          ],
          position: { x: 0, y: 0 },
        },
      ],
    });
    const conf = confOf(generateDeploy(design, {}, ['nginx']), 'gw');
    expect(checkNginxStructure(conf)).toEqual([]);
    // The text survives only as path characters inside quotes: no directive, traversal or shell.
    expect(conf).not.toMatch(/return 200 "pwned"|\/\.\.|\$\(|\$\{|`/);
    expect(conf).toContain('location "/etc/passwd/" {');
    if (NGINX_BIN) expect(nginxTest(conf)).toBeUndefined();
  });

  it('is not emitted when gateway config is switched off', () => {
    const { design } = starterDesigns().find((d) => d.id === 'ecommerce')!;
    expect(generateDeploy(design, { gateway: false }, ['nginx'])).toEqual([]);
  });

  it.skipIf(!NGINX_BIN)('live: nginx proxies /api/orders/1 to /orders/1 upstream, propagates request ids and answers /healthz', async () => {
    const { design } = starterDesigns().find((d) => d.id === 'ecommerce')!;
    const conf = confOf(generateDeploy(design, {}, ['nginx']), 'api-gateway');
    const seen: { url: string; requestId: string | undefined }[] = [];
    const upstream: Server = createServer((req: IncomingMessage, res) => {
      seen.push({ url: req.url ?? '', requestId: req.headers['x-request-id'] as string | undefined });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ url: req.url }));
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    const upPort = (upstream.address() as AddressInfo).port;
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const gwPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const dir = mkdtempSync(path.join(tmpdir(), 'archwright-gw-'));
    const file = path.join(dir, 'nginx.conf');
    writeFileSync(
      file,
      conf
        .replace(/^(\s*server )[a-z0-9-]+:\d+;$/gm, (_m, lead: string) => `${lead}127.0.0.1:${upPort};`)
        .replace('listen 8080;', `listen 127.0.0.1:${gwPort};`)
        .replace(/\/tmp\//g, `${dir}/`)
        .replace(/\/dev\/(stderr|stdout)/g, `${dir}/$1.log`),
    );
    const nginx = spawn(NGINX_BIN!, ['-p', dir, '-e', `${dir}/error.log`, '-c', file, '-g', 'daemon off; master_process off;'], { stdio: 'ignore' });
    try {
      const base = `http://127.0.0.1:${gwPort}`;
      let health: Response | undefined;
      for (let i = 0; i < 100 && !health; i++) {
        health = await fetch(`${base}/healthz`).catch(() => undefined);
        if (!health) await new Promise((r) => setTimeout(r, 50));
      }
      expect(health?.status).toBe(200);
      const order = await fetch(`${base}/api/orders/42?expand=lines`, { headers: { 'x-request-id': 'req-123' } });
      expect(order.status).toBe(200);
      expect(order.headers.get('x-request-id')).toBe('req-123');
      expect(await order.json()).toEqual({ url: '/orders/42?expand=lines' });
      const products = await fetch(`${base}/api/catalog/products`);
      expect(await products.json()).toEqual({ url: '/products' });
      expect(products.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
      expect(seen.at(-1)?.requestId).toBe(products.headers.get('x-request-id'));
      expect((await fetch(`${base}/nowhere`)).status).toBe(404);
    } finally {
      nginx.kill('SIGTERM');
      await new Promise((r) => nginx.once('exit', r));
      await new Promise<void>((r) => upstream.close(() => r()));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('snapshot (e-commerce)', () => {
    const { design } = starterDesigns().find((d) => d.id === 'ecommerce')!;
    for (const f of generateDeploy(design, {}, ['nginx'])) expect(f.content).toMatchSnapshot(f.path);
  });
});
