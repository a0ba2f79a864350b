// docs/roadmap.md: the implementation plan in seven phases (data model, contracts, services,
// integrations, deployment, documentation, testing), each with a checklist per service.
import type { ServiceSpec } from '../project';
import { render } from '../render';
import { eventVersions, findEventVersion } from '../contracts/events';
import { migrationPath } from '../contracts/sql-migrations';
import { protoModel } from '../contracts/proto';
import type { GeneratedFile, Generator, GeneratorContext } from '../types';
import { mdCode, mdFinish, mdHeading, mdProse } from './markdown';

const T = 'docs/roadmap.md';

type Items = (s: ServiceSpec) => string[];

/** A checklist grouped by service; services without items are listed as having nothing to do. */
function perService(ctx: GeneratorContext, items: Items, nothing: string): string {
  if (ctx.project.services.length === 0) return 'The design has no services yet.';
  return ctx.project.services
    .map((s) => {
      const list = items(s);
      const body = list.length ? list.map((i) => `  - [ ] ${i}`) : [`  - ${nothing}`];
      return [`- ${mdCode(s.name)}`, ...body].join('\n');
    })
    .join('\n');
}

export const roadmapGenerator: Generator = {
  id: 'roadmap',
  title: 'Phased implementation roadmap',
  generate(ctx): GeneratedFile[] {
    const { project, graph, design, options } = ctx;
    const versions = eventVersions(project, graph);
    const dataModel = perService(
      ctx,
      (s) => {
        const out: string[] = [];
        if (s.primaryDatabase) {
          out.push(`Review ${mdCode(migrationPath(s))}: the runtime tables (${['records', 'outbox', 'processed_messages', 'received_events'].map(mdCode).join(', ')}) in ${mdCode(s.primaryDatabase.name)}.`);
          out.push(`Add the domain tables in ${mdCode(`services/${s.name}/migrations/0002_domain.sql`)} (expand-contract, indexes for the queries of each endpoint).`);
        }
        for (const d of s.datastores) {
          if (d === s.primaryDatabase) continue;
          if (d.kind === 'cache') out.push(`Decide the keys, values and TTLs kept in ${mdCode(d.name)} (${d.technology}) and how entries are invalidated.`);
          else out.push(`Model the data kept in ${mdCode(d.name)} (${d.technology})${d.ownerServiceId && d.ownerServiceId !== s.id ? ', owned by another service: read it through that service instead where possible' : ''}.`);
        }
        return out;
      },
      'Stateless: no data model of its own.',
    );
    const contracts = perService(
      ctx,
      (s) => {
        const out: string[] = [];
        if (s.endpoints.length) out.push(`Replace the open request and response schemas in ${mdCode(`contracts/openapi/${s.name}.yaml`)} with the fields of its ${s.endpoints.length} endpoint${s.endpoints.length === 1 ? '' : 's'}.`);
        const model = protoModel(ctx, s);
        if (model) out.push(`Give the ${model.methods.length} rpc${model.methods.length === 1 ? '' : 's'} in ${mdCode(model.path)} typed fields instead of ${mdCode('body_json')}.`);
        for (const e of [...new Map(s.publishes.map((p) => [`${p.event}\u0000${p.version}`, p])).values()]) {
          const v = findEventVersion(versions, e.event, e.version);
          const label = mdProse(`${e.event} v${e.version}`);
          if (v?.published) out.push(`${label} is published and frozen (${mdCode(`contracts/events/src/${v.stem}.ts`)}); changes go into a new version.`);
          else out.push(`Settle the fields of ${label}${v ? ` (${mdCode(`contracts/events/src/${v.stem}.ts`)})` : ''}, then publish the version in the designer so it is frozen.`);
        }
        return out;
      },
      'Nothing to publish: no endpoints, rpcs or events.',
    );
    const services = perService(
      ctx,
      (s) => [
        ...s.endpoints.map((e) => `Implement ${mdCode(`${e.method} ${e.path.replace(/[`\r\n]/g, '')}`)}${e.summary ? `: ${mdProse(e.summary)}` : ''}.`),
        ...s.consumes.map((e) => `Handle ${mdProse(`${e.event} v${e.version}`)} from ${mdCode(e.topic)} on ${mdCode(e.brokerName)}${e.dedupe ? ' (idempotent: processed ids are kept)' : ' (not deduplicated: make the handler idempotent)'}.`),
        ...s.publishes.map((e) => `Publish ${mdProse(`${e.event} v${e.version}`)} to ${mdCode(e.topic)}${e.outbox ? ' through the outbox, in the same transaction as the change' : ''}.`),
      ],
      'No endpoints or events designed yet.',
    );
    const integrations = perService(
      ctx,
      (s) =>
        s.calls.map((c) => {
          const ext = project.externals.find((x) => x.id === c.targetId);
          return `Client for ${mdCode(c.targetName)} (${c.protocol}${ext ? `, ${mdProse(ext.technology)}` : ''}): timeout ${c.timeoutMs} ms${c.timeoutFromDesign ? '' : ' (default: set one in the design)'}, ${c.retries} ${c.retries === 1 ? 'retry' : 'retries'} with backoff, ${c.circuitBreaker ? `circuit breaker after ${c.circuitBreaker.failureThreshold} failures` : 'no circuit breaker'}${c.idempotencyKey ? ', Idempotency-Key on writes' : ''}${ext ? `; API key from ${mdCode(ext.apiKeyEnv)}` : ''}.`;
        }),
      'No outgoing calls.',
    );
    const targets = options.targets;
    const deployment = perService(
      ctx,
      (s) => [
        ...(targets.includes('compose') ? [`Run it with the rest in ${mdCode('docker-compose.yml')} and check its healthcheck turns healthy.`] : []),
        ...(targets.includes('k8s') ? [`Size ${mdCode(`k8s/`)} resources for a ${s.size} service with ${s.replicas} replica${s.replicas === 1 ? '' : 's'}; tune the HPA and PDB; replace the placeholder Secret.`] : []),
        ...(targets.includes('do') ? [`Check its component in ${mdCode('.do/app.yaml')} (instance size, count, health check).`] : []),
        `Push the image built from ${mdCode(`services/${s.name}/Dockerfile`)} to the registry from CI.`,
      ],
      'Nothing to deploy.',
    );
    const documentation = perService(
      ctx,
      (s) => [
        `Complete ${mdCode(`services/${s.name}/README.md`)}: purpose, endpoints, events, environment variables and a runbook (alerts, dashboards, what to do when a dependency is down).`,
        ...(s.node.ownerTeam.trim() ? [] : ['Name the owning team in the design.']),
      ],
      'Nothing to document.',
    );
    const flows = design.flows.map((f) => `- [ ] End-to-end test of the flow ${mdProse(f.name) || mdCode(f.id)}${f.steps.length ? ` (${f.steps.length} steps)` : ''}.`);
    const testing = [
      perService(
        ctx,
        (s) => [
          'Unit tests for the business logic and handlers.',
          ...(s.endpoints.length ? [`Contract tests of its API against ${mdCode(`contracts/openapi/${s.name}.yaml`)}.`] : []),
          ...(s.primaryDatabase || s.brokers.length ? [`Integration tests against ${[s.primaryDatabase ? 'PostgreSQL' : '', s.brokers.length ? s.brokers.map((b) => b.technology).join(' and ') : ''].filter(Boolean).join(' and ')}.`] : []),
          ...(s.consumes.length ? ['Redeliver a message and check it is handled once.'] : []),
          'Operational check: /health/ready turns unready when a dependency stops.',
        ],
        'No tests needed.',
      ),
      ...(flows.length ? ['', 'Across services:', '', ...flows] : []),
      ...(versions.length ? ['', `- [ ] Run the event contracts tests in ${mdCode('contracts/events')} in CI.`] : []),
    ].join('\n');
    const content = render(
      ctx.templates.get(T),
      { title: mdHeading(project.title, 'Project'), dataModel, contracts, services, integrations, deployment, documentation, testing },
      T,
    );
    return [{ path: 'docs/roadmap.md', content: mdFinish(content) }];
  },
};
