import {
  circuitBreakerSchema,
  createEdge,
  createNode,
  eventSchema,
  newId,
  type BrokerNode,
  type CallEdge,
  type DesignNode,
  type NodeKind,
  type NodeOfKind,
  type Position,
  type PublishEdge,
  type SubscribeEdge,
} from '@/lib/model';
import type { NodeEntry } from '@/lib/graph';
import type { FixContext } from './types';

/** The timeout a fix gives a call: a few seconds at most, per the missing-timeout rule's advice. */
export const DEFAULT_TIMEOUT_MS = 2000;

/** A circuit breaker with the schema's defaults. */
export function defaultCircuitBreaker(): CallEdge['circuitBreaker'] & object {
  return circuitBreakerSchema.parse({});
}

/** "order-service" → "OrderService" (event and type names from technical names). */
export function pascal(name: string): string {
  const s = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
  return /^[A-Za-z]/.test(s) ? s : `X${s}`;
}

/** The middle of two points. */
export function midpoint(a: Position, b: Position): Position {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

/**
 * Adds a node of `kind` with a unique name, placed at a free spot near `near` (canvas
 * coordinates). With `groupOf`, the node joins that node's group (bounded context), if any.
 */
export function addNode<K extends NodeKind>(
  ctx: FixContext,
  kind: K,
  name: string,
  near: Position,
  props: Record<string, unknown> = {},
  groupOf?: DesignNode,
): NodeOfKind<K> {
  const spot = ctx.draft.freeSpot(near);
  const group = groupOf?.parentId === undefined ? undefined : ctx.design.groups.find((g) => g.id === groupOf.parentId);
  const placement = group ? { parentId: group.id, position: { x: spot.x - group.position.x, y: spot.y - group.position.y } } : { position: spot };
  const node = createNode(kind, { ...props, name, taken: ctx.draft.takenNames(), ...placement } as never) as NodeOfKind<K>;
  ctx.draft.addNode(node);
  return node;
}

/** The store a finding is about: a database or cache target, else the target of a data edge target. */
export function storeOf(ctx: FixContext): NodeEntry | undefined {
  return ctx.nodeTargets('database', 'cache')[0] ?? ctx.edgeTargets('data').find((e) => e.target.kind === 'database' || e.target.kind === 'cache')?.target;
}

/** Adds a call edge with the canvas' good defaults (timeout, retries, circuit breaker), encrypted. */
export function addCall(ctx: FixContext, source: DesignNode, target: DesignNode, props: Record<string, unknown> = {}): CallEdge {
  const protocol = source.kind === 'service' && target.kind === 'service' && ctx.ruleActive('non-grpc-sync-call') ? 'grpc' : 'rest';
  const edge = createEdge(source, target, { kind: 'call', protocol, tls: true, ...props }) as CallEdge;
  ctx.draft.addEdge(edge);
  return edge;
}

/** True when the node writes a store (the case where publishing needs an outbox). */
export function writesData(ctx: FixContext, nodeId: string): boolean {
  return ctx.draft.edgeList.some((e) => e.kind === 'data' && e.source === nodeId && e.access !== 'read');
}

/**
 * The broker to carry a new event: one `from` already publishes to, else one `to` consumes from,
 * else the first in the design, else a new one (Kafka where the house style wants Kafka,
 * RabbitMQ otherwise) placed between the two.
 */
export function pickBroker(ctx: FixContext, from: DesignNode, to: DesignNode): { broker: BrokerNode; created: boolean } {
  const { draft } = ctx;
  const isBroker = (id: string) => draft.node(id)?.kind === 'broker';
  const candidates = [
    draft.edgeList.find((e) => e.kind === 'publish' && e.source === from.id && isBroker(e.target))?.target,
    draft.edgeList.find((e) => e.kind === 'subscribe' && e.target === to.id && isBroker(e.source))?.source,
    draft.nodeList.find((n) => n.kind === 'broker')?.id,
  ];
  for (const id of candidates) if (id !== undefined) return { broker: draft.node(id) as BrokerNode, created: false };
  const technology = ctx.ruleActive('non-kafka-async') ? 'kafka' : 'rabbitmq';
  const broker = addNode(ctx, 'broker', technology === 'kafka' ? 'kafka' : 'broker', midpoint(draft.position(from), draft.position(to)), { technology });
  return { broker, created: true };
}

export interface BusLink {
  broker: BrokerNode;
  brokerCreated: boolean;
  publish: PublishEdge;
  subscribe: SubscribeEdge;
  /** Edges this call added (existing matching edges are reused). */
  added: string[];
  event: string;
  topic: string;
}

/**
 * Connects `from` to `to` through a broker (`brokerId`, else `pickBroker`): `from` publishes
 * `event` on a topic, `to` subscribes to it. Reuses matching edges, adds the topic to the broker's declared topics and declares the
 * event (owned by `from`) when the design does not have it yet.
 */
export function sendViaBroker(
  ctx: FixContext,
  from: DesignNode,
  to: DesignNode,
  event: string,
  opts: { topic?: string; version?: number; description?: string; brokerId?: string; shared?: boolean } = {},
): BusLink {
  const { draft } = ctx;
  const forced = opts.brokerId === undefined ? undefined : draft.node(opts.brokerId);
  const { broker, created } = forced?.kind === 'broker' ? { broker: forced, created: false } : pickBroker(ctx, from, to);
  const topic =
    opts.topic ??
    draft.edgeList.find((e): e is PublishEdge => e.kind === 'publish' && e.source === from.id && e.target === broker.id)?.topic ??
    from.name;
  const declared = draft.eventList.filter((e) => e.name === event);
  const version = opts.version ?? (declared.length > 0 ? Math.max(...declared.map((e) => e.version)) : 1);
  const added: string[] = [];
  let publish = draft.edgeList.find(
    (e): e is PublishEdge => e.kind === 'publish' && e.source === from.id && e.target === broker.id && e.topic === topic && e.event === event && e.version === version,
  );
  if (!publish) {
    publish = createEdge(from, broker, { kind: 'publish', topic, event, version, outbox: writesData(ctx, from.id) }) as PublishEdge;
    draft.addEdge(publish);
    added.push(publish.id);
  }
  let subscribe = draft.edgeList.find(
    (e): e is SubscribeEdge => e.kind === 'subscribe' && e.source === broker.id && e.target === to.id && e.topic === topic && e.event === event && e.version === version,
  );
  if (!subscribe) {
    subscribe = createEdge(broker, to, { kind: 'subscribe', topic, event, version, consumerGroup: to.name, dedupe: true }) as SubscribeEdge;
    draft.addEdge(subscribe);
    added.push(subscribe.id);
  }
  const current = draft.node(broker.id) as BrokerNode;
  if ((created || current.topics.length > 0) && !current.topics.some((t) => t.name === topic)) {
    draft.patchNode<BrokerNode>(broker.id, { topics: [...current.topics, { name: topic }] });
  }
  if (!declared.some((e) => e.version === version)) {
    // A shared event (errors from every service) has no single owner.
    const ownerId = from.kind === 'service' && !opts.shared ? from.id : undefined;
    draft.addEvent(eventSchema.parse({ id: newId('evt'), name: event, version, ownerId, description: opts.description ?? '' }));
  }
  return { broker: draft.node(broker.id) as BrokerNode, brokerCreated: created, publish, subscribe, added, event, topic };
}

/**
 * Lets service `from` reach service `to`: an existing call is kept, else a new call, or, where the
 * house style forbids direct service calls, a request event through the broker.
 */
export function linkServices(ctx: FixContext, from: DesignNode, to: DesignNode, event: string): { edges: string[]; nodes: string[]; via: 'call' | 'bus'; existing: boolean } {
  const { draft } = ctx;
  const direct = ctx.ruleActive('no-direct-service-calls') && from.kind === 'service' && to.kind === 'service';
  if (!direct) {
    const existing = draft.edgeList.find((e) => e.kind === 'call' && e.source === from.id && e.target === to.id);
    if (existing) return { edges: [existing.id], nodes: [], via: 'call', existing: true };
    return { edges: [addCall(ctx, from, to).id], nodes: [], via: 'call', existing: false };
  }
  const link = sendViaBroker(ctx, from, to, event);
  return { edges: [link.publish.id, link.subscribe.id], nodes: link.brokerCreated ? [link.broker.id] : [], via: 'bus', existing: link.added.length === 0 };
}

/** "a → b" with node names, for summaries. */
export function edgeLabel(ctx: FixContext, edge: { source: string; target: string }): string {
  const name = (id: string) => ctx.draft.node(id)?.name ?? id;
  return `${name(edge.source)} → ${name(edge.target)}`;
}

/** "a", "a and b", "a, b and c". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A spot right of everything on the canvas, level with the top: where shared infrastructure goes. */
export function besideDesign(ctx: FixContext): Position {
  const nodes = ctx.draft.nodeList;
  if (nodes.length === 0) return { x: 0, y: 0 };
  let maxX = -Infinity;
  let minY = Infinity;
  for (const n of nodes) {
    const p = ctx.draft.position(n);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
  }
  return { x: maxX + 260, y: minY };
}
