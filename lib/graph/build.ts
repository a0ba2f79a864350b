import type { CallEdge, DataEdge, Design, DesignEdge, DesignNode, EdgeKind, EdgeOfKind, NodeKind, PublishEdge, SubscribeEdge } from '@/lib/model';
import { longestPathFrom } from './paths';
import { stronglyConnectedComponents, toCsr } from './scc';
import type {
  DataStoreInfo,
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

/** A string key for an event name and version (for callers' own sets and maps). */
export function eventKey(event: string, version: number): string {
  return `${event}@${version}`;
}

/** A string key for a broker id and topic (for callers' own sets and maps). */
export function topicKey(brokerId: string, topic: string): string {
  return `${brokerId}\u0000${topic}`;
}

// Mutable twin of NodeEntry, used only while building. Every entry is created by the same
// literal so that property reads in rules stay monomorphic.
interface MutableEntry {
  node: DesignNode;
  id: string;
  kind: NodeKind;
  name: string;
  index: number;
  outCall: EdgeEntry<CallEdge>[];
  inCall: EdgeEntry<CallEdge>[];
  outPublish: EdgeEntry<PublishEdge>[];
  inPublish: EdgeEntry<PublishEdge>[];
  outSubscribe: EdgeEntry<SubscribeEdge>[];
  inSubscribe: EdgeEntry<SubscribeEdge>[];
  outData: EdgeEntry<DataEdge>[];
  inData: EdgeEntry<DataEdge>[];
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
  for (const node of design.nodes) {
    const id = node.id;
    if (nodes.has(id)) {
      duplicateNodeIds.push(id);
      continue;
    }
    const e = EMPTY as never[];
    const entry: MutableEntry = {
      node,
      id,
      kind: node.kind,
      name: node.name,
      index: nodeList.length,
      outCall: e,
      inCall: e,
      outPublish: e,
      inPublish: e,
      outSubscribe: e,
      inSubscribe: e,
      outData: e,
      inData: e,
    };
    nodes.set(id, entry);
    nodeList.push(entry);
    byKind[entry.kind].push(entry);
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
  // Adjacency is built in two passes (count, then fill exact-size arrays): growing arrays by push
  // over-allocates, and allocation dominates at 10,000 nodes. Slot = 2 * kind + direction.
  const counts = new Int32Array(8 * n);
  const edgeKinds = new Uint8Array(design.edges.length);

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
      case 'call':
        k = 0;
        callSrc[calls.length] = src.index;
        callDst[calls.length] = dst.index;
        calls.push(e as EdgeEntry<CallEdge>);
        break;
      case 'publish': {
        k = 1;
        publishes.push(e as EdgeEntry<PublishEdge>);
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
    }
    edgeKinds[edgeList.length] = k;
    edgeList.push(e);
    counts[2 * k * n + src.index]++;
    counts[(2 * k + 1) * n + dst.index]++;
  }
  // Fill: allocate each non-empty list at its exact size, then place edges walking backwards,
  // using the counts as cursors, so each list ends up in design order without a cursor array.
  for (let v = 0; v < n; v++) {
    const entry = nodeList[v];
    if (counts[v] > 0) entry.outCall = new Array(counts[v]);
    if (counts[n + v] > 0) entry.inCall = new Array(counts[n + v]);
    if (counts[2 * n + v] > 0) entry.outPublish = new Array(counts[2 * n + v]);
    if (counts[3 * n + v] > 0) entry.inPublish = new Array(counts[3 * n + v]);
    if (counts[4 * n + v] > 0) entry.outSubscribe = new Array(counts[4 * n + v]);
    if (counts[5 * n + v] > 0) entry.inSubscribe = new Array(counts[5 * n + v]);
    if (counts[6 * n + v] > 0) entry.outData = new Array(counts[6 * n + v]);
    if (counts[7 * n + v] > 0) entry.inData = new Array(counts[7 * n + v]);
  }
  for (let i = edgeList.length - 1; i >= 0; i--) {
    const e = edgeList[i];
    const s = e.source.index;
    const t = e.target.index;
    const src = nodeList[s];
    const dst = nodeList[t];
    switch (edgeKinds[i]) {
      case 0:
        src.outCall[--counts[s]] = e as EdgeEntry<CallEdge>;
        dst.inCall[--counts[n + t]] = e as EdgeEntry<CallEdge>;
        break;
      case 1:
        src.outPublish[--counts[2 * n + s]] = e as EdgeEntry<PublishEdge>;
        dst.inPublish[--counts[3 * n + t]] = e as EdgeEntry<PublishEdge>;
        break;
      case 2:
        src.outSubscribe[--counts[4 * n + s]] = e as EdgeEntry<SubscribeEdge>;
        dst.inSubscribe[--counts[5 * n + t]] = e as EdgeEntry<SubscribeEdge>;
        break;
      default:
        src.outData[--counts[6 * n + s]] = e as EdgeEntry<DataEdge>;
        dst.inData[--counts[7 * n + t]] = e as EdgeEntry<DataEdge>;
    }
  }
  const edgesByKind = { call: calls, publish: publishes, subscribe: subscribes, data: datas };

  const sync = analyseSync(nodeList, calls, callSrc, callDst);
  const { fanIn, fanOut, degreeStats } = serviceDegrees(n, byKind.service);

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
      const dataIn = entry.inData;
      for (let i = 0; i < dataIn.length; i++) {
        const src = dataIn[i].source;
        if (src.kind !== 'service' || seen[src.index] === entry.index + 1) continue;
        seen[src.index] = entry.index + 1;
        accessors.push(src);
      }
      const ownerId = store.node.ownerId;
      const ownerEntry = ownerId === undefined ? undefined : nodes.get(ownerId);
      const owner = ownerEntry?.kind === 'service' ? ownerEntry : undefined;
      const info: DataStoreInfo = { node: store.node, entry: store, edges: dataIn, accessors, owner };
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

  for (const e of datas) hasData[e.source.index] = 1;

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
    outEdges: <K extends EdgeKind>(id: string, kind: K) => adjacency(nodes.get(id), kind, true) as readonly EdgeEntry<EdgeOfKind<K>>[],
    inEdges: <K extends EdgeKind>(id: string, kind: K) => adjacency(nodes.get(id), kind, false) as readonly EdgeEntry<EdgeOfKind<K>>[],
    degreeOf: (id: string) => {
      const entry = nodes.get(id);
      return entry ? { fanIn: fanIn[entry.index], fanOut: fanOut[entry.index] } : { fanIn: 0, fanOut: 0 };
    },
  };
}

function adjacency(entry: MutableEntry | undefined, kind: EdgeKind, out: boolean): readonly EdgeEntry[] {
  if (!entry) return EMPTY;
  switch (kind) {
    case 'call':
      return out ? entry.outCall : entry.inCall;
    case 'publish':
      return out ? entry.outPublish : entry.inPublish;
    case 'subscribe':
      return out ? entry.outSubscribe : entry.inSubscribe;
    default:
      return out ? entry.outData : entry.inData;
  }
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
function serviceDegrees(nodeCount: number, services: readonly MutableEntry[]) {
  // stamp[v] marks v as already counted for the service being scanned: no Set needed.
  const stamp = new Int32Array(nodeCount);
  const fanIn = new Int32Array(nodeCount);
  const fanOut = new Int32Array(nodeCount);
  const ins = new Int32Array(services.length);
  const outs = new Int32Array(services.length);
  let servicePairs = 0;
  for (let i = 0; i < services.length; i++) {
    const entry = services[i];
    const self = entry.index;
    const mark = 2 * self + 1;
    let o = 0;
    const outCall = entry.outCall;
    for (let k = 0; k < outCall.length; k++) {
      const t = outCall[k].target;
      if (t.index === self || t.kind !== 'service' || stamp[t.index] === mark) continue;
      stamp[t.index] = mark;
      o++;
    }
    let n = 0;
    const inCall = entry.inCall;
    for (let k = 0; k < inCall.length; k++) {
      const s = inCall[k].source;
      if (s.index === self || s.kind !== 'service' || stamp[s.index] === mark + 1) continue;
      stamp[s.index] = mark + 1;
      n++;
    }
    fanIn[self] = ins[i] = n;
    fanOut[self] = outs[i] = o;
    servicePairs += o;
  }
  return { fanIn, fanOut, degreeStats: { fanIn: distribution(ins), fanOut: distribution(outs), servicePairs } };
}
