import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  callEdgeSchema,
  createEdge,
  createNode,
  decisionSchema,
  designSchema,
  EDGE_KINDS,
  edgeDefaults,
  edgeSchema,
  emptyDesign,
  endpointSchema,
  eventSchema,
  flowSchema,
  groupSchema,
  inferEdgeKind,
  isDnsLabel,
  loadDesignData,
  newId,
  NODE_KIND_INFO,
  NODE_KINDS,
  nodeSchema,
  parseDesignText,
  serializeDesign,
  settingsSchema,
  viewSchema,
  type Design,
  type DesignNode,
  type EdgeKind,
  type NodeKind,
} from '.';
import { FIXTURES, fullDesign, hostileDesign, unknownFieldsDesign } from './fixtures/designs';

const dir = path.dirname(fileURLToPath(import.meta.url));
const fixtureText = (file: string) => readFileSync(path.join(dir, 'fixtures', file), 'utf8');

/** Loads a fixture envelope through the same path a file takes (after a JSON copy, so nothing is shared). */
function load(env: unknown): Design {
  const r = loadDesignData(JSON.parse(JSON.stringify(env)));
  if (!r.ok) throw new Error(`${r.error}\n${JSON.stringify(r.issues, null, 2)}`);
  return r.design;
}

describe('fixtures load', () => {
  it.each(Object.keys(FIXTURES))('%s parses as a design', (name) => {
    const d = load(FIXTURES[name]);
    expect(d.name).toBe(FIXTURES[name].design.name);
    expect(d.nodes.length).toBe((FIXTURES[name].design.nodes as unknown[]).length);
  });

  it('the full fixture has every node and edge kind', () => {
    const d = load(fullDesign);
    expect(new Set(d.nodes.map((n) => n.kind))).toEqual(new Set(NODE_KINDS));
    expect(new Set(d.edges.map((e) => e.kind))).toEqual(new Set(EDGE_KINDS));
  });

  /** Keys of a zod object schema. */
  const keysOf = (schema: z.ZodObject) => Object.keys(schema.shape);
  const union = (objs: readonly object[]) => new Set(objs.flatMap((o) => Object.keys(o)));
  const raw = fullDesign.design as Record<string, Record<string, unknown>[]> & { settings: Record<string, unknown> };

  it('the full fixture sets every field of every node kind', () => {
    for (const option of nodeSchema.options) {
      const kind = option.shape.kind.value;
      const present = union(raw.nodes.filter((n) => n.kind === kind));
      expect({ kind, missing: keysOf(option).filter((k) => !present.has(k)) }).toEqual({ kind, missing: [] });
    }
    const endpoints = raw.nodes.flatMap((n) => (n.endpoints as object[] | undefined) ?? []);
    expect(keysOf(endpointSchema).filter((k) => !union(endpoints).has(k))).toEqual([]);
  });

  it('the full fixture sets every field of every edge kind', () => {
    for (const option of edgeSchema.options) {
      const kind = option.shape.kind.value;
      const present = union(raw.edges.filter((e) => e.kind === kind));
      expect({ kind, missing: keysOf(option).filter((k) => !present.has(k)) }).toEqual({ kind, missing: [] });
    }
    const breakers = raw.edges.flatMap((e) => (e.circuitBreaker ? [e.circuitBreaker as object] : []));
    expect(keysOf(callEdgeSchema.shape.circuitBreaker.unwrap()).filter((k) => !union(breakers).has(k))).toEqual([]);
  });

  it('the full fixture sets every field of the design and its other collections', () => {
    const checks: [string, z.ZodObject, readonly object[]][] = [
      ['design', designSchema, [raw]],
      ['events', eventSchema, raw.events],
      ['groups', groupSchema, raw.groups],
      ['views', viewSchema, raw.views],
      ['flows', flowSchema, raw.flows],
      ['decisions', decisionSchema, raw.decisions],
      ['settings', settingsSchema, [raw.settings]],
    ];
    for (const [what, schema, objs] of checks) {
      expect({ what, missing: keysOf(schema).filter((k) => !union(objs).has(k)) }).toEqual({ what, missing: [] });
    }
  });
});

describe('round trip', () => {
  const cases = Object.keys(FIXTURES).flatMap((name) => (['json', 'yaml'] as const).map((format) => [name, format] as const));

  it.each(cases)('%s via %s: serialize → parse gives a deep-equal design', (name, format) => {
    const design = load(FIXTURES[name]);
    const text = serializeDesign(design, format);
    const r = parseDesignText(text, `x.archwright.${format}`);
    if (!r.ok) throw new Error(r.error);
    expect(r.format).toBe(format);
    expect(r.design).toEqual(design);
    expect(JSON.stringify(r.design)).toBe(JSON.stringify(design));
    // And a second trip is byte-identical.
    expect(serializeDesign(r.design, format)).toBe(text);
  });

  it.each(['json', 'yaml'] as const)('format is detected from the text alone (%s)', (format) => {
    const design = load(fullDesign);
    const r = parseDesignText(serializeDesign(design, format));
    expect(r.ok && r.format).toBe(format);
    expect(r.ok && r.design).toEqual(design);
  });

  it('hostile strings survive both formats exactly', () => {
    const design = load(hostileDesign);
    expect(design.description.length).toBe(10_000);
    for (const format of ['json', 'yaml'] as const) {
      const r = parseDesignText(serializeDesign(design, format), `h.${format}`);
      if (!r.ok) throw new Error(r.error);
      expect(r.design.description).toBe(design.description);
      expect(r.design.nodes[0].tags).toEqual((hostileDesign.design.nodes as { tags: string[] }[])[0].tags);
      expect(r.design.context).toMatchObject(hostileDesign.design.context as object);
      expect(r.design.name).toBe(hostileDesign.design.name);
    }
  });

  it('YAML output quotes strings that would otherwise change type', () => {
    const design = load(hostileDesign);
    const r = parseDesignText(serializeDesign(design, 'yaml'), 'h.yaml');
    if (!r.ok) throw new Error(r.error);
    const tags = r.design.nodes[0].tags;
    for (const s of ['yes', 'no', 'null', '~', '0123', '1e3', '0x1F', '.inf', '']) {
      expect(tags).toContain(s);
    }
    expect(tags.every((t) => typeof t === 'string')).toBe(true);
  });
});

describe('defaults', () => {
  it('a minimal YAML file gets every default', () => {
    const r = parseDesignText(fixtureText('minimal.archwright.yaml'), 'minimal.archwright.yaml');
    if (!r.ok) throw new Error(r.error);
    expect(r.format).toBe('yaml');
    expect(r.migratedFrom).toBeUndefined();
    expect(r.design).toEqual({
      name: 'Minimal',
      description: '',
      nodes: [],
      edges: [],
      events: [],
      groups: [],
      views: [],
      flows: [],
      decisions: [],
      settings: { profile: 'recommended', rules: {}, suppressions: [], defaultStack: 'nestjs', targets: ['compose', 'k8s'], serviceMesh: false },
    });
  });

  it('a minimal JSON file fills node defaults', () => {
    const r = parseDesignText(fixtureText('minimal.archwright.json'), 'minimal.archwright.json');
    if (!r.ok) throw new Error(r.error);
    expect(r.design.nodes[0]).toEqual({
      kind: 'service',
      id: 'svc_a',
      name: 'orders',
      description: '',
      position: { x: 10, y: 20 },
      tags: [],
      stack: 'nestjs',
      port: 3000,
      replicas: 2,
      size: 'small',
      endpoints: [],
      healthCheck: { liveness: true, readiness: true },
      stateless: true,
      ownerTeam: '',
      tracing: true,
      logging: 'json',
    });
  });

  it('an empty design object is a valid design named "Untitled design"', () => {
    const d = designSchema.parse({});
    expect(d.name).toBe('Untitled design');
    expect(emptyDesign()).toEqual(d);
    expect(emptyDesign('Shop').name).toBe('Shop');
  });

  it('defaults are fresh objects, never shared between designs', () => {
    const a = emptyDesign();
    const b = emptyDesign();
    expect(a.nodes).not.toBe(b.nodes);
    expect(a.settings).not.toBe(b.settings);
    expect(a.settings.targets).not.toBe(b.settings.targets);
    a.settings.targets.push('do');
    expect(emptyDesign().settings.targets).toEqual(['compose', 'k8s']);
  });

  it('edge defaults: call has no timeout unless drawn in the editor', () => {
    const e = edgeSchema.parse({ kind: 'call', id: 'e', source: 'a', target: 'b' });
    expect(e).toMatchObject({ protocol: 'rest', retries: 0, idempotencyKey: false, tls: false, callsPerRequest: 1, operations: [] });
    expect('timeoutMs' in e).toBe(false);
    expect('circuitBreaker' in e).toBe(false);
  });
});

describe('unknown fields are kept (forward compatibility)', () => {
  type Loose = Record<string, unknown> & {
    nodes: Record<string, unknown>[];
    edges: Record<string, unknown>[];
    settings: Record<string, unknown> & { suppressions: Record<string, unknown>[] };
  };

  function check(d: Design) {
    const any = d as unknown as Loose;
    expect(any.futureTopLevel).toEqual({ nested: [1, 'two', { three: true }], when: null });
    expect(any['x-vendor']).toBe('acme');
    expect(any.nodes[0].futureNodeField).toEqual({ sla: '99.99' });
    expect(any.nodes[0].position).toEqual({ x: 1, y: 2, z: 3 });
    expect((any.nodes[0].endpoints as Record<string, unknown>[])[0].futureEndpointField).toEqual(['a']);
    expect(any.nodes[0].healthCheck).toEqual({ liveness: true, readiness: true, startup: true });
    expect(any.nodes[1].futureBrokerField).toBe(1);
    expect((any.nodes[1].topics as Record<string, unknown>[])[0].compaction).toBe('on');
    expect(any.nodes[2].futureDbField).toBe('x');
    expect(any.edges[0].futureEdgeField).toEqual({ hedging: true });
    expect(any.edges[0].circuitBreaker).toEqual({ enabled: true, failureThreshold: 5, resetTimeoutMs: 30_000, halfOpenProbes: 2 });
    expect((any.edges[0].operations as Record<string, unknown>[])[0].futureOpField).toBe(1);
    expect(any.edges[1].futurePublishField).toBe('schema-registry');
    expect(any.settings.futureSettingsField).toEqual({ enabled: true });
    expect(any.settings.rules).toEqual({ r1: { severity: 'info', futureRuleField: 1 } });
    expect(any.settings.suppressions[0].expires).toBe('2030-01-01');
    const rest = any as unknown as Record<string, Record<string, unknown>[]>;
    expect(rest.events[0].futureEventField).toBe('avro');
    expect((rest.events[0].fields as unknown as Record<string, unknown>[])[0].futureFieldField).toBe(true);
    expect(rest.groups[0].futureGroupField).toEqual([]);
    expect(rest.groups[0].size).toEqual({ width: 100, height: 100, depth: 5 });
    expect(rest.views[0].futureViewField).toBe(1);
    expect(rest.flows[0].futureFlowField).toBe(2);
    expect((rest.flows[0].steps as unknown as Record<string, unknown>[])[0].futureStepField).toBe('x');
    expect(rest.decisions[0].futureDecisionField).toBe('y');
  }

  it('after parsing', () => check(load(unknownFieldsDesign)));

  it.each(['json', 'yaml'] as const)('after a %s round trip', (format) => {
    const r = parseDesignText(serializeDesign(load(unknownFieldsDesign), format), `f.${format}`);
    if (!r.ok) throw new Error(r.error);
    check(r.design);
  });
});

describe('createNode', () => {
  it.each(NODE_KINDS)('%s: schema-valid with every default, named after the kind', (kind) => {
    const n = createNode(kind, { position: { x: 5, y: 6 } });
    expect(n.kind).toBe(kind);
    expect(nodeSchema.safeParse(n).success).toBe(true);
    // Parsing again changes nothing: every default is already there.
    expect(nodeSchema.parse(n)).toEqual(n);
    expect(n.name).toBe(NODE_KIND_INFO[kind].stem);
    expect(isDnsLabel(n.name)).toBe(true);
    expect(n.position).toEqual({ x: 5, y: 6 });
    expect(n.id.startsWith(`${kind.slice(0, 3)}_`)).toBe(true);
    expect(n.description).toBe('');
    expect(n.tags).toEqual([]);
  });

  it('gives unique DNS names and ids across every kind, many times over', () => {
    const taken = new Set<string>();
    const ids = new Set<string>();
    for (let round = 0; round < 5; round++) {
      for (const kind of NODE_KINDS) {
        const n = createNode(kind, { taken });
        expect(taken.has(n.name)).toBe(false);
        expect(isDnsLabel(n.name)).toBe(true);
        taken.add(n.name);
        ids.add(n.id);
      }
    }
    expect(taken.size).toBe(NODE_KINDS.length * 5);
    expect(ids.size).toBe(NODE_KINDS.length * 5);
    expect(taken.has('service-5')).toBe(true);
    expect(taken.has('db-3')).toBe(true);
  });

  it('normalizes a requested name and keeps it unique', () => {
    expect(createNode('service', { name: 'Order Service!' }).name).toBe('order-service');
    expect(createNode('service', { name: 'orders', taken: new Set(['orders']) }).name).toBe('orders-2');
  });

  it('accepts kind-specific fields and an id', () => {
    const db = createNode('database', { id: 'db1', technology: 'mysql', ownerId: 'svc1' });
    expect(db).toMatchObject({ id: 'db1', technology: 'mysql', ownerId: 'svc1', kind: 'database' });
    const svc = createNode('service', { port: 8080, stack: 'fastapi' });
    expect(svc).toMatchObject({ port: 8080, stack: 'fastapi', replicas: 2 });
  });

  it('newId: prefixed, valid id, unique', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId('svc')));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^svc_[A-Za-z0-9]{10}$/);
  });
});

describe('inferEdgeKind', () => {
  const k = (kind: NodeKind) => ({ kind });
  const table: [NodeKind, NodeKind, EdgeKind][] = [
    ['service', 'service', 'call'],
    ['service', 'database', 'data'],
    ['service', 'cache', 'data'],
    ['service', 'broker', 'publish'],
    ['broker', 'service', 'subscribe'],
    ['service', 'external', 'call'],
    ['service', 'observability', 'call'],
    ['gateway', 'service', 'call'],
    ['client', 'gateway', 'call'],
    ['client', 'service', 'call'],
    ['gateway', 'broker', 'publish'],
    ['external', 'broker', 'publish'],
    ['broker', 'broker', 'publish'],
    ['broker', 'database', 'data'],
    ['broker', 'external', 'subscribe'],
    ['database', 'service', 'call'],
    ['cache', 'database', 'data'],
  ];
  it.each(table)('%s → %s is %s', (s, t, kind) => {
    expect(inferEdgeKind(k(s), k(t))).toBe(kind);
  });

  it('is total over every pair of kinds', () => {
    for (const s of NODE_KINDS) for (const t of NODE_KINDS) expect(EDGE_KINDS).toContain(inferEdgeKind(k(s), k(t)));
  });
});

describe('createEdge', () => {
  const node = (id: string, kind: NodeKind) => ({ id, kind }) as Pick<DesignNode, 'id' | 'kind'>;
  const svc = node('svc_a', 'service');
  const svc2 = node('svc_b', 'service');
  const bus = node('bro_a', 'broker');
  const db = node('dat_a', 'database');

  it('call: good-practice defaults (timeout, retries, circuit breaker)', () => {
    const e = createEdge(svc, svc2);
    expect(e).toMatchObject({
      kind: 'call',
      source: 'svc_a',
      target: 'svc_b',
      protocol: 'rest',
      timeoutMs: 2000,
      retries: 2,
      circuitBreaker: { enabled: true, failureThreshold: 5, resetTimeoutMs: 30_000 },
      idempotencyKey: false,
      tls: false,
      callsPerRequest: 1,
      operations: [],
      description: '',
    });
    expect(e.id).toMatch(/^e_/);
  });

  it('publish and subscribe: topic, event and version', () => {
    expect(createEdge(svc, bus)).toMatchObject({ kind: 'publish', topic: 'events', event: 'SomethingHappened', version: 1, outbox: false });
    expect(createEdge(bus, svc)).toMatchObject({ kind: 'subscribe', topic: 'events', event: 'SomethingHappened', version: 1, dedupe: true });
  });

  it('data: read-write', () => {
    expect(createEdge(svc, db)).toMatchObject({ kind: 'data', access: 'read-write', source: 'svc_a', target: 'dat_a' });
  });

  it('an explicit kind and fields override the inferred defaults', () => {
    const e = createEdge(svc, svc2, { kind: 'call', id: 'e1', timeoutMs: 500, protocol: 'grpc' });
    expect(e).toMatchObject({ id: 'e1', timeoutMs: 500, protocol: 'grpc', retries: 2 });
    expect(createEdge(svc, db, { kind: 'call' }).kind).toBe('call');
    expect(createEdge(svc, bus, { kind: 'subscribe', topic: 'orders' })).toMatchObject({ kind: 'subscribe', topic: 'orders' });
  });

  it.each(EDGE_KINDS)('%s edges are schema-valid and stable under re-parsing', (kind) => {
    const e = createEdge(svc, svc2, { kind });
    expect(e.kind).toBe(kind);
    expect(edgeSchema.parse(e)).toEqual(e);
    expect(edgeDefaults(kind)).toBeTypeOf('object');
  });

  it('rejects invalid overrides', () => {
    expect(() => createEdge(svc, svc2, { timeoutMs: -1 })).toThrow();
  });
});
