import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  designSchema,
  emptyDesign,
  isDnsLabel,
  loadDesignData,
  NODE_KINDS,
  parseDesignText,
  serializeDesignJson,
  serializeDesignYaml,
  type Design,
  type DesignNode,
  type EdgeOfKind,
  type NodeOfKind,
} from '@/lib/model';
import { fullDesign } from '@/lib/model/fixtures/designs';
import { absolutePosition, COALESCE_MS, createEditorStore, EMPTY_SELECTION, HISTORY_LIMIT, type EditorStore } from './editor';

/** A store with a hand-driven clock. */
function setup(design: Design = emptyDesign('Test')) {
  const clock = { t: 1_000_000 };
  const store = createEditorStore(design, () => clock.t);
  const s = () => store.getState();
  return { store, s, clock };
}

function full(): Design {
  const r = loadDesignData(JSON.parse(JSON.stringify(fullDesign)));
  if (!r.ok) throw new Error(r.error);
  return r.design;
}

const nodeById = (d: Design, id: string) => d.nodes.find((n) => n.id === id)!;
const edgeById = (d: Design, id: string) => d.edges.find((e) => e.id === id)!;
const byName = (d: Design, name: string) => d.nodes.find((n) => n.name === name)!;
const abs = (d: Design, id: string) => absolutePosition(d, nodeById(d, id));

/** Checks what must hold after any action: schema-valid, unique names, no dangling references. */
function expectConsistent(store: EditorStore) {
  const { design: d, selection } = store.getState();
  const parsed = designSchema.safeParse(JSON.parse(JSON.stringify(d)));
  expect(parsed.success ? 'valid' : parsed.error.issues).toBe('valid');
  const names = d.nodes.map((n) => n.name);
  expect(new Set(names).size).toBe(names.length);
  names.forEach((n) => expect(isDnsLabel(n)).toBe(true));
  const nodeIds = new Set(d.nodes.map((n) => n.id));
  const edgeIds = new Set(d.edges.map((e) => e.id));
  const groupIds = new Set(d.groups.map((g) => g.id));
  expect(nodeIds.size).toBe(d.nodes.length);
  expect(edgeIds.size).toBe(d.edges.length);
  for (const e of d.edges) expect(nodeIds.has(e.source) && nodeIds.has(e.target)).toBe(true);
  for (const n of d.nodes) if (n.parentId) expect(groupIds.has(n.parentId)).toBe(true);
  for (const id of selection.nodes) expect(nodeIds.has(id)).toBe(true);
  for (const id of selection.edges) expect(edgeIds.has(id)).toBe(true);
  for (const id of selection.groups) expect(groupIds.has(id)).toBe(true);
  for (const f of d.flows) for (const st of f.steps) expect(edgeIds.has(st.edgeId)).toBe(true);
  for (const v of d.views) for (const id of v.nodeIds) expect(nodeIds.has(id)).toBe(true);
}

describe('initial state', () => {
  it('holds the design with empty history and selection', () => {
    const d = emptyDesign('X');
    const { s } = setup(d);
    expect(s().design).toBe(d);
    expect(s()).toMatchObject({ revision: 0, structureRevision: 0, past: [], future: [], clipboard: null, gestureBase: null, selection: EMPTY_SELECTION });
  });
});

describe('addNode', () => {
  it('adds a node of the kind at the position, selects it, one undo step', () => {
    const { s } = setup();
    const id = s().addNode('service', { x: 10, y: 20 });
    const n = nodeById(s().design, id);
    expect(n).toMatchObject({ kind: 'service', name: 'service', position: { x: 10, y: 20 }, port: 3000 });
    expect(s().selection).toEqual({ nodes: [id], edges: [], groups: [] });
    expect(s().past).toHaveLength(1);
    expect(s().revision).toBe(1);
    expect(s().structureRevision).toBe(1);
  });

  it('gives unique names, also after deletions and with an init name', () => {
    const { s } = setup();
    const a = s().addNode('service', { x: 0, y: 0 });
    const b = s().addNode('service', { x: 0, y: 0 });
    s().addNode('service', { x: 0, y: 0 });
    expect(s().design.nodes.map((n) => n.name)).toEqual(['service', 'service-2', 'service-3']);
    s().select({ nodes: [b] });
    s().deleteSelection();
    const nameOf = (id: string) => nodeById(s().design, id).name;
    expect(nameOf(s().addNode('service', { x: 0, y: 0 }))).toBe('service-2');
    expect(nameOf(s().addNode('database', { x: 0, y: 0 }))).toBe('db');
    expect(nameOf(s().addNode('service', { x: 0, y: 0 }, { name: 'Orders API' }))).toBe('orders-api');
    expect(nameOf(s().addNode('cache', { x: 0, y: 0 }, { name: 'service' }))).toBe('service-4');
    expect(nodeById(s().design, a).name).toBe('service');
  });

  it('every kind can be added', () => {
    const { store, s } = setup();
    for (const kind of NODE_KINDS) s().addNode(kind, { x: 0, y: 0 });
    expect(s().design.nodes.map((n) => n.kind)).toEqual([...NODE_KINDS]);
    expectConsistent(store);
  });
});

describe('updateNode', () => {
  it('applies a valid patch', () => {
    const { s } = setup();
    const id = s().addNode('service', { x: 0, y: 0 });
    expect(s().updateNode(id, { label: 'Orders', port: 8080, name: 'orders' })).toEqual({ ok: true, value: undefined });
    expect(nodeById(s().design, id)).toMatchObject({ label: 'Orders', port: 8080, name: 'orders', kind: 'service', id });
  });

  it('rejects an invalid name with the reason, design unchanged', () => {
    const { s } = setup();
    const id = s().addNode('service', { x: 0, y: 0 });
    const before = s().design;
    const rev = s().revision;
    expect(s().updateNode(id, { name: 'Orders' })).toEqual({ ok: false, error: 'Use lowercase letters only.' });
    expect(s().updateNode(id, { name: '-orders' })).toEqual({ ok: false, error: 'Name must start with a lowercase letter or digit.' });
    expect(s().updateNode(id, { name: 'a'.repeat(64) })).toEqual({ ok: false, error: 'Name is 64 characters; at most 63 are allowed.' });
    expect(s().updateNode(id, { name: '' })).toEqual({ ok: false, error: 'Name is required.' });
    expect(s().design).toBe(before);
    expect(s().revision).toBe(rev);
    expect(s().past).toHaveLength(1);
  });

  it('rejects a duplicate name, but keeping its own name is fine', () => {
    const { s } = setup();
    s().addNode('service', { x: 0, y: 0 }, { name: 'orders' });
    const id = s().addNode('service', { x: 0, y: 0 }, { name: 'payments' });
    const before = s().design;
    const r = s().updateNode(id, { name: 'orders' });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/already named "orders"/) });
    expect(s().design).toBe(before);
    expect(s().updateNode(id, { name: 'payments', label: 'P' }).ok).toBe(true);
  });

  it('rejects other invalid fields with the field name', () => {
    const { s } = setup();
    const id = s().addNode('service', { x: 0, y: 0 });
    const before = s().design;
    const r = s().updateNode(id, { port: 0 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^port: /);
    expect(s().updateNode(id, { position: { x: Number.NaN, y: 0 } }).ok).toBe(false);
    expect(s().updateNode('nope', { label: 'x' })).toEqual({ ok: false, error: 'No node nope.' });
    expect(s().design).toBe(before);
  });

  it('never changes id or kind', () => {
    const { s } = setup();
    const id = s().addNode('service', { x: 0, y: 0 });
    expect(s().updateNode(id, { id: 'other', kind: 'broker' }).ok).toBe(true);
    expect(s().design.nodes[0]).toMatchObject({ id, kind: 'service' });
  });

  it('coalesces typing with the same key within COALESCE_MS into one undo step', () => {
    const { s, clock } = setup();
    const id = s().addNode('service', { x: 0, y: 0 });
    const base = s().past.length;
    for (const label of ['O', 'Or', 'Ord', 'Orde', 'Order']) {
      s().updateNode(id, { label }, { coalesceKey: `label:${id}` });
      clock.t += COALESCE_MS - 1; // each keystroke just inside the window of the previous one
    }
    expect(s().past.length).toBe(base + 1);
    expect(nodeById(s().design, id).label).toBe('Order');
    s().undo();
    expect(nodeById(s().design, id).label).toBeUndefined();
  });

  it('starts a new step after COALESCE_MS, on another key, or without a key', () => {
    const { s, clock } = setup();
    const id = s().addNode('service', { x: 0, y: 0 });
    const base = s().past.length;
    s().updateNode(id, { label: 'a' }, { coalesceKey: 'k' });
    clock.t += COALESCE_MS; // exactly the window: a new step
    s().updateNode(id, { label: 'ab' }, { coalesceKey: 'k' });
    expect(s().past.length).toBe(base + 2);
    clock.t += 10;
    s().updateNode(id, { description: 'd' }, { coalesceKey: 'other' });
    expect(s().past.length).toBe(base + 3);
    clock.t += 10;
    s().updateNode(id, { description: 'de' });
    s().updateNode(id, { description: 'des' });
    expect(s().past.length).toBe(base + 5);
    s().undo();
    expect(nodeById(s().design, id).description).toBe('de');
  });

  it('an edit without the key in between breaks the coalescing', () => {
    const { s } = setup();
    const id = s().addNode('service', { x: 0, y: 0 });
    const base = s().past.length;
    s().updateNode(id, { label: 'a' }, { coalesceKey: 'k' });
    s().updateNode(id, { port: 1234 });
    s().updateNode(id, { label: 'ab' }, { coalesceKey: 'k' });
    expect(s().past.length).toBe(base + 3);
  });

  it('after an undo, typing starts a new step', () => {
    const { s } = setup();
    const id = s().addNode('service', { x: 0, y: 0 });
    s().updateNode(id, { label: 'a' }, { coalesceKey: 'k' });
    s().updateNode(id, { label: 'ab' }, { coalesceKey: 'k' });
    s().undo();
    s().updateNode(id, { label: 'x' }, { coalesceKey: 'k' });
    s().updateNode(id, { label: 'xy' }, { coalesceKey: 'k' });
    s().undo();
    expect(nodeById(s().design, id).label).toBeUndefined();
  });
});

describe('moveNodes and gestures', () => {
  it('a move outside a gesture is one step and not structural', () => {
    const { s } = setup();
    const id = s().addNode('service', { x: 0, y: 0 });
    const { structureRevision, revision } = s();
    s().moveNodes([{ id, position: { x: 5, y: 6 } }]);
    expect(nodeById(s().design, id).position).toEqual({ x: 5, y: 6 });
    expect(s().structureRevision).toBe(structureRevision);
    expect(s().revision).toBe(revision + 1);
    expect(s().past).toHaveLength(2);
  });

  it('a drag (many moves in a gesture) is ONE undo step, structureRevision unchanged', () => {
    const { s } = setup();
    const a = s().addNode('service', { x: 0, y: 0 });
    const b = s().addNode('service', { x: 100, y: 0 });
    const before = s().design;
    const past = s().past.length;
    const structure = s().structureRevision;
    s().beginGesture();
    for (let i = 1; i <= 30; i++) s().moveNodes([{ id: a, position: { x: i, y: i } }, { id: b, position: { x: 100 + i, y: i } }]);
    expect(s().past.length).toBe(past);
    s().endGesture();
    expect(s().past.length).toBe(past + 1);
    expect(s().past.at(-1)).toBe(before);
    expect(s().structureRevision).toBe(structure);
    expect(nodeById(s().design, a).position).toEqual({ x: 30, y: 30 });
    s().undo();
    expect(s().design).toBe(before);
    s().redo();
    expect(nodeById(s().design, b).position).toEqual({ x: 130, y: 30 });
  });

  it('a gesture without change makes no step; nested begin is ignored', () => {
    const { s } = setup();
    const id = s().addNode('service', { x: 0, y: 0 });
    const past = s().past.length;
    s().beginGesture();
    s().beginGesture();
    s().moveNodes([{ id, position: { x: 0, y: 0 } }]);
    s().endGesture();
    s().endGesture();
    expect(s().past.length).toBe(past);
  });

  it('ignores non-finite and unchanged positions and unknown ids', () => {
    const { s } = setup();
    const id = s().addNode('service', { x: 1, y: 1 });
    const before = s().design;
    s().moveNodes([{ id, position: { x: Number.NaN, y: 0 } }]);
    s().moveNodes([{ id, position: { x: Number.POSITIVE_INFINITY, y: 0 } }]);
    s().moveNodes([{ id, position: { x: 1, y: 1 } }]);
    s().moveNodes([{ id: 'ghost', position: { x: 5, y: 5 } }]);
    s().moveNodes([]);
    expect(s().design).toBe(before);
  });

  it('moves groups (members follow: their positions are relative)', () => {
    const { s } = setup();
    const id = s().addNode('service', { x: 100, y: 100 });
    s().select({ nodes: [id] });
    const g = s().groupSelection()!;
    const before = abs(s().design, id);
    const gp = s().design.groups[0].position;
    s().moveNodes([{ id: g, position: { x: gp.x + 50, y: gp.y + 10 } }]);
    expect(abs(s().design, id)).toEqual({ x: before.x + 50, y: before.y + 10 });
  });

  it('redo history is cleared by a finished gesture that changed something', () => {
    const { s } = setup();
    const id = s().addNode('service', { x: 0, y: 0 });
    s().updateNode(id, { label: 'x' });
    s().undo();
    expect(s().future).toHaveLength(1);
    s().beginGesture();
    s().moveNodes([{ id, position: { x: 9, y: 9 } }]);
    s().endGesture();
    expect(s().future).toHaveLength(0);
  });

  it('undo during a gesture ends it and undoes it', () => {
    const { s } = setup();
    const id = s().addNode('service', { x: 0, y: 0 });
    s().beginGesture();
    s().moveNodes([{ id, position: { x: 9, y: 9 } }]);
    s().undo();
    expect(s().gestureBase).toBeNull();
    expect(nodeById(s().design, id).position).toEqual({ x: 0, y: 0 });
  });
});

describe('connect', () => {
  function four() {
    const ctx = setup();
    const svc = ctx.s().addNode('service', { x: 0, y: 0 });
    const svc2 = ctx.s().addNode('service', { x: 0, y: 0 });
    const db = ctx.s().addNode('database', { x: 0, y: 0 });
    const bus = ctx.s().addNode('broker', { x: 0, y: 0 });
    const cache = ctx.s().addNode('cache', { x: 0, y: 0 });
    return { ...ctx, svc, svc2, db, bus, cache };
  }

  it('infers the kind and selects the new edge', () => {
    const { s, svc, svc2, db, bus, cache } = four();
    const kinds: [string, string, string][] = [
      [svc, svc2, 'call'],
      [svc, db, 'data'],
      [svc, cache, 'data'],
      [svc, bus, 'publish'],
      [bus, svc2, 'subscribe'],
    ];
    for (const [a, b, kind] of kinds) {
      const r = s().connect(a, b);
      if (!r.ok) throw new Error(r.error);
      expect(edgeById(s().design, r.value)).toMatchObject({ kind, source: a, target: b });
      expect(s().selection).toEqual({ nodes: [], edges: [r.value], groups: [] });
    }
    const call = s().design.edges[0] as EdgeOfKind<'call'>;
    expect(call.timeoutMs).toBe(2000);
  });

  it('honours an explicit kind', () => {
    const { s, svc, svc2 } = four();
    const r = s().connect(svc, svc2, 'publish');
    expect(r.ok && edgeById(s().design, r.value).kind).toBe('publish');
  });

  it('rejects self-loops, duplicates and unknown ends without changing the design', () => {
    const { s, svc, svc2 } = four();
    expect(s().connect(svc, svc2).ok).toBe(true);
    const before = s().design;
    expect(s().connect(svc, svc)).toEqual({ ok: false, error: 'A node cannot connect to itself.' });
    expect(s().connect(svc, svc2)).toEqual({ ok: false, error: 'There is already a call link from service to service-2.' });
    expect(s().connect(svc, 'ghost')).toEqual({ ok: false, error: 'Both ends of a connection must be nodes.' });
    expect(s().design).toBe(before);
    // The reverse direction and another kind are different links.
    expect(s().connect(svc2, svc).ok).toBe(true);
    expect(s().connect(svc, svc2, 'data').ok).toBe(true);
  });
});

describe('updateEdge and setEdgeKind', () => {
  function pair() {
    const ctx = setup();
    const a = ctx.s().addNode('service', { x: 0, y: 0 });
    const b = ctx.s().addNode('service', { x: 0, y: 0 });
    const r = ctx.s().connect(a, b);
    if (!r.ok) throw new Error(r.error);
    return { ...ctx, a, b, e: r.value };
  }

  it('patches fields and clears an optional one with undefined', () => {
    const { s, e } = pair();
    expect(s().updateEdge(e, { timeoutMs: 750, retries: 4 }).ok).toBe(true);
    expect(edgeById(s().design, e)).toMatchObject({ timeoutMs: 750, retries: 4 });
    expect(s().updateEdge(e, { timeoutMs: undefined, circuitBreaker: undefined }).ok).toBe(true);
    const edge = edgeById(s().design, e);
    expect('timeoutMs' in edge).toBe(false);
    expect('circuitBreaker' in edge).toBe(false);
    // undefined on a defaulted field restores the default.
    expect(s().updateEdge(e, { retries: undefined }).ok).toBe(true);
    expect((edgeById(s().design, e) as EdgeOfKind<'call'>).retries).toBe(0);
  });

  it('rejects invalid values, design unchanged', () => {
    const { s, e } = pair();
    const before = s().design;
    const r = s().updateEdge(e, { retries: 99 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^retries: /);
    expect(s().updateEdge('ghost', {})).toEqual({ ok: false, error: 'No edge ghost.' });
    expect(s().design).toBe(before);
  });

  it('never changes id, kind or ends, not even when the patch clears them', () => {
    const { s, e, a, b } = pair();
    expect(s().updateEdge(e, { kind: 'data', source: b, target: a, id: 'x' }).ok).toBe(true);
    expect(edgeById(s().design, e)).toMatchObject({ kind: 'call', source: a, target: b });
    expect(s().updateEdge(e, { kind: undefined, source: undefined, target: undefined, id: undefined, label: 'L' })).toEqual({ ok: true, value: undefined });
    expect(edgeById(s().design, e)).toMatchObject({ id: e, kind: 'call', source: a, target: b, label: 'L' });
  });

  it('coalesces with a key', () => {
    const { s, e } = pair();
    const base = s().past.length;
    s().updateEdge(e, { label: 'a' }, { coalesceKey: 'edge-label' });
    s().updateEdge(e, { label: 'ab' }, { coalesceKey: 'edge-label' });
    expect(s().past.length).toBe(base + 1);
  });

  it('setEdgeKind keeps id, ends, label and description; gets the new kind defaults', () => {
    const { s, e, a, b } = pair();
    s().updateEdge(e, { label: 'L', description: 'D' });
    expect(s().setEdgeKind(e, 'data').ok).toBe(true);
    const edge = edgeById(s().design, e);
    expect(edge).toMatchObject({ id: e, kind: 'data', source: a, target: b, label: 'L', description: 'D', access: 'read-write' });
    expect('timeoutMs' in edge).toBe(false);
    expect(s().design.edges).toHaveLength(1);
  });

  it('setEdgeKind publish → subscribe keeps topic, event and version', () => {
    const { s, a, b } = pair();
    const r = s().connect(a, b, 'publish');
    if (!r.ok) throw new Error(r.error);
    s().updateEdge(r.value, { topic: 'orders', event: 'OrderPlaced', version: 3 });
    s().setEdgeKind(r.value, 'subscribe');
    expect(edgeById(s().design, r.value)).toMatchObject({ kind: 'subscribe', topic: 'orders', event: 'OrderPlaced', version: 3, dedupe: true });
  });

  it('setEdgeKind to the same kind is a no-op; unknown edge is an error', () => {
    const { s, e } = pair();
    const before = s().design;
    expect(s().setEdgeKind(e, 'call')).toEqual({ ok: true, value: undefined });
    expect(s().design).toBe(before);
    expect(s().setEdgeKind('ghost', 'data')).toEqual({ ok: false, error: 'No edge ghost.' });
  });

  it('setEdgeKind is one undo step', () => {
    const { s, e } = pair();
    s().setEdgeKind(e, 'publish');
    s().undo();
    expect(edgeById(s().design, e).kind).toBe('call');
  });
});

describe('deleteSelection', () => {
  it('removes nodes with their edges, suppressions, flow steps and references; one undo step', () => {
    const { store, s } = setup(full());
    const before = s().design;
    s().select({ nodes: ['svc_orders'] });
    s().deleteSelection();
    const d = s().design;
    expect(d.nodes.some((n) => n.id === 'svc_orders')).toBe(false);
    expect(d.edges.map((e) => e.id)).toEqual(['e_web_edge', 'e_pay_stripe', 'e_bus_pay']);
    expect(d.flows[0].steps.map((st) => st.edgeId)).toEqual(['e_web_edge']);
    expect(d.events.every((e) => e.ownerId === undefined)).toBe(true);
    expect(d.views[0].nodeIds).toEqual(['bro_bus']);
    expect((nodeById(d, 'dat_orders') as NodeOfKind<'database'>).ownerId).toBeUndefined();
    expect((nodeById(d, 'cac_orders') as NodeOfKind<'cache'>).ownerId).toBeUndefined();
    expect((nodeById(d, 'gat_edge') as NodeOfKind<'gateway'>).routes).toEqual([]);
    expect(d.settings.suppressions).toHaveLength(1); // targets e_pay_stripe, still there
    expect(s().selection).toEqual({ nodes: [], edges: [], groups: [] });
    expectConsistent(store);
    s().undo();
    expect(s().design).toBe(before);
  });

  it('removes suppressions of deleted edges', () => {
    const { s } = setup(full());
    s().select({ edges: ['e_pay_stripe'] });
    s().deleteSelection();
    expect(s().design.settings.suppressions).toEqual([]);
    expect(s().design.nodes).toHaveLength(9);
  });

  it('deleting a group keeps its members where they were on the canvas', () => {
    const { store, s } = setup(full());
    const before = s().design;
    const members = before.nodes.filter((n) => n.parentId === 'grp_platform');
    const positions = members.map((n) => absolutePosition(before, n));
    s().select({ groups: ['grp_platform'] });
    s().deleteSelection();
    const d = s().design;
    expect(d.groups.map((g) => g.id)).toEqual(['grp_orders', 'grp_edge']);
    for (const [i, m] of members.entries()) {
      const n = nodeById(d, m.id);
      expect(n.parentId).toBeUndefined();
      expect(n.position).toEqual(positions[i]);
    }
    expectConsistent(store);
  });

  it('deleting nothing, or only unknown ids, makes no undo step', () => {
    const { s } = setup(full());
    const before = s().design;
    s().deleteSelection();
    s().deleteElements({ nodes: ['ghost'], edges: ['ghost'], groups: ['ghost'] });
    expect(s().design).toBe(before);
    expect(s().past).toHaveLength(0);
  });

  it('keeps the parts of the selection that survive', () => {
    const { s } = setup(full());
    s().select({ nodes: ['svc_pay'], edges: ['e_orders_db'] });
    s().deleteElements({ nodes: ['svc_pay'] });
    expect(s().selection).toEqual({ nodes: [], edges: ['e_orders_db'], groups: [] });
  });
});

describe('selection', () => {
  it('replace, add and toggle', () => {
    const { s } = setup();
    s().select({ nodes: ['a', 'b'], edges: ['e'] });
    expect(s().selection).toEqual({ nodes: ['a', 'b'], edges: ['e'], groups: [] });
    s().select({ nodes: ['c'] });
    expect(s().selection).toEqual({ nodes: ['c'], edges: [], groups: [] });
    s().select({ nodes: ['a', 'c'], groups: ['g'] }, 'add');
    expect(s().selection).toEqual({ nodes: ['c', 'a'], edges: [], groups: ['g'] });
    s().select({ nodes: ['a', 'b'] }, 'toggle');
    expect(s().selection).toEqual({ nodes: ['c', 'b'], edges: [], groups: ['g'] });
    s().select({ edges: ['e'] }, 'toggle');
    expect(s().selection).toEqual({ nodes: ['c', 'b'], edges: ['e'], groups: ['g'] });
  });

  it('does not notify when nothing changes, and never touches history', () => {
    const { store, s } = setup();
    s().select({ nodes: ['a'] });
    let calls = 0;
    const off = store.subscribe(() => calls++);
    s().select({ nodes: ['a'] });
    s().select({}, 'add');
    off();
    expect(calls).toBe(0);
    expect(s().past).toHaveLength(0);
    expect(s().revision).toBe(0);
  });

  it('selectAll and clearSelection', () => {
    const { s } = setup(full());
    s().selectAll();
    expect(s().selection.nodes).toHaveLength(9);
    expect(s().selection.edges).toHaveLength(7);
    expect(s().selection.groups).toEqual(['grp_orders', 'grp_edge', 'grp_platform']);
    s().clearSelection();
    expect(s().selection).toBe(EMPTY_SELECTION);
    expect(s().past).toHaveLength(0);
  });
});

describe('copy and paste', () => {
  function three() {
    const ctx = setup();
    const a = ctx.s().addNode('service', { x: 0, y: 0 }, { name: 'orders' });
    const b = ctx.s().addNode('database', { x: 100, y: 0 }, { name: 'orders-db', ownerId: a });
    const c = ctx.s().addNode('service', { x: 200, y: 0 }, { name: 'payments' });
    const ab = ctx.s().connect(a, b);
    const ac = ctx.s().connect(a, c);
    if (!ab.ok || !ac.ok) throw new Error('connect');
    return { ...ctx, a, b, c, ab: ab.value, ac: ac.value };
  }

  it('copy puts self-contained nodes and the edges among them on the clipboard', () => {
    const { s, a, b, ab } = three();
    s().select({ nodes: [a, b] });
    const clip = s().copySelection()!;
    expect(clip.nodes.map((n) => n.id)).toEqual([a, b]);
    expect(clip.edges.map((e) => e.id)).toEqual([ab]);
    expect(s().clipboard).toEqual(clip);
    // A deep copy: later edits do not reach the clipboard.
    s().updateNode(a, { label: 'changed' });
    expect(s().clipboard!.nodes[0].label).toBeUndefined();
    expect(s().past.length).toBe(6);
  });

  it('copy with nothing selected returns null and keeps the clipboard', () => {
    const { s, a } = three();
    s().select({ nodes: [a] });
    const clip = s().copySelection();
    s().clearSelection();
    expect(s().copySelection()).toBeNull();
    s().select({ edges: [s().design.edges[0].id] });
    expect(s().copySelection()).toBeNull();
    expect(s().clipboard).toBe(clip);
  });

  it('paste: fresh ids, unique names, offset positions, edges among copies only, selected, one step', () => {
    const { store, s, a, b } = three();
    s().select({ nodes: [a, b] });
    s().copySelection();
    const past = s().past.length;
    s().paste();
    const d = s().design;
    expect(d.nodes).toHaveLength(5);
    const [pa, pb] = d.nodes.slice(3);
    expect([pa.id, pb.id]).not.toContain(a);
    expect([pa.id, pb.id]).not.toContain(b);
    expect(pa.id).not.toBe(pb.id);
    expect([pa.name, pb.name]).toEqual(['orders-2', 'orders-db-2']);
    expect(pa.position).toEqual({ x: 40, y: 40 });
    expect(pb.position).toEqual({ x: 140, y: 40 });
    expect(d.edges).toHaveLength(3);
    expect(d.edges[2]).toMatchObject({ kind: 'data', source: pa.id, target: pb.id });
    expect(d.edges[2].id).not.toBe(d.edges[0].id);
    // The pasted database belongs to the pasted service.
    expect((pb as NodeOfKind<'database'>).ownerId).toBe(pa.id);
    expect(s().selection).toEqual({ nodes: [pa.id, pb.id], edges: [d.edges[2].id], groups: [] });
    expect(s().past.length).toBe(past + 1);
    expectConsistent(store);
  });

  it('a copied node keeps its owner when the owner is not copied', () => {
    const { s, a, b } = three();
    s().select({ nodes: [b] });
    s().copySelection();
    s().paste();
    expect((s().design.nodes[3] as NodeOfKind<'database'>).ownerId).toBe(a);
  });

  it('repeated paste steps further and keeps names unique', () => {
    const { store, s, a } = three();
    s().select({ nodes: [a] });
    s().copySelection();
    s().paste();
    s().paste();
    s().paste();
    const copies = s().design.nodes.slice(3);
    expect(copies.map((n) => n.name)).toEqual(['orders-2', 'orders-3', 'orders-4']);
    expect(copies.map((n) => n.position)).toEqual([
      { x: 40, y: 40 },
      { x: 80, y: 80 },
      { x: 120, y: 120 },
    ]);
    expect(new Set(s().design.nodes.map((n) => n.id)).size).toBe(6);
    expectConsistent(store);
  });

  it('paste of an explicit clipboard and an offset; empty clipboard is a no-op', () => {
    const { s, a } = three();
    const before = s().design;
    s().paste();
    s().paste({ nodes: [], edges: [], groups: [] });
    expect(s().design).toBe(before);
    s().select({ nodes: [a] });
    const clip = s().copySelection();
    s().paste(clip, { x: 0, y: 500 });
    expect(s().design.nodes[3].position).toEqual({ x: 0, y: 500 });
  });

  it('copying a group copies its children; the paste keeps them inside the new group', () => {
    const { store, s } = setup(full());
    s().select({ groups: ['grp_orders'] });
    const clip = s().copySelection()!;
    expect(clip.groups.map((g) => g.id)).toEqual(['grp_orders']);
    expect(clip.nodes.map((n) => n.id).sort()).toEqual(['dat_orders', 'svc_orders']);
    expect(clip.edges.map((e) => e.id)).toEqual(['e_orders_db']);
    s().paste();
    const d = s().design;
    const g = d.groups[3];
    expect(g.id).not.toBe('grp_orders');
    expect(g.name).toBe('Ordering');
    expect(g.position).toEqual({ x: 140, y: 140 });
    const kids = d.nodes.filter((n) => n.parentId === g.id);
    expect(kids.map((n) => n.name).sort()).toEqual(['orders-2', 'orders-db-2']);
    // Relative positions unchanged, so the children moved with the group.
    expect(kids.find((n) => n.name === 'orders-2')!.position).toEqual({ x: 32, y: 48 });
    expect(s().selection.groups).toEqual([g.id]);
    expect(s().selection.nodes).toHaveLength(2);
    expectConsistent(store);
    // Pasting again moves the group, not the (relative) children.
    s().paste();
    const g2 = s().design.groups[4];
    expect(g2.position).toEqual({ x: 180, y: 180 });
    expect(s().design.nodes.filter((n) => n.parentId === g2.id).find((n) => n.kind === 'service')!.position).toEqual({ x: 32, y: 48 });
  });

  it('a node copied without its group is pasted at its absolute place (plus offset), outside any group', () => {
    const { s } = setup(full());
    const at = abs(s().design, 'svc_orders');
    s().select({ nodes: ['svc_orders'] });
    s().copySelection();
    s().paste();
    const n = s().design.nodes.at(-1)!;
    expect(n.parentId).toBeUndefined();
    expect(n.position).toEqual({ x: at.x + 40, y: at.y + 40 });
  });

  it('pasted gateways route to the pasted targets', () => {
    const { s } = setup(full());
    s().select({ nodes: ['gat_edge', 'svc_orders'] });
    s().copySelection();
    s().paste();
    const d = s().design;
    const gw = d.nodes.find((n) => n.name === 'edge-2') as NodeOfKind<'gateway'>;
    expect(gw.routes[0].target).toBe(byName(d, 'orders-2').id);
  });

  it('duplicateSelection copies next to the original and keeps the clipboard', () => {
    const { store, s, a, b, c } = three();
    s().select({ nodes: [c] });
    const clip = s().copySelection();
    s().select({ nodes: [a, b] });
    s().duplicateSelection();
    expect(s().clipboard).toBe(clip);
    const d = s().design;
    expect(d.nodes.slice(3).map((n) => [n.name, n.position])).toEqual([
      ['orders-2', { x: 40, y: 40 }],
      ['orders-db-2', { x: 140, y: 40 }],
    ]);
    expect(s().selection.nodes).toEqual(d.nodes.slice(3).map((n) => n.id));
    expect(s().past.length).toBe(6);
    expectConsistent(store);
    s().clearSelection();
    const before = s().design;
    s().duplicateSelection();
    expect(s().design).toBe(before);
  });
});

describe('groups', () => {
  it('groupSelection encloses the nodes and keeps their absolute positions', () => {
    const { store, s } = setup();
    const a = s().addNode('service', { x: 100, y: 200 });
    const b = s().addNode('service', { x: 400, y: 300 });
    const c = s().addNode('service', { x: 900, y: 900 });
    s().select({ nodes: [a, b] });
    const past = s().past.length;
    const g = s().groupSelection('Ordering')!;
    const d = s().design;
    const group = d.groups.find((x) => x.id === g)!;
    expect(group.name).toBe('Ordering');
    expect(abs(d, a)).toEqual({ x: 100, y: 200 });
    expect(abs(d, b)).toEqual({ x: 400, y: 300 });
    expect(nodeById(d, a).parentId).toBe(g);
    expect(nodeById(d, c).parentId).toBeUndefined();
    // The group box contains both node boxes.
    expect(group.position.x).toBeLessThan(100);
    expect(group.position.y).toBeLessThan(200);
    expect(group.position.x + group.size.width).toBeGreaterThan(400 + 200);
    expect(group.position.y + group.size.height).toBeGreaterThan(300 + 72);
    expect(s().selection).toEqual({ nodes: [], edges: [], groups: [g] });
    expect(s().past.length).toBe(past + 1);
    expectConsistent(store);
  });

  it('regrouping nodes already in a group keeps their absolute positions', () => {
    const { s } = setup(full());
    const before = abs(s().design, 'svc_orders');
    s().select({ nodes: ['svc_orders', 'svc_pay'] });
    const g = s().groupSelection()!;
    expect(nodeById(s().design, 'svc_orders').parentId).toBe(g);
    expect(abs(s().design, 'svc_orders')).toEqual(before);
  });

  it('groupSelection without selected nodes returns null', () => {
    const { s } = setup();
    expect(s().groupSelection()).toBeNull();
    expect(s().past).toHaveLength(0);
  });

  it('ungroup removes the group, keeps members in place and selects them', () => {
    const { store, s } = setup(full());
    const d0 = s().design;
    const members = d0.nodes.filter((n) => n.parentId === 'grp_orders');
    const at = members.map((n) => absolutePosition(d0, n));
    s().ungroup('grp_orders');
    const d = s().design;
    expect(d.groups.some((g) => g.id === 'grp_orders')).toBe(false);
    members.forEach((m, i) => {
      expect(nodeById(d, m.id).parentId).toBeUndefined();
      expect(nodeById(d, m.id).position).toEqual(at[i]);
    });
    expect(s().selection.nodes).toEqual(members.map((m) => m.id));
    expectConsistent(store);
    s().undo();
    expect(s().design).toBe(d0);
    s().ungroup('ghost');
    expect(s().design).toBe(d0);
  });

  it('setParent into and out of a group keeps the absolute position', () => {
    const { store, s } = setup(full());
    const start = abs(s().design, 'svc_pay');
    s().setParent(['svc_pay'], 'grp_orders');
    expect(nodeById(s().design, 'svc_pay').parentId).toBe('grp_orders');
    expect(abs(s().design, 'svc_pay')).toEqual(start);
    expect(nodeById(s().design, 'svc_pay').position).toEqual({ x: start.x - 100, y: start.y - 100 });
    // From one group straight into another.
    s().setParent(['svc_pay'], 'grp_platform');
    expect(abs(s().design, 'svc_pay')).toEqual(start);
    s().setParent(['svc_pay'], null);
    expect(nodeById(s().design, 'svc_pay').parentId).toBeUndefined();
    expect(nodeById(s().design, 'svc_pay').position).toEqual(start);
    expectConsistent(store);
  });

  it('setParent to the current parent or an unknown group is a no-op', () => {
    const { s } = setup(full());
    const before = s().design;
    s().setParent(['svc_orders'], 'grp_orders');
    s().setParent(['svc_pay'], null);
    s().setParent(['svc_pay'], 'ghost');
    expect(s().design).toBe(before);
  });

  it('updateGroup validates; geometry-only changes are not structural', () => {
    const { s } = setup(full());
    const sr = s().structureRevision;
    expect(s().updateGroup('grp_orders', { size: { width: 600, height: 300 } }).ok).toBe(true);
    expect(s().structureRevision).toBe(sr);
    expect(s().updateGroup('grp_orders', { name: 'Orders' }).ok).toBe(true);
    expect(s().structureRevision).toBe(sr + 1);
    const before = s().design;
    expect(s().updateGroup('grp_orders', { size: { width: 10, height: 300 } }).ok).toBe(false);
    expect(s().updateGroup('grp_orders', { name: '' }).ok).toBe(false);
    expect(s().updateGroup('ghost', {})).toEqual({ ok: false, error: 'No group ghost.' });
    expect(s().design).toBe(before);
  });
});

describe('events', () => {
  it('addEvent gives unique names and keeps the owner', () => {
    const { s } = setup();
    const owner = s().addNode('service', { x: 0, y: 0 });
    const e1 = s().addEvent(owner);
    const e2 = s().addEvent();
    const e3 = s().addEvent(undefined, { name: 'OrderPlaced', ownerId: owner });
    const e4 = s().addEvent(undefined, { name: 'OrderPlaced' });
    const d = s().design;
    expect(d.events.map((e) => [e.id, e.name, e.ownerId])).toEqual([
      [e1, 'NewEvent', owner],
      [e2, 'NewEvent2', undefined],
      [e3, 'OrderPlaced', owner],
      [e4, 'OrderPlaced2', undefined],
    ]);
    expect(d.events[0]).toMatchObject({ version: 1, fields: [], description: '' });
  });

  it('updateEvent validates', () => {
    const { s } = setup();
    const id = s().addEvent();
    expect(s().updateEvent(id, { fields: [{ name: 'orderId', type: 'uuid', required: true, description: '' }] }).ok).toBe(true);
    const before = s().design;
    const r = s().updateEvent(id, { name: '' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^name: /);
    expect(s().updateEvent('ghost', {})).toEqual({ ok: false, error: 'No event ghost.' });
    expect(s().design).toBe(before);
  });

  it('publishEvent freezes a snapshot of the fields: later edits do not change it', () => {
    const { s } = setup();
    const id = s().addEvent();
    const field = { name: 'orderId', type: 'uuid' as const, required: true, description: '' };
    s().updateEvent(id, { fields: [field] });
    s().publishEvent(id);
    const ev = () => s().design.events.find((e) => e.id === id)!;
    expect(ev().published).toEqual({ fields: [field] });
    expect(ev().published!.fields).not.toBe(ev().fields);
    s().updateEvent(id, { fields: [{ ...field, type: 'string' }, { name: 'total', type: 'number', required: false, description: '' }] });
    expect(ev().published).toEqual({ fields: [field] });
    expect(ev().fields).toHaveLength(2);
    s().undo();
    s().undo();
    expect(ev().published).toBeUndefined();
  });

  it('publishEvent of an unknown event changes nothing', () => {
    const { s } = setup();
    s().addEvent();
    const before = s().design;
    s().publishEvent('ghost');
    expect(s().design).toBe(before);
    expect(s().past).toHaveLength(1);
  });

  it('addEventVersion adds the next version, unpublished, with a copy of the fields', () => {
    const { s } = setup();
    const v1 = s().addEvent(undefined, { name: 'OrderPlaced' });
    s().updateEvent(v1, { fields: [{ name: 'orderId', type: 'uuid', required: true, description: '' }] });
    s().publishEvent(v1);
    const v2 = s().addEventVersion(v1)!;
    const ev2 = s().design.events.find((e) => e.id === v2)!;
    expect(ev2).toMatchObject({ name: 'OrderPlaced', version: 2, fields: [{ name: 'orderId' }] });
    expect(ev2.published).toBeUndefined();
    expect(ev2.id).not.toBe(v1);
    // From v1 again: numbering continues from the highest version of that event.
    const v3 = s().addEventVersion(v1)!;
    expect(s().design.events.find((e) => e.id === v3)!.version).toBe(3);
    expect(s().addEventVersion('ghost')).toBeNull();
    // v1 is untouched.
    expect(s().design.events.find((e) => e.id === v1)!.published).toBeDefined();
  });

  it('removeEvent', () => {
    const { s } = setup();
    const id = s().addEvent();
    s().removeEvent(id);
    expect(s().design.events).toEqual([]);
    const past = s().past.length;
    s().removeEvent(id);
    expect(s().past.length).toBe(past);
  });
});

describe('design meta and settings', () => {
  it('updateSettings patches and validates', () => {
    const { s } = setup();
    expect(s().updateSettings({ serviceMesh: true, targets: ['k8s'] })).toEqual({ ok: true, value: undefined });
    expect(s().design.settings).toMatchObject({ serviceMesh: true, targets: ['k8s'], profile: 'recommended' });
    const before = s().design;
    const r1 = s().updateSettings({ profile: '' });
    expect(r1.ok).toBe(false);
    expect(!r1.ok && r1.error).toMatch(/^profile: /);
    const r2 = s().updateSettings({ suppressions: [{ ruleId: 'x', targetId: 'y', reason: '   ' }] });
    expect(!r2.ok && r2.error).toMatch(/A suppression needs a reason/);
    expect(s().design).toBe(before);
  });

  it('updateSettings keeps unknown settings and coalesces', () => {
    const { s } = setup(full());
    (s().design.settings as Record<string, unknown>).futureField = 1;
    const past = s().past.length;
    s().updateSettings({ profile: 'a' }, { coalesceKey: 'profile' });
    s().updateSettings({ profile: 'ab' }, { coalesceKey: 'profile' });
    expect(s().past.length).toBe(past + 1);
    expect((s().design.settings as Record<string, unknown>).futureField).toBe(1);
    expect(s().design.settings.suppressions).toHaveLength(1);
  });

  it('setDesignMeta: empty name keeps the old one; long text is clamped so the file stays loadable', () => {
    const { s } = setup();
    s().setDesignMeta({ name: '' });
    expect(s().design.name).toBe('Test');
    s().setDesignMeta({ name: 'n'.repeat(500), description: 'd'.repeat(20_000), context: { domain: 'x' } });
    expect(s().design.name).toHaveLength(200);
    expect(s().design.description).toHaveLength(10_000);
    expect(s().design.context?.domain).toBe('x');
    expect(s().design.context?.platform).toBe('kubernetes');
    expect(parseDesignText(serializeDesignJson(s().design)).ok).toBe(true);
  });
});

describe('applyLayout and commit', () => {
  it('applyLayout moves everything in ONE undo step, not structural', () => {
    const { s } = setup(full());
    const before = s().design;
    const sr = s().structureRevision;
    s().applyLayout(
      { svc_orders: { x: 1, y: 2 }, svc_pay: { x: 3, y: 4 }, ghost: { x: 0, y: 0 } },
      { grp_orders: { position: { x: 5, y: 6 }, size: { width: 300, height: 200 } }, grp_edge: { position: { x: 7, y: 8 } } },
    );
    const d = s().design;
    expect(nodeById(d, 'svc_orders').position).toEqual({ x: 1, y: 2 });
    expect(nodeById(d, 'svc_pay').position).toEqual({ x: 3, y: 4 });
    expect(d.groups[0]).toMatchObject({ position: { x: 5, y: 6 }, size: { width: 300, height: 200 } });
    expect(d.groups[1]).toMatchObject({ position: { x: 7, y: 8 }, size: before.groups[1].size });
    expect(s().past).toHaveLength(1);
    expect(s().structureRevision).toBe(sr);
    s().undo();
    expect(s().design).toBe(before);
  });

  it('applyLayout skips non-finite positions and sizes; nothing to change makes no step', () => {
    const { store, s } = setup(full());
    const before = s().design;
    s().applyLayout({ svc_orders: { x: Number.NaN, y: 2 } }, { grp_orders: { position: { x: Number.POSITIVE_INFINITY, y: 0 }, size: { width: Number.NaN, height: 1 } } });
    s().applyLayout({});
    expect(s().design).toBe(before);
    s().applyLayout({}, { grp_orders: { position: { x: 0, y: 0 }, size: { width: 1, height: 1 } } });
    expect(s().design.groups[0].size).toEqual({ width: 40, height: 40 });
    expectConsistent(store);
  });

  it('commit replaces the design as one step and prunes the selection', () => {
    const { s } = setup(full());
    s().select({ nodes: ['svc_orders', 'svc_pay'] });
    const next = { ...s().design, nodes: s().design.nodes.filter((n) => n.id !== 'svc_pay') };
    const sr = s().structureRevision;
    s().commit(next);
    expect(s().design).toBe(next);
    expect(s().selection.nodes).toEqual(['svc_orders']);
    expect(s().structureRevision).toBe(sr + 1);
    s().commit({ ...next, name: 'moved' }, { structural: false });
    expect(s().structureRevision).toBe(sr + 1);
    expect(s().past).toHaveLength(2);
  });

  it('loadDesign clears history and selection unless told to keep history', () => {
    const { s } = setup();
    s().addNode('service', { x: 0, y: 0 });
    const d = full();
    s().loadDesign(d);
    expect(s()).toMatchObject({ design: d, past: [], future: [], selection: EMPTY_SELECTION });
    s().addNode('service', { x: 0, y: 0 });
    const prev = s().design;
    s().loadDesign(emptyDesign('Other'), { keepHistory: true });
    expect(s().past.at(-1)).toBe(prev);
    s().undo();
    expect(s().design).toBe(prev);
  });
});

describe('undo / redo', () => {
  it('walks back and forth through every kind of action', () => {
    const { store, s, clock } = setup(full());
    const snapshots: Design[] = [s().design];
    const step = (f: () => unknown) => {
      clock.t += COALESCE_MS * 2;
      f();
      expect(s().design).not.toBe(snapshots.at(-1));
      snapshots.push(s().design);
      expectConsistent(store);
    };
    let id = '';
    step(() => (id = s().addNode('service', { x: 0, y: 0 })));
    step(() => s().updateNode(id, { name: 'shipping', label: 'Shipping' }));
    step(() => s().moveNodes([{ id, position: { x: 50, y: 50 } }]));
    step(() => {
      s().beginGesture();
      s().moveNodes([{ id, position: { x: 60, y: 60 } }]);
      s().moveNodes([{ id, position: { x: 70, y: 70 } }]);
      s().endGesture();
    });
    step(() => s().connect(id, 'dat_orders'));
    step(() => s().updateEdge(s().design.edges.at(-1)!.id, { access: 'read' }));
    step(() => s().setEdgeKind(s().design.edges.at(-1)!.id, 'call'));
    step(() => {
      s().select({ nodes: [id] });
      s().copySelection();
      s().paste();
    });
    step(() => s().duplicateSelection());
    step(() => {
      s().select({ nodes: [id, 'svc_pay'] });
      s().groupSelection();
    });
    step(() => s().ungroup(s().design.groups.at(-1)!.id));
    step(() => s().setParent([id], 'grp_orders'));
    step(() => s().updateGroup('grp_orders', { color: '#fff' }));
    step(() => s().addEvent(id));
    step(() => s().updateEvent(s().design.events.at(-1)!.id, { description: 'x' }));
    step(() => s().publishEvent(s().design.events.at(-1)!.id));
    step(() => s().addEventVersion(s().design.events.at(-1)!.id));
    step(() => s().removeEvent(s().design.events.at(-1)!.id));
    step(() => s().updateSettings({ serviceMesh: false, profile: 'strict2' }));
    step(() => s().setDesignMeta({ name: 'Renamed' }));
    step(() => s().applyLayout({ [id]: { x: 0, y: 0 } }));
    step(() => {
      s().select({ nodes: ['svc_orders'], groups: ['grp_edge'] });
      s().deleteSelection();
    });
    step(() => s().commit({ ...s().design, description: 'committed' }));
    const n = snapshots.length - 1;
    expect(s().past).toHaveLength(n);
    for (let i = n - 1; i >= 0; i--) {
      s().undo();
      expect(s().design).toBe(snapshots[i]);
      expectConsistent(store);
    }
    s().undo();
    expect(s().design).toBe(snapshots[0]);
    for (let i = 1; i <= n; i++) {
      s().redo();
      expect(s().design).toBe(snapshots[i]);
    }
    s().redo();
    expect(s().design).toBe(snapshots[n]);
  });

  it('a new edit clears redo', () => {
    const { s } = setup();
    const id = s().addNode('service', { x: 0, y: 0 });
    s().updateNode(id, { label: 'a' });
    s().undo();
    expect(s().future).toHaveLength(1);
    s().updateNode(id, { label: 'b' });
    expect(s().future).toHaveLength(0);
    s().redo();
    expect(nodeById(s().design, id).label).toBe('b');
  });

  it('selection-only changes do not clear redo', () => {
    const { s } = setup();
    const id = s().addNode('service', { x: 0, y: 0 });
    s().undo();
    s().select({ nodes: [id] });
    s().clearSelection();
    expect(s().future).toHaveLength(1);
  });

  it('undo prunes the selection to what exists', () => {
    const { s } = setup();
    const id = s().addNode('service', { x: 0, y: 0 });
    expect(s().selection.nodes).toEqual([id]);
    s().undo();
    expect(s().selection.nodes).toEqual([]);
  });

  it('bumps revisions on undo and redo', () => {
    const { s } = setup();
    s().addNode('service', { x: 0, y: 0 });
    const { revision, structureRevision } = s();
    s().undo();
    expect(s().revision).toBe(revision + 1);
    expect(s().structureRevision).toBe(structureRevision + 1);
    s().redo();
    expect(s().revision).toBe(revision + 2);
  });

  it(`keeps at most HISTORY_LIMIT (${HISTORY_LIMIT}) steps, dropping the oldest`, () => {
    const { s } = setup();
    const id = s().addNode('service', { x: 0, y: 0 });
    const total = HISTORY_LIMIT + 25;
    for (let i = 1; i <= total; i++) s().moveNodes([{ id, position: { x: i, y: 0 } }]);
    expect(s().past).toHaveLength(HISTORY_LIMIT);
    let undos = 0;
    while (s().past.length) {
      s().undo();
      undos++;
    }
    expect(undos).toBe(HISTORY_LIMIT);
    expect(nodeById(s().design, id).position.x).toBe(total - HISTORY_LIMIT);
    expect(s().future).toHaveLength(HISTORY_LIMIT);
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) s().redo();
    expect(nodeById(s().design, id).position.x).toBe(total);
  });

  it('undo and redo with empty history do nothing', () => {
    const { store, s } = setup();
    let calls = 0;
    const off = store.subscribe(() => calls++);
    s().undo();
    s().redo();
    off();
    expect(calls).toBe(0);
  });
});

describe('property: any sequence of actions keeps the design consistent and loadable', () => {
  type Cmd = (s: () => ReturnType<EditorStore['getState']>, pick: (n: number) => number) => void;
  const anyId = (ids: readonly string[], pick: (n: number) => number) => (ids.length ? ids[pick(ids.length)] : 'ghost');
  const cmds: Record<string, Cmd> = {
    add: (s, pick) => void s().addNode(NODE_KINDS[pick(NODE_KINDS.length)], { x: pick(500), y: pick(500) }),
    rename: (s, pick) => void s().updateNode(anyId(s().design.nodes.map((n) => n.id), pick), { name: ['a', 'b', 'service', 'db', 'Bad', 'x-1'][pick(6)] }),
    move: (s, pick) => s().moveNodes([{ id: anyId(s().design.nodes.map((n) => n.id), pick), position: { x: pick(900), y: pick(900) } }]),
    connect: (s, pick) => {
      const ids = s().design.nodes.map((n) => n.id);
      s().connect(anyId(ids, pick), anyId(ids, pick));
    },
    select: (s, pick) => {
      const d = s().design;
      s().select(
        { nodes: d.nodes.filter(() => pick(2) === 0).map((n) => n.id), edges: d.edges.filter(() => pick(3) === 0).map((e) => e.id), groups: d.groups.filter(() => pick(2) === 0).map((g) => g.id) },
        (['replace', 'add', 'toggle'] as const)[pick(3)],
      );
    },
    selectAll: (s) => s().selectAll(),
    del: (s) => s().deleteSelection(),
    // Pasting a select-all doubles the design: capped so a long script stays quick.
    copyPaste: (s) => {
      if (s().design.nodes.length > 120) return;
      s().copySelection();
      s().paste();
    },
    duplicate: (s) => (s().design.nodes.length > 120 ? undefined : s().duplicateSelection()),
    group: (s) => void s().groupSelection(),
    ungroup: (s, pick) => s().ungroup(anyId(s().design.groups.map((g) => g.id), pick)),
    setParent: (s, pick) => {
      const groups = s().design.groups.map((g) => g.id);
      s().setParent([anyId(s().design.nodes.map((n) => n.id), pick)], pick(3) === 0 || !groups.length ? null : anyId(groups, pick));
    },
    kind: (s, pick) => void s().setEdgeKind(anyId(s().design.edges.map((e) => e.id), pick), (['call', 'publish', 'subscribe', 'data'] as const)[pick(4)]),
    event: (s, pick) => {
      const id = s().addEvent(anyId(s().design.nodes.map((n) => n.id), pick));
      if (pick(2)) s().publishEvent(id);
      if (pick(2)) s().addEventVersion(id);
    },
    layout: (s, pick) => s().applyLayout(Object.fromEntries(s().design.nodes.map((n) => [n.id, { x: pick(2) ? pick(1000) : Number.NaN, y: pick(1000) }]))),
    gesture: (s, pick) => {
      s().beginGesture();
      for (const n of s().design.nodes) s().moveNodes([{ id: n.id, position: { x: pick(100), y: pick(100) } }]);
      s().endGesture();
    },
    undo: (s) => s().undo(),
    redo: (s) => s().redo(),
  };
  const names = Object.keys(cmds);

  it('holds for random sessions', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...names), fc.array(fc.nat(), { minLength: 8, maxLength: 8 })), { maxLength: 40 }), (script) => {
        const { store, s } = setup(full());
        for (const [name, seeds] of script) {
          let i = 0;
          const pick = (n: number) => seeds[i++ % seeds.length] % n;
          cmds[name](s, pick);
          expectConsistent(store);
        }
        // Whatever the session made saves and loads back the same, in both formats.
        for (const text of [serializeDesignJson(s().design), serializeDesignYaml(s().design)]) {
          const r = parseDesignText(text);
          if (!r.ok) throw new Error(r.error);
          expect(r.design).toEqual(s().design);
        }
        // Undo all the way restores the start exactly.
        while (s().past.length) s().undo();
        expect(JSON.stringify(s().design)).toBe(JSON.stringify(full()));
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

describe('nodes keep unknown fields through edits', () => {
  it('updateNode and paste keep fields a newer editor wrote', () => {
    const d = full();
    (d.nodes[2] as DesignNode & { futureField?: unknown }).futureField = { a: 1 };
    const { s } = setup(d);
    s().updateNode('svc_orders', { label: 'x' });
    expect((nodeById(s().design, 'svc_orders') as Record<string, unknown>).futureField).toEqual({ a: 1 });
    s().select({ nodes: ['svc_orders'] });
    s().copySelection();
    s().paste();
    expect((s().design.nodes.at(-1) as Record<string, unknown>).futureField).toEqual({ a: 1 });
  });
});
