/** Image tags and package versions the generated project pins. Passed in, so output is deterministic. */
export interface ToolVersions {
  node: string;
  python: string;
  postgres: string;
  mysql: string;
  mongodb: string;
  redis: string;
  memcached: string;
  rabbitmq: string;
  kafka: string;
  nats: string;
  elasticsearch: string;
  nginx: string;
  otelCollector: string;
  jaeger: string;
  prometheus: string;
  grafana: string;
  loki: string;
}

/** The versions this release of Archwright generates against. */
export const DEFAULT_VERSIONS: ToolVersions = {
  node: '20-bookworm-slim',
  python: '3.12-slim-bookworm',
  postgres: '16-alpine',
  mysql: '8.4',
  mongodb: '7.0',
  redis: '7.4-alpine',
  memcached: '1.6-alpine',
  rabbitmq: '3.13-management-alpine',
  kafka: '3.9.0',
  nats: '2.10-alpine',
  elasticsearch: '8.15.3',
  nginx: '1.27-alpine',
  otelCollector: '0.111.0',
  jaeger: '1.62.0',
  prometheus: 'v2.55.0',
  grafana: '11.3.0',
  loki: '3.2.1',
};
