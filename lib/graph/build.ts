import type { CallEdge, DataEdge, Design, DesignEdge, DesignNode, EdgeKind, EdgeOfKind, NodeKind, PublishEdge, SubscribeEdge } from '@/lib/model';
import { IdIndex } from './ids';
import { longestPathFrom } from './paths';
import { stronglyConnectedComponents } from './scc';
import { EDGE_FLAG, EDGE_KIND_CODE, NODE_FLAG, NODE_KIND_CODE, PROTOCOL_CODE } from './types';
import type {
  Adjacency,
  AdjacencyIndex,
  DataStoreInfo,
  DegreeStats,
  EdgeFacts,
  EdgesByKind,
  NodeFacts,
  DataStoreNode,
  DesignGraph,
  Distribution,
  EdgeEntry,
  EventChannel,
  NodeEntry,
  SyncAnalysis,
  SyncCycle,
  SyncPath,
  TopicChannel,
} from './types';

// Imported bindings are getter calls once transpiled to CommonJS (tsx, vitest): loops read
// these module-level copies instead.
const { tracing: TRACING, jsonLogging: JSON_LOGGING, liveness: LIVENESS, readiness: READINESS, stateless: STATELESS, idempotentEndpoint: IDEMPOTENT_ENDPOINT } = NODE_FLAG;
const { breaker: BREAKER, tls: TLS, idempotencyKey: IDEMPOTENCY_KEY, outbox: OUTBOX, dedupe: DEDUPE, read: READ, write: WRITE } = EDGE_FLAG;
const { service: SERVICE, database: DATABASE, cache: CACHE, client: CLIENT, gateway: GATEWAY } = NODE_KIND_CODE;

const KIND_CODE: Readonly<Record<NodeKind, number>> = NODE_KIND_CODE;
function hasIdempotentEndpoint(endpoints: readonly { idempotent: boolean }[]): boolean {
  for (let k = 0; k < endpoints.length; k++) if (endpoints[k].idempotent) return true;
  return false;
}

function hasUnsafeOperation(ops: readonly { method: string }[]): boolean {
  for (let k = 0; k < ops.length; k++) if (ops[k].method === 'POST' || ops[k].method === 'PATCH') return true;
  return false;
}

/** Node kinds by code. */
const KIND_NAMES = (Object.keys(NODE_KIND_CODE) as NodeKind[]).sort((a, b) => NODE_KIND_CODE[a] - NODE_KIND_CODE[b]);
const PROTOCOLS: Readonly<Record<string, number>> = PROTOCOL_CODE;

const EMPTY: readonly never[] = Object.freeze([]);
const EMPTY_INTS = new Int32Array(0);
const EMPTY_BYTES = new Uint8Array(0);

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

// One class for every edge entry keeps property reads monomorphic.
class EdgeRecord {
  constructor(
    readonly edge: DesignEdge,
    readonly id: string,
    readonly source: NodeEntry,
    readonly target: NodeEntry,
    readonly index: number,
    readonly channel: EventChannel | undefined,
    readonly topicChannel: TopicChannel | undefined,
  ) {}
}

/**
 * Makes edge entries on demand from the typed-array indexes. At 10,000 nodes, creating an
 * object per edge (and the lists holding them) was a third of the graph's allocations, and
 * rules only need entries for the few edges they report, if at all.
 */
class EdgeTable {
  // Filled in once the edges are indexed, before any entry can be asked for.
  nodeList: readonly NodeEntry[] = EMPTY;
  designEdges: readonly DesignEdge[] = EMPTY;
  kind: Uint8Array = EMPTY_BYTES;
  nodeKind: Uint8Array = EMPTY_BYTES;
  source: Int32Array = EMPTY_INTS;
  target: Int32Array = EMPTY_INTS;
  channel: Int32Array = EMPTY_INTS;
  topic: Int32Array = EMPTY_INTS;
  events: readonly EventChannel[] = EMPTY;
  topics: readonly TopicChannel[] = EMPTY;
  private cache: (EdgeEntry | undefined)[] | undefined;
  private all: readonly EdgeEntry[] | undefined;

  at(i: number): EdgeEntry {
    // Full length up front: filling a short array at scattered indices makes it a dictionary.
    const cache = (this.cache ??= new Array<EdgeEntry | undefined>(this.designEdges.length).fill(undefined));
    let e = cache[i];
    if (e === undefined) {
      const edge = this.designEdges[i];
      const c = this.channel[i];
      const t = this.topic[i];
      e = cache[i] = new EdgeRecord(edge, edge.id, this.nodeList[this.source[i]], this.nodeList[this.target[i]], i, c === -1 ? undefined : this.events[c], t === -1 ? undefined : this.topics[t]);
    }
    return e;
  }

  /** Entries for a list of edge indices (a new frozen array). */
  list(indices: ArrayLike<number>, from = 0, to = indices.length): readonly EdgeEntry[] {
    if (from === to) return EMPTY;
    const out: EdgeEntry[] = new Array(to - from);
    for (let k = from; k < to; k++) out[k - from] = this.at(indices[k]);
    return Object.freeze(out);
  }

  /** Fills the distinct publishing and consuming services of every event channel. */
  fillChannelServices(): void {
    // seen[v] === 2 * channel + 1 (publishers) or + 2 (subscribers): v is already listed.
    const seen = new Int32Array(this.nodeList.length);
    const events = this.events as readonly EventChannelRecord[];
    for (let c = 0; c < events.length; c++) {
      const ch = events[c];
      ch.pubServices = this.services(ch.publisherIndices, this.source, seen, 2 * c + 1);
      ch.subServices = this.services(ch.subscriberIndices, this.target, seen, 2 * c + 2);
    }
  }

  private services(edges: readonly number[], ends: Int32Array, seen: Int32Array, mark: number): NodeEntry[] {
    const out: NodeEntry[] = [];
    for (let j = 0; j < edges.length; j++) {
      const v = ends[edges[j]];
      if (this.nodeKind[v] !== SERVICE || seen[v] === mark) continue;
      seen[v] = mark;
      out.push(this.nodeList[v]);
    }
    return out;
  }

  /** Fills the edge index lists of every topic channel (see TopicChannelRecord). */
  fillTopics(): void {
    const topics = this.topics as readonly TopicChannelRecord[];
    for (const t of topics) {
      t.pubIndices = [];
      t.subIndices = [];
    }
    for (let i = 0; i < this.topic.length; i++) {
      const t = this.topic[i];
      if (t === -1) continue;
      if (this.kind[i] === EDGE_KIND_CODE.publish) topics[t].pubIndices!.push(i);
      else topics[t].subIndices!.push(i);
    }
  }

  /** Every entry, design order. */
  edgeList(): readonly EdgeEntry[] {
    if (!this.all) {
      const m = this.designEdges.length;
      const out: EdgeEntry[] = new Array(m);
      for (let i = 0; i < m; i++) out[i] = this.at(i);
      this.all = out;
    }
    return this.all;
  }
}

/**
 * Adjacency of every node in compressed sparse row form, one region per slot. Rules read the
 * typed arrays directly; the per-node arrays of NodeEntry are built only when asked for (by
 * generators and tests), so a 10,000-node graph allocates no per-node lists at all.
 */
class AdjacencyCore {
  private cache: Map<number, readonly EdgeEntry[]> | undefined;
  constructor(readonly table: EdgeTable) {}
  // Filled in once the edges are indexed; entries are created with a reference to this object
  // first, so their field never changes afterwards.
  nodeCount = 0;
  /** offsets[slot * (n + 1) + v] … offsets[slot * (n + 1) + v + 1] index `items`. */
  offsets: Int32Array = EMPTY_INTS;
  /** Edge indices (into edgeList), grouped by slot and node, design order within a node. */
  items: Int32Array = EMPTY_INTS;

  list(slot: number, v: number): readonly EdgeEntry[] {
    const base = slot * (this.nodeCount + 1) + v;
    const from = this.offsets[base];
    const to = this.offsets[base + 1];
    if (from === to) return EMPTY;
    const key = slot * this.nodeCount + v;
    const hit = this.cache?.get(key);
    if (hit) return hit;
    const out = this.table.list(this.items, from, to);
    (this.cache ??= new Map()).set(key, out);
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

/**
 * Channel edges are kept as indices; their entries are built on first access, and the distinct
 * services on each side for every channel at once on first access (no set per channel).
 */
class EventChannelRecord implements EventChannel {
  readonly publisherIndices: number[] = [];
  readonly subscriberIndices: number[] = [];
  pubServices: NodeEntry[] | undefined;
  subServices: NodeEntry[] | undefined;
  private pubs: readonly EdgeEntry[] | undefined;
  private subs: readonly EdgeEntry[] | undefined;
  constructor(
    readonly event: string,
    readonly version: number,
    /** Index in `DesignGraph.events`. */
    readonly position: number,
    private readonly table: EdgeTable,
  ) {}
  get publishers() {
    return (this.pubs ??= this.table.list(this.publisherIndices)) as readonly EdgeEntry<PublishEdge>[];
  }
  get subscribers() {
    return (this.subs ??= this.table.list(this.subscriberIndices)) as readonly EdgeEntry<SubscribeEdge>[];
  }
  get publisherServices(): readonly NodeEntry[] {
    if (!this.pubServices) this.table.fillChannelServices();
    return this.pubServices!;
  }
  get subscriberServices(): readonly NodeEntry[] {
    if (!this.subServices) this.table.fillChannelServices();
    return this.subServices!;
  }
}

/**
 * Topic edge lists are filled on first access, for every topic at once from `EdgeFacts.topic`:
 * no rule reads them, and a design can have a topic per broker.
 */
class TopicChannelRecord implements TopicChannel {
  /** The broker's next topic channel (index into the topic list), -1 at the end. */
  next = -1;
  pubIndices: number[] | undefined;
  subIndices: number[] | undefined;
  private pubs: readonly EdgeEntry[] | undefined;
  private subs: readonly EdgeEntry[] | undefined;
  constructor(
    readonly brokerId: string,
    readonly topic: string,
    private readonly table: EdgeTable,
  ) {}
  get publisherIndices(): readonly number[] {
    if (!this.pubIndices) this.table.fillTopics();
    return this.pubIndices!;
  }
  get subscriberIndices(): readonly number[] {
    if (!this.subIndices) this.table.fillTopics();
    return this.subIndices!;
  }
  get publishers() {
    return (this.pubs ??= this.table.list(this.publisherIndices)) as readonly EdgeEntry<PublishEdge>[];
  }
  get subscribers() {
    return (this.subs ??= this.table.list(this.subscriberIndices)) as readonly EdgeEntry<SubscribeEdge>[];
  }
}

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

/** Everything `buildGraph` derives; the graph object adds lookups and lazily built lists. */
interface GraphParts {
  design: Design;
  ids: IdIndex;
  nodeList: readonly Entry[];
  nodesByKind: { [K in NodeKind]: Entry[] };
  adjacency: AdjacencyIndex;
  edgeFacts: EdgeFacts;
  nodeFacts: NodeFacts;
  designEdges: readonly DesignEdge[];
  dangling: readonly DesignEdge[];
  duplicateNodeIds: readonly string[];
  sync: SyncAnalysis;
  fanIn: Int32Array;
  fanOut: Int32Array;
  degreeStats: DegreeStats;
  dataStores: readonly DataStoreInfo[];
  storeAt: readonly (DataStoreInfo | undefined)[];
  hasData: Uint8Array;
  events: readonly EventChannelRecord[];
  topics: readonly TopicChannelRecord[];
  eventsByName: Map<string, EventChannelRecord[]>;
  /** First topic channel of each node (as a broker), -1 for none; channels chain by `next`. */
  topicHead: Int32Array;
  table: EdgeTable;
}

/** The graph: a class so that lookups are shared methods and edge lists are built on demand. */
class Graph implements DesignGraph {
  readonly design: Design;
  private readonly ids: IdIndex;
  private byId: Map<string, NodeEntry> | undefined;
  readonly nodeList: readonly NodeEntry[];
  readonly nodesByKind: DesignGraph['nodesByKind'];
  readonly adjacency: AdjacencyIndex;
  readonly edgeFacts: EdgeFacts;
  readonly nodeFacts: NodeFacts;
  readonly designEdges: readonly DesignEdge[];
  readonly services: DesignGraph['services'];
  readonly dangling: readonly DesignEdge[];
  readonly duplicateNodeIds: readonly string[];
  readonly sync: SyncAnalysis;
  readonly fanIn: Int32Array;
  readonly fanOut: Int32Array;
  readonly degreeStats: DegreeStats;
  readonly dataStores: readonly DataStoreInfo[];
  readonly storeAt: readonly (DataStoreInfo | undefined)[];
  readonly hasData: Uint8Array;
  readonly events: readonly EventChannel[];
  readonly topics: readonly TopicChannel[];
  private readonly eventsByName: Map<string, EventChannelRecord[]>;
  private readonly topicHead: Int32Array;
  private readonly table: EdgeTable;
  private byKind: EdgesByKind | undefined;
  private owned: Map<string, NodeEntry<DataStoreNode>[]> | undefined;
  // The id → edge map and duplicate ids are only needed for lookups by id (fixes, suppressions).
  private edgeIndex: Map<string, number> | undefined;
  private duplicateEdges: string[] | undefined;

  constructor(p: GraphParts) {
    this.design = p.design;
    this.ids = p.ids;
    this.nodeList = p.nodeList;
    this.nodesByKind = p.nodesByKind as unknown as DesignGraph['nodesByKind'];
    this.adjacency = p.adjacency;
    this.edgeFacts = p.edgeFacts;
    this.nodeFacts = p.nodeFacts;
    this.designEdges = p.designEdges;
    this.services = p.nodesByKind.service as unknown as DesignGraph['services'];
    this.dangling = p.dangling;
    this.duplicateNodeIds = p.duplicateNodeIds;
    this.sync = p.sync;
    this.fanIn = p.fanIn;
    this.fanOut = p.fanOut;
    this.degreeStats = p.degreeStats;
    this.dataStores = p.dataStores;
    this.storeAt = p.storeAt;
    this.hasData = p.hasData;
    this.events = p.events;
    this.topics = p.topics;
    this.eventsByName = p.eventsByName;
    this.topicHead = p.topicHead;
    this.table = p.table;
  }

  get edgeList(): readonly EdgeEntry[] {
    return this.table.edgeList();
  }

  get nodes(): ReadonlyMap<string, NodeEntry> {
    if (!this.byId) {
      const byId = new Map<string, NodeEntry>();
      for (const entry of this.nodeList) byId.set(entry.id, entry);
      this.byId = byId;
    }
    return this.byId;
  }

  indexOf(id: string): number {
    return this.ids.get(id);
  }

  private entry(id: string): Entry | undefined {
    const i = this.ids.get(id);
    return i === -1 ? undefined : (this.nodeList[i] as Entry);
  }

  // No rule reads it: built on first access.
  get ownedStores(): ReadonlyMap<string, readonly NodeEntry<DataStoreNode>[]> {
    if (!this.owned) {
      const owned = new Map<string, NodeEntry<DataStoreNode>[]>();
      for (const info of this.dataStores) {
        if (!info.owner) continue;
        const list = owned.get(info.owner.id);
        if (list) list.push(info.entry);
        else owned.set(info.owner.id, [info.entry]);
      }
      this.owned = owned;
    }
    return this.owned;
  }

  get edgesByKind(): EdgesByKind {
    if (!this.byKind) {
      const k = this.edgeFacts.byKind;
      const t = this.table;
      this.byKind = { call: t.list(k.call), publish: t.list(k.publish), subscribe: t.list(k.subscribe), data: t.list(k.data) } as unknown as EdgesByKind;
    }
    return this.byKind;
  }

  get duplicateEdgeIds(): readonly string[] {
    this.indexEdges();
    return this.duplicateEdges!;
  }

  private indexEdges(): Map<string, number> {
    if (!this.edgeIndex) {
      const index = new Map<string, number>();
      const duplicates: string[] = [];
      const edges = this.designEdges;
      for (let i = 0; i < edges.length; i++) {
        const id = edges[i].id;
        if (index.has(id)) duplicates.push(id);
        else index.set(id, i);
      }
      this.edgeIndex = index;
      this.duplicateEdges = duplicates;
    }
    return this.edgeIndex;
  }

  edgeAt(index: number): EdgeEntry {
    return this.table.at(index);
  }

  eventChannel(event: string, version: number): EventChannel | undefined {
    return this.eventsByName.get(event)?.find((ch) => ch.version === version);
  }

  topicChannel(brokerId: string, topic: string): TopicChannel | undefined {
    const broker = this.entry(brokerId);
    return broker ? findTopic(this.topics as readonly TopicChannelRecord[], this.topicHead[broker.index], topic) : undefined;
  }

  node(id: string): DesignNode | undefined {
    return this.entry(id)?.node;
  }

  edge(id: string): EdgeEntry | undefined {
    const i = this.indexEdges().get(id);
    return i === undefined ? undefined : this.table.at(i);
  }

  outEdges<K extends EdgeKind>(id: string, kind: K): readonly EdgeEntry<EdgeOfKind<K>>[] {
    return edgesOf(this.entry(id), kind, true) as readonly EdgeEntry<EdgeOfKind<K>>[];
  }

  inEdges<K extends EdgeKind>(id: string, kind: K): readonly EdgeEntry<EdgeOfKind<K>>[] {
    return edgesOf(this.entry(id), kind, false) as readonly EdgeEntry<EdgeOfKind<K>>[];
  }

  degreeOf(id: string): { fanIn: number; fanOut: number } {
    const entry = this.entry(id);
    return entry ? { fanIn: this.fanIn[entry.index], fanOut: this.fanOut[entry.index] } : { fanIn: 0, fanOut: 0 };
  }
}

function findTopic(topics: readonly TopicChannelRecord[], head: number, topic: string): TopicChannelRecord | undefined {
  for (let c = head; c !== -1; c = topics[c].next) if (topics[c].topic === topic) return topics[c];
  return undefined;
}

/**
 * Derives every index the rules and generators need from one design, in O(nodes + edges).
 * Ids are hashed once here; everything after works on resolved entries and integer indices.
 * Dangling edges and duplicated node ids are recorded and otherwise skipped, so any
 * schema-valid design is safe.
 */
export function buildGraph(design: Design): DesignGraph {
  const table = new EdgeTable();
  const core = new AdjacencyCore(table);
  const nodeCount = design.nodes.length;
  // Sized up front (trimmed if ids repeat): pushing 10,000 entries reallocates the list ~20 times.
  const nodeList: Entry[] = new Array(nodeCount);
  // Ids map to indices (not entries): the edge loop then reads no entry object, and the
  // id → entry map is built only if someone asks for it (fixes, generators).
  const ids = new IdIndex(nodeCount);
  const duplicateNodeIds: string[] = [];
  const nodeKindCode = new Uint8Array(nodeCount);
  const nodeFlags = new Uint8Array(nodeCount);
  const replicas = new Int32Array(nodeCount);
  let n = 0;
  for (let j = 0; j < nodeCount; j++) {
    const node = design.nodes[j];
    const id = node.id;
    const entry = new Entry(node, id, node.kind, node.name, n, core);
    // set-then-check-size hashes the id once; a duplicate id (rare) restores the first entry.
    if (ids.add(id, n) !== n) {
      duplicateNodeIds.push(id);
      continue;
    }
    const v = n++;
    nodeList[v] = entry;
    nodeKindCode[v] = KIND_CODE[node.kind];
    if (node.kind === 'service') {
      // Read while the node is in cache: rules then scan these arrays instead of the objects.
      const hc = node.healthCheck;
      nodeFlags[v] =
        (node.tracing ? TRACING : 0) |
        (node.logging === 'json' ? JSON_LOGGING : 0) |
        (hc.liveness ? LIVENESS : 0) |
        (hc.readiness ? READINESS : 0) |
        (node.stateless ? STATELESS : 0) |
        (hasIdempotentEndpoint(node.endpoints) ? IDEMPOTENT_ENDPOINT : 0);
      replicas[v] = node.replicas;
    }
  }
  if (n < nodeCount) nodeList.length = n;
  // Per-kind lists at their exact size, from the kind codes (not grown by pushes).
  const kindCounts = new Int32Array(KIND_NAMES.length);
  for (let v = 0; v < n; v++) kindCounts[nodeKindCode[v]]++;
  const kindLists: Entry[][] = KIND_NAMES.map((_, code) => new Array<Entry>(kindCounts[code]));
  kindCounts.fill(0);
  for (let v = 0; v < n; v++) {
    const code = nodeKindCode[v];
    kindLists[code][kindCounts[code]++] = nodeList[v];
  }
  const byKind = Object.fromEntries(KIND_NAMES.map((name, code) => [name, kindLists[code]])) as { [K in NodeKind]: Entry[] };

  const edgeCount = design.edges.length;
  let designEdges: DesignEdge[] | undefined;
  const dangling: DesignEdge[] = [];
  // Channels are looked up by the edges' own strings (events: a map of short version lists;
  // topics: a chain per broker) rather than by concatenated keys: a fresh key string per edge
  // would be hashed every time.
  const eventList: EventChannelRecord[] = [];
  const eventsByName = new Map<string, EventChannelRecord[]>();
  const topicList: TopicChannelRecord[] = [];
  const topicHead = new Int32Array(n).fill(-1);
  // Adjacency is built in two passes (count, then fill) into one CSR per slot: no per-node
  // arrays, which at 10,000 nodes were most of the graph's allocations.
  const counts = new Int32Array(SLOTS * n);
  const kindCount = [0, 0, 0, 0];
  const edgeSrc = new Int32Array(edgeCount);
  const edgeDst = new Int32Array(edgeCount);
  const edgeKinds = new Uint8Array(edgeCount);
  const edgeFlags = new Uint8Array(edgeCount);
  const protocol = new Uint8Array(edgeCount);
  const timeoutMs = new Int32Array(edgeCount);
  const retries = new Int32Array(edgeCount);
  const operations = new Int32Array(edgeCount);
  const callsPerRequest = new Int32Array(edgeCount);
  const unsafeOperations = new Uint8Array(edgeCount);
  const channelOf = new Int32Array(edgeCount).fill(-1);
  const topicOf = new Int32Array(edgeCount).fill(-1);

  const channel = (event: string, version: number): number => {
    let list = eventsByName.get(event);
    if (!list) eventsByName.set(event, (list = []));
    for (let c = 0; c < list.length; c++) if (list[c].version === version) return list[c].position;
    const ch = new EventChannelRecord(event, version, eventList.length, table);
    list.push(ch);
    eventList.push(ch);
    return eventList.length - 1;
  };
  const topicChannel = (broker: number, topic: string): number => {
    let last = -1;
    for (let c = topicHead[broker]; c !== -1; c = topicList[c].next) {
      if (topicList[c].topic === topic) return c;
      last = c;
    }
    topicList.push(new TopicChannelRecord(nodeList[broker].id, topic, table));
    const c = topicList.length - 1;
    if (last === -1) topicHead[broker] = c;
    else topicList[last].next = c;
    return c;
  };

  let m = 0;
  for (let j = 0; j < edgeCount; j++) {
    const edge = design.edges[j];
    const s = ids.get(edge.source);
    const t = ids.get(edge.target);
    if (s === -1 || t === -1) {
      // The first dangling edge starts a compacted copy of the indexed edges.
      designEdges ??= design.edges.slice(0, j);
      dangling.push(edge);
      continue;
    }
    if (designEdges) designEdges.push(edge);
    const i = m++;
    let k: number;
    switch (edge.kind) {
      case 'call':
        k = 0;
        edgeFlags[i] = (edge.circuitBreaker?.enabled ? BREAKER : 0) | (edge.tls ? TLS : 0) | (edge.idempotencyKey ? IDEMPOTENCY_KEY : 0);
        protocol[i] = PROTOCOLS[edge.protocol];
        timeoutMs[i] = edge.timeoutMs ?? -1;
        retries[i] = edge.retries;
        operations[i] = edge.operations.length;
        if (edge.operations.length > 0 && hasUnsafeOperation(edge.operations)) unsafeOperations[i] = 1;
        callsPerRequest[i] = edge.callsPerRequest;
        break;
      case 'publish': {
        k = 1;
        if (edge.outbox) edgeFlags[i] = OUTBOX;
        const c = (channelOf[i] = channel(edge.event, edge.version));
        const ch = eventList[c];
        ch.publisherIndices.push(i);
        topicOf[i] = topicChannel(t, edge.topic);
        break;
      }
      case 'subscribe': {
        k = 2;
        if (edge.dedupe) edgeFlags[i] = DEDUPE;
        const c = (channelOf[i] = channel(edge.event, edge.version));
        const ch = eventList[c];
        ch.subscriberIndices.push(i);
        topicOf[i] = topicChannel(s, edge.topic);
        break;
      }
      default:
        k = 3;
        edgeFlags[i] = edge.access === 'read' ? READ : edge.access === 'write' ? WRITE : READ | WRITE;
    }
    edgeKinds[i] = k;
    edgeSrc[i] = s;
    edgeDst[i] = t;
    kindCount[k]++;
    counts[2 * k * n + s]++;
    counts[(2 * k + 1) * n + t]++;
  }
  // Offsets: prefix sums over slots then nodes; `counts` becomes the fill cursor of each list.
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
  // Edge indices by kind, design order, in the same pass.
  const ofKind = [new Int32Array(kindCount[0]), new Int32Array(kindCount[1]), new Int32Array(kindCount[2]), new Int32Array(kindCount[3])];
  const kindFill = [0, 0, 0, 0];
  for (let i = 0; i < m; i++) {
    const k = edgeKinds[i];
    items[counts[2 * k * n + edgeSrc[i]]++] = i;
    items[counts[(2 * k + 1) * n + edgeDst[i]]++] = i;
    ofKind[k][kindFill[k]++] = i;
  }
  core.nodeCount = n;
  core.offsets = offsets;
  core.items = items;
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
  // Views trimmed to the indexed edges only when dangling edges left slack at the end.
  const full = m === edgeCount;
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
    unsafeOperations: fit(unsafeOperations),
    channel: fit(channelOf),
    topic: fit(topicOf),
    byKind: { call: ofKind[0], publish: ofKind[1], subscribe: ofKind[2], data: ofKind[3] },
  };
  const nodeFacts: NodeFacts =
    n === nodeCount
      ? { kind: nodeKindCode, flags: nodeFlags, replicas }
      : { kind: nodeKindCode.subarray(0, n), flags: nodeFlags.subarray(0, n), replicas: replicas.subarray(0, n) };
  const edgesOfDesign = designEdges ?? design.edges;
  table.nodeList = nodeList;
  table.designEdges = edgesOfDesign;
  table.kind = edgeFacts.kind;
  table.nodeKind = nodeFacts.kind;
  table.source = edgeFacts.source;
  table.target = edgeFacts.target;
  table.channel = edgeFacts.channel;
  table.topic = edgeFacts.topic;
  table.events = eventList;
  table.topics = topicList;

  const sync = analyseSync(nodeList, nodeFacts.kind, table, ofKind[0], edgeSrc, edgeDst, adjacency.outCall);
  const { fanIn, fanOut, degreeStats } = serviceDegrees(n, byKind.service, offsets, items, edgeSrc, edgeDst);

  // Data ownership: who reaches each store, and which stores each service owns (design order).
  const dataStores: DataStoreInfo[] = [];
  const storeAt: (DataStoreInfo | undefined)[] = new Array(n).fill(undefined);
  // seen[v] === store index + 1 marks service v as already listed for that store.
  const seen = new Int32Array(n);
  const hasData = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    const code = nodeKindCode[v];
    if (code !== DATABASE && code !== CACHE) continue;
    const store = nodeList[v] as NodeEntry<DataStoreNode>;
    const inData = 7 * (n + 1) + v;
    const from = offsets[inData];
    const to = offsets[inData + 1];
    // Counted first, then filled (stamps v + 1, then -(v + 1)): exact-size lists, since
    // thousands of small pushed arrays each reserve 17 slots.
    let count = 0;
    for (let k = from; k < to; k++) {
      const s = edgeSrc[items[k]];
      if (nodeKindCode[s] !== SERVICE || seen[s] === v + 1) continue;
      seen[s] = v + 1;
      count++;
    }
    const accessors: NodeEntry[] = count === 0 ? (EMPTY as unknown as NodeEntry[]) : new Array(count);
    for (let k = from, a = 0; a < count; k++) {
      const s = edgeSrc[items[k]];
      if (nodeKindCode[s] !== SERVICE || seen[s] === -(v + 1)) continue;
      seen[s] = -(v + 1);
      accessors[a++] = nodeList[s];
    }
    const ownerId = store.node.ownerId;
    const ownerIndex = ownerId === undefined ? -1 : ids.get(ownerId);
    const owner = ownerIndex !== -1 && nodeKindCode[ownerIndex] === SERVICE ? nodeList[ownerIndex] : undefined;
    const info: DataStoreInfo = new StoreInfo(store.node, store, accessors, owner);
    dataStores.push(info);
    storeAt[v] = info;
    if (owner) hasData[owner.index] = 1;
  }
  const datas = ofKind[3];
  for (let j = 0; j < datas.length; j++) hasData[edgeSrc[datas[j]]] = 1;

  return new Graph({
    design,
    ids,
    nodeList,
    nodesByKind: byKind,
    adjacency,
    edgeFacts,
    nodeFacts,
    designEdges: edgesOfDesign,
    dangling,
    duplicateNodeIds,
    sync,
    fanIn,
    fanOut,
    degreeStats,
    dataStores,
    storeAt,
    hasData,
    events: eventList,
    topics: topicList,
    eventsByName,
    topicHead,
    table,
  });
}

function edgesOf(entry: Entry | undefined, kind: EdgeKind, out: boolean): readonly EdgeEntry[] {
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
function analyseSync(
  nodeList: readonly NodeEntry[],
  kindOf: Uint8Array,
  table: EdgeTable,
  calls: Int32Array,
  edgeSrc: Int32Array,
  edgeDst: Int32Array,
  outCall: Adjacency,
): SyncAnalysis {
  const n = nodeList.length;
  const m = calls.length;
  // The out-call adjacency is already a CSR of the call graph (slot 0 starts at 0 in `items`,
  // design order within a node, as a stable counting sort would give): only the targets array
  // is new. CSR slot k is the edge items[k].
  const order = outCall.items.subarray(0, m);
  const targets = new Int32Array(m);
  for (let k = 0; k < m; k++) targets[k] = edgeDst[order[k]];
  const csr = { nodeCount: n, offsets: outCall.offsets, targets };
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
    weights[slot] = kindOf[edgeSrc[order[slot]]] === CLIENT ? 0 : 1;
  }
  const selfLoops: number[] = [];
  const hasIncoming = new Uint8Array(count);
  for (let j = 0; j < m; j++) {
    const s = edgeSrc[calls[j]];
    const t = edgeDst[calls[j]];
    if (s === t) selfLoops.push(calls[j]);
    const cs = componentOf[s];
    const ct = componentOf[t];
    if (cs !== ct) hasIncoming[ct] = 1;
    else if (cycleIndex[cs] !== -1) cycles[cycleIndex[cs]].edges.push(table.designEdges[calls[j]].id);
  }

  // Entry points: clients and gateways; without any, the services nothing calls (source
  // components, so a design that is one big cycle still gets a start). Clients come first so
  // that, on a tie, the reported path starts where the request does.
  const entries: number[] = [];
  for (let v = 0; v < n; v++) if (kindOf[v] === CLIENT) entries.push(v);
  for (let v = 0; v < n; v++) if (kindOf[v] === GATEWAY) entries.push(v);
  if (entries.length === 0) {
    const taken = new Uint8Array(count);
    for (let v = 0; v < n; v++) {
      const c = componentOf[v];
      if (kindOf[v] === SERVICE && !hasIncoming[c] && !taken[c]) {
        taken[c] = 1;
        entries.push(v);
      }
    }
  }
  const path = longestPathFrom(csr, weights, componentOf, count, entries);
  return new SyncResult(componentOf, count, cycles, entries.map((v) => nodeList[v].id), {
    hops: path.hops,
    nodes: path.nodes.map((v) => nodeList[v].id),
    edges: path.slots.map((slot) => table.designEdges[order[slot]].id),
  }, selfLoops, table);
}

/** The sync analysis; self-loop entries are made on first access (no rule reads them). */
class SyncResult implements SyncAnalysis {
  private loops: readonly EdgeEntry<CallEdge>[] | undefined;
  constructor(
    readonly componentOf: Int32Array,
    readonly componentCount: number,
    readonly cycles: readonly SyncCycle[],
    readonly entryPoints: readonly string[],
    readonly longestPath: SyncPath,
    private readonly selfLoopIndices: readonly number[],
    private readonly table: EdgeTable,
  ) {}
  get selfLoops(): readonly EdgeEntry<CallEdge>[] {
    return (this.loops ??= this.table.list(this.selfLoopIndices) as readonly EdgeEntry<CallEdge>[]);
  }
}

/** Distinct service→service call neighbours per service (by node index), and their distributions. */
function serviceDegrees(nodeCount: number, services: readonly NodeEntry[], offsets: Int32Array, items: Int32Array, edgeSrc: Int32Array, edgeDst: Int32Array) {
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
