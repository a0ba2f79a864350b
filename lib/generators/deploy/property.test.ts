// Property: any design the schema accepts, hostile text included, yields deployment files that all
// parse and validate (compose-spec, Kubernetes models + strict check, App Platform schema, nginx
// structure and `nginx -t`). Free text never reaches them at all, and names reach nginx.conf only
// as DNS labels or quoted safe paths.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUTH_KINDS, BROKER_TECHS, CACHE_TECHS, CALL_PROTOCOLS, DATABASE_TECHS, DATA_ACCESS, GATEWAY_TECHS, HTTP_METHODS, OBSERVABILITY_TECHS, SERVICE_STACKS, SIZE_TIERS, designSchema, type Design } from '@/lib/model';
import { NGINX_BIN, generateDeploy, starterDesigns, validateDeployFiles, warmK8sChecker } from './test-utils';

/** Appears in every free-text field; must never appear in any generated deployment file. */
const MARK = 'Ω☃';
const hostileText = fc.constantFrom(
  `${MARK}"; rm -rf / #`,
  `${MARK}\n  injected: true\nkind: Secret`,
  `${MARK}\${HOME}$(id)\`id\``,
  `${MARK}{{name}} }}{{ location / { return 200; }`,
  `${MARK}'\\"\u2028\u0000--- !!js/function`,
  `${MARK} - item\n- other: [1, {a: b}]`,
  `${MARK}${'x'.repeat(190)}`,
  MARK,
);
// Names are DNS labels (the schema insists); collisions, leading digits and 63 characters included.
const nameArb = fc.constantFrom('orders', 'payments', 'db', 'api', '1st', '0', 'a-b', 'a--b', 'loki', 'jaeger', 'x'.repeat(63), `${'y'.repeat(60)}-9z`, 'port', 'rabbitmq');
// Paths start with "/" and are otherwise anything.
const pathArb = fc.constantFrom('/', '/api', '/api/orders', '/a"; return 200 "x"; #', '/../../etc', '/{id}', '/$(id)/${x}', '/a b/c\nd', '/x/:id/~y', `/${MARK}`, '//', '/a/./b/');
const idArb = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j');
const portArb = fc.oneof(fc.constantFrom(80, 443, 3000, 8080, 50051), fc.integer({ min: 1, max: 65535 }));

const nodeArb = fc
  .record({
    kind: fc.constantFrom('service', 'service', 'gateway', 'broker', 'database', 'cache', 'external', 'client', 'observability'),
    id: idArb,
    name: nameArb,
    label: hostileText,
    description: hostileText,
    tags: fc.array(hostileText, { maxLength: 2 }),
    position: fc.record({ x: fc.integer(), y: fc.integer() }),
    stack: fc.constantFrom(...SERVICE_STACKS),
    port: portArb,
    replicas: fc.integer({ min: 0, max: 5 }),
    size: fc.constantFrom(...SIZE_TIERS),
    stateless: fc.boolean(),
    tracing: fc.boolean(),
    ownerTeam: hostileText,
    endpoints: fc.array(fc.record({ id: idArb, method: fc.constantFrom(...HTTP_METHODS), path: pathArb, summary: hostileText }), { maxLength: 3 }),
    routes: fc.array(fc.record({ id: idArb, path: pathArb, target: idArb }), { maxLength: 4 }),
    authentication: fc.constantFrom(...AUTH_KINDS),
    rateLimitRps: fc.constantFrom(0, 1, 100, 1_000_000),
    tls: fc.boolean(),
    topics: fc.array(fc.record({ name: hostileText }), { maxLength: 2 }),
    url: fc.constantFrom('', 'https://api.example.com', 'https://x.io/;}{', 'javascript:alert(1)', `https://${MARK}.io`),
    ownerId: fc.option(idArb, { nil: undefined }),
    variant: fc.nat(),
  })
  .map(({ variant, ...n }) => {
    const pick = <T,>(list: readonly T[]) => list[variant % list.length];
    const technology =
      n.kind === 'gateway' ? pick(GATEWAY_TECHS) : n.kind === 'broker' ? pick(BROKER_TECHS) : n.kind === 'database' ? pick(DATABASE_TECHS) : n.kind === 'cache' ? pick(CACHE_TECHS) : n.kind === 'observability' ? pick(OBSERVABILITY_TECHS) : n.kind === 'external' ? n.label : undefined;
    return { ...n, technology };
  });

const edgeArb = fc.record({
  kind: fc.constantFrom('call', 'call', 'publish', 'subscribe', 'data', 'data'),
  id: fc.integer({ min: 1, max: 30 }).map((i) => `e${i}`),
  source: idArb,
  target: idArb,
  label: hostileText,
  description: hostileText,
  protocol: fc.constantFrom(...CALL_PROTOCOLS),
  operations: fc.array(fc.record({ method: fc.constantFrom(...HTTP_METHODS), path: pathArb }), { maxLength: 2 }),
  timeoutMs: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
  retries: fc.integer({ min: 0, max: 3 }),
  topic: hostileText,
  event: hostileText,
  version: fc.integer({ min: 1, max: 3 }),
  consumerGroup: fc.option(hostileText, { nil: undefined }),
  access: fc.constantFrom(...DATA_ACCESS),
});

const designArb: fc.Arbitrary<Design> = fc
  .record({
    name: hostileText,
    description: hostileText,
    nodes: fc.array(nodeArb, { maxLength: 12 }),
    edges: fc.array(edgeArb, { maxLength: 20 }),
    events: fc.array(fc.record({ id: idArb, name: hostileText, version: fc.integer({ min: 1, max: 3 }), description: hostileText, fields: fc.array(fc.record({ name: hostileText, description: hostileText }), { maxLength: 2 }) }), { maxLength: 3 }),
    groups: fc.array(fc.record({ id: idArb, name: hostileText, description: hostileText, position: fc.constant({ x: 0, y: 0 }), size: fc.constant({ width: 100, height: 100 }) }), { maxLength: 2 }),
  })
  .map((raw) => designSchema.parse(raw));

const optionsArb = fc.record({ gateway: fc.boolean(), observability: fc.boolean() });

describe('deployment files for any schema-valid design', () => {
  beforeAll(() => warmK8sChecker(), 120_000);

  it('the generator produces schema-valid designs with hostile text', () => {
    fc.assert(
      fc.property(designArb, (d) => {
        expect(designSchema.safeParse(d).success).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('parse and validate, carry no free text, and are deterministic', () => {
    const seen = { gatewayConfs: 0, routes: 0, k8sServices: 0, workers: 0 };
    fc.assert(
      fc.property(designArb, optionsArb, (design, opts) => {
        const files = generateDeploy(design, opts);
        const errors = validateDeployFiles(files, { runNginx: Boolean(NGINX_BIN) });
        expect(errors).toEqual([]);
        for (const f of files) {
          expect(f.content.includes(MARK), f.path).toBe(false);
          // Nothing a shell or an interpolating parser would act on, beyond what the generators write.
          if (f.path.endsWith('nginx.conf')) expect(f.content, f.path).not.toMatch(/\$\(|`|\\/);
        }
        expect(generateDeploy(design, opts)).toEqual(files);
        for (const f of files) {
          if (f.path.endsWith('nginx.conf')) seen.gatewayConfs++;
          if (f.path.endsWith('nginx.conf') && f.content.includes('proxy_pass')) seen.routes++;
          if (f.path.startsWith('k8s/services/')) seen.k8sServices++;
          if (f.path === '.do/app.yaml' && f.content.includes('workers:')) seen.workers++;
        }
      }),
      // The e-commerce starter always runs too: random designs only sometimes draw a gateway with
      // routes, and the coverage checks below must not depend on the draw.
      { numRuns: Number(process.env.FC_RUNS ?? 60), examples: [[starterDesigns().find((d) => d.id === 'ecommerce')!.design, { gateway: true, observability: true }]] },
    );
    // The runs exercised what they claim to (not only empty designs).
    expect(seen.gatewayConfs).toBeGreaterThan(0);
    expect(seen.routes).toBeGreaterThan(0);
    expect(seen.k8sServices).toBeGreaterThan(0);
  }, 600_000);
});
