/**
 * New elements with every default filled in, without zod: what `createNode`, `createEdge` and
 * `emptyDesign` (defaults.ts) return for the same arguments, field for field and in the same key
 * order (blank.test.ts holds them to it). The editor adds palette nodes, draws connections and
 * opens a blank design with these before the schema has loaded; anything carrying user input
 * still goes through the schema.
 */
import { edgeDefaults, inferEdgeKind, NODE_KIND_INFO, newId } from './kinds';
import { uniqueName } from './names';
import type { Design, DesignEdge, DesignNode, EdgeKind, EdgeOfKind, Group, NodeKind, NodeOfKind, Position } from './schema';

/** The fields each node kind adds to the common ones, as the schema defaults them. */
function kindDefaults(kind: NodeKind): Record<string, unknown> {
  switch (kind) {
    case 'service':
      return {
        stack: 'nestjs',
        port: 3000,
        replicas: 2,
        size: 'small',
        endpoints: [],
        healthCheck: { liveness: true, readiness: true },
        stateless: true,
        ownerTeam: '',
        tracing: true,
        logging: 'json',
      };
    case 'gateway':
      return { technology: 'nginx', port: 8080, routes: [], authentication: 'jwt', rateLimitRps: 100, tls: true };
    case 'broker':
      return { technology: 'rabbitmq', topics: [] };
    case 'database':
      return { technology: 'postgres' };
    case 'cache':
      return { technology: 'redis' };
    case 'external':
      return { technology: 'third-party API', url: '' };
    case 'client':
      return { technology: 'web' };
    case 'observability':
      return { technology: 'otel-collector', signals: { traces: true, metrics: true, logs: true } };
  }
}

/** A node of `kind` with defaults, named uniquely among `taken` (like createNode with no other overrides). */
export function blankNode<K extends NodeKind>(
  kind: K,
  opts: { position?: Position; name?: string; taken?: ReadonlySet<string>; id?: string; parentId?: string } = {},
): NodeOfKind<K> {
  const { position = { x: 0, y: 0 }, name, taken = new Set<string>(), id, parentId } = opts;
  return {
    kind,
    id: id ?? newId(kind.slice(0, 3)),
    name: uniqueName(name ?? NODE_KIND_INFO[kind].stem, taken),
    description: '',
    position: { x: position.x, y: position.y },
    ...(parentId === undefined ? {} : { parentId }),
    tags: [],
    ...kindDefaults(kind),
  } as unknown as NodeOfKind<K>;
}

/** The fields each edge kind adds, with the drawing defaults of edgeDefaults() applied. */
function edgeKindDefaults(kind: EdgeKind): Record<string, unknown> {
  const d = edgeDefaults(kind);
  switch (kind) {
    case 'call':
      return {
        protocol: d.protocol,
        operations: [],
        timeoutMs: d.timeoutMs,
        retries: d.retries,
        circuitBreaker: { ...(d.circuitBreaker as object) },
        idempotencyKey: false,
        tls: false,
        callsPerRequest: 1,
      };
    case 'publish':
      return { topic: d.topic, event: d.event, version: d.version, outbox: false };
    case 'subscribe':
      return { topic: d.topic, event: d.event, version: d.version, dedupe: true };
    case 'data':
      return { access: d.access };
  }
}

/** A new edge between two nodes with the drawing defaults (like createEdge with only a kind). */
export function blankEdge<K extends EdgeKind = EdgeKind>(
  source: Pick<DesignNode, 'id' | 'kind'>,
  target: Pick<DesignNode, 'id' | 'kind'>,
  opts: { kind?: K; id?: string } = {},
): K extends EdgeKind ? EdgeOfKind<K> : DesignEdge {
  const kind = opts.kind ?? inferEdgeKind(source, target);
  return { kind, id: opts.id ?? newId('e'), source: source.id, target: target.id, description: '', ...edgeKindDefaults(kind) } as never;
}

/** A bounded context around the given box (what groupSchema.parse returns for these fields). */
export function blankGroup(opts: { id?: string; name: string; position: Position; size: { width: number; height: number } }): Group {
  return {
    id: opts.id ?? newId('grp'),
    name: opts.name,
    description: '',
    position: { x: opts.position.x, y: opts.position.y },
    size: { width: opts.size.width, height: opts.size.height },
  };
}

/** An empty design with every default filled in (like emptyDesign). */
export function blankDesign(name = 'Untitled design'): Design {
  return {
    name,
    description: '',
    nodes: [],
    edges: [],
    events: [],
    groups: [],
    views: [],
    flows: [],
    decisions: [],
    settings: { profile: 'recommended', rules: {}, suppressions: [], defaultStack: 'nestjs', targets: ['compose', 'k8s'], serviceMesh: false },
  };
}
