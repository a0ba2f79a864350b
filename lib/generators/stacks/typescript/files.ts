// Files every TypeScript service gets, whatever its framework: the shared runtime library
// (templates/ts-common), package.json, tsconfig, Dockerfile, .dockerignore, .env.example, README
// and the common tests. Which runtime files a service needs is decided here from its spec.
import type { GeneratedFile, GeneratorContext } from '../../types';
import type { Project, ServiceSpec } from '../../project';
import { commentText, tsString } from '../../escape';
import { mdCell, mdFinish, mdHeading, mdProse } from '../../docs/markdown';
import { render } from '../../render';
import { callModels, eventModels, routeSpecs, type RouteSpec } from './model';
import { TS_PACKAGE_VERSIONS, type TsPackage } from './packages';
import { allEnv, brokerFiles, clientsSource, configSource, dependenciesSource, eventsSource, handlersSource } from './sources';
import { ownProto, protoCopies } from './grpc';
import { configTestSource, routeTests } from './http-sources';

export type TsStack = 'fastify' | 'nestjs';

/** Reads `templates/<path>.tmpl` and fills it. */
export function fromTemplate(ctx: GeneratorContext, template: string, values: Record<string, string | number> = {}): string {
  const path = `${template}.tmpl`;
  return render(ctx.templates.get(path), values, path);
}

/** Runtime library files (relative to the service) the spec needs, from templates/ts-common/src. */
export function runtimeFiles(spec: ServiceSpec): string[] {
  const files = ['lib/env.ts', 'lib/envelope.ts', 'lib/health.ts', 'lib/http-client.ts', 'lib/http.ts', 'lib/logger.ts', 'lib/messaging.ts', 'lib/records.ts', 'lib/resilience.ts', 'lib/resources.ts', 'lib/shutdown.ts'];
  const pg = spec.datastores.some((s) => s.technology === 'postgres');
  if (pg || spec.consumes.length > 0) files.push('lib/db.ts');
  if (spec.primaryDatabase) files.push('lib/pg-records.ts');
  if (spec.consumes.length > 0) files.push('lib/consumer.ts');
  if (spec.primaryDatabase && spec.publishes.some((e) => e.outbox)) files.push('lib/outbox.ts');
  // The server's test calls it through the client.
  if (spec.grpcPort || spec.calls.some((c) => c.protocol === 'grpc')) files.push('lib/grpc-client.ts');
  if (spec.grpcPort) files.push('lib/grpc-server.ts');
  for (const b of brokerFiles(spec)) files.push(`lib/brokers/${b}.ts`);
  return files.sort();
}

/** Production and development dependencies of a service, pinned. */
export function dependencies(spec: ServiceSpec, stack: TsStack): { dependencies: Record<string, string>; devDependencies: Record<string, string> } {
  const deps = new Set<TsPackage>([
    'zod',
    'pino',
    '@opentelemetry/api',
    '@opentelemetry/sdk-node',
    '@opentelemetry/exporter-trace-otlp-http',
    '@opentelemetry/instrumentation-http',
    '@opentelemetry/instrumentation-undici',
  ]);
  const dev = new Set<TsPackage>(['typescript', '@types/node']);
  const files = runtimeFiles(spec);
  if (files.includes('lib/db.ts')) {
    deps.add('pg');
    dev.add('@types/pg');
  }
  const techs = new Set(spec.brokers.map((b) => b.technology));
  if (techs.has('rabbitmq')) {
    deps.add('amqplib');
    dev.add('@types/amqplib');
  }
  if (techs.has('kafka')) deps.add('kafkajs');
  if (techs.has('nats')) deps.add('nats');
  if (techs.has('redis-streams') || spec.datastores.some((s) => s.technology === 'redis')) deps.add('ioredis');
  if (files.includes('lib/grpc-client.ts') || files.includes('lib/grpc-server.ts')) {
    deps.add('@grpc/grpc-js');
    deps.add('@grpc/proto-loader');
  }
  if (stack === 'fastify') deps.add('fastify');
  else {
    for (const p of ['@nestjs/common', '@nestjs/core', '@nestjs/platform-fastify', 'reflect-metadata', 'rxjs'] as const) deps.add(p);
  }
  const pin = (set: Set<TsPackage>) => Object.fromEntries([...set].sort().map((p) => [p, TS_PACKAGE_VERSIONS[p]]));
  return { dependencies: pin(deps), devDependencies: pin(dev) };
}

/** package.json of a service. */
export function packageJson(spec: ServiceSpec, stack: TsStack): string {
  const pkg = {
    name: spec.name,
    version: '0.1.0',
    private: true,
    description: spec.node.description ? spec.node.description.slice(0, 300) : spec.title,
    license: 'UNLICENSED',
    engines: { node: '>=20.19' },
    scripts: {
      build: 'tsc -p tsconfig.build.json',
      start: 'node dist/main.js',
      typecheck: 'tsc --noEmit',
      test: 'tsc && node --test .test-build/test/*.test.js',
    },
    ...dependencies(spec, stack),
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** .env.example: every variable with the value compose/k8s set. */
export function envExample(spec: ServiceSpec, project: Project): string {
  const lines = [`# Environment of ${commentText(spec.name)}; docker-compose and Kubernetes set these. Values are for development only.`];
  for (const e of allEnv(spec, project)) {
    lines.push(`# ${commentText(e.description)}${e.required ? ' (required)' : ''}`);
    // Values come from the project model (URLs, ports, names); quote them for shells and dotenv.
    lines.push(`${e.name}='${e.example.replace(/'/g, '')}'`);
  }
  return `${lines.join('\n')}\n`;
}

function mdTable(header: string[], rows: string[][]): string {
  if (rows.length === 0) return '_None._';
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

const code = (s: string) => `\`${s.replace(/`/g, '')}\``;

/** README.md of a service. */
export function readme(ctx: GeneratorContext, spec: ServiceSpec, stack: TsStack, routes: readonly RouteSpec[], layout: string): string {
  const { project } = ctx;
  const { publishes, consumes } = eventModels(spec, project);
  const endpoints = mdTable(
    ['Method', 'Path', 'What it does', 'Summary'],
    routes.map((r) => [r.method, code(r.path), r.kind, mdCell(r.summary)]),
  );
  const events = mdTable(
    ['Direction', 'Event', 'Broker', 'Channel', 'Delivery'],
    [
      ...publishes.map((m) => [
        'publishes',
        `${mdProse(m.spec.event)} v${m.spec.version}`,
        `${code(m.spec.brokerName)} (${m.spec.technology})`,
        `${code(m.spec.topic)} / ${code(m.spec.routingKey)}`,
        m.spec.outbox && spec.primaryDatabase ? 'transactional outbox' : 'directly after the write',
      ]),
      ...consumes.map((m) => [
        'consumes',
        `${mdProse(m.spec.event)} v${m.spec.version}`,
        `${code(m.spec.brokerName)} (${m.spec.technology})`,
        `${code(m.spec.topic)} / ${code(m.spec.routingKey)}, group ${code(m.spec.consumerGroup)}`,
        m.spec.dedupe ? 'deduplicated by message id' : 'at-least-once, no dedupe',
      ]),
    ],
  );
  const calls = mdTable(
    ['Target', 'Protocol', 'Timeout', 'Retries', 'Circuit breaker', 'Idempotency-Key'],
    callModels(spec).map((m) => [
      code(m.call.targetName),
      m.call.protocol,
      `${m.call.timeoutMs} ms${m.call.timeoutFromDesign ? '' : ' (default)'}`,
      String(m.call.retries),
      m.call.circuitBreaker ? `opens after ${m.call.circuitBreaker.failureThreshold} failures, for ${m.call.circuitBreaker.resetTimeoutMs} ms` : 'none',
      m.call.idempotencyKey ? 'yes' : 'no',
    ]),
  );
  const env = mdTable(
    ['Variable', 'Required', 'Description'],
    allEnv(spec, project).map((e) => [code(e.name), e.required ? 'yes' : 'no', mdCell(e.description)]),
  );
  const grpc = spec.calls.some((c) => c.protocol === 'grpc');
  const callNote = grpc ? '\n\ngRPC clients load the service definitions at first use from `PROTO_DIR` (default `./proto`, a copy of the contracts).' : '';
  const serverNote = spec.grpcPort
    ? `\n\nIt also serves gRPC on port ${spec.grpcPort} (\`GRPC_PORT\`): the rpcs of \`proto/\` (a copy of its contract in \`contracts/proto\`) read and write the same records as the REST endpoints, and \`grpc.health.v1.Health/Check\` answers SERVING when every dependency is ready.`
    : '';
  const stackLine =
    stack === 'fastify'
      ? `Fastify 5, pino, zod, node:test on Node ${mdProse(project.versions.node)}`
      : `NestJS 11 on the Fastify adapter, pino, zod, node:test on Node ${mdProse(project.versions.node)}`;
  return mdFinish(
    fromTemplate(ctx, 'ts-common/README.md', {
    title: mdHeading(spec.title, spec.name),
    description: mdProse(spec.node.description) || 'No description in the design.',
    name: spec.name,
    projectTitle: mdProse(project.title),
    stackLine,
    port: spec.port,
    endpoints,
    events,
    eventNotes:
      spec.consumes.length > 0
        ? spec.primaryDatabase
          ? 'Consumed messages are recorded in `received_events` and their ids in `processed_messages` in one transaction with the handler (`src/handlers.ts`).'
          : 'This service has no PostgreSQL database of its own: consumers deduplicate in memory only.'
        : '',
    calls: calls + callNote + serverNote,
    env,
    databaseLine: spec.primaryDatabase
      ? `PostgreSQL \`${spec.primaryDatabase.name}\`; the SQL files in \`migrations/\` are applied at startup in order, each once (tracked in \`schema_migrations\`).`
      : 'none of its own: records are kept in memory (not durable, not shared between replicas).',
    layout,
    }),
  );
}

/** Dockerfile of a service. */
export function dockerfile(ctx: GeneratorContext, spec: ServiceSpec): string {
  const ports = [spec.port, ...(spec.grpcPort ? [spec.grpcPort] : [])].join(' ');
  return fromTemplate(ctx, 'ts-common/Dockerfile', {
    title: commentText(spec.name),
    nodeTag: ctx.options.versions.node.replace(/[^A-Za-z0-9._-]/g, ''),
    port: spec.port,
    exposePorts: ports,
    migrationsNote: spec.primaryDatabase ? ', the SQL migrations' : '',
    copyExtra: [
      spec.primaryDatabase ? 'COPY --chown=1000:1000 migrations ./migrations\n' : '',
      protoCopies(ctx, spec).length > 0 ? 'COPY --chown=1000:1000 proto ./proto\n' : '',
    ].join(''),
  });
}

/** Files both stacks emit for a service; `stackFiles` are added by the caller. */
export function commonFiles(ctx: GeneratorContext, spec: ServiceSpec, stack: TsStack): GeneratedFile[] {
  const dir = `services/${spec.name}`;
  const files: GeneratedFile[] = [];
  const add = (path: string, content: string | undefined) => {
    if (content !== undefined) files.push({ path: `${dir}/${path}`, content });
  };
  for (const f of runtimeFiles(spec)) add(`src/${f}`, fromTemplate(ctx, `ts-common/src/${f}`));
  add('src/instrumentation.ts', fromTemplate(ctx, 'ts-common/src/instrumentation.ts', { serviceName: tsString(spec.name) }));
  add('src/config.ts', configSource(spec, ctx.project));
  add('src/events.ts', eventsSource(spec, ctx.project));
  add('src/handlers.ts', handlersSource(spec, ctx.project));
  add('src/clients.ts', clientsSource(spec, ctx));
  add('src/dependencies.ts', dependenciesSource(spec, ctx));
  for (const proto of protoCopies(ctx, spec)) add(proto.path, proto.content);
  add('test/resilience.test.ts', fromTemplate(ctx, 'ts-common/test/resilience.test.ts'));
  add('test/resources.test.ts', fromTemplate(ctx, 'ts-common/test/resources.test.ts'));
  add('test/config.test.ts', configTestSource(spec, ctx.project));
  const proto = ownProto(ctx, spec);
  if (proto) {
    add(
      'test/grpc.test.ts',
      fromTemplate(ctx, 'ts-common/test/grpc.test.ts', {
        service: tsString(proto.fullService),
        resource: tsString(spec.name),
        operations: `[${proto.methods.map((m) => `{ rpc: ${tsString(m.name)}, method: ${tsString(m.operation.method)} }`).join(', ')}]`,
      }),
    );
  }
  add('package.json', packageJson(spec, stack));
  add('tsconfig.json', fromTemplate(ctx, `${stack}/tsconfig.json`));
  add('tsconfig.build.json', fromTemplate(ctx, 'ts-common/tsconfig.build.json'));
  add('Dockerfile', dockerfile(ctx, spec));
  add('.dockerignore', fromTemplate(ctx, 'ts-common/dockerignore'));
  add('.env.example', envExample(spec, ctx.project));
  return files;
}

/** The services generated with `stack`, in project order. */
export function servicesOf(ctx: GeneratorContext, stack: TsStack): ServiceSpec[] {
  return ctx.project.services.filter((s) => s.stack === stack);
}

/** `import { PUBLICATIONS } ...` for tests, or an empty table when the service publishes nothing. */
export function publicationsImport(spec: ServiceSpec, project: Project): string {
  return eventsSource(spec, project) !== undefined
    ? "import { PUBLICATIONS } from '../src/events';"
    : "import type { Publication } from '../src/lib/resources';\n\nconst PUBLICATIONS: Publication[] = [];";
}

/**
 * Every service of a TypeScript stack: the files both stacks share (runtime, config, package,
 * Dockerfile, main.ts, the HTTP test and the README) around what `stackFiles` adds, sorted by path.
 */
export function tsServiceFiles(
  ctx: GeneratorContext,
  stack: TsStack,
  layout: string,
  stackFiles: (spec: ServiceSpec, routes: readonly RouteSpec[], add: (path: string, content: string) => void) => void,
): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const spec of servicesOf(ctx, stack)) {
    const routes = routeSpecs(spec);
    const add = (path: string, content: string) => files.push({ path: `services/${spec.name}/${path}`, content });
    files.push(...commonFiles(ctx, spec, stack));
    add('src/main.ts', fromTemplate(ctx, `${stack}/src/main.ts`, { serviceName: tsString(spec.name) }));
    stackFiles(spec, routes, add);
    add('test/app.test.ts', fromTemplate(ctx, `${stack}/test/app.test.ts`, { publicationsImport: publicationsImport(spec, ctx.project), routeTests: routeTests(spec, routes) }));
    add('README.md', readme(ctx, spec, stack, routes, layout));
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
