// The `fastapi` service stack: one FastAPI (pydantic) service per service node on this stack,
// under services/<name>/. Which files to emit is decided here; templates/fastapi/ holds them.
import { protoModel } from '../../contracts/proto';
import { mdCell, mdCode, mdFinish, mdHeading, mdList, mdParagraphs, mdProse, mdTable } from '../../docs/markdown';
import { commentText, shQuote } from '../../escape';
import type { CallSpec, ServiceSpec } from '../../project';
import { render } from '../../render';
import type { GeneratedFile, Generator, GeneratorContext } from '../../types';
import {
  apiTestsCode,
  brokerModules,
  clientTestsCode,
  clientsCode,
  conftestCode,
  eventsCode,
  grpcServerCode,
  handlersCode,
  routesCode,
  settingsCode,
  wiringCode,
} from './fastapi-code';
import { buildPyService, type GrpcPathResolver, type PyService } from './fastapi-model';
import { pin } from './packages';
import { py } from './python-code';

const T = 'fastapi/';

/** Template path → values; files without placeholders get none. */
type Emit = [template: string, values?: Record<string, string | number>];

function pythonTag(ctx: GeneratorContext): string {
  const tag = ctx.options.versions.python;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(tag)) throw new Error(`fastapi: unsafe Python image tag ${JSON.stringify(tag)}`);
  return tag;
}

function readme(ctx: GeneratorContext, svc: PyService): Record<string, string> {
  const spec = svc.spec;
  const env = svc.settings.map((f) => [mdCode(f.env), f.defaultLiteral === undefined ? 'yes' : 'no', mdCell(f.description)]);
  const endpoints = [
    ['GET', mdCode('/health/live'), 'The process is up'],
    ['GET', mdCode('/health/ready'), 'Every dependency answers; 503 when one does not'],
    ...svc.routes.map((r) => [r.method, mdCode(r.path), mdCell(r.summary)]),
  ];
  const deps = [
    ...spec.datastores.map((s) => `${mdCode(s.name)} (${mdProse(s.technology)})${s === spec.primaryDatabase ? ': its own database, migrated at startup' : ''}`),
    ...spec.brokers.map((b) => `${mdCode(b.name)} (${mdProse(b.technology)})`),
    ...svc.clients.map(
      (c) =>
        `calls ${mdCode(c.targetName)} over ${c.protocol.toUpperCase()}: ${c.timeoutMs} ms timeout, ${c.retries} retries${c.breaker ? `, circuit breaker (${c.breaker.failureThreshold} failures, ${c.breaker.resetTimeoutMs} ms)` : ''}${c.idempotencyKey ? ', Idempotency-Key' : ''}`,
    ),
  ];
  const events = [
    ...svc.publications.map((e) => `publishes ${mdCode(e.event)} v${e.version} on ${mdCode(e.topic)} (${mdCode(e.brokerName)})${e.outbox ? ' through the outbox' : ''}`),
    ...svc.subscriptions.map((e) => `consumes ${mdCode(e.event)} v${e.version} from ${mdCode(e.topic)} (${mdCode(e.brokerName)}, group ${mdCode(e.consumerGroup)})${e.dedupe ? ', deduplicated' : ''}`),
  ];
  const exports = svc.settings.filter((f) => f.localValue !== undefined).map((f) => `export ${f.env}=${shQuote(f.localValue!)}`);
  const version = /^\d+(\.\d+)*/.exec(ctx.options.versions.python)?.[0] ?? ctx.options.versions.python;
  return {
    title: mdHeading(spec.title, spec.name),
    description: mdParagraphs(spec.node.description, `The ${spec.name} service.`),
    projectTitle: mdProse(ctx.project.title) || 'untitled',
    pythonVersion: /^[0-9.]+$/.test(version) ? version : mdProse(version),
    name: spec.name,
    port: String(spec.port),
    exportLines: exports.join('\n'),
    envTable: mdTable(['Variable', 'Required', 'Description'], env),
    endpointTable: mdTable(['Method', 'Path', 'What it does'], endpoints),
    dependencyList: mdList(deps),
    eventList: mdList(events),
    grpcSection: grpcReadme(ctx, spec),
  };
}

/** The README's gRPC section for a service other services call over gRPC (empty otherwise). */
function grpcReadme(ctx: GeneratorContext, spec: ServiceSpec): string {
  const model = spec.grpcPort === undefined ? undefined : protoModel(ctx, spec);
  if (!model) return '';
  const rows = [
    [mdCode('grpc.health.v1.Health/Check'), 'SERVING while every dependency answers, else NOT_SERVING'],
    ...model.methods.map((m) => [mdCode(`${model.fullService}/${m.name}`), `${mdProse(m.operation.method.toUpperCase())} on the records, as ${mdCode(m.operation.path)}`]),
  ];
  return [
    '## gRPC',
    '',
    `Port ${mdCode('GRPC_PORT')} (${spec.grpcPort}) serves the contract in ${mdCode(model.path)}. Requests carry ${mdCode('id')}, ${mdCode('body_json')} and ${mdCode('idempotency_key')}; responses ${mdCode('id')} and ${mdCode('body_json')}.`,
    '',
    mdTable(['rpc', 'What it does'], rows),
    '',
  ].join('\n');
}

/** The `/package.Service/Rpc` each operation of a gRPC call addresses, from the target's contract (as the TypeScript stacks resolve it). */
export function grpcPaths(ctx: Pick<GeneratorContext, 'design' | 'graph' | 'project'>): GrpcPathResolver {
  return (call: CallSpec) => {
    const target = ctx.project.services.find((s) => s.id === call.targetId);
    const model = target ? protoModel(ctx, target) : undefined;
    // The contract keys rpcs by the operations as designed; call.operations are normalised, in the same order.
    const edge = ctx.design.edges.find((e) => e.id === call.edgeId);
    if (!model || !edge || edge.kind !== 'call') return call.operations.map(() => undefined);
    return edge.operations.map((op) => {
      const method = model.methods.find((m) => m.operation.method === op.method && m.operation.path === op.path);
      return method ? `/${model.fullService}/${method.name}` : undefined;
    });
  };
}

function files(ctx: GeneratorContext, spec: ServiceSpec): Emit[] {
  const svc = buildPyService(spec, ctx.project, grpcPaths(ctx));
  const requirements = svc.packages.map(pin);
  const hasDependencies = spec.datastores.some((s) => s.technology !== 'sqlite') || spec.brokers.length > 0;
  const out: Emit[] = [
    ['app/__init__.py', { comment: commentText(`${spec.title}: generated by Archwright from ${ctx.project.title}.`) }],
    ['app/__main__.py'],
    ['app/main.py', { title: py(spec.title), description: py(spec.node.description) }],
    ['app/api.py'],
    ['app/settings.py', settingsCode(svc)],
    ['app/logging_setup.py'],
    ['app/tracing.py'],
    ['app/resilience.py'],
    ['app/health.py'],
    ['app/runtime.py'],
    ['app/store.py'],
    ['app/http_client.py'],
    ['app/clients.py', clientsCode(svc)],
    ['app/wiring.py', wiringCode(svc)],
    ['app/routes.py', routesCode(svc)],
    ['app/events.py', eventsCode(svc)],
    ['app/messaging/__init__.py'],
    ['app/messaging/envelope.py'],
    ['app/messaging/base.py'],
    ['app/messaging/bus.py'],
    ...brokerModules(svc).map((m): Emit => [`app/messaging/${m}.py`]),
    ['tests/__init__.py'],
    ['tests/conftest.py', conftestCode(svc)],
    ['tests/test_health.py', { hasDependencies: hasDependencies ? 'True' : 'False' }],
    ['tests/test_settings.py'],
    ['tests/test_resilience.py', clientTestsCode(svc)],
    ['pyproject.toml', { name: py(spec.name), description: py(commentText(spec.title)), dependencies: requirements.map((r) => `    ${py(r)},`).join('\n'), devDependencies: `    ${py(pin('pytest'))},` }],
    ['requirements.txt', { name: spec.name, requirements: requirements.join('\n') }],
    ['requirements-dev.txt', { requirements: pin('pytest') }],
    ['.dockerignore'],
    ['Dockerfile', { name: spec.name, pythonTag: pythonTag(ctx), port: spec.port, copyMigrations: spec.primaryDatabase ? 'COPY migrations ./migrations' : '# (no database of its own: no migrations)' }],
    ['README.md', readme(ctx, svc)],
  ];
  if (svc.postgres.length) out.push(['app/db.py']);
  if (svc.redisCaches.length) out.push(['app/cache.py']);
  const grpcClient = svc.clients.some((c) => c.protocol === 'grpc');
  if (grpcClient) out.push(['app/grpc_client.py']);
  if (grpcClient || spec.grpcPort !== undefined) {
    out.push(['app/grpc_wire.py']);
    out.push(['tests/test_grpc_wire.py']);
  }
  if (spec.grpcPort !== undefined) {
    out.push(['app/grpc_server.py', grpcServerCode(svc, protoModel(ctx, spec))]);
    out.push(['tests/test_grpc.py']);
  }
  if (svc.handlers.length) {
    out.push(['app/handlers.py', handlersCode(svc)]);
    out.push(['tests/test_consumer.py']);
  }
  if (svc.routes.length) out.push(['tests/test_api.py', apiTestsCode(svc)]);
  return out;
}

/** Every file of one FastAPI service, paths under services/<name>/. */
export function generateFastapiService(ctx: GeneratorContext, spec: ServiceSpec): GeneratedFile[] {
  return files(ctx, spec).map(([template, values]) => {
    const content = render(ctx.templates.get(T + template), values ?? {}, T + template);
    return { path: `services/${spec.name}/${template}`, content: template.endsWith('.md') ? mdFinish(content) : content };
  });
}

/** FastAPI services for every service node whose stack is `fastapi`. */
export const fastapiGenerator: Generator = {
  id: 'fastapi',
  title: 'FastAPI services (Python, pydantic)',
  applies: (ctx) => ctx.project.services.some((s) => s.stack === 'fastapi'),
  generate: (ctx) => ctx.project.services.filter((s) => s.stack === 'fastapi').flatMap((s) => generateFastapiService(ctx, s)),
};
