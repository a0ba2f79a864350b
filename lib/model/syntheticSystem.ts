import { designSchema, type Design } from './schema';
import { seededRandom } from './synthetic';

/**
 * A realistic generated system for export benchmarks: a web client behind an nginx gateway,
 * `services` services with REST endpoints and their own PostgreSQL, sync calls with timeouts and
 * circuit breakers, events over one RabbitMQ broker, and a tracing collector.
 */
export function syntheticSystem(services: number, seed = 7): Design {
  const rnd = seededRandom(seed);
  const nodes: Record<string, unknown>[] = [
    { id: 'client', kind: 'client', name: 'web', position: { x: 0, y: 0 } },
    { id: 'gw', kind: 'gateway', name: 'api-gateway', position: { x: 200, y: 0 }, routes: [] as unknown[] },
    { id: 'mq', kind: 'broker', name: 'rabbitmq', technology: 'rabbitmq', position: { x: 400, y: 400 } },
    { id: 'otel', kind: 'observability', name: 'otel-collector', position: { x: 600, y: 400 } },
  ];
  const edges: Record<string, unknown>[] = [{ id: 'e-client', kind: 'call', source: 'client', target: 'gw', timeoutMs: 5000 }];
  const events: Record<string, unknown>[] = [];
  const routes = (nodes[1] as { routes: unknown[] }).routes;
  for (let i = 0; i < services; i++) {
    const id = `s${i}`;
    const name = `svc-${i}`;
    nodes.push({
      id,
      kind: 'service',
      name,
      position: { x: (i % 10) * 260, y: 200 + Math.floor(i / 10) * 160 },
      endpoints: [
        { id: `${id}-list`, method: 'GET', path: `/items-${i}` },
        { id: `${id}-create`, method: 'POST', path: `/items-${i}`, idempotent: true },
      ],
    });
    nodes.push({ id: `${id}-db`, kind: 'database', name: `${name}-db`, ownerId: id, position: { x: (i % 10) * 260, y: 260 + Math.floor(i / 10) * 160 } });
    edges.push({ id: `${id}-data`, kind: 'data', source: id, target: `${id}-db` });
    if (i < 5) {
      routes.push({ id: `r${i}`, path: `/${name}`, target: id });
      edges.push({ id: `gw-${id}`, kind: 'call', source: 'gw', target: id, timeoutMs: 3000, circuitBreaker: {} });
    }
    if (i > 0) {
      const target = `s${Math.floor(rnd() * i)}`;
      edges.push({ id: `${id}-call`, kind: 'call', source: id, target, timeoutMs: 2000, retries: 2, circuitBreaker: {}, operations: [{ method: 'GET', path: `/items-${target.slice(1)}` }] });
    }
    if (i % 3 === 0) {
      const event = `Item${i}Created`;
      events.push({ id: `ev${i}`, name: event, version: 1, ownerId: id, fields: [{ name: 'id', type: 'uuid' }, { name: 'total', type: 'number' }] });
      edges.push({ id: `${id}-pub`, kind: 'publish', source: id, target: 'mq', topic: `items-${i}`, event, outbox: true });
      const consumer = `s${(i + 1) % services}`;
      edges.push({ id: `${id}-sub`, kind: 'subscribe', source: 'mq', target: consumer, topic: `items-${i}`, event });
    }
  }
  return designSchema.parse({ name: `Synthetic system ${services}`, nodes, edges, events });
}
