// docker-compose.yml: every service built from ./services/<name> with the env vars it reads,
// datastores, brokers and observability as pinned containers with healthchecks and named volumes,
// an internal backend network (public only for gateways, egress only for callers of external
// APIs), depends_on with conditions, and the nginx gateways mounting their generated config.
// Secrets are `${VAR:-dev default}` interpolations, listed in .env.example.
import type { BrokerSpec, DatastoreSpec, EnvVar, GatewaySpec, Project, ServiceSpec } from '../project';
import { OTEL_COLLECTOR_NAME } from '../project';
import type { GeneratedFile, Generator, GeneratorContext } from '../types';
import { nginxConfPath } from './nginx';
import { GRAFANA_PROVISIONING_DIR, OBS_PORTS, OTEL_CONFIG_PATH, PROMETHEUS_CONFIG_PATH, wantsLoki } from './observability';
import { SIZE_TIERS, assertName, containerStores, serviceHealthCommand, serviceStartOrder, toYaml } from './shared';

export const COMPOSE_PATH = 'docker-compose.yml';
export const ENV_EXAMPLE_PATH = '.env.example';

type Healthcheck = { test: string[]; interval: string; timeout: string; retries: number; start_period: string };
type Condition = 'service_healthy' | 'service_started';

const hc = (test: string[], startPeriod = '20s'): Healthcheck => ({ test, interval: '10s', timeout: '5s', retries: 6, start_period: startPeriod });
const wget = (url: string): string[] => ['CMD', 'wget', '-q', '-O', '/dev/null', url];

/** Characters a dev default may hold inside `${VAR:-…}` (no `}`, `$`, quotes or whitespace). */
const SAFE_DEFAULT = /^[A-Za-z0-9_.:/@?=&%+,-]*$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A literal compose value: `$` would start an interpolation, so it is doubled. */
const literal = (value: string): string => value.replace(/\$/g, '$$$$');

function interpolate(name: string, fallback: string): string {
  if (!ENV_NAME.test(name)) throw new Error(`Generator bug: env var name ${JSON.stringify(name)}.`);
  if (!SAFE_DEFAULT.test(fallback)) throw new Error(`Generator bug: unsafe dev default for ${name}.`);
  return `\${${name}:-${fallback}}`;
}

/** Secret variables the stack reads from .env (name → dev default), collected while building. */
class Secrets {
  readonly vars = new Map<string, { value: string; description: string }>();
  ref(name: string, value: string, description: string): string {
    if (!this.vars.has(name)) this.vars.set(name, { value, description });
    return interpolate(name, value);
  }
}

function envValue(e: EnvVar, project: Project, secrets: Secrets): string {
  if (!e.secret) return literal(e.value);
  const store = project.datastores.find((d) => d.urlEnv === e.name);
  if (store && store.image && e.value.includes(store.devPassword)) {
    return e.value.split(store.devPassword).map(literal).join(secrets.ref(store.passwordEnv, store.devPassword, `Password of ${store.name}`));
  }
  return secrets.ref(e.name, e.value, e.description);
}

interface Container {
  image?: string;
  build?: { context: string };
  command?: string[];
  restart: string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  networks: string[];
  depends_on?: Record<string, { condition: Condition }>;
  healthcheck?: Healthcheck;
  read_only?: boolean;
  tmpfs?: string[];
  cap_drop?: string[];
  security_opt?: string[];
  sysctls?: Record<string, string>;
  stop_grace_period?: string;
  ulimits?: Record<string, unknown>;
  deploy?: { resources: { limits: { cpus: string; memory: string } } };
}

const hardened = (port: number) => ({
  read_only: true,
  tmpfs: ['/tmp'],
  cap_drop: ['ALL'],
  security_opt: ['no-new-privileges:true'],
  // Non-root processes may bind ports below 1024 only with this (namespaced) sysctl.
  ...(port < 1024 ? { sysctls: { 'net.ipv4.ip_unprivileged_port_start': '0' } } : {}),
});

/** Container definition of a datastore (its technology decides image settings and probe). */
function storeContainer(d: DatastoreSpec, secrets: Secrets, volumes: Set<string>): Container {
  const name = assertName(d.name, 'datastore name');
  const volume = `${name}-data`;
  const base = { image: d.image!, restart: 'unless-stopped', networks: ['backend'] };
  const password = () => secrets.ref(d.passwordEnv, d.devPassword, `Password of ${name}`);
  switch (d.technology) {
    case 'postgres':
      volumes.add(volume);
      return { ...base, environment: { POSTGRES_DB: d.dbName, POSTGRES_USER: d.user, POSTGRES_PASSWORD: password() }, volumes: [`${volume}:/var/lib/postgresql/data`], healthcheck: hc(['CMD', 'pg_isready', '-U', d.user, '-d', d.dbName]) };
    case 'mysql':
      volumes.add(volume);
      return {
        ...base,
        environment: { MYSQL_DATABASE: d.dbName, MYSQL_USER: d.user, MYSQL_PASSWORD: password(), MYSQL_RANDOM_ROOT_PASSWORD: 'yes' },
        volumes: [`${volume}:/var/lib/mysql`],
        healthcheck: hc(['CMD-SHELL', `mysqladmin ping -h 127.0.0.1 -u ${d.user} --password="$$MYSQL_PASSWORD" --silent`], '40s'),
      };
    case 'mongodb':
      volumes.add(volume);
      return {
        ...base,
        environment: { MONGO_INITDB_ROOT_USERNAME: d.user, MONGO_INITDB_ROOT_PASSWORD: password(), MONGO_INITDB_DATABASE: d.dbName },
        volumes: [`${volume}:/data/db`],
        healthcheck: hc(['CMD', 'mongosh', '--quiet', '--eval', "db.adminCommand('ping').ok"]),
      };
    case 'redis':
      volumes.add(volume);
      return { ...base, command: ['redis-server', '--appendonly', 'yes'], volumes: [`${volume}:/data`], healthcheck: hc(['CMD', 'redis-cli', 'ping']) };
    case 'memcached':
      return { ...base, command: ['memcached', '-m', '128'], healthcheck: hc(['CMD-SHELL', 'echo stats | nc -w 2 127.0.0.1 11211 | grep -q uptime']) };
    case 'elasticsearch':
      volumes.add(volume);
      return {
        ...base,
        environment: { 'discovery.type': 'single-node', 'xpack.security.enabled': 'false', ES_JAVA_OPTS: '-Xms512m -Xmx512m' },
        volumes: [`${volume}:/usr/share/elasticsearch/data`],
        ulimits: { memlock: { soft: -1, hard: -1 } },
        healthcheck: hc(['CMD-SHELL', 'curl -fsS http://127.0.0.1:9200/_cluster/health >/dev/null'], '60s'),
      };
    case 'cassandra':
      volumes.add(volume);
      return {
        ...base,
        environment: { MAX_HEAP_SIZE: '512M', HEAP_NEWSIZE: '128M' },
        volumes: [`${volume}:/var/lib/cassandra`],
        healthcheck: hc(['CMD-SHELL', "cqlsh -e 'describe keyspaces' >/dev/null"], '90s'),
      };
    default:
      throw new Error(`Generator bug: no container for ${d.technology}.`);
  }
}

function brokerContainer(b: BrokerSpec, volumes: Set<string>): Container {
  const name = assertName(b.name, 'broker name');
  const volume = `${name}-data`;
  volumes.add(volume);
  const base = { image: b.image, restart: 'unless-stopped', networks: ['backend'] };
  switch (b.technology) {
    case 'rabbitmq':
      return { ...base, volumes: [`${volume}:/var/lib/rabbitmq`], healthcheck: hc(['CMD', 'rabbitmq-diagnostics', '-q', 'ping'], '30s') };
    case 'kafka':
      return {
        ...base,
        environment: {
          KAFKA_NODE_ID: '1',
          KAFKA_PROCESS_ROLES: 'broker,controller',
          KAFKA_LISTENERS: `PLAINTEXT://:${b.port},CONTROLLER://:9093`,
          KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://${name}:${b.port}`,
          KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
          KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
          KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
          KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
          KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
          KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
          KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
          KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'true',
          KAFKA_LOG_DIRS: '/var/lib/kafka/data',
        },
        volumes: [`${volume}:/var/lib/kafka/data`],
        healthcheck: hc(['CMD-SHELL', `/opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:${b.port} >/dev/null 2>&1`], '30s'),
      };
    case 'nats':
      return { ...base, command: ['-js', '-sd', '/data', '-m', '8222'], volumes: [`${volume}:/data`], healthcheck: hc(wget('http://127.0.0.1:8222/healthz')) };
    case 'redis-streams':
      return { ...base, command: ['redis-server', '--appendonly', 'yes'], volumes: [`${volume}:/data`], healthcheck: hc(['CMD', 'redis-cli', 'ping']) };
  }
}

function serviceContainer(s: ServiceSpec, ctx: GeneratorContext, secrets: Secrets, deps: ServiceSpec[], volumes: Set<string>): Container {
  const p = ctx.project;
  const name = assertName(s.name, 'service name');
  const environment: Record<string, string> = {};
  for (const e of s.env) environment[e.name] = envValue(e, p, secrets);
  const depends: Record<string, { condition: Condition }> = {};
  for (const d of s.datastores) if (d.image) depends[d.name] = { condition: 'service_healthy' };
  for (const b of s.brokers) depends[b.name] = { condition: 'service_healthy' };
  for (const d of deps) depends[d.name] = { condition: 'service_healthy' };
  // The collector image is distroless (nothing to probe with); exporters retry until it is up.
  if (s.tracing) depends[OTEL_COLLECTOR_NAME] = { condition: 'service_started' };
  const sqlite = s.datastores.filter((d) => d.technology === 'sqlite');
  for (const d of sqlite) volumes.add(`${d.name}-data`);
  const tier = SIZE_TIERS[s.size];
  return {
    build: { context: `./services/${name}` },
    restart: 'unless-stopped',
    environment,
    ...(sqlite.length ? { volumes: sqlite.map((d) => `${d.name}-data:/data`) } : {}),
    networks: s.calls.some((c) => c.targetKind === 'external') ? ['backend', 'egress'] : ['backend'],
    ...(Object.keys(depends).length ? { depends_on: depends } : {}),
    healthcheck: hc(serviceHealthCommand(s), '30s'),
    ...hardened(s.port),
    stop_grace_period: '30s',
    deploy: { resources: { limits: { cpus: tier.composeCpus, memory: tier.composeMemory } } },
  };
}

function gatewayContainer(g: GatewaySpec, ctx: GeneratorContext, hostPort: number): Container {
  const name = assertName(g.name, 'gateway name');
  const depends: Record<string, { condition: Condition }> = {};
  for (const r of g.routes) depends[assertName(r.serviceName, 'service name')] = { condition: 'service_healthy' };
  return {
    image: `nginxinc/nginx-unprivileged:${ctx.project.versions.nginx}`,
    restart: 'unless-stopped',
    ports: [`${hostPort}:${g.port}`],
    volumes: [`./${nginxConfPath({ name })}:/etc/nginx/nginx.conf:ro`],
    networks: ['public', 'backend'],
    ...(Object.keys(depends).length ? { depends_on: depends } : {}),
    healthcheck: hc(wget(`http://127.0.0.1:${g.port}/healthz`), '10s'),
    ...hardened(g.port),
  };
}

/** Host ports: the wanted one, or the next free one when two containers want the same. */
function hostPorts() {
  const taken = new Set<number>();
  return (wanted: number): number => {
    let port = wanted;
    while (taken.has(port)) port = port >= 65535 ? 1024 : port + 1;
    taken.add(port);
    return port;
  };
}

/** The compose file as an object, plus the secrets it interpolates (for .env.example). */
export function composeModel(ctx: GeneratorContext): { doc: Record<string, unknown>; secrets: Map<string, { value: string; description: string }>; notes: string[] } {
  const p = ctx.project;
  const secrets = new Secrets();
  const volumes = new Set<string>();
  const services: Record<string, Container> = {};
  const order = serviceStartOrder(p);
  const port = hostPorts();
  const notes: string[] = [];

  for (const s of p.services) services[s.name] = serviceContainer(s, ctx, secrets, order.get(s.id) ?? [], volumes);
  const gateways = ctx.options.gateway ? p.gateways : [];
  for (const g of gateways) services[g.name] = gatewayContainer(g, ctx, port(g.port));
  for (const d of containerStores(p)) services[d.name] = storeContainer(d, secrets, volumes);
  for (const d of p.datastores) if (!d.image) notes.push(`${d.name} (${d.technology}) has no container: ${d.technology === 'sqlite' ? 'it is a file in a volume mounted at /data' : 'point its URL variable at the managed service'}.`);
  for (const b of p.brokers) services[b.name] = brokerContainer(b, volumes);

  if (p.observability.enabled) {
    const loki = wantsLoki(p);
    services.jaeger = {
      image: `jaegertracing/all-in-one:${p.versions.jaeger}`,
      restart: 'unless-stopped',
      environment: { COLLECTOR_OTLP_ENABLED: 'true' },
      ports: [`127.0.0.1:${port(OBS_PORTS.jaegerUi)}:${OBS_PORTS.jaegerUi}`],
      networks: ['backend', 'ops'],
      healthcheck: hc(wget(`http://127.0.0.1:${OBS_PORTS.jaegerAdmin}/`)),
    };
    if (loki) {
      volumes.add('loki-data');
      services.loki = {
        image: `grafana/loki:${p.versions.loki}`,
        restart: 'unless-stopped',
        volumes: ['loki-data:/loki'],
        networks: ['backend'],
        healthcheck: hc(wget(`http://127.0.0.1:${OBS_PORTS.loki}/ready`), '30s'),
      };
    }
    services[OTEL_COLLECTOR_NAME] = {
      image: `otel/opentelemetry-collector-contrib:${p.versions.otelCollector}`,
      command: ['--config=/etc/otelcol/config.yaml'],
      restart: 'unless-stopped',
      volumes: [`./${OTEL_CONFIG_PATH}:/etc/otelcol/config.yaml:ro`],
      networks: ['backend'],
      depends_on: { jaeger: { condition: 'service_healthy' }, ...(loki ? { loki: { condition: 'service_healthy' as const } } : {}) },
    };
    volumes.add('prometheus-data');
    services.prometheus = {
      image: `prom/prometheus:${p.versions.prometheus}`,
      restart: 'unless-stopped',
      volumes: [`./${PROMETHEUS_CONFIG_PATH}:/etc/prometheus/prometheus.yml:ro`, 'prometheus-data:/prometheus'],
      ports: [`127.0.0.1:${port(OBS_PORTS.prometheus)}:${OBS_PORTS.prometheus}`],
      networks: ['backend', 'ops'],
      depends_on: { [OTEL_COLLECTOR_NAME]: { condition: 'service_started' } },
      healthcheck: hc(wget(`http://127.0.0.1:${OBS_PORTS.prometheus}/-/healthy`)),
    };
    volumes.add('grafana-data');
    services.grafana = {
      image: `grafana/grafana:${p.versions.grafana}`,
      restart: 'unless-stopped',
      environment: { GF_SECURITY_ADMIN_PASSWORD: secrets.ref('GRAFANA_ADMIN_PASSWORD', 'admin', 'Password of the Grafana admin user') },
      volumes: [`./${GRAFANA_PROVISIONING_DIR}:/etc/grafana/provisioning:ro`, 'grafana-data:/var/lib/grafana'],
      ports: [`127.0.0.1:${port(OBS_PORTS.grafana)}:${OBS_PORTS.grafana}`],
      networks: ['backend', 'ops'],
      depends_on: { prometheus: { condition: 'service_healthy' }, jaeger: { condition: 'service_healthy' } },
      healthcheck: hc(wget(`http://127.0.0.1:${OBS_PORTS.grafana}/api/health`), '30s'),
    };
  }

  const used = new Set(Object.values(services).flatMap((c) => c.networks));
  const networks: Record<string, Record<string, unknown>> = {};
  if (used.has('backend')) networks.backend = { driver: 'bridge', internal: true };
  if (used.has('public')) networks.public = { driver: 'bridge' };
  if (used.has('egress')) networks.egress = { driver: 'bridge' };
  if (used.has('ops')) networks.ops = { driver: 'bridge' };

  const doc: Record<string, unknown> = { services };
  if (Object.keys(networks).length) doc.networks = networks;
  if (volumes.size) doc.volumes = Object.fromEntries([...volumes].sort().map((v) => [v, {}]));
  return { doc, secrets: secrets.vars, notes };
}

/** .env.example: every secret the compose file interpolates, with its development default. */
function envExample(secrets: Map<string, { value: string; description: string }>): string {
  const lines = ['# Copy to .env and change every value before sharing the stack; these are development defaults.', ''];
  for (const [name, { value }] of [...secrets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!ENV_NAME.test(name) || !SAFE_DEFAULT.test(value)) throw new Error(`Generator bug: unsafe .env entry ${JSON.stringify(name)}.`);
    lines.push(`${name}=${value}`);
  }
  return `${lines.join('\n')}\n`;
}

/** docker-compose.yml and .env.example. */
export const composeGenerator: Generator = {
  id: 'compose',
  title: 'Docker Compose',
  applies: (ctx) => ctx.options.targets.includes('compose'),
  generate(ctx: GeneratorContext): GeneratedFile[] {
    const { doc, secrets, notes } = composeModel(ctx);
    const comment = [
      'Generated by Archwright from the design; edit the design and export again.',
      'Run: cp .env.example .env && docker compose up --build',
      'Only gateways (and observability UIs, on 127.0.0.1) publish ports; everything else talks on the internal backend network.',
      ...notes,
    ].join('\n');
    return [
      { path: COMPOSE_PATH, content: toYaml(doc, comment) },
      { path: ENV_EXAMPLE_PATH, content: envExample(secrets) },
    ];
  },
};
