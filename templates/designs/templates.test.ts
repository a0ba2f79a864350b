import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { envelopeSchema, parseDesignText, parseStructuredText, serializeDesignYaml, type Design, type DesignEdge, type DesignNode, type EdgeOfKind, type NodeOfKind } from '@/lib/model';
import { DESIGN_TEMPLATES, findTemplate, templateUrl } from './catalog';

const dir = path.dirname(fileURLToPath(import.meta.url));
/** Approximate size of a node box on the canvas. */
const BOX = { width: 180, height: 64 };

function load(file: string): Design {
  const text = readFileSync(path.join(dir, file), 'utf8');
  const result = parseDesignText(text, file);
  if (!result.ok) throw new Error(`${file}: ${result.error}\n${JSON.stringify(result.issues, null, 2)}`);
  return result.design;
}

/**
 * Keys the schema does not know. The schema keeps unknown keys (loose objects), so a typo such as
 * `timeout:` or an unquoted comma in a YAML flow mapping would otherwise pass silently.
 */
interface ZodLike {
  def: { type: string; innerType?: ZodLike; in?: ZodLike; element?: ZodLike; valueType?: ZodLike; options?: ZodLike[]; discriminator?: string; shape?: Record<string, ZodLike>; values?: unknown[] };
}
function unknownKeys(schema: ZodLike, value: unknown, at: string, out: string[]): string[] {
  const def = schema.def;
  const obj = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  switch (def.type) {
    case 'default':
    case 'prefault':
    case 'optional':
    case 'nullable':
    case 'readonly':
      return unknownKeys(def.innerType!, value, at, out);
    case 'pipe':
      return unknownKeys(def.in!, value, at, out);
    case 'array':
      if (Array.isArray(value)) value.forEach((v, i) => unknownKeys(def.element!, v, `${at}[${i}]`, out));
      return out;
    case 'record':
      if (obj) for (const [k, v] of Object.entries(obj)) unknownKeys(def.valueType!, v, `${at}.${k}`, out);
      return out;
    case 'union': {
      if (!obj) return out;
      const objects = def.options!.filter((o) => o.def.type === 'object');
      const d = def.discriminator;
      const match = d ? objects.find((o) => o.def.shape![d]?.def.values?.includes(obj[d])) : objects[0];
      return match ? unknownKeys(match, value, at, out) : out;
    }
    case 'object':
      if (!obj) return out;
      for (const [k, v] of Object.entries(obj)) {
        const field = def.shape![k];
        if (field) unknownKeys(field, v, `${at}.${k}`, out);
        else out.push(`${at}.${k}`);
      }
      return out;
    default:
      return out;
  }
}

const byId = (d: Design) => new Map<string, DesignNode>(d.nodes.map((n) => [n.id, n]));
const nodesOf = <K extends DesignNode['kind']>(d: Design, kind: K) => d.nodes.filter((n): n is NodeOfKind<K> => n.kind === kind);
const edgesOf = <K extends DesignEdge['kind']>(d: Design, kind: K) => d.edges.filter((e): e is EdgeOfKind<K> => e.kind === kind);
const kindOf = (d: Design, id: string) => byId(d).get(id)?.kind;

function absolute(d: Design, n: DesignNode) {
  const g = n.parentId ? d.groups.find((x) => x.id === n.parentId) : undefined;
  return { x: n.position.x + (g?.position.x ?? 0), y: n.position.y + (g?.position.y ?? 0) };
}

describe('template catalog', () => {
  it('lists exactly the design files on disk, once each', () => {
    const onDisk = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
    expect(DESIGN_TEMPLATES.map((t) => t.file).sort()).toEqual(onDisk);
    expect(new Set(DESIGN_TEMPLATES.map((t) => t.id)).size).toBe(DESIGN_TEMPLATES.length);
    for (const t of DESIGN_TEMPLATES) {
      expect(t.title.trim()).not.toBe('');
      expect(t.description.trim()).not.toBe('');
      expect(t.id).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('maps ids to URLs under /templates/', () => {
    expect(templateUrl('ecommerce')).toBe('/templates/ecommerce.archwright.yaml');
    expect(findTemplate('nope')).toBeUndefined();
    expect(() => templateUrl('nope')).toThrow(/Unknown/);
  });
});

describe.each(DESIGN_TEMPLATES.map((t) => [t.id, t] as const))('template %s', (_id, template) => {
  it('exists and parses as a valid design', () => {
    expect(existsSync(path.join(dir, template.file))).toBe(true);
    const result = parseDesignText(readFileSync(path.join(dir, template.file), 'utf8'), template.file);
    expect(result.ok ? 'ok' : `${result.error} ${JSON.stringify(result.issues)}`).toBe('ok');
    if (result.ok) {
      expect(result.format).toBe('yaml');
      expect(result.migratedFrom).toBeUndefined();
    }
  });

  const d = load(template.file);
  const nodes = byId(d);

  it('uses only keys the schema knows (catches typos the loose schema would keep)', () => {
    const raw = parseStructuredText(readFileSync(path.join(dir, template.file), 'utf8'), 'yaml');
    expect(unknownKeys(envelopeSchema as unknown as ZodLike, raw, 'file', [])).toEqual([]);
  });

  it('survives a save and reload unchanged', () => {
    const again = parseDesignText(serializeDesignYaml(d), template.file);
    expect(again.ok && again.design).toEqual(d);
  });

  it('has unique ids and names', () => {
    expect(new Set(d.nodes.map((n) => n.id)).size).toBe(d.nodes.length);
    expect(new Set(d.nodes.map((n) => n.name)).size).toBe(d.nodes.length);
    expect(new Set(d.edges.map((e) => e.id)).size).toBe(d.edges.length);
    const others = [...d.groups, ...d.events, ...d.flows, ...d.views, ...d.decisions].map((x) => x.id);
    expect(new Set([...d.nodes.map((n) => n.id), ...d.edges.map((e) => e.id), ...others]).size).toBe(d.nodes.length + d.edges.length + others.length);
  });

  it('connects only existing nodes, with edge kinds matching their endpoints', () => {
    for (const e of d.edges) {
      const s = nodes.get(e.source);
      const t = nodes.get(e.target);
      expect(s, `${e.id} source ${e.source}`).toBeDefined();
      expect(t, `${e.id} target ${e.target}`).toBeDefined();
      expect(e.source).not.toBe(e.target);
      if (e.kind === 'data') expect([s?.kind, t?.kind], e.id).toEqual(['service', expect.stringMatching(/^(database|cache)$/)]);
      if (e.kind === 'publish') expect([s?.kind, t?.kind], e.id).toEqual(['service', 'broker']);
      if (e.kind === 'subscribe') expect([s?.kind, t?.kind], e.id).toEqual(['broker', 'service']);
      if (e.kind === 'call') {
        expect(['database', 'cache', 'broker', 'observability']).not.toContain(t?.kind);
        expect(['client', 'observability']).not.toContain(t?.kind);
      }
    }
  });

  it('puts grouped nodes inside their group, and no two nodes on top of each other', () => {
    for (const n of d.nodes) {
      if (!n.parentId) continue;
      const g = d.groups.find((x) => x.id === n.parentId);
      expect(g, `${n.id} parent ${n.parentId}`).toBeDefined();
      if (!g) continue;
      expect(n.position.x, n.id).toBeGreaterThanOrEqual(0);
      expect(n.position.y, n.id).toBeGreaterThanOrEqual(0);
      expect(n.position.x + BOX.width, n.id).toBeLessThanOrEqual(g.size.width);
      expect(n.position.y + BOX.height, n.id).toBeLessThanOrEqual(g.size.height);
    }
    const boxes = d.nodes.map((n) => ({ id: n.id, ...absolute(d, n) }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const overlap = a.x < b.x + BOX.width && b.x < a.x + BOX.width && a.y < b.y + BOX.height && b.y < a.y + BOX.height;
        expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
      }
    }
    for (let i = 0; i < d.groups.length; i++) {
      for (let j = i + 1; j < d.groups.length; j++) {
        const a = d.groups[i];
        const b = d.groups[j];
        const overlap =
          a.position.x < b.position.x + b.size.width &&
          b.position.x < a.position.x + a.size.width &&
          a.position.y < b.position.y + b.size.height &&
          b.position.y < a.position.y + a.size.height;
        expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
      }
    }
    // Ungrouped nodes do not sit inside a group they do not belong to.
    for (const n of d.nodes.filter((x) => !x.parentId)) {
      for (const g of d.groups) {
        const inside = n.position.x + BOX.width > g.position.x && n.position.x < g.position.x + g.size.width && n.position.y + BOX.height > g.position.y && n.position.y < g.position.y + g.size.height;
        expect(inside, `${n.id} lies in ${g.id}`).toBe(false);
      }
    }
  });

  it('gives every datastore one owning service, the only one touching it', () => {
    for (const store of d.nodes.filter((n) => n.kind === 'database' || n.kind === 'cache')) {
      const users = new Set(edgesOf(d, 'data').filter((e) => e.target === store.id).map((e) => e.source));
      expect([...users], store.id).toHaveLength(1);
      expect('ownerId' in store ? store.ownerId : undefined, store.id).toBe([...users][0]);
    }
  });

  it('follows its own advice on sync calls', () => {
    for (const e of edgesOf(d, 'call')) {
      expect(e.timeoutMs, `${e.id} timeout`).toBeGreaterThan(0);
      const target = kindOf(d, e.target);
      if (target === 'service' || target === 'external') expect(e.circuitBreaker?.enabled, `${e.id} circuit breaker`).toBe(true);
      const writes = e.operations.some((o) => o.method === 'POST' || o.method === 'PATCH');
      if (writes && e.retries > 0) expect(e.idempotencyKey, `${e.id} retries writes`).toBe(true);
    }
    for (const g of nodesOf(d, 'gateway')) {
      for (const r of g.routes) {
        expect(kindOf(d, r.target), `${g.id} route ${r.path}`).toBe('service');
        expect(edgesOf(d, 'call').some((e) => e.source === g.id && e.target === r.target), `${g.id} has no call edge for ${r.path}`).toBe(true);
      }
      const routed = new Set(g.routes.map((r) => r.target));
      for (const e of edgesOf(d, 'call').filter((x) => x.source === g.id)) expect(routed.has(e.target), `${e.id} has no route`).toBe(true);
    }
    for (const c of nodesOf(d, 'client')) {
      for (const e of edgesOf(d, 'call').filter((x) => x.source === c.id)) expect(kindOf(d, e.target), `${e.id}: clients go through the gateway`).toBe('gateway');
    }
  });

  it('keeps events, topics and edges consistent', () => {
    const pubs = edgesOf(d, 'publish');
    const subs = edgesOf(d, 'subscribe');
    const eventKey = (name: string, version: number) => `${name}@${version}`;
    const declared = new Map(d.events.map((ev) => [eventKey(ev.name, ev.version), ev]));
    expect(declared.size).toBe(d.events.length);
    for (const e of [...pubs, ...subs]) {
      expect(declared.has(eventKey(e.event, e.version)), `${e.id}: event ${e.event} v${e.version} is declared`).toBe(true);
      const broker = nodes.get(e.kind === 'publish' ? e.target : e.source);
      const topics = broker?.kind === 'broker' ? broker.topics.map((t) => t.name) : [];
      expect(topics, `${e.id}: topic ${e.topic} on its broker`).toContain(e.topic);
    }
    for (const s of subs) {
      expect(pubs.some((p) => p.target === s.source && p.topic === s.topic && p.event === s.event && p.version === s.version), `${s.id} has a publisher`).toBe(true);
    }
    for (const ev of d.events) {
      expect(ev.fields.length, ev.name).toBeGreaterThan(0);
      expect(kindOf(d, ev.ownerId ?? ''), `${ev.name} owner`).toBe('service');
      expect(pubs.some((p) => p.source === ev.ownerId && p.event === ev.name && p.version === ev.version), `${ev.name} is published by its owner`).toBe(true);
      expect(subs.some((s) => s.event === ev.name && s.version === ev.version), `${ev.name} has a consumer`).toBe(true);
    }
    for (const b of nodesOf(d, 'broker')) {
      expect(b.topics.length, b.id).toBeGreaterThan(0);
      for (const t of b.topics) expect(pubs.some((p) => p.target === b.id && p.topic === t.name), `${b.id} topic ${t.name} is used`).toBe(true);
    }
  });

  it('has well-formed presentation data', () => {
    const edgeIds = new Set(d.edges.map((e) => e.id));
    for (const f of d.flows) {
      expect(f.steps.length, f.id).toBeGreaterThan(0);
      for (const s of f.steps) expect(edgeIds.has(s.edgeId), `${f.id} step ${s.edgeId}`).toBe(true);
    }
    for (const v of d.views) for (const id of v.nodeIds) expect(nodes.has(id), `${v.id} node ${id}`).toBe(true);
    for (const n of d.nodes) {
      expect(n.description.trim(), `${n.id} description`).not.toBe('');
      expect(n.label?.trim(), `${n.id} label`).toBeTruthy();
    }
    for (const s of nodesOf(d, 'service')) {
      expect(s.port, s.id).toBeGreaterThanOrEqual(3000);
      expect(s.ownerTeam.trim(), `${s.id} owner team`).not.toBe('');
    }
    expect(nodesOf(d, 'observability').length).toBeGreaterThan(0);
  });
});

describe('e-commerce template', () => {
  const d = load('ecommerce.archwright.yaml');
  const services = nodesOf(d, 'service');

  it('has the shop services behind an nginx gateway', () => {
    expect(services.map((s) => s.name).sort()).toEqual(['catalog', 'inventory', 'notifications', 'orders', 'payments', 'users']);
    expect(nodesOf(d, 'gateway').map((g) => g.technology)).toEqual(['nginx']);
    expect(nodesOf(d, 'client').map((c) => c.technology).sort()).toEqual(['mobile', 'web']);
    expect(nodesOf(d, 'broker').map((b) => b.technology)).toEqual(['rabbitmq']);
    expect(nodesOf(d, 'observability').map((o) => o.technology)).toContain('otel-collector');
  });

  it('gives each database exactly one service with a data edge', () => {
    const dbs = nodesOf(d, 'database');
    expect(dbs).toHaveLength(6);
    for (const db of dbs) {
      expect(db.technology).toBe('postgres');
      const users = new Set(edgesOf(d, 'data').filter((e) => e.target === db.id).map((e) => e.source));
      expect(users.size, db.id).toBe(1);
      expect(db.ownerId).toBe([...users][0]);
    }
    expect(new Set(dbs.map((db) => db.ownerId)).size).toBe(6);
  });

  it('runs checkout on OrderPlaced v1 with idempotent order creation', () => {
    const orders = services.find((s) => s.name === 'orders')!;
    expect(orders.endpoints.find((e) => e.method === 'POST' && e.path === '/orders')?.idempotent).toBe(true);
    const pub = edgesOf(d, 'publish').find((e) => e.source === orders.id && e.event === 'OrderPlaced');
    expect(pub?.version).toBe(1);
    const consumers = edgesOf(d, 'subscribe').filter((e) => e.event === 'OrderPlaced').map((e) => d.nodes.find((n) => n.id === e.target)?.name);
    expect(consumers.sort()).toEqual(['inventory', 'notifications', 'payments']);
    const payments = services.find((s) => s.name === 'payments')!;
    const stripe = edgesOf(d, 'call').find((e) => e.source === payments.id && kindOf(d, e.target) === 'external');
    expect(stripe && (d.nodes.find((n) => n.id === stripe.target) as NodeOfKind<'external'>).technology).toBe('Stripe');
    const cache = nodesOf(d, 'cache')[0];
    expect(cache.ownerId).toBe(services.find((s) => s.name === 'catalog')!.id);
  });

  it('has a flow and a view for presenting', () => {
    expect(d.flows.map((f) => f.name)).toContain('Place order');
    expect(d.views.length).toBeGreaterThan(0);
    expect(d.decisions.length).toBeGreaterThan(0);
  });
});

describe('fintech template (event-driven-gateway)', () => {
  const d = load('fintech.archwright.yaml');
  const services = nodesOf(d, 'service');
  const serviceIds = new Set(services.map((s) => s.id));
  const dbGateway = services.find((s) => s.name === 'db-gateway');

  it('uses the house profile and fastify', () => {
    expect(d.settings.profile).toBe('event-driven-gateway');
    expect(d.settings.defaultStack).toBe('fastify');
    for (const s of services) expect(s.stack, s.id).toBe('fastify');
    expect(services.map((s) => s.name)).toEqual(expect.arrayContaining(['market-data', 'trade-execution', 'custody', 'notifications', 'db-gateway']));
  });

  it('has no call edge between two services', () => {
    const direct = edgesOf(d, 'call').filter((e) => serviceIds.has(e.source) && serviceIds.has(e.target));
    expect(direct.map((e) => e.id)).toEqual([]);
  });

  it('reaches the database only through the database gateway', () => {
    expect(dbGateway).toBeDefined();
    const data = edgesOf(d, 'data');
    expect(data.length).toBeGreaterThan(0);
    expect(new Set(data.map((e) => e.source))).toEqual(new Set([dbGateway!.id]));
    for (const db of nodesOf(d, 'database')) expect(db.ownerId).toBe(dbGateway!.id);
  });

  it('has one integration service per external system', () => {
    const externals = nodesOf(d, 'external');
    expect(externals.length).toBeGreaterThanOrEqual(2);
    for (const x of externals) {
      const callers = edgesOf(d, 'call').filter((e) => e.target === x.id).map((e) => e.source);
      expect(callers, x.id).toHaveLength(1);
      expect(byId(d).get(callers[0])?.name, x.id).toMatch(/-integration$/);
    }
    const integrations = services.filter((s) => s.name.endsWith('-integration'));
    expect(integrations).toHaveLength(externals.length);
  });

  it('makes every service publish errors that notifications consumes', () => {
    const notifications = services.find((s) => s.name === 'notifications')!;
    const errorSubs = edgesOf(d, 'subscribe').filter((e) => e.target === notifications.id && /error/i.test(e.event));
    expect(errorSubs.length).toBeGreaterThan(0);
    const errorEvent = errorSubs[0].event;
    for (const s of services) {
      expect(edgesOf(d, 'publish').some((e) => e.source === s.id && e.event === errorEvent), `${s.name} publishes ${errorEvent}`).toBe(true);
    }
  });

  it('keeps services stateless', () => {
    for (const s of services) expect(s.stateless, s.id).toBe(true);
  });
});

describe('social template (gRPC + Kafka)', () => {
  const d = load('social.archwright.yaml');
  const services = nodesOf(d, 'service');
  const serviceIds = new Set(services.map((s) => s.id));

  it('has the platform services and the grpc-kafka profile', () => {
    expect(services.map((s) => s.name).sort()).toEqual(['auth', 'content', 'events', 'feed', 'media', 'messaging', 'notification', 'search', 'streaming', 'user']);
    expect(d.settings.profile).toBe('grpc-kafka');
    expect(nodesOf(d, 'gateway').map((g) => g.technology)).toEqual(['envoy']);
  });

  it('calls between services over gRPC only', () => {
    const internal = edgesOf(d, 'call').filter((e) => serviceIds.has(e.source) && serviceIds.has(e.target));
    expect(internal.length).toBeGreaterThan(0);
    for (const e of internal) expect(e.protocol, e.id).toBe('grpc');
  });

  it('publishes on Kafka through an outbox', () => {
    const brokers = nodesOf(d, 'broker');
    expect(brokers.map((b) => b.technology)).toEqual(['kafka']);
    for (const t of brokers[0].topics) expect(t.partitions, t.name).toBeGreaterThan(0);
    const pubs = edgesOf(d, 'publish');
    expect(pubs.length).toBeGreaterThan(0);
    for (const e of pubs) expect(e.outbox, e.id).toBe(true);
  });

  it('has a database per service and a Redis cache', () => {
    expect(nodesOf(d, 'cache').map((c) => c.technology)).toContain('redis');
    expect(nodesOf(d, 'database').filter((db) => db.technology === 'postgres').length).toBeGreaterThanOrEqual(8);
    const owners = nodesOf(d, 'database').map((db) => db.ownerId);
    expect(new Set(owners).size).toBe(owners.length);
  });
});

describe('saas and restaurant templates', () => {
  it('saas has its services, stores, gateway, broker and payment provider', () => {
    const d = load('saas.archwright.yaml');
    expect(nodesOf(d, 'service').map((s) => s.name).sort()).toEqual(['analytics', 'auth', 'billing', 'notification', 'tenant']);
    const tech = new Set([...nodesOf(d, 'database'), ...nodesOf(d, 'cache')].map((n) => n.technology));
    expect([...tech].sort()).toEqual(['elasticsearch', 'postgres', 'redis']);
    expect(['kong', 'nginx']).toContain(nodesOf(d, 'gateway')[0]?.technology);
    expect(nodesOf(d, 'broker')).toHaveLength(1);
    const billing = nodesOf(d, 'service').find((s) => s.name === 'billing')!;
    expect(edgesOf(d, 'call').some((e) => e.source === billing.id && kindOf(d, e.target) === 'external')).toBe(true);
  });

  it('restaurant has a web frontend, an API, a FastAPI voice service and its speech provider', () => {
    const d = load('restaurant.archwright.yaml');
    expect(nodesOf(d, 'client').map((c) => c.technology)).toEqual(['web']);
    const voice = nodesOf(d, 'service').find((s) => s.stack === 'fastapi');
    expect(voice).toBeDefined();
    expect(edgesOf(d, 'call').some((e) => e.source === voice!.id && kindOf(d, e.target) === 'external')).toBe(true);
    expect(nodesOf(d, 'database').map((n) => n.technology)).toEqual(['postgres']);
    expect(nodesOf(d, 'broker').map((n) => n.technology)).toEqual(['rabbitmq']);
    expect(nodesOf(d, 'gateway').map((n) => n.technology)).toEqual(['nginx']);
  });
});
