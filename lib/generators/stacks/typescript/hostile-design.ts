// Test fixture (imported by tests only): a design whose free text tries to break out of every
// place it lands in generated TypeScript (strings, comments, template literals, identifiers,
// routes, topics), and that uses every broker, gRPC, a cache and a store without a client library.
import { loadDesignData, type Design } from '@/lib/model';

const EVIL = 'x"; process.exit(1); // \' ` ${process.exit(2)} */ /* <script>\u2028\n\\';

/** The hostile design, validated by the schema like any loaded file. */
export function hostileDesign(): Design {
  const pos = { x: 0, y: 0 };
  const data = {
    archwright: 1,
    design: {
      name: `Hostile ${EVIL}`,
      description: `Description ${EVIL}`,
      nodes: [
        {
          kind: 'service',
          id: 'svc-a',
          name: 'alpha',
          label: `Alpha ${EVIL}`,
          description: `Alpha does things ${EVIL}`,
          position: pos,
          stack: 'fastify',
          port: 3101,
          endpoints: [
            { id: 'e1', method: 'POST', path: `/it's/{id}/"quote"`, summary: EVIL, idempotent: true },
            { id: 'e2', method: 'GET', path: '/${process.exit(3)}/{x y}', summary: '*/ evil' },
            { id: 'e3', method: 'GET', path: '/health/live', summary: 'collides with health' },
            { id: 'e4', method: 'PUT', path: '/a/{id}', summary: 'put' },
            { id: 'e5', method: 'PUT', path: '/a/{other}', summary: 'same shape as e4' },
            { id: 'e6', method: 'DELETE', path: '/things', summary: 'collection delete' },
            { id: 'e7', method: 'PATCH', path: '/things/{thing-id}', summary: 'patch' },
            { id: 'e8', method: 'DELETE', path: '/things/{thing-id}', summary: 'delete one' },
            { id: 'e9', method: 'GET', path: '/ü/ñ/{__proto__}/{constructor}', summary: 'unicode' },
            { id: 'e10', method: 'GET', path: '/', summary: 'root' },
          ],
        },
        {
          kind: 'service',
          id: 'svc-b',
          name: 'beta',
          label: `Beta ${EVIL}`,
          position: pos,
          stack: 'fastify',
          port: 3102,
          endpoints: [],
        },
        { kind: 'service', id: 'svc-c', name: 'gamma', position: pos, stack: 'fastify', port: 3103 },
        { kind: 'database', id: 'db-a', name: 'alpha-db', label: EVIL, position: pos, technology: 'postgres', ownerId: 'svc-a' },
        { kind: 'database', id: 'db-b', name: 'beta-db', position: pos, technology: 'postgres', ownerId: 'svc-b' },
        { kind: 'database', id: 'db-docs', name: 'docs', position: pos, technology: 'mongodb' },
        { kind: 'cache', id: 'cache-a', name: 'alpha-cache', position: pos, technology: 'redis' },
        { kind: 'broker', id: 'b-rabbit', name: 'bus', position: pos, technology: 'rabbitmq', topics: [{ name: EVIL }] },
        { kind: 'broker', id: 'b-kafka', name: 'stream', position: pos, technology: 'kafka' },
        { kind: 'broker', id: 'b-nats', name: 'nats', position: pos, technology: 'nats' },
        { kind: 'broker', id: 'b-redis', name: 'rs', position: pos, technology: 'redis-streams' },
        { kind: 'external', id: 'x-pay', name: 'pay', label: EVIL, position: pos, technology: EVIL, url: `javascript:alert("${EVIL}")` },
      ],
      edges: [
        {
          kind: 'call',
          id: 'c1',
          source: 'svc-a',
          target: 'svc-b',
          protocol: 'rest',
          label: EVIL,
          operations: [
            { method: 'GET', path: `/b/{id}/${EVIL}` },
            { method: 'POST', path: '/b' },
            { method: 'POST', path: '/b' },
            { method: 'GET', path: '/request' },
          ],
          timeoutMs: 250,
          retries: 2,
          circuitBreaker: { enabled: true, failureThreshold: 3, resetTimeoutMs: 1000 },
          idempotencyKey: true,
        },
        {
          kind: 'call',
          id: 'c2',
          source: 'svc-a',
          target: 'svc-b',
          protocol: 'grpc',
          operations: [{ method: 'GET', path: `beta.v1.BetaService/Get${EVIL}` }, { method: 'POST', path: 'Create' }],
          retries: 1,
        },
        { kind: 'call', id: 'c3', source: 'svc-a', target: 'x-pay', protocol: 'rest', operations: [{ method: 'POST', path: '/v1/charges' }], timeoutMs: 1000 },
        { kind: 'call', id: 'c4', source: 'svc-c', target: 'svc-a', protocol: 'graphql', operations: [{ method: 'POST', path: '/graphql' }], timeoutMs: 1000 },
        { kind: 'data', id: 'd1', source: 'svc-a', target: 'db-a', access: 'read-write' },
        { kind: 'data', id: 'd2', source: 'svc-a', target: 'cache-a', access: 'read-write' },
        { kind: 'data', id: 'd3', source: 'svc-a', target: 'db-docs', access: 'read' },
        { kind: 'data', id: 'd4', source: 'svc-b', target: 'db-b', access: 'read-write' },
        { kind: 'publish', id: 'p1', source: 'svc-a', target: 'b-rabbit', topic: EVIL, event: `Order ${EVIL}`, version: 1, outbox: true },
        { kind: 'publish', id: 'p2', source: 'svc-a', target: 'b-kafka', topic: 'a b c', event: '123 start', version: 2, outbox: false },
        { kind: 'publish', id: 'p3', source: 'svc-a', target: 'b-nats', topic: '*/', event: '`tick`', version: 1 },
        { kind: 'publish', id: 'p4', source: 'svc-a', target: 'b-redis', topic: 'stream.one', event: 'Order Placed', version: 1, outbox: true },
        { kind: 'subscribe', id: 's1', source: 'b-rabbit', target: 'svc-b', topic: EVIL, event: `Order ${EVIL}`, version: 1, consumerGroup: EVIL },
        { kind: 'subscribe', id: 's2', source: 'b-kafka', target: 'svc-b', topic: 'a b c', event: '123 start', version: 2 },
        { kind: 'subscribe', id: 's3', source: 'b-nats', target: 'svc-b', topic: '*/', event: '`tick`', version: 1, dedupe: false },
        { kind: 'subscribe', id: 's4', source: 'b-redis', target: 'svc-b', topic: 'stream.one', event: 'Order Placed', version: 1 },
        { kind: 'subscribe', id: 's5', source: 'b-redis', target: 'svc-c', topic: 'stream.one', event: 'Order Placed', version: 1 },
        { kind: 'subscribe', id: 's6', source: 'b-kafka', target: 'svc-c', topic: 'a b c', event: '123 start', version: 2, consumerGroup: 'gamma' },
      ],
      events: [
        {
          id: 'ev1',
          name: `Order ${EVIL}`,
          version: 1,
          description: EVIL,
          fields: [
            { name: '"quoted"', type: 'string' },
            { name: 'with space', type: 'uuid', required: false },
            { name: '__proto__', type: 'integer' },
            { name: 'constructor', type: 'datetime' },
            { name: EVIL, type: 'object', description: EVIL },
          ],
        },
        { id: 'ev2', name: '123 start', version: 2, fields: [{ name: 'n', type: 'number' }, { name: 'list', type: 'array' }, { name: 'ok', type: 'boolean' }] },
        { id: 'ev3', name: 'Order Placed', version: 1, fields: [] },
      ],
    },
  };
  const result = loadDesignData(data);
  if (!result.ok) throw new Error(`hostile design does not load: ${result.error}`);
  return result.design;
}
