import { describe, expect, it } from 'vitest';
import { designSchema } from '@/lib/model';
import { DO_APP_SPEC_PATH } from './digitalocean';
import { generateDeploy, parseYamlDocs, starterDesigns, validateDoSpec } from './test-utils';

type Component = { name: string; http_port?: number; envs?: { key: string; value: string; type: string }[]; health_check?: { http_path: string }; liveness_health_check?: { http_path: string }; source_dir?: string; dockerfile_path?: string };
type Spec = { name: string; services?: Component[]; workers?: Component[]; databases?: { name: string; engine: string; production: boolean }[]; ingress?: { rules: { match: { path: { prefix: string } }; component: { name: string; rewrite?: string } }[] } };

const specOf = (files: { path: string; content: string }[]): Spec => parseYamlDocs(files.find((f) => f.path === DO_APP_SPEC_PATH)!.content, DO_APP_SPEC_PATH)[0] as Spec;

describe('DigitalOcean App Platform generator', () => {
  for (const { id, design } of starterDesigns()) {
    it(`${id}: .do/app.yaml validates against the app spec schema`, () => {
      const spec = specOf(generateDeploy(design, {}, ['digitalocean']));
      expect(validateDoSpec(spec)).toEqual([]);
      // Every service of the design is a component built from its own folder.
      const built = [...(spec.services ?? []), ...(spec.workers ?? [])].filter((c) => c.source_dir).map((c) => c.source_dir);
      expect(built.sort()).toEqual(design.nodes.filter((n) => n.kind === 'service').map((n) => `services/${n.name}`).sort());
    });
  }

  it('e-commerce: HTTP services with health checks, managed databases bound by reference, secrets typed SECRET, ingress from gateway routes', () => {
    const { design } = starterDesigns().find((d) => d.id === 'ecommerce')!;
    const spec = specOf(generateDeploy(design, {}, ['digitalocean']));
    const orders = spec.services!.find((s) => s.name === 'orders')!;
    expect(orders.http_port).toBe(3003);
    expect(orders.dockerfile_path).toBe('services/orders/Dockerfile');
    expect(orders.health_check?.http_path).toBe('/health/ready');
    expect(orders.liveness_health_check?.http_path).toBe('/health/live');
    const env = Object.fromEntries(orders.envs!.map((e) => [e.key, e]));
    expect(env.ORDERS_DB_URL.value).toBe('${orders-db.DATABASE_URL}');
    expect(env.CATALOG_URL.value).toBe('${catalog.PRIVATE_URL}');
    expect(env.RABBITMQ_URL.type).toBe('SECRET');
    const payments = spec.services!.find((s) => s.name === 'payments')!;
    expect(payments.envs!.find((e) => e.key === 'STRIPE_API_KEY')).toMatchObject({ type: 'SECRET', value: 'CHANGE_ME' });
    expect(spec.databases!.find((d) => d.name === 'orders-db')).toMatchObject({ engine: 'PG', production: false });
    expect(spec.ingress!.rules.find((r) => r.match.path.prefix === '/api/orders')!.component).toEqual({ name: 'orders', rewrite: '/orders' });
    expect(spec.ingress!.rules.find((r) => r.match.path.prefix === '/api/catalog')!.component).toEqual({ name: 'catalog' });
  });

  it('pure consumers become workers; services that are called or routed stay services', () => {
    const { design } = starterDesigns().find((d) => d.id === 'fintech')!;
    const spec = specOf(generateDeploy(design, {}, ['digitalocean']));
    expect(spec.workers!.map((w) => w.name)).toContain('notifications');
    for (const w of spec.workers!) expect(w.http_port).toBeUndefined();
    const routed = new Set(spec.ingress!.rules.map((r) => r.component.name));
    for (const r of routed) expect(spec.services!.map((s) => s.name)).toContain(r);
  });

  it('long and digit-leading names become valid component names, and references follow them', () => {
    const long = `a${'b'.repeat(61)}c`;
    const design = designSchema.parse({
      name: '9 Lives',
      nodes: [
        { kind: 'service', id: 's1', name: long, position: { x: 0, y: 0 } },
        { kind: 'service', id: 's2', name: `${long.slice(0, 40)}-x`, position: { x: 0, y: 0 } },
        { kind: 'database', id: 'd', name: '1db', technology: 'mongodb', position: { x: 0, y: 0 } },
      ],
      edges: [
        { kind: 'call', id: 'c', source: 's2', target: 's1', timeoutMs: 10 },
        { kind: 'data', id: 'x', source: 's1', target: 'd' },
      ],
    });
    const spec = specOf(generateDeploy(design, {}, ['digitalocean']));
    expect(validateDoSpec(spec)).toEqual([]);
    expect(spec.name).toMatch(/^[a-z]/);
    const caller = spec.services!.find((s) => s.source_dir?.endsWith('-x'))!;
    const callee = spec.services!.find((s) => s !== caller)!;
    expect(caller.envs!.some((e) => e.value === `\${${callee.name}.PRIVATE_URL}`)).toBe(true);
  });

  it('snapshot (e-commerce)', () => {
    const { design } = starterDesigns().find((d) => d.id === 'ecommerce')!;
    for (const f of generateDeploy(design, {}, ['digitalocean'])) expect(f.content).toMatchSnapshot(f.path);
  });
});
