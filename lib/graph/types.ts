import type {
  CacheNode,
  CallEdge,
  DataEdge,
  DatabaseNode,
  Design,
  DesignEdge,
  DesignNode,
  EdgeKind,
  EdgeOfKind,
  NodeKind,
  NodeOfKind,
  PublishEdge,
  ServiceNode,
  SubscribeEdge,
} from '@/lib/model';

/** An edge whose ends both exist, with its endpoints resolved (no id lookups in rules). */
export interface EdgeEntry<E extends DesignEdge = DesignEdge> {
  readonly edge: E;
  readonly id: string;
  readonly source: NodeEntry;
  readonly target: NodeEntry;
  /** Position among the indexed edges, design order. */
  readonly index: number;
  /** For publish and subscribe edges: the channel of their event name and version. */
  readonly channel: EventChannel | undefined;
  /** For publish and subscribe edges: the channel of their broker and topic. */
  readonly topicChannel: TopicChannel | undefined;
}

/**
 * One node with its position in the graph's index space and its edges by kind and direction
 * (design order). `id`, `kind` and `name` are copied from the node so hot loops read one
 * monomorphic object. The edge lists are built from `DesignGraph.adjacency` on first access and
 * then cached; hot loops over many nodes should read `adjacency` instead.
 */
export interface NodeEntry<N extends DesignNode = DesignNode> {
  readonly node: N;
  readonly id: string;
  readonly kind: NodeKind;
  readonly name: string;
  /** Dense index (0…nodeCount-1), design order; used by typed-array algorithms. */
  readonly index: number;
  readonly outCall: readonly EdgeEntry<CallEdge>[];
  readonly inCall: readonly EdgeEntry<CallEdge>[];
  readonly outPublish: readonly EdgeEntry<PublishEdge>[];
  readonly inPublish: readonly EdgeEntry<PublishEdge>[];
  readonly outSubscribe: readonly EdgeEntry<SubscribeEdge>[];
  readonly inSubscribe: readonly EdgeEntry<SubscribeEdge>[];
  readonly outData: readonly EdgeEntry<DataEdge>[];
  readonly inData: readonly EdgeEntry<DataEdge>[];
}

export interface Distribution {
  readonly mean: number;
  /** Population standard deviation. */
  readonly stddev: number;
  readonly max: number;
}

export interface DegreeStats {
  readonly fanIn: Distribution;
  readonly fanOut: Distribution;
  /** Distinct directed service→service call pairs (numerator of the service coupling factor). */
  readonly servicePairs: number;
}

export type DataStoreNode = DatabaseNode | CacheNode;

/** Who reaches a database or cache, and who owns it. */
export interface DataStoreInfo {
  readonly node: DataStoreNode;
  readonly entry: NodeEntry<DataStoreNode>;
  /** Data edges into the store from any existing node, design order. */
  readonly edges: readonly EdgeEntry<DataEdge>[];
  /** Distinct services with a data edge to the store, in order of their first edge. */
  readonly accessors: readonly NodeEntry[];
  /** The service `ownerId` names, when it exists and is a service. */
  readonly owner?: NodeEntry;
}

/** A strongly connected set of nodes joined by sync calls (size > 1): a distributed monolith. */
export interface SyncCycle {
  /** Member node ids in design order. */
  readonly nodes: readonly string[];
  /** Call edges between members. */
  readonly edges: readonly string[];
}

/** The longest chain of sync calls from an entry point, cycles collapsed. */
export interface SyncPath {
  /** Hops counted; a client's call to its entry point is hop zero. */
  readonly hops: number;
  /** Node ids along the path (a node where the path moves inside a cycle is listed too). */
  readonly nodes: readonly string[];
  /** Call edge ids along the path. */
  readonly edges: readonly string[];
}

export interface SyncAnalysis {
  /** Component id of each node, by NodeEntry.index (Tarjan order: sinks first). */
  readonly componentOf: Int32Array;
  readonly componentCount: number;
  readonly cycles: readonly SyncCycle[];
  /** Call edges whose source is their target. */
  readonly selfLoops: readonly EdgeEntry<CallEdge>[];
  /** Entry points the longest path was measured from. */
  readonly entryPoints: readonly string[];
  readonly longestPath: SyncPath;
}

/** Publishers and subscribers of one event name at one version, across brokers. */
export interface EventChannel {
  readonly event: string;
  readonly version: number;
  /** Built from the index lists on first access. */
  readonly publishers: readonly EdgeEntry<PublishEdge>[];
  readonly subscribers: readonly EdgeEntry<SubscribeEdge>[];
  /** The same edges as EdgeEntry.index values (what hot loops should read). */
  readonly publisherIndices: readonly number[];
  readonly subscriberIndices: readonly number[];
  /** Distinct services publishing / consuming it, in order of their first edge. */
  readonly publisherServices: readonly NodeEntry[];
  readonly subscriberServices: readonly NodeEntry[];
}

/** Publishers and subscribers of one topic on one broker. */
export interface TopicChannel {
  readonly brokerId: string;
  readonly topic: string;
  /** Built from the index lists on first access. */
  readonly publishers: readonly EdgeEntry<PublishEdge>[];
  readonly subscribers: readonly EdgeEntry<SubscribeEdge>[];
  /** The same edges as EdgeEntry.index values. */
  readonly publisherIndices: readonly number[];
  readonly subscriberIndices: readonly number[];
}

/**
 * The edges of one kind and direction for every node, in compressed sparse row form: node v's
 * edges are `edgeList[items[k]]` for k from `offsets[v]` to `offsets[v + 1]` (exclusive), in
 * design order. Typed arrays, so reading them allocates nothing.
 */
export interface Adjacency {
  /** By NodeEntry.index; length nodeCount + 1. */
  readonly offsets: Int32Array;
  /** Edge indices into `DesignGraph.edgeList` (shared by all slots; offsets are absolute). */
  readonly items: Int32Array;
}

/** Adjacency per edge kind and direction. */
export interface AdjacencyIndex {
  readonly outCall: Adjacency;
  readonly inCall: Adjacency;
  readonly outPublish: Adjacency;
  readonly inPublish: Adjacency;
  readonly outSubscribe: Adjacency;
  readonly inSubscribe: Adjacency;
  readonly outData: Adjacency;
  readonly inData: Adjacency;
}

/** Node kinds as small integers, for `NodeFacts.kind`. */
export const NODE_KIND_CODE = { service: 0, gateway: 1, broker: 2, database: 3, cache: 4, external: 5, client: 6, observability: 7 } as const;
/** Edge kinds as small integers, for `EdgeFacts.kind`. */
export const EDGE_KIND_CODE = { call: 0, publish: 1, subscribe: 2, data: 3 } as const;
/** Call protocols as small integers, for `EdgeFacts.protocol`. */
export const PROTOCOL_CODE = { rest: 0, grpc: 1, graphql: 2 } as const;

/** Bits of `EdgeFacts.flags`. */
export const EDGE_FLAG = {
  /** Call: a circuit breaker is configured and enabled. */
  breaker: 1,
  /** Call: TLS. */
  tls: 2,
  /** Call: sends an idempotency key. */
  idempotencyKey: 4,
  /** Publish: through an outbox. */
  outbox: 8,
  /** Subscribe: the consumer deduplicates. */
  dedupe: 16,
  /** Data: reads (read or read-write). */
  read: 32,
  /** Data: writes (write or read-write). */
  write: 64,
} as const;

/** Bits of `NodeFacts.flags` (services only; idempotentEndpoint: declares an idempotent endpoint). */
export const NODE_FLAG = { tracing: 1, jsonLogging: 2, liveness: 4, readiness: 8, stateless: 16, idempotentEndpoint: 32 } as const;

/**
 * The fields hot rules read, copied out of the design objects while the graph is built (each
 * object is touched once, while it is in cache) into compact typed arrays indexed by
 * EdgeEntry.index. Loops over thousands of edges read these instead of the design objects,
 * whose shapes vary (megamorphic reads) and which are scattered in memory.
 */
export interface EdgeFacts {
  /** EDGE_KIND_CODE. */
  readonly kind: Uint8Array;
  /** NodeEntry.index of the source and target. */
  readonly source: Int32Array;
  readonly target: Int32Array;
  /** EDGE_FLAG bits. */
  readonly flags: Uint8Array;
  /** Calls: PROTOCOL_CODE. */
  readonly protocol: Uint8Array;
  /** Calls: the timeout, -1 when there is none. */
  readonly timeoutMs: Int32Array;
  /** Calls: retries. */
  readonly retries: Int32Array;
  /** Calls: number of operations. */
  readonly operations: Int32Array;
  /** Calls: calls per request. */
  readonly callsPerRequest: Int32Array;
  /** Calls: 1 when some operation is POST or PATCH (not idempotent by HTTP semantics). */
  readonly unsafeOperations: Uint8Array;
  /** Publish and subscribe: index into `DesignGraph.events`, else -1. */
  readonly channel: Int32Array;
  /** Publish and subscribe: index into `DesignGraph.topics`, else -1. */
  readonly topic: Int32Array;
  /** Edge indices of each kind, design order (the same edges as `edgesByKind`). */
  readonly byKind: { readonly call: Int32Array; readonly publish: Int32Array; readonly subscribe: Int32Array; readonly data: Int32Array };
}

/** Per-node facts by NodeEntry.index (see EdgeFacts). */
export interface NodeFacts {
  /** NODE_KIND_CODE. */
  readonly kind: Uint8Array;
  /** NODE_FLAG bits (services). */
  readonly flags: Uint8Array;
  /** Services: replicas. */
  readonly replicas: Int32Array;
}

export type NodesByKind = { readonly [K in NodeKind]: readonly NodeEntry<NodeOfKind<K>>[] };
export type EdgesByKind = { readonly [K in EdgeKind]: readonly EdgeEntry<EdgeOfKind<K>>[] };

/**
 * Indexes derived once per design revision, shared by rules and generators.
 * Hot loops over adjacency lists should be indexed `for` loops: `for…of` over many small arrays
 * allocates an iterator per list, which shows up as GC time on 10,000-node designs.
 */
export interface DesignGraph {
  readonly design: Design;
  /** Unique nodes by id (the first of duplicated ids wins); built on first access. */
  readonly nodes: ReadonlyMap<string, NodeEntry>;
  /** NodeEntry.index of the node with this id, -1 if there is none (no map built). */
  indexOf(id: string): number;
  /** The same entries in design order; `nodeList[i].index === i`. */
  readonly nodeList: readonly NodeEntry[];
  /**
   * Every edge whose ends both exist, design order; `edgeList[i].index === i`. Entries are
   * created on demand (this list on first access): hot loops read `edgeFacts` and `designEdges`
   * by index, and `edgeAt(i)` makes one entry.
   */
  readonly edgeList: readonly EdgeEntry[];
  /** The design object of each indexed edge, by EdgeEntry.index (`design.edges` when none dangles). */
  readonly designEdges: readonly DesignEdge[];
  /** Node entries by kind, design order. */
  readonly nodesByKind: NodesByKind;
  /** Edge entries by kind, design order (built on first access; `edgeFacts.byKind` holds the indices). */
  readonly edgesByKind: EdgesByKind;
  /** Edges per node by kind and direction, as typed arrays (what hot loops should read). */
  readonly adjacency: AdjacencyIndex;
  /** Hot edge fields as typed arrays, by EdgeEntry.index. */
  readonly edgeFacts: EdgeFacts;
  /** Hot node fields as typed arrays, by NodeEntry.index. */
  readonly nodeFacts: NodeFacts;
  /** Service entries (= nodesByKind.service). */
  readonly services: readonly NodeEntry<ServiceNode>[];
  /** Edges whose source or target does not exist; skipped by every index. */
  readonly dangling: readonly DesignEdge[];
  readonly duplicateNodeIds: readonly string[];
  /** Ids shared by several edges (built on first use); such edges are all indexed. */
  readonly duplicateEdgeIds: readonly string[];
  readonly sync: SyncAnalysis;
  /** Distinct services calling each node (AIS), by NodeEntry.index; 0 for non-services. */
  readonly fanIn: Int32Array;
  /** Distinct services each node calls (ADS), by NodeEntry.index; 0 for non-services. */
  readonly fanOut: Int32Array;
  /** Fan-in and fan-out distributions over services. */
  readonly degreeStats: DegreeStats;
  /** Every database and cache, design order. */
  readonly dataStores: readonly DataStoreInfo[];
  /** The store info of a node, by NodeEntry.index (undefined for other kinds). */
  readonly storeAt: readonly (DataStoreInfo | undefined)[];
  /** Stores whose `ownerId` names the service, per service id. */
  readonly ownedStores: ReadonlyMap<string, readonly NodeEntry<DataStoreNode>[]>;
  /** True when the node has data edges or owns a store (by NodeEntry.index). */
  readonly hasData: Uint8Array;
  /** Event channels in order of their first edge. */
  readonly events: readonly EventChannel[];
  /** Topic channels in order of their first edge. */
  readonly topics: readonly TopicChannel[];
  /** The channel of an event name and version, if any edge uses it. */
  eventChannel(event: string, version: number): EventChannel | undefined;
  /** The channel of a broker's topic, if any edge uses it. */
  topicChannel(brokerId: string, topic: string): TopicChannel | undefined;
  /** The node with this id, if it exists. */
  node(id: string): DesignNode | undefined;
  /** The indexed edge with this id (the first, if duplicated); its map is built on first use. */
  edge(id: string): EdgeEntry | undefined;
  /** The entry of the edge at this index (created on first use, then the same object). */
  edgeAt(index: number): EdgeEntry;
  /** Outgoing edges of a kind (empty for unknown ids). */
  outEdges<K extends EdgeKind>(id: string, kind: K): readonly EdgeEntry<EdgeOfKind<K>>[];
  /** Incoming edges of a kind (empty for unknown ids). */
  inEdges<K extends EdgeKind>(id: string, kind: K): readonly EdgeEntry<EdgeOfKind<K>>[];
  /** Fan-in and fan-out of a service by id (zeros for anything else). */
  degreeOf(id: string): { fanIn: number; fanOut: number };
}
