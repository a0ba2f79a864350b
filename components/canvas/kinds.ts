import type { DesignNode, EdgeKind, NodeKind } from '@/lib/model';

/**
 * Presentation facts per node kind that are not React: accent colours (shared by nodes, the
 * minimap and the simplified zoomed-out rendering) and display names of technologies.
 */
export const KIND_COLOR: Record<NodeKind, string> = {
  service: '#0284c7', // sky-600
  gateway: '#7c3aed', // violet-600
  broker: '#d97706', // amber-600
  database: '#059669', // emerald-600
  cache: '#dc2626', // red-600
  external: '#64748b', // slate-500
  client: '#2563eb', // blue-600
  observability: '#db2777', // pink-600
};

const TECH_LABEL: Record<string, string> = {
  nestjs: 'NestJS',
  fastify: 'Fastify',
  fastapi: 'FastAPI',
  nginx: 'NGINX',
  kong: 'Kong',
  traefik: 'Traefik',
  envoy: 'Envoy',
  rabbitmq: 'RabbitMQ',
  kafka: 'Kafka',
  nats: 'NATS',
  'redis-streams': 'Redis Streams',
  postgres: 'PostgreSQL',
  mysql: 'MySQL',
  mongodb: 'MongoDB',
  cassandra: 'Cassandra',
  elasticsearch: 'Elasticsearch',
  dynamodb: 'DynamoDB',
  sqlite: 'SQLite',
  redis: 'Redis',
  memcached: 'Memcached',
  web: 'Web',
  mobile: 'Mobile',
  partner: 'Partner',
  cli: 'CLI',
  'otel-collector': 'OTel Collector',
  jaeger: 'Jaeger',
  prometheus: 'Prometheus',
  grafana: 'Grafana',
  loki: 'Loki',
};

/** The raw technology/stack id of a node (services have a stack, everything else a technology). */
export function nodeTech(node: DesignNode): string {
  return node.kind === 'service' ? node.stack : node.technology;
}

/** Human name of a technology id; free text (external systems) is shown as typed. */
export function techLabel(tech: string): string {
  return TECH_LABEL[tech] ?? tech;
}

/** Stroke colour and dash pattern per edge kind: async links are dashed, data access dotted. */
export const EDGE_STYLE: Record<EdgeKind, { color: string; dash?: string }> = {
  call: { color: '#64748b' },
  publish: { color: '#d97706', dash: '6 4' },
  subscribe: { color: '#d97706', dash: '6 4' },
  data: { color: '#059669', dash: '2 4' },
};

export const EDGE_SELECTED_COLOR = '#0ea5e9';
