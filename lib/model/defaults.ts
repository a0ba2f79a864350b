import { uniqueName } from './names';
import {
  designSchema,
  edgeSchema,
  nodeSchema,
  type Design,
  type DesignEdge,
  type DesignNode,
  type EdgeKind,
  type NodeKind,
  type NodeOfKind,
  type EdgeOfKind,
  type Position,
} from './schema';

/** Human label and default technical name stem for each node kind (palette names per DESIGN §6). */
export const NODE_KIND_INFO: Record<NodeKind, { title: string; stem: string; blurb: string }> = {
  service: { title: 'Service', stem: 'service', blurb: 'A deployable microservice' },
  gateway: { title: 'API gateway', stem: 'gateway', blurb: 'Single entry point: routing, auth, rate limits' },
  broker: { title: 'Message broker', stem: 'broker', blurb: 'RabbitMQ, Kafka, NATS or Redis Streams' },
  database: { title: 'Database', stem: 'db', blurb: 'A datastore, ideally owned by one service' },
  cache: { title: 'Cache', stem: 'cache', blurb: 'Redis or Memcached' },
  external: { title: 'External system', stem: 'external', blurb: 'A third-party API' },
  client: { title: 'Client', stem: 'client', blurb: 'Web, mobile or partner client' },
  observability: { title: 'Observability', stem: 'otel', blurb: 'Tracing, logs and metrics sink' },
};

/** Returns a fresh id with a kind prefix; random so ids from two tabs never clash. */
export function newId(prefix: string): string {
  const rnd = globalThis.crypto?.randomUUID?.().replace(/-/g, '').slice(0, 10) ?? Math.random().toString(36).slice(2, 12);
  return `${prefix}_${rnd}`;
}

/** Creates a node of `kind` with every default filled in and a name unique among `taken`. */
export function createNode<K extends NodeKind>(
  kind: K,
  opts: { position?: Position; name?: string; taken?: ReadonlySet<string>; id?: string } & Partial<Omit<NodeOfKind<K>, 'kind'>> = {},
): NodeOfKind<K> {
  const { position = { x: 0, y: 0 }, name, taken = new Set<string>(), id, ...rest } = opts;
  const finalName = uniqueName(name ?? NODE_KIND_INFO[kind].stem, taken);
  return nodeSchema.parse({ ...rest, kind, id: id ?? newId(kind.slice(0, 3)), name: finalName, position }) as NodeOfKind<K>;
}

/**
 * The edge kind implied by its endpoints: service→database|cache is data, service→broker is
 * publish, broker→service is subscribe, anything else is a call.
 */
export function inferEdgeKind(source: Pick<DesignNode, 'kind'>, target: Pick<DesignNode, 'kind'>): EdgeKind {
  if (target.kind === 'database' || target.kind === 'cache') return 'data';
  if (target.kind === 'broker') return 'publish';
  if (source.kind === 'broker') return 'subscribe';
  return 'call';
}

/** Defaults a new edge of each kind gets when drawn: the good practice, not the bare minimum. */
export function edgeDefaults(kind: EdgeKind): Record<string, unknown> {
  switch (kind) {
    case 'call':
      return { protocol: 'rest', timeoutMs: 2000, retries: 2, circuitBreaker: { enabled: true, failureThreshold: 5, resetTimeoutMs: 30_000 } };
    case 'publish':
    case 'subscribe':
      return { topic: 'events', event: 'SomethingHappened', version: 1 };
    case 'data':
      return { access: 'read-write' };
  }
}

/** Creates an edge between two nodes; its kind is inferred unless given. */
export function createEdge<K extends EdgeKind = EdgeKind>(
  source: Pick<DesignNode, 'id' | 'kind'>,
  target: Pick<DesignNode, 'id' | 'kind'>,
  opts: { kind?: K; id?: string } & Record<string, unknown> = {},
): K extends EdgeKind ? EdgeOfKind<K> : DesignEdge {
  const { kind = inferEdgeKind(source, target), id, ...rest } = opts;
  return edgeSchema.parse({ ...edgeDefaults(kind), ...rest, kind, id: id ?? newId('e'), source: source.id, target: target.id }) as never;
}

/** An empty design with every default filled in. */
export function emptyDesign(name = 'Untitled design'): Design {
  return designSchema.parse({ name });
}
