import { describe, expect, it } from 'vitest';
import { createEdge, createNode, designSchema, type DesignEdge, type DesignNode } from '@/lib/model';
import { buildGraph, getGraph } from './build';
import { EDGE_FLAG, EDGE_KIND_CODE, NODE_FLAG, NODE_KIND_CODE, PROTOCOL_CODE } from './types';
import { designOf } from './test-utils';

describe('buildGraph indexes', () => {
  const d = designOf({
    nodes: {
      web: 'client',
      gw: 'gateway',
      orders: 'service',
      payments: 'service',
      stock: 'service',
      bus: 'broker',
      'orders-db': ['database', { ownerId: 'orders' }],
      shared: 'database',
      cache: ['cache', { ownerId: 'ghost' }],
    },
    edges: [
      'web -> gw',
      'gw -> orders',
      'orders -> payments',
      'orders -> payments', // a second edge to the same service: one neighbour
      'orders -> stock',
      ['orders -> bus', { topic: 'orders', event: 'OrderPlaced', version: 1 }],
      ['bus -> stock', { topic: 'orders', event: 'OrderPlaced', version: 1 }],
      ['bus -> payments', { topic: 'orders', event: 'OrderPlaced', version: 1 }],
      'orders -> orders-db',
      'orders -> shared',
      'payments -> shared',
      'payments -> shared',
      'stock -> cache',
      'orders -> nowhere',
      'ghost -> stock',
    ],
  });
  const g = buildGraph(d);

  it('indexes nodes by id in design order and by kind', () => {
    expect(g.nodeList.map((e) => e.node.id)).toEqual(d.nodes.map((n) => n.id));
    expect(g.nodeList.every((e, i) => e.index === i)).toBe(true);
    expect(g.services.map((s) => s.id)).toEqual(['orders', 'payments', 'stock']);
    expect(g.nodesByKind.database.map((s) => s.id)).toEqual(['orders-db', 'shared']);
    expect(g.node('gw')?.kind).toBe('gateway');
    expect(g.node('nope')).toBeUndefined();
  });

  it('builds out/in adjacency per edge kind and skips dangling edges', () => {
    expect(g.outEdges('orders', 'call').map((e) => e.target.id)).toEqual(['payments', 'payments', 'stock']);
    expect(g.inEdges('payments', 'call')).toHaveLength(2);
    expect(g.outEdges('orders', 'publish')).toHaveLength(1);
    expect(g.inEdges('stock', 'subscribe')).toHaveLength(1);
    expect(g.outEdges('orders', 'data')).toHaveLength(2);
    expect(g.outEdges('unknown', 'call')).toEqual([]);
    expect(g.dangling.map((e) => e.id)).toEqual(['orders:nowhere', 'ghost:stock']);
    expect(g.edge('orders:nowhere')).toBeUndefined();
    expect(g.edge('orders:stock')?.target.kind).toBe('service');
    expect(g.edgesByKind.call).toHaveLength(5);
  });

  it('computes distinct service degrees and their distribution', () => {
    expect(g.degreeOf('orders')).toEqual({ fanIn: 0, fanOut: 2 });
    expect(g.degreeOf('payments')).toEqual({ fanIn: 1, fanOut: 0 });
    expect(g.fanOut[g.nodes.get('orders')!.index]).toBe(2);
    expect(g.degreeOf('web')).toEqual({ fanIn: 0, fanOut: 0 });
    expect(g.degreeStats.servicePairs).toBe(2);
    expect(g.degreeStats.fanOut.mean).toBeCloseTo(2 / 3);
    expect(g.degreeStats.fanOut.max).toBe(2);
    expect(g.degreeStats.fanOut.stddev).toBeCloseTo(Math.sqrt(((2 - 2 / 3) ** 2 + 2 * (2 / 3) ** 2) / 3));
  });

  it('records data ownership: distinct accessors and a declared owner only when it is a service', () => {
    const store = (id: string) => g.storeAt[g.nodes.get(id)!.index]!;
    expect(store('shared').accessors.map((a) => a.id)).toEqual(['orders', 'payments']);
    expect(store('shared').edges).toHaveLength(3);
    expect(store('orders-db').owner?.id).toBe('orders');
    expect(store('cache').owner).toBeUndefined();
    expect(g.dataStores.map((s) => s.node.id)).toEqual(['orders-db', 'shared', 'cache']);
    expect(g.storeAt[g.nodes.get('orders')!.index]).toBeUndefined();
    expect(g.ownedStores.get('orders')?.map((s) => s.id)).toEqual(['orders-db']);
    expect(g.hasData[g.nodes.get('orders')!.index]).toBe(1);
    expect(g.hasData[g.nodes.get('gw')!.index]).toBe(0);
  });

  it('indexes event and topic channels', () => {
    const ch = g.eventChannel('OrderPlaced', 1)!;
    expect(ch.publishers).toHaveLength(1);
    expect(ch.subscriberServices.map((s) => s.id)).toEqual(['stock', 'payments']);
    expect(g.eventChannel('OrderPlaced', 2)).toBeUndefined();
    expect(g.events).toEqual([ch]);
    expect(g.topicChannel('bus', 'orders')?.subscribers).toHaveLength(2);
    expect(g.topicChannel('bus', 'nope')).toBeUndefined();
    expect(g.outEdges('orders', 'publish')[0].channel).toBe(ch);
    expect(g.outEdges('orders', 'publish')[0].topicChannel).toBe(g.topics[0]);
    expect(g.outEdges('orders', 'call')[0].channel).toBeUndefined();
  });

  it('measures the longest sync chain from the entry points; the client hop is free', () => {
    expect(g.sync.entryPoints).toEqual(['web', 'gw']);
    expect(g.sync.longestPath.hops).toBe(2);
    expect(g.sync.longestPath.nodes).toEqual(['web', 'gw', 'orders', 'payments']);
    expect(g.sync.longestPath.edges).toEqual(['web:gw', 'gw:orders', 'orders:payments']);
    expect(g.sync.cycles).toEqual([]);
  });

  it('is memoized for the two most recent design objects', () => {
    const g1 = getGraph(d);
    expect(getGraph(d)).toBe(g1);
    const d2 = { ...d };
    const g2 = getGraph(d2);
    expect(g2).not.toBe(g1);
    expect(getGraph(d)).toBe(g1);
    getGraph({ ...d }); // a third design evicts the least recently used (d2)
    expect(getGraph(d)).toBe(g1);
    expect(getGraph(d2)).not.toBe(g2);
  });
});

describe('sync analysis', () => {
  it('finds cycles, keeps self-loops out of them, and collapses cycles on the longest path', () => {
    const g = buildGraph(
      designOf({
        nodes: { a: 'service', b: 'service', c: 'service', d: 'service', e: 'service' },
        edges: ['a -> b', 'b -> c', 'c -> b', 'c -> d', 'd -> d', 'd -> e'],
      }),
    );
    expect(g.sync.cycles).toEqual([{ nodes: ['b', 'c'], edges: ['b:c', 'c:b'] }]);
    expect(g.sync.selfLoops.map((e) => e.id)).toEqual(['d:d']);
    // No clients or gateways: start from services nothing calls (a).
    expect(g.sync.entryPoints).toEqual(['a']);
    // a→b, (b→c inside the cycle is free), c→d, d→e.
    expect(g.sync.longestPath.hops).toBe(3);
    expect(g.sync.longestPath.nodes).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(g.sync.longestPath.edges).toEqual(['a:b', 'c:d', 'd:e']);
  });

  it('starts from a source component when every service is in a cycle', () => {
    const g = buildGraph(designOf({ nodes: { a: 'service', b: 'service', c: 'service' }, edges: ['a -> b', 'b -> a', 'b -> c'] }));
    expect(g.sync.entryPoints).toEqual(['a']);
    expect(g.sync.longestPath.hops).toBe(1);
    expect(g.sync.longestPath.edges).toEqual(['b:c']);
  });

  it('handles the empty design', () => {
    const g = buildGraph(designSchema.parse({}));
    expect(g.sync.longestPath).toEqual({ hops: 0, nodes: [], edges: [] });
    expect(g.degreeStats.fanIn).toEqual({ mean: 0, stddev: 0, max: 0 });
  });

  it('skips duplicated node and edge ids, keeping the first', () => {
    const a = createNode('service', { id: 'a', name: 'a' });
    const a2 = createNode('database', { id: 'a', name: 'a2' });
    const b = createNode('service', { id: 'b', name: 'b' });
    const e = createEdge(a, b, { id: 'e' });
    const g = buildGraph(designSchema.parse({ nodes: [a, a2, b], edges: [e, e] }));
    expect(g.node('a')?.kind).toBe('service');
    expect(g.duplicateNodeIds).toEqual(['a']);
    expect(g.duplicateEdgeIds).toEqual(['e']);
    // Edges with a repeated id are all indexed; lookups by id find the first.
    expect(g.edgesByKind.call).toHaveLength(2);
    expect(g.edge('e')).toBe(g.edgeList[0]);
  });

  it('handles a 10,000-node call chain and a 10,000-node cycle without recursion', () => {
    const n = 10_000;
    const nodes: DesignNode[] = [];
    const edges: DesignEdge[] = [];
    for (let i = 0; i < n; i++) nodes.push(createNode('service', { id: `s${i}`, name: `s${i}` }));
    for (let i = 0; i + 1 < n; i++) edges.push(createEdge(nodes[i], nodes[i + 1], { id: `e${i}` }));
    const chain = buildGraph(designSchema.parse({ nodes, edges }));
    expect(chain.sync.longestPath.hops).toBe(n - 1);
    expect(chain.sync.cycles).toHaveLength(0);

    const ring = buildGraph(designSchema.parse({ nodes, edges: [...edges, createEdge(nodes[n - 1], nodes[0], { id: 'back' })] }));
    expect(ring.sync.cycles).toHaveLength(1);
    expect(ring.sync.cycles[0].nodes).toHaveLength(n);
    expect(ring.sync.cycles[0].edges).toHaveLength(n);
    expect(ring.sync.longestPath.hops).toBe(0);
  });

  it('exposes the same adjacency as typed arrays and as per-node lists (built once, in design order)', () => {
    const d = designOf({
      nodes: { a: 'service', b: 'service', q: 'broker', db: 'database', ghost: 'external' },
      edges: ['a -> b', 'b -> a', 'a -> b', 'a -> q', 'q -> b', 'a -> db', 'b -> db', 'a -> ghost', 'a -> nowhere'],
    });
    const g = buildGraph(d);
    const slots = ['outCall', 'inCall', 'outPublish', 'inPublish', 'outSubscribe', 'inSubscribe', 'outData', 'inData'] as const;
    for (const entry of g.nodeList) {
      for (const slot of slots) {
        const { offsets, items } = g.adjacency[slot];
        const viaCsr = Array.from(items.subarray(offsets[entry.index], offsets[entry.index + 1]), (i) => g.edgeList[i]);
        expect(entry[slot], `${entry.id}.${slot}`).toEqual(viaCsr);
        expect(entry[slot]).toBe(entry[slot]);
        const dir = slot.startsWith('out') ? 'source' : 'target';
        const kind = slot.replace(/^(out|in)/, '').toLowerCase();
        expect(viaCsr.every((e) => e.edge.kind === kind && e[dir] === entry)).toBe(true);
        for (let i = 1; i < viaCsr.length; i++) expect(viaCsr[i - 1].index).toBeLessThan(viaCsr[i].index);
      }
    }
    const a = g.nodes.get('a')!;
    expect(a.outCall.map((e) => e.id)).toEqual(['a:b', 'a:b:2', 'a:ghost']);
    expect(g.adjacency.outCall.offsets).toHaveLength(g.nodeList.length + 1);
    expect(g.storeAt[g.nodes.get('db')!.index]!.edges.map((e) => e.id)).toEqual(['a:db', 'b:db']);
  });

  it('copies the hot edge and node fields into facts arrays that match the design', () => {
    const d = designOf({
      nodes: {
        a: ['service', { tracing: false, logging: 'text', replicas: 3, stateless: false, healthCheck: { liveness: true, readiness: false } }],
        b: 'service',
        q: 'broker',
        db: 'database',
      },
      edges: [
        ['a -> b', { timeoutMs: undefined, circuitBreaker: { enabled: false }, tls: true, protocol: 'grpc', retries: 3, operations: [{ method: 'POST', path: '/x' }], callsPerRequest: 4 }],
        ['b -> a', { idempotencyKey: true }],
        ['a -> q', { outbox: true }],
        ['q -> b', { dedupe: false }],
        ['a -> db', { access: 'read' }],
        'b -> nowhere',
      ],
    });
    const g = buildGraph(d);
    const f = g.edgeFacts;
    const at = (id: string) => g.edge(id)!.index;
    expect(Array.from(f.byKind.call)).toEqual(g.edgesByKind.call.map((e) => e.index));
    expect(Array.from(f.byKind.data)).toEqual([at('a:db')]);
    for (const e of g.edgeList) {
      expect(f.kind[e.index]).toBe(EDGE_KIND_CODE[e.edge.kind]);
      expect(f.source[e.index]).toBe(e.source.index);
      expect(f.target[e.index]).toBe(e.target.index);
    }
    expect(f.timeoutMs[at('a:b')]).toBe(-1);
    expect(f.timeoutMs[at('b:a')]).toBe(2000);
    expect(f.flags[at('a:b')]).toBe(EDGE_FLAG.tls);
    expect(f.flags[at('b:a')]).toBe(EDGE_FLAG.breaker | EDGE_FLAG.idempotencyKey);
    expect(f.protocol[at('a:b')]).toBe(PROTOCOL_CODE.grpc);
    expect([f.retries[at('a:b')], f.operations[at('a:b')], f.callsPerRequest[at('a:b')]]).toEqual([3, 1, 4]);
    expect(f.flags[at('a:q')]).toBe(EDGE_FLAG.outbox);
    expect(f.flags[at('q:b')]).toBe(0);
    expect(f.flags[at('a:db')]).toBe(EDGE_FLAG.read);
    const a = g.nodes.get('a')!.index;
    const b = g.nodes.get('b')!.index;
    expect(g.nodeFacts.kind[g.nodes.get('q')!.index]).toBe(NODE_KIND_CODE.broker);
    expect(g.nodeFacts.flags[a]).toBe(NODE_FLAG.liveness);
    expect(g.nodeFacts.flags[b]).toBe(NODE_FLAG.tracing | NODE_FLAG.jsonLogging | NODE_FLAG.liveness | NODE_FLAG.readiness | NODE_FLAG.stateless);
    expect(g.nodeFacts.replicas[a]).toBe(3);
  });
});
