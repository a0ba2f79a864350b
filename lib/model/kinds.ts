/**
 * Node and edge kinds, their titles, limits and the defaults a new edge gets. No zod here: the
 * editor's first load (palette, canvas, store) uses these before the schema is loaded.
 */
import type { EdgeKind, NodeKind, DesignNode } from './schema';

/** Limits that bound what a design file may hold (hostile or corrupt files stop here). */
export const LIMITS = {
  idLength: 64,
  labelLength: 200,
  textLength: 10_000,
  nodes: 20_000,
  edges: 60_000,
  listItems: 1_000,
} as const;

/** Largest design file accepted (characters of text): bounds parse time and memory. */
export const MAX_FILE_CHARS = 5 * 1024 * 1024;

export const NODE_KINDS = ['service', 'gateway', 'broker', 'database', 'cache', 'external', 'client', 'observability'] as const satisfies readonly NodeKind[];

export const EDGE_KINDS = ['call', 'publish', 'subscribe', 'data'] as const satisfies readonly EdgeKind[];

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
