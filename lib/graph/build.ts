import type { CallEdge, DataEdge, Design, DesignEdge, DesignNode, EdgeKind, EdgeOfKind, NodeKind, PublishEdge, SubscribeEdge } from '@/lib/model';
import { longestPathFrom } from './paths';
import { stronglyConnectedComponents, toCsr } from './scc';
import { EDGE_FLAG, EDGE_KIND_CODE, NODE_FLAG, NODE_KIND_CODE, PROTOCOL_CODE } from './types';
import type {
  Adjacency,
  AdjacencyIndex,
  DataStoreInfo,
  EdgeFacts,
  NodeFacts,
  DataStoreNode,
  DesignGraph,
  Distribution,
  EdgeEntry,
  EventChannel,
  NodeEntry,
  SyncAnalysis,
  TopicChannel,
} from './types';

const EMPTY: readonly never[] = Object.freeze([]);
const EMPTY_INTS = new Int32Array(0);

/** A string key for an event name and version (for callers' own sets and maps). */
export function eventKey(event: string, version: number): string {
  return `${event}@${version}`;
}

/** A string key for a broker id and topic (for callers' own sets and maps). */
export function topicKey(brokerId: string, topic: string): string {
  return `${brokerId}\u0000${topic}`;
}

// Adjacency slots: 2 * kind + direction (0 = out, 1 = in), kinds in EDGE_KIND_CODE order.
const SLOTS = 8;

/**
 * Adjacency of every node in compressed sparse row form, one region per slot. Rules read the
 * typed arrays directly; the per-node arrays of NodeEntry are built only when asked for (by
 * generators and tests), so a 10,000-node graph allocates no per-node lists at all.
 */
class AdjacencyCore {
  private cache: Map<number, readonly EdgeEntry[]> | undefined;
  // Filled in once the edges are indexed; entries are created with a reference to this object
  // first, so their field never changes afterwards.
  nodeCount = 0;
  /** offsets[slot * (n + 1) + v] … offsets[slot * (n + 1) + v + 1] index `items`. */
  offsets: Int32Array = EMPTY_INTS;
  /** Edge indices (into edgeList), grouped by slot and node, design order within a node. */
  items: Int32Array = EMPTY_INTS;
  edgeList: readonly EdgeEntry[] = EMPTY;

  list(slot: number, v: number): readonly EdgeEntry[] {
    const base = slot * (this.nodeCount + 1) + v;
    const from = this.offsets[base];
    const to = this.offsets[base + 1];
    if (from === to) return EMPTY;
    const key = slot * this.nodeCount + v;
    const hit = this.cache?.get(key);
    if (hit) return hit;
    const out: EdgeEntry[] = new Array(to - from);
    for (let k = from; k < to; k++) out[k - from] = this.edgeList[this.items[k]];
    (this.cache ??= new Map()).set(key, Object.freeze(out));
    return out;
  }
}

// One class for every entry keeps property reads in rules monomorphic; adjacency lists are
// getters over the shared CSR arrays (built and cached on first use).
class Entry {
  constructor(
    readonly node: DesignNode,
    readonly id: string,
    readonly kind: NodeKind,
    readonly name: string,
    readonly index: number,
    readonly adj: AdjacencyCore,
  ) {}
  get outCall() {
    return this.adj.list(0, this.index) as readonly EdgeEntry<CallEdge>[];
  }
  get inCall() {
    return this.adj.list(1, this.index) as readonly EdgeEntry<CallEdge>[];
  }
  get outPublish() {
    return this.adj.list(2, this.index) as readonly EdgeEntry<PublishEdge>[];
  }
  get inPublish() {
    return this.adj.list(3, this.index) as readonly EdgeEntry<PublishEdge>[];
  }
  get outSubscribe() {
    return this.adj.list(4, this.index) as readonly EdgeEntry<SubscribeEdge>[];
  }
  get inSubscribe() {
    return this.adj.list(5, this.index) as readonly EdgeEntry<SubscribeEdge>[];
  }
  get outData() {
    return this.adj.list(6, this.index) as readonly EdgeEntry<DataEdge>[];
  }
  get inData() {
    return this.adj.list(7, this.index) as readonly EdgeEntry<DataEdge>[];
  }
}
type MutableEntry = Entry;

/** Store info with its edge list built on first use (most rules only need the accessors). */
class StoreInfo {
  constructor(
    readonly node: DataStoreNode,
    readonly entry: NodeEntry<DataStoreNode>,
    readonly accessors: readonly NodeEntry[],
    readonly owner: NodeEntry | undefined,
  ) {}
  get edges(): readonly EdgeEntry<DataEdge>[] {
    return this.entry.inData;
  }
}

interface MutableEventChannel {
  event: string;
  version: number;
  publishers: EdgeEntry<PublishEdge>[];
  subscribers: EdgeEntry<SubscribeEdge>[];
  publisherServices: NodeEntry[];
  subscriberServices: NodeEntry[];
  /** Build-time dedupe of the two lists above. */
  pubSeen: Set<NodeEntry>;
  subSeen: Set<NodeEntry>;
}
interface MutableTopicChannel {
  brokerId: string;
  topic: string;
  publishers: EdgeEntry<PublishEdge>[];
  subscribers: EdgeEntry<SubscribeEdge>[];
}
type MutableEdgeEntry = { -readonly [K in keyof EdgeEntry]: EdgeEntry[K] };

function distribution(values: Int32Array): Distribution {
  const n = values.length;
  if (n === 0) return { mean: 0, stddev: 0, max: 0 };
  let sum = 0;
  let max = 0;
  for (let i = 0; i < n; i++) {
    sum += values[i];
    if (values[i] > max) max = values[i];
  }
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < n; i++) sq += (values[i] - mean) ** 2;
  return { mean, stddev: Math.sqrt(sq / n), max };
}

/**
 * Derives every index the rules and generators need from one design, in O(nodes + edges).
 * Ids are hashed once here; everything after works on resolved entries and integer indices.
 * Dangling edges and duplicated node ids are recorded and otherwise skipped, so any
 * schema-valid design is safe.
 */
export function buildGraph(design: Design): DesignGraph {
  const core = new AdjacencyCore();
  const nodes = new Map<string, MutableEntry>();
  const nodeList: MutableEntry[] = [];
  const duplicateNodeIds: string[] = [];
  const byKind: { [K in NodeKind]: MutableEntry[] } = {
    service: [],
    gateway: [],
    broker: [],
    database: [],
    cache: [],
    external: [],
    client: [],
    observability: [],
  };
  const nodeCount = design.nodes.length;
  const nodeKindCode = new Uint8Array(nodeCount);
  const nodeFlags = new Uint8Array(nodeCount);
  const replicas = new Int32Array(nodeCount);
  for (const node of design.nodes) {
    const id = node.id;
    const entry = new Entry(node, id, node.kind, node.name, nodeList.length, core);
    // set-then-check-size hashes the id once; a duplicate id (rare) restores the first entry.
    const before = nodes.size;
    nodes.set(id, entry);
    if (nodes.size === before) {
      nodes.set(id, nodeList.find((x) => x.id === id)!);
      duplicateNodeIds.push(id);
      continue;
    }
    const v = nodeList.length;
    nodeList.push(entry);
    byKind[entry.kind].push(entry);
    nodeKindCode[v] = NODE_KIND_CODE[node.kind];
    if (node.kind === 'service') {
      // Read while the node is in cache: rules then scan these arrays instead of the objects.
      const hc = node.healthCheck;
      nodeFlags[v] =
        (node.tracing ? NODE_FLAG.tracing : 0) |
        (node.logging === 'json' ? NODE_FLAG.jsonLogging : 0) |
        (hc.liveness ? NODE_FLAG.liveness : 0) |
        (hc.readiness ? NODE_FLAG.readiness : 0) |
        (node.stateless ? NODE_FLAG.stateless : 0);
      replicas[v] = node.replicas;
    }
  }

  const n = nodeList.length;
  const edgeList: EdgeEntry[] = [];
  const calls: EdgeEntry<CallEdge>[] = [];
  const publishes: EdgeEntry<PublishEdge>[] = [];
  const subscribes: EdgeEntry<SubscribeEdge>[] = [];
  const datas: EdgeEntry<DataEdge>[] = [];
  const dangling: DesignEdge[] = [];
  // Channels are looked up by the edges' own strings (nested maps, versions in a short list)
  // rather than by concatenated keys: a fresh key string per edge would be hashed every time.
  const eventList: MutableEventChannel[] = [];
  const eventsByName = new Map<string, MutableEventChannel[]>();
  const topicList: MutableTopicChannel[] = [];
  const topicsByBroker = new Map<string, Map<string, MutableTopicChannel>>();
  // Sync call edges as index pairs, for the typed-array SCC and path passes.
  const callSrc = new Int32Array(design.edges.length);
  const callDst = new Int32Array(design.edges.length);
  // Adjacency is built in two passes (count, then fill) into one CSR per slot: no per-node
  // arrays, which at 10,000 nodes were most of the graph's allocations.
  const counts = new Int32Array(SLOTS * n);
  const edgeSrc = new Int32Array(design.edges.length);
  const edgeDst = new Int32Array(design.edges.length);
  const edgeKinds = new Uint8Array(design.edges.length);
  const edgeFlags = new Uint8Array(design.edges.length);
  const protocol = new Uint8Array(design.edges.length);
  const timeoutMs = new Int32Array(design.edges.length);
  const retries = new Int32Array(design.edges.length);
  const operations = new Int32Array(design.edges.length);
  const callsPerRequest = new Int32Array(design.edges.length);

  const channel = (event: string, version: number): MutableEventChannel => {
    let list = eventsByName.get(event);
    if (!list) eventsByName.set(event, (list = []));
    for (const ch of list) if (ch.version === version) return ch;
    const ch: MutableEventChannel = { event, version, publishers: [], subscribers: [], publisherServices: [], subscriberServices: [], pubSeen: new Set(), subSeen: new Set() };
    list.push(ch);
    eventList.push(ch);
    return ch;
  };
  const topicChannel = (brokerId: string, topic: string): MutableTopicChannel => {
    let byTopic = topicsByBroker.get(brokerId);
    if (!byTopic) topicsByBroker.set(brokerId, (byTopic = new Map()));
    let ch = byTopic.get(topic);
    if (!ch) {
      ch = { brokerId, topic, publishers: [], subscribers: [] };
      byTopic.set(topic, ch);
      topicList.push(ch);
    }
    return ch;
  };

  for (const edge of design.edges) {
    const src = nodes.get(edge.source);
    const dst = nodes.get(edge.target);
    if (src === undefined || dst === undefined) {
      dangling.push(edge);
      continue;
    }
    const e: MutableEdgeEntry = { edge, id: edge.id, source: src, target: dst, index: edgeList.length, channel: undefined, topicChannel: undefined };
    let k: number;
    switch (edge.kind) {
      case 'call': {
        k = 0;
        const i = edgeList.length;
        callSrc[calls.length] = src.index;
        callDst[calls.length] = dst.index;
        calls.push(e as EdgeEntry<CallEdge>);
        edgeFlags[i] = (edge.circuitBreaker?.enabled ? EDGE_FLAG.breaker : 0) | (edge.tls ? EDGE_FLAG.tls : 0) | (edge.idempotencyKey ? EDGE_FLAG.idempotencyKey : 0);
        protocol[i] = PROTOCOL_CODE[edge.protocol];
        timeoutMs[i] = edge.timeoutMs ?? -1;
        retries[i] = edge.retries;
        operations[i] = edge.operations.length;
        callsPerRequest[i] = edge.callsPerRequest;
        break;
      }
      case 'publish': {
        k = 1;
        publishes.push(e as EdgeEntry<PublishEdge>);
        if (edge.outbox) edgeFlags[edgeList.length] = EDGE_FLAG.outbox;
        const ch = (e.channel = channel(edge.event, edge.version));
        ch.publishers.push(e as EdgeEntry<PublishEdge>);
        if (src.kind === 'service' && !ch.pubSeen.has(src)) {
          ch.pubSeen.add(src);
          ch.publisherServices.push(src);
        }
        (e.topicChannel = topicChannel(dst.id, edge.topic)).publishers.push(e as EdgeEntry<PublishEdge>);
        break;
      }
      case 'subscribe': {
        k = 2;
        subscribes.push(e as EdgeEntry<SubscribeEdge>);
        if (edge.dedupe) edgeFlags[edgeList.length] = EDGE_FLAG.dedupe;
        const ch = (e.channel = channel(edge.event, edge.version));
        ch.subscribers.push(e as EdgeEntry<SubscribeEdge>);
        if (dst.kind === 'service' && !ch.subSeen.has(dst)) {
          ch.subSeen.add(dst);
          ch.subscriberServices.push(dst);
        }
        (e.topicChannel = topicChannel(src.id, edge.topic)).subscribers.push(e as EdgeEntry<SubscribeEdge>);
        break;
      }
      default:
        k = 3;
        datas.push(e as EdgeEntry<DataEdge>);
        edgeFlags[edgeList.length] = edge.access === 'read' ? EDGE_FLAG.read : edge.access === 'write' ? EDGE_FLAG.write : EDGE_FLAG.read | EDGE_FLAG.write;
    }
    const i = edgeList.length;
    edgeKinds[i] = k;
    edgeSrc[i] = src.index;
    edgeDst[i] = dst.index;
    edgeList.push(e);
    counts[2 * k * n + src.index]++;
    counts[(2 * k + 1) * n + dst.index]++;
  }
  // Offsets: prefix sums over slots then nodes; `counts` becomes the fill cursor of each list.
  const m = edgeList.length;
  const offsets = new Int32Array(SLOTS * (n + 1));
  let total = 0;
  for (let slot = 0; slot < SLOTS; slot++) {
    const base = slot * (n + 1);
    for (let v = 0; v < n; v++) {
      offsets[base + v] = total;
      const c = counts[slot * n + v];
      counts[slot * n + v] = total;
      total += c;
    }
    offsets[base + n] = total;
  }
  const items = new Int32Array(2 * m);
  for (let i = 0; i < m; i++) {
    const k = edgeKinds[i];
    items[counts[2 * k * n + edgeSrc[i]]++] = i;
    items[counts[(2 * k + 1) * n + edgeDst[i]]++] = i;
  }
  core.nodeCount = n;
  core.offsets = offsets;
  core.items = items;
  core.edgeList = edgeList;
  const slotView = (slot: number): Adjacency => ({ offsets: offsets.subarray(slot * (n + 1), (slot + 1) * (n + 1)), items });
  const adjacency: AdjacencyIndex = {
    outCall: slotView(0),
    inCall: slotView(1),
    outPublish: slotView(2),
    inPublish: slotView(3),
    outSubscribe: slotView(4),
    inSubscribe: slotView(5),
    outData: slotView(6),
    inData: slotView(7),
  };
  const edgesByKind = { call: calls, publish: publishes, subscribe: subscribes, data: datas };
  const indicesOf = (list: readonly EdgeEntry[]) => {
    const out = new Int32Array(list.length);
    for (let j = 0; j < list.length; j++) out[j] = list[j].index;
    return out;
  };
  // Views trimmed to the indexed edges only when dangling edges left slack at the end.
  const full = m === design.edges.length;
  const fit = <T extends Uint8Array | Int32Array>(a: T): T => (full ? a : (a.subarray(0, m) as T));
  const edgeFacts: EdgeFacts = {
    kind: fit(edgeKinds),
    source: fit(edgeSrc),
    target: fit(edgeDst),
    flags: fit(edgeFlags),
    protocol: fit(protocol),
    timeoutMs: fit(timeoutMs),
    retries: fit(retries),
    operations: fit(operations),
    callsPerRequest: fit(callsPerRequest),
    byKind: { call: indicesOf(calls), publish: indicesOf(publishes), subscribe: indicesOf(subscribes), data: indicesOf(datas) },
  };
  const nodeFacts: NodeFacts =
    n === nodeCount
      ? { kind: nodeKindCode, flags: nodeFlags, replicas }
      : { kind: nodeKindCode.subarray(0, n), flags: nodeFlags.subarray(0, n), replicas: replicas.subarray(0, n) };

  const sync = analyseSync(nodeList, calls, callSrc, callDst);
  const { fanIn, fanOut, degreeStats } = serviceDegrees(n, byKind.service, offsets, items, edgeSrc, edgeDst);

  // Data ownership: who reaches each store, and which stores each service owns (design order).
  const dataStores: DataStoreInfo[] = [];
  const storeAt: (DataStoreInfo | undefined)[] = new Array(n).fill(undefined);
  const ownedStores = new Map<string, NodeEntry<DataStoreNode>[]>();
  // seen[v] === store index + 1 marks service v as already listed for that store.
  const seen = new Int32Array(n);
  const hasData = new Uint8Array(n);
  for (const entry of nodeList) {
    if (entry.kind === 'database' || entry.kind === 'cache') {
      const store = entry as NodeEntry<DataStoreNode>;
      const accessors: NodeEntry[] = [];
      const inData = 7 * (n + 1) + entry.index;
      for (let k = offsets[inData], end = offsets[inData + 1]; k < end; k++) {
        const src = nodeList[edgeSrc[items[k]]];
        if (src.kind !== 'service' || seen[src.index] === entry.index + 1) continue;
        seen[src.index] = entry.index + 1;
        accessors.push(src);
      }
      const ownerId = store.node.ownerId;
      const ownerEntry = ownerId === undefined ? undefined : nodes.get(ownerId);
      const owner = ownerEntry?.kind === 'service' ? ownerEntry : undefined;
      const info: DataStoreInfo = new StoreInfo(store.node, store, accessors, owner);
      dataStores.push(info);
      storeAt[entry.index] = info;
      if (owner) {
        hasData[owner.index] = 1;
        const owned = ownedStores.get(owner.id);
        if (owned) owned.push(store);
        else ownedStores.set(owner.id, [store]);
      }
    }
  }

  for (let i = 0; i < datas.length; i++) hasData[datas[i].source.index] = 1;

  // The id → edge map and duplicate ids are only needed for lookups by id (fixes, suppressions).
  let edgeIndex: Map<string, EdgeEntry> | undefined;
  let duplicateEdgeIds: string[] | undefined;
  const indexEdges = () => {
    if (!edgeIndex) {
      edgeIndex = new Map();
      duplicateEdgeIds = [];
      for (const e of edgeList) {
        if (edgeIndex.has(e.id)) duplicateEdgeIds.push(e.id);
        else edgeIndex.set(e.id, e);
      }
    }
    return edgeIndex;
  };

  return {
    design,
    nodes: nodes as ReadonlyMap<string, NodeEntry>,
    nodeList,
    edgeList,
    nodesByKind: byKind as unknown as DesignGraph['nodesByKind'],
    adjacency,
    edgeFacts,
    nodeFacts,
    edgesByKind,
    services: byKind.service as unknown as DesignGraph['services'],
    dangling,
    duplicateNodeIds,
    get duplicateEdgeIds() {
      indexEdges();
      return duplicateEdgeIds!;
    },
    sync,
    fanIn,
    fanOut,
    degreeStats,
    dataStores,
    storeAt,
    ownedStores,
    hasData,
    events: eventList as readonly EventChannel[],
    topics: topicList as readonly TopicChannel[],
    eventChannel: (event: string, version: number) => eventsByName.get(event)?.find((ch) => ch.version === version),
    topicChannel: (brokerId: string, topic: string) => topicsByBroker.get(brokerId)?.get(topic),
    node: (id: string) => nodes.get(id)?.node,
    edge: (id: string) => indexEdges().get(id),
    outEdges: <K extends EdgeKind>(id: string, kind: K) => edgesOf(nodes.get(id), kind, true) as readonly EdgeEntry<EdgeOfKind<K>>[],
    inEdges: <K extends EdgeKind>(id: string, kind: K) => edgesOf(nodes.get(id), kind, false) as readonly EdgeEntry<EdgeOfKind<K>>[],
    degreeOf: (id: string) => {
      const entry = nodes.get(id);
      return entry ? { fanIn: fanIn[entry.index], fanOut: fanOut[entry.index] } : { fanIn: 0, fanOut: 0 };
    },
  };
}

function edgesOf(entry: MutableEntry | undefined, kind: EdgeKind, out: boolean): readonly EdgeEntry[] {
  if (!entry) return EMPTY;
  return entry.adj.list(2 * EDGE_KIND_CODE[kind] + (out ? 0 : 1), entry.index);
}

// The last two revisions only: a WeakMap keyed by design would keep one graph alive per design
// in the undo history (megabytes each on large designs). Two slots cover "current + the one
// being compared against" without unbounded memory.
const recent: { design: Design; graph: DesignGraph }[] = [];

/** `buildGraph`, memoized for the two most recently used designs (by object identity). */
export function getGraph(design: Design): DesignGraph {
  for (let i = 0; i < recent.length; i++) {
    if (recent[i].design === design) {
      const hit = recent[i];
      if (i > 0) {
        recent.splice(i, 1);
        recent.unshift(hit);
      }
      return hit.graph;
    }
  }
  const graph = buildGraph(design);
  recent.unshift({ design, graph });
  if (recent.length > 2) recent.pop();
  return graph;
}

/** SCCs of the sync call graph, self-loops, and the longest call chain from the entry points. */
function analyseSync(nodeList: readonly MutableEntry[], callEdges: readonly EdgeEntry<CallEdge>[], callSrc: Int32Array, callDst: Int32Array): SyncAnalysis {
  const n = nodeList.length;
  const m = callEdges.length;
  const csr = toCsr(n, callSrc, callDst, m);
  const { componentOf, count } = stronglyConnectedComponents(csr);

  // Component sizes, to find the cycles (size > 1) and gather their members in design order.
  const size = new Int32Array(count);
  for (let v = 0; v < n; v++) size[componentOf[v]]++;
  const cycleIndex = new Int32Array(count).fill(-1);
  const cycles: { nodes: string[]; edges: string[] }[] = [];
  for (let v = 0; v < n; v++) {
    const c = componentOf[v];
    if (size[c] < 2) continue;
    if (cycleIndex[c] === -1) {
      cycleIndex[c] = cycles.length;
      cycles.push({ nodes: [], edges: [] });
    }
    cycles[cycleIndex[c]].nodes.push(nodeList[v].id);
  }
  const weights = new Uint8Array(m);
  for (let slot = 0; slot < m; slot++) {
    // A client's request to its entry point is not a hop of the backend chain.
    weights[slot] = nodeList[callSrc[csr.order[slot]]].kind === 'client' ? 0 : 1;
  }
  const selfLoops: EdgeEntry<CallEdge>[] = [];
  const hasIncoming = new Uint8Array(count);
  for (let i = 0; i < m; i++) {
    const s = callSrc[i];
    const t = callDst[i];
    if (s === t) selfLoops.push(callEdges[i]);
    const cs = componentOf[s];
    const ct = componentOf[t];
    if (cs !== ct) hasIncoming[ct] = 1;
    else if (cycleIndex[cs] !== -1) cycles[cycleIndex[cs]].edges.push(callEdges[i].id);
  }

  // Entry points: clients and gateways; without any, the services nothing calls (source
  // components, so a design that is one big cycle still gets a start). Clients come first so
  // that, on a tie, the reported path starts where the request does.
  const entries: number[] = [];
  for (let v = 0; v < n; v++) if (nodeList[v].kind === 'client') entries.push(v);
  for (let v = 0; v < n; v++) if (nodeList[v].kind === 'gateway') entries.push(v);
  if (entries.length === 0) {
    const taken = new Uint8Array(count);
    for (let v = 0; v < n; v++) {
      const c = componentOf[v];
      if (nodeList[v].kind === 'service' && !hasIncoming[c] && !taken[c]) {
        taken[c] = 1;
        entries.push(v);
      }
    }
  }
  const path = longestPathFrom(csr, weights, componentOf, count, entries);
  return {
    componentOf,
    componentCount: count,
    cycles,
    selfLoops,
    entryPoints: entries.map((v) => nodeList[v].id),
    longestPath: {
      hops: path.hops,
      nodes: path.nodes.map((v) => nodeList[v].id),
      edges: path.slots.map((slot) => callEdges[csr.order[slot]].id),
    },
  };
}

/** Distinct service→service call neighbours per service (by node index), and their distributions. */
function serviceDegrees(nodeCount: number, services: readonly MutableEntry[], offsets: Int32Array, items: Int32Array, edgeSrc: Int32Array, edgeDst: Int32Array) {
  // stamp[v] marks v as already counted for the service being scanned: no Set needed.
  const stamp = new Int32Array(nodeCount);
  const fanIn = new Int32Array(nodeCount);
  const fanOut = new Int32Array(nodeCount);
  const ins = new Int32Array(services.length);
  const outs = new Int32Array(services.length);
  const isService = new Uint8Array(nodeCount);
  for (let i = 0; i < services.length; i++) isService[services[i].index] = 1;
  const outBase = 0;
  const inBase = nodeCount + 1;
  let servicePairs = 0;
  for (let i = 0; i < services.length; i++) {
    const self = services[i].index;
    const mark = 2 * self + 1;
    let o = 0;
    for (let k = offsets[outBase + self], end = offsets[outBase + self + 1]; k < end; k++) {
      const t = edgeDst[items[k]];
      if (t === self || isService[t] === 0 || stamp[t] === mark) continue;
      stamp[t] = mark;
      o++;
    }
    let n = 0;
    for (let k = offsets[inBase + self], end = offsets[inBase + self + 1]; k < end; k++) {
      const s = edgeSrc[items[k]];
      if (s === self || isService[s] === 0 || stamp[s] === mark + 1) continue;
      stamp[s] = mark + 1;
      n++;
    }
    fanIn[self] = ins[i] = n;
    fanOut[self] = outs[i] = o;
    servicePairs += o;
  }
  return { fanIn, fanOut, degreeStats: { fanIn: distribution(ins), fanOut: distribution(outs), servicePairs } };
}
