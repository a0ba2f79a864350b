import { describe, expect, it } from 'vitest';
import { createEdge, createNode, emptyDesign, groupSchema, NODE_KINDS, type Design, type DesignNode } from '@/lib/model';
import { EMPTY_SELECTION, createEditorStore } from '@/lib/store';
import { createCanvasDeriver, edgeText, formatTimeout, type ArchFlowEdge, type CanvasNode } from './derive';
import { freeSpot, groupAt, placeNode, reparentAfterDrag, snap } from './geometry';

function sample(): Design {
  const d = emptyDesign('t');
  const group = groupSchema.parse({ id: 'g1', name: 'Ordering', position: { x: 100, y: 100 }, size: { width: 400, height: 300 } });
  const api = createNode('gateway', { id: 'api', name: 'api', position: { x: 0, y: 0 } });
  const orders = createNode('service', { id: 'orders', name: 'orders', position: { x: 40, y: 60 }, parentId: 'g1' });
  const db = createNode('database', { id: 'db', name: 'orders-db', position: { x: 40, y: 180 }, parentId: 'g1' });
  const bus = createNode('broker', { id: 'bus', name: 'bus', position: { x: 700, y: 0 } });
  return {
    ...d,
    // Children listed before the group on purpose: the canvas must still put the group first.
    nodes: [orders, api, db, bus],
    groups: [group],
    edges: [
      createEdge(api, orders, { id: 'e1' }),
      createEdge(orders, db, { id: 'e2' }),
      createEdge(orders, bus, { id: 'e3', topic: 'orders.placed' }),
    ],
  };
}

const byId = (ns: CanvasNode[]) => new Map(ns.map((n) => [n.id, n]));

describe('derive nodes', () => {
  it('maps every node kind to its React Flow type and groups to "group"', () => {
    const d = emptyDesign();
    const nodes = NODE_KINDS.map((k, i) => createNode(k, { id: `n${i}`, position: { x: i * 10, y: 0 } })) as DesignNode[];
    const out = createCanvasDeriver().nodes({ nodes, groups: [groupSchema.parse({ id: 'g', name: 'G', position: { x: 0, y: 0 }, size: { width: 100, height: 100 } })], selection: EMPTY_SELECTION });
    expect(out.map((n) => n.type)).toEqual(['group', ...NODE_KINDS]);
    expect(d.nodes).toHaveLength(0);
    const svc = out.find((n) => n.type === 'service')!;
    expect(svc.ariaLabel).toBe(svc.data.name);
    expect(svc.data).toMatchObject({ kind: 'service', tech: 'nestjs' });
  });

  it('puts groups before their children and keeps parentId and relative positions', () => {
    const d = sample();
    const out = createCanvasDeriver().nodes({ nodes: d.nodes, groups: d.groups, selection: EMPTY_SELECTION });
    const ids = out.map((n) => n.id);
    expect(ids[0]).toBe('g1');
    expect(ids.indexOf('g1')).toBeLessThan(ids.indexOf('orders'));
    const m = byId(out);
    expect(m.get('orders')).toMatchObject({ parentId: 'g1', position: { x: 40, y: 60 } });
    expect(m.get('api')!.parentId).toBeUndefined();
    expect(m.get('g1')).toMatchObject({ width: 400, height: 300, type: 'group' });
  });

  it('drops a parentId whose group does not exist', () => {
    const d = sample();
    const out = createCanvasDeriver().nodes({ nodes: d.nodes, groups: [], selection: EMPTY_SELECTION });
    expect(byId(out).get('orders')!.parentId).toBeUndefined();
  });

  it('sets selected flags from the store selection', () => {
    const d = sample();
    const out = createCanvasDeriver().nodes({ nodes: d.nodes, groups: d.groups, selection: { nodes: ['api'], edges: [], groups: ['g1'] } });
    const m = byId(out);
    expect(m.get('api')!.selected).toBe(true);
    expect(m.get('g1')!.selected).toBe(true);
    expect(m.get('orders')!.selected).toBe(false);
  });

  it('re-creates only the moved node and keeps its data object', () => {
    const store = createEditorStore(sample());
    const deriver = createCanvasDeriver();
    const input = () => ({ nodes: store.getState().design.nodes, groups: store.getState().design.groups, selection: store.getState().selection });
    const before = deriver.nodes(input());
    store.getState().moveNodes([{ id: 'api', position: { x: 16, y: 32 } }]);
    const after = deriver.nodes(input());
    expect(after).not.toBe(before);
    const b = byId(before);
    const a = byId(after);
    for (const id of ['g1', 'orders', 'db', 'bus']) expect(a.get(id)).toBe(b.get(id));
    expect(a.get('api')).not.toBe(b.get('api'));
    expect(a.get('api')!.position).toEqual({ x: 16, y: 32 });
    expect(a.get('api')!.data).toBe(b.get('api')!.data);
  });

  it('returns the same array for unrelated changes and when only edges are selected', () => {
    const store = createEditorStore(sample());
    const deriver = createCanvasDeriver();
    const input = () => ({ nodes: store.getState().design.nodes, groups: store.getState().design.groups, selection: store.getState().selection });
    const first = deriver.nodes(input());
    expect(deriver.nodes(input())).toBe(first);
    store.getState().updateEdge('e1', { timeoutMs: 500 });
    expect(deriver.nodes(input())).toBe(first);
    store.getState().select({ edges: ['e1'] });
    expect(deriver.nodes(input())).toBe(first);
  });

  it('selecting one node re-creates just that node', () => {
    const d = sample();
    const deriver = createCanvasDeriver();
    const before = byId(deriver.nodes({ nodes: d.nodes, groups: d.groups, selection: EMPTY_SELECTION }));
    const after = byId(deriver.nodes({ nodes: d.nodes, groups: d.groups, selection: { nodes: ['bus'], edges: [], groups: [] } }));
    expect(after.get('bus')).not.toBe(before.get('bus'));
    expect(after.get('bus')!.data).toBe(before.get('bus')!.data);
    expect(after.get('api')).toBe(before.get('api'));
  });

  it('renaming makes new data; measured sizes are carried and reused', () => {
    const store = createEditorStore(sample());
    const deriver = createCanvasDeriver();
    const measured = new Map([['api', { width: 200, height: 72 }]]);
    const s = () => store.getState();
    const before = byId(deriver.nodes({ nodes: s().design.nodes, groups: s().design.groups, selection: s().selection, measured }));
    expect(before.get('api')!.measured).toEqual({ width: 200, height: 72 });
    store.getState().updateNode('api', { name: 'edge' });
    const after = byId(deriver.nodes({ nodes: s().design.nodes, groups: s().design.groups, selection: s().selection, measured }));
    expect(after.get('api')!.data.name).toBe('edge');
    expect(after.get('api')!.ariaLabel).toBe('edge');
    expect(after.get('api')!.data).not.toBe(before.get('api')!.data);
    expect(after.get('bus')).toBe(before.get('bus'));
  });
});

describe('derive edges', () => {
  it('labels edges by kind and skips edges to missing nodes', () => {
    const d = sample();
    const edges = [...d.edges, { ...d.edges[0], id: 'dangling', target: 'nope' }];
    const out = createCanvasDeriver().edges({ edges, nodes: d.nodes, selection: EMPTY_SELECTION });
    expect(out.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    const m = new Map<string, ArchFlowEdge>(out.map((e) => [e.id, e]));
    expect(m.get('e1')!.data).toMatchObject({ kind: 'call', text: 'REST 2s' });
    expect(m.get('e2')!.data).toMatchObject({ kind: 'data', text: 'reads/writes' });
    expect(m.get('e3')!.data).toMatchObject({ kind: 'publish', text: 'publish orders.placed' });
    expect(m.get('e3')!.data!.dash).toBeTruthy();
    expect(m.get('e1')!.data!.dash).toBeUndefined();
    expect(m.get('e1')!.type).toBe('arch');
    expect(m.get('e1')!.ariaLabel).toContain('api');
  });

  it('keeps the edge array across node moves and re-creates a selected edge only', () => {
    const store = createEditorStore(sample());
    const deriver = createCanvasDeriver();
    const s = () => store.getState();
    const first = deriver.edges({ edges: s().design.edges, nodes: s().design.nodes, selection: s().selection });
    store.getState().moveNodes([{ id: 'api', position: { x: 300, y: 300 } }]);
    expect(deriver.edges({ edges: s().design.edges, nodes: s().design.nodes, selection: s().selection })).toBe(first);
    store.getState().select({ edges: ['e2'] });
    const sel = deriver.edges({ edges: s().design.edges, nodes: s().design.nodes, selection: s().selection });
    expect(sel).not.toBe(first);
    expect(sel[0]).toBe(first[0]);
    expect(sel[1].selected).toBe(true);
    expect(sel[1].data).toBe(first[1].data);
  });

  it('renaming a node updates the labels of its edges only', () => {
    const store = createEditorStore(sample());
    const deriver = createCanvasDeriver();
    const s = () => store.getState();
    const first = deriver.edges({ edges: s().design.edges, nodes: s().design.nodes, selection: s().selection });
    store.getState().updateNode('bus', { name: 'events' });
    const next = deriver.edges({ edges: s().design.edges, nodes: s().design.nodes, selection: s().selection });
    expect(next[0]).toBe(first[0]);
    expect(next[2]).not.toBe(first[2]);
    expect(next[2].ariaLabel).toContain('events');
  });

  it('numbers edges between the same two nodes, either direction, so their labels can stack', () => {
    const d = sample();
    const [orders, bus] = [d.nodes.find((n) => n.id === 'orders')!, d.nodes.find((n) => n.id === 'bus')!];
    const edges = [
      ...d.edges,
      createEdge(bus, orders, { id: 'e4', topic: 'orders.placed' }),
      createEdge(orders, bus, { id: 'e5', kind: 'call' }),
    ];
    const deriver = createCanvasDeriver();
    const out = deriver.edges({ edges, nodes: d.nodes, selection: EMPTY_SELECTION });
    const slot = (id: string) => out.find((e) => e.id === id)!.data!;
    expect(slot('e1')).toMatchObject({ slot: 0, slots: 1 });
    expect(slot('e2')).toMatchObject({ slot: 0, slots: 1 });
    // orders→bus publish, bus→orders subscribe, orders→bus call: one pair, three labels.
    expect([slot('e3'), slot('e4'), slot('e5')].map((x) => [x.slot, x.slots])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    // Removing one renumbers the rest; untouched edges keep their objects.
    const fewer = deriver.edges({ edges: edges.filter((e) => e.id !== 'e4'), nodes: d.nodes, selection: EMPTY_SELECTION });
    const f = new Map(fewer.map((e) => [e.id, e]));
    expect([f.get('e3')!.data, f.get('e5')!.data].map((x) => [x!.slot, x!.slots])).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(f.get('e1')).toBe(out[0]);
    expect(f.get('e4')).toBeUndefined();
  });

  it('formats labels', () => {
    expect(formatTimeout(2000)).toBe('2s');
    expect(formatTimeout(1500)).toBe('1.5s');
    expect(formatTimeout(250)).toBe('250ms');
    const [a, b] = [createNode('service', { id: 'a' }), createNode('service', { id: 'b', name: 'b' })];
    expect(edgeText(createEdge(a, b, { protocol: 'grpc', timeoutMs: undefined }))).toBe('gRPC');
    expect(edgeText(createEdge(a, b, { label: 'custom' }))).toBe('custom');
    const db = createNode('database', { id: 'd' });
    expect(edgeText(createEdge(a, db, { access: 'read' }))).toBe('reads');
  });
});

describe('geometry', () => {
  it('snaps, hit-tests groups and avoids stacking', () => {
    const d = sample();
    expect(snap({ x: 7, y: 9 })).toEqual({ x: 0, y: 16 });
    expect(groupAt(d.groups, { x: 150, y: 150 })?.id).toBe('g1');
    expect(groupAt(d.groups, { x: 50, y: 50 })).toBeUndefined();
    expect(freeSpot(d, { x: 1000, y: 1000 })).toEqual({ x: 1000, y: 1000 });
    // api sits at 0,0 (orders just below it): repeated adds land in free cells, never overlapping.
    expect(freeSpot(d, { x: 0, y: 0 })).not.toEqual({ x: 0, y: 0 });
    let design = d;
    for (let i = 0; i < 6; i++) {
      const p = freeSpot(design, { x: 0, y: 0 });
      for (const n of design.nodes) {
        const a = n.parentId ? { x: n.position.x + 100, y: n.position.y + 100 } : n.position;
        expect(Math.abs(a.x - p.x) >= 200 || Math.abs(a.y - p.y) >= 72).toBe(true);
      }
      design = { ...design, nodes: [...design.nodes, createNode('service', { id: `x${i}`, name: `x${i}`, position: p })] };
    }
  });

  it('places a node dropped in a group relative to it', () => {
    const d = sample();
    expect(placeNode(d, { x: 300, y: 250 })).toEqual({ position: { x: 100, y: 114 }, parentId: 'g1' });
    expect(placeNode(d, { x: 1000, y: 1000 })).toEqual({ position: { x: 900, y: 964 } });
    // Dropped near the group's left edge: pulled inside rather than sticking out.
    expect(placeNode(d, { x: 110, y: 110 })).toEqual({ position: { x: 0, y: 40 }, parentId: 'g1' });
  });

  it('reparents nodes dragged into and out of groups', () => {
    const d = sample();
    // api dragged into the group, orders dragged out of it.
    const moved: Design = {
      ...d,
      nodes: d.nodes.map((n) => (n.id === 'api' ? { ...n, position: { x: 200, y: 200 } } : n.id === 'orders' ? { ...n, position: { x: 900, y: 900 } } : n)),
    };
    const r = reparentAfterDrag(moved, ['api', 'orders', 'bus']);
    expect(r.get('g1')).toEqual(['api']);
    expect(r.get(null)).toEqual(['orders']);
    expect(r.size).toBe(2);
    // Members dragged along with their group stay in it.
    expect(reparentAfterDrag(moved, ['g1', 'orders']).size).toBe(0);
  });
});
