import { describe, expect, it } from 'vitest';
import { designSchema } from '@/lib/model';
import { COMPOSE_PATH, ENV_EXAMPLE_PATH } from './compose';
import { checkComposeSemantics, generateDeploy, parseYamlDocs, starterDesigns, validateCompose } from './test-utils';

type Compose = { services: Record<string, Record<string, unknown>>; networks: Record<string, Record<string, unknown>>; volumes?: Record<string, unknown> };

const compose = (files: { path: string; content: string }[]): Compose => parseYamlDocs(files.find((f) => f.path === COMPOSE_PATH)!.content, COMPOSE_PATH)[0] as Compose;

describe('compose generator', () => {
  for (const { id, design } of starterDesigns()) {
    it(`${id}: docker-compose.yml validates against the compose-spec schema and is consistent`, () => {
      const files = generateDeploy(design, {}, ['compose', 'nginx', 'observability']);
      const doc = compose(files);
      expect(validateCompose(doc)).toEqual([]);
      expect(checkComposeSemantics(doc as never)).toEqual([]);
      // Every file the compose file mounts is generated.
      for (const svc of Object.values(doc.services)) {
        for (const v of (svc.volumes as string[]) ?? []) {
          const src = v.split(':')[0];
          if (src.startsWith('./')) expect(files.some((f) => f.path === src.slice(2) || f.path.startsWith(`${src.slice(2)}/`)), src).toBe(true);
        }
      }
    });
  }

  it('e-commerce: services build from ./services/<name>, read exactly their env, and wait for what they use', () => {
    const { design } = starterDesigns().find((d) => d.id === 'ecommerce')!;
    const doc = compose(generateDeploy(design));
    const orders = doc.services.orders;
    expect(orders.build).toEqual({ context: './services/orders' });
    expect(Object.keys(orders.environment as object).sort()).toEqual(['CATALOG_URL', 'LOG_LEVEL', 'ORDERS_DB_URL', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_SERVICE_NAME', 'PORT', 'RABBITMQ_URL', 'SERVICE_NAME']);
    expect((orders.environment as Record<string, string>).ORDERS_DB_URL).toBe('postgres://orders_db:${ORDERS_DB_PASSWORD:-orders_db_dev_password}@orders-db:5432/orders_db');
    expect(doc.services['orders-db'].environment).toMatchObject({ POSTGRES_PASSWORD: '${ORDERS_DB_PASSWORD:-orders_db_dev_password}' });
    expect(orders.depends_on).toEqual({
      'orders-db': { condition: 'service_healthy' },
      rabbitmq: { condition: 'service_healthy' },
      catalog: { condition: 'service_healthy' },
      'otel-collector': { condition: 'service_started' },
    });
    expect((orders.healthcheck as { test: string[] }).test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
    // Networks: backend is internal; only the gateway is public; Stripe callers get egress.
    expect(doc.networks.backend).toEqual({ driver: 'bridge', internal: true });
    const onPublic = Object.entries(doc.services).filter(([, s]) => (s.networks as string[]).includes('public')).map(([n]) => n);
    expect(onPublic).toEqual(['api-gateway']);
    expect(doc.services.payments.networks).toEqual(['backend', 'egress']);
    expect(doc.services['api-gateway'].volumes).toEqual(['./gateway/api-gateway/nginx.conf:/etc/nginx/nginx.conf:ro']);
    expect(doc.services['api-gateway'].ports).toEqual(['8080:8080']);
    // Named volumes for every database and broker.
    expect(Object.keys(doc.volumes ?? {})).toEqual(expect.arrayContaining(['orders-db-data', 'rabbitmq-data', 'catalog-cache-data']));
  });

  it('restaurant: the FastAPI service is probed with python, not node', () => {
    const { design } = starterDesigns().find((d) => d.id === 'restaurant')!;
    const doc = compose(generateDeploy(design));
    const fastapi = Object.values(doc.services).find((s) => (s.build as { context?: string } | undefined)?.context && JSON.stringify(s.healthcheck).includes('python'));
    expect(fastapi).toBeDefined();
    expect((fastapi!.healthcheck as { test: string[] }).test.slice(0, 3)).toEqual(['CMD', 'python', '-c']);
  });

  it('breaks call cycles in depends_on and leaves self-calls out', () => {
    const design = designSchema.parse({
      name: 'Cycle',
      nodes: [
        { kind: 'service', id: 'a', name: 'a', position: { x: 0, y: 0 } },
        { kind: 'service', id: 'b', name: 'b', position: { x: 0, y: 0 } },
        { kind: 'service', id: 'c', name: 'c', position: { x: 0, y: 0 } },
      ],
      edges: [
        { kind: 'call', id: 'e1', source: 'a', target: 'b', timeoutMs: 100 },
        { kind: 'call', id: 'e2', source: 'b', target: 'c', timeoutMs: 100 },
        { kind: 'call', id: 'e3', source: 'c', target: 'a', timeoutMs: 100 },
        { kind: 'call', id: 'e4', source: 'a', target: 'a', timeoutMs: 100 },
      ],
    });
    const doc = compose(generateDeploy(design, { observability: false }));
    expect(checkComposeSemantics(doc as never)).toEqual([]);
    expect(Object.keys(doc.services.a.depends_on as object)).toEqual(['b']);
    expect(Object.keys(doc.services.b.depends_on as object)).toEqual(['c']);
    expect(doc.services.c.depends_on).toBeUndefined();
  });

  it('.env.example lists every interpolated secret with its development default', () => {
    const { design } = starterDesigns().find((d) => d.id === 'ecommerce')!;
    const files = generateDeploy(design);
    const env = files.find((f) => f.path === ENV_EXAMPLE_PATH)!.content;
    const text = files.find((f) => f.path === COMPOSE_PATH)!.content;
    const vars = new Set([...text.matchAll(/\$\{([A-Z0-9_]+):-/g)].map((m) => m[1]));
    for (const v of vars) expect(env).toMatch(new RegExp(`^${v}=`, 'm'));
    expect(env).toMatch(/^STRIPE_API_KEY=change-me$/m);
  });

  it('is only emitted for the compose target', () => {
    const { design } = starterDesigns()[0];
    expect(generateDeploy(design, { targets: ['k8s'] }).some((f) => f.path === COMPOSE_PATH)).toBe(false);
  });

  it('snapshot (e-commerce)', () => {
    const { design } = starterDesigns().find((d) => d.id === 'ecommerce')!;
    const files = generateDeploy(design, {}, ['compose']);
    for (const f of files) expect(f.content).toMatchSnapshot(f.path);
  });
});
