import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import { createEdge, createNode, emptyDesign, groupSchema, type Design } from '@/lib/model';
import { createEditorStore, NODE_BOX } from '@/lib/store';
import { buildElkGraph, readElkLayout } from './elkGraph';

function chainWithGroup(): Design {
  const web = createNode('client', { id: 'web', name: 'web' });
  const api = createNode('gateway', { id: 'api', name: 'api' });
  const orders = createNode('service', { id: 'orders', name: 'orders', parentId: 'g1', position: { x: 5, y: 5 } });
  const db = createNode('database', { id: 'db', name: 'orders-db', parentId: 'g1', position: { x: 5, y: 5 } });
  const empty = groupSchema.parse({ id: 'g2', name: 'Empty', position: { x: 0, y: 0 }, size: { width: 240, height: 160 } });
  return {
    ...emptyDesign(),
    nodes: [web, api, orders, db],
    groups: [groupSchema.parse({ id: 'g1', name: 'Ordering', position: { x: 0, y: 0 }, size: { width: 100, height: 100 } }), empty],
    edges: [createEdge(web, api, { id: 'e1' }), createEdge(api, orders, { id: 'e2' }), createEdge(orders, db, { id: 'e3' })],
  };
}

describe('elk layout', () => {
  it('builds a compound graph with edges in their lowest common ancestor', () => {
    const g = buildElkGraph(chainWithGroup());
    const group = g.children!.find((c) => c.id === 'g1')!;
    expect(group.children!.map((c) => c.id)).toEqual(['orders', 'db']);
    expect(group.edges!.map((e) => e.id)).toEqual(['e3']);
    expect(g.edges!.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(g.children!.find((c) => c.id === 'g2')).toEqual({ id: 'g2', width: 240, height: 160 });
  });

  it('lays out left to right, members inside their resized group, as one undo step', async () => {
    const design = chainWithGroup();
    const laid = await new ELK().layout(buildElkGraph(design));
    const r = readElkLayout(design, laid);
    expect(r.nodes.web.x).toBeLessThan(r.nodes.api.x);
    const g = r.groups.g1;
    expect(g.position.x).toBeGreaterThan(r.nodes.api.x);
    // Members are relative to the group and fit inside it.
    for (const id of ['orders', 'db']) {
      expect(r.nodes[id].x).toBeGreaterThanOrEqual(0);
      expect(r.nodes[id].y).toBeGreaterThanOrEqual(0);
      expect(r.nodes[id].x + NODE_BOX.width).toBeLessThanOrEqual(g.size.width);
      expect(r.nodes[id].y + NODE_BOX.height).toBeLessThanOrEqual(g.size.height);
    }
    expect(r.nodes.orders.x).toBeLessThan(r.nodes.db.x);
    expect(r.groups.g2.size).toEqual({ width: 240, height: 160 });

    const store = createEditorStore(design);
    store.getState().applyLayout(r.nodes, r.groups);
    expect(store.getState().design.groups[0].size).toEqual(g.size);
    store.getState().undo();
    expect(store.getState().design).toBe(design);
  });
});
