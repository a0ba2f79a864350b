// docs/adr/NNNN-<slug>.md in MADR format, and docs/adr/README.md as their index:
//   0001 decomposition (from the architecture context), 0002 communication, 0003 data,
//   0004 deployment, 0005 observability — written from the design; then one record per decision
//   written in the design, then one per suppressed finding ("accepted risk") with its reason.
import type { ArchitectureContext, Decision, Suppression } from '@/lib/model';
import { DEFAULT_TIMEOUT_MS, type ServiceSpec } from '../project';
import { render } from '../render';
import { toYaml } from '../contracts/yaml';
import { serviceDbSchema } from '../contracts/sql-migrations';
import type { GeneratedFile, Generator, GeneratorContext } from '../types';
import { mdCell, mdCode, mdFinish, mdHeading, mdList, mdParagraphs, mdProse, mdTable } from './markdown';

const T = 'docs/';
const STACK_TITLE: Record<string, string> = { nestjs: 'TypeScript (NestJS)', fastify: 'TypeScript (Fastify)', fastapi: 'Python (FastAPI)' };

export interface AdrRecord {
  number: number;
  slug: string;
  /** Heading text, already escaped. */
  title: string;
  status: Decision['status'];
  date: string;
  /** Full MADR sections, or the minimal set. */
  template: 'adr.md' | 'adr-minimal.md';
  sections: Record<string, string>;
}

/** A file-name slug: lowercase words joined by dashes, at most 50 characters. */
export function slugify(value: string, fallback = 'decision'): string {
  const s = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/g, '');
  return s || fallback;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const names = (list: readonly string[]) => (list.length ? list.map(mdCode).join(', ') : 'none');

const CONTEXT_FIELDS: { key: keyof ArchitectureContext; label: string }[] = [
  { key: 'domain', label: 'Domain' },
  { key: 'scale', label: 'Expected scale' },
  { key: 'latencySla', label: 'Latency targets' },
  { key: 'availability', label: 'Availability target' },
  { key: 'strongConsistency', label: 'Must be strongly consistent' },
  { key: 'eventualConsistency', label: 'May be eventually consistent' },
  { key: 'compliance', label: 'Compliance' },
  { key: 'teams', label: 'Teams' },
  { key: 'ownership', label: 'Ownership' },
  { key: 'platform', label: 'Runtime platform' },
  { key: 'rto', label: 'Recovery time objective (RTO)' },
  { key: 'rpo', label: 'Recovery point objective (RPO)' },
];

function contextValue(ctx: ArchitectureContext | undefined, key: keyof ArchitectureContext): string {
  const v = ctx?.[key];
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v.trim() : String(v);
}

function serviceRows(ctx: GeneratorContext): string[][] {
  const groupOf = new Map(ctx.design.groups.map((g) => [g.id, g.name]));
  return ctx.project.services.map((s) => [
    mdCode(s.name),
    mdCell(s.node.description || s.title),
    mdCell(s.node.parentId ? (groupOf.get(s.node.parentId) ?? '') : ''),
    STACK_TITLE[s.stack] ?? s.stack,
    mdCell(s.node.ownerTeam),
    s.datastores.length ? s.datastores.map((d) => `${mdCode(d.name)} (${d.technology})`).join(', ') : 'none',
  ]);
}

function decomposition(ctx: GeneratorContext): Omit<AdrRecord, 'number'> {
  const { design, project, graph } = ctx;
  const c = design.context;
  const n = project.services.length;
  const groups = design.groups.filter((g) => project.services.some((s) => s.node.parentId === g.id));
  const recorded = CONTEXT_FIELDS.filter((f) => contextValue(c, f.key) !== '');
  const missing = CONTEXT_FIELDS.filter((f) => contextValue(c, f.key) === '');
  const teams = c?.teams;

  const contextParts: string[] = [];
  contextParts.push(
    mdProse(
      `${project.title} is drawn as ${plural(n, 'service')}${groups.length ? ` in ${plural(groups.length, 'bounded context')}` : ''}, ${plural(project.datastores.length, 'data store')}, ${plural(project.brokers.length, 'message broker')} and ${plural(project.gateways.length, 'gateway')}.`,
    ),
  );
  if (design.description.trim()) contextParts.push(mdParagraphs(design.description, ''));
  // Context keys this build does not know (the schema keeps them) are forces too.
  const known = new Set<string>(CONTEXT_FIELDS.map((f) => f.key));
  const extra = Object.entries(c ?? {})
    .filter(([k, v]) => !known.has(k) && (typeof v === 'string' || typeof v === 'number') && String(v).trim() !== '')
    .map(([k, v]) => `${mdProse(k.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').replace(/^./, (ch) => ch.toUpperCase()))}: ${mdProse(String(v))}`);
  if (recorded.length || extra.length) contextParts.push(mdList([...recorded.map((f) => `${f.label}: ${mdProse(contextValue(c, f.key))}`), ...extra]));
  if (!c || recorded.length === 0) {
    contextParts.push(
      mdProse(
        'The design has no architecture context yet, so the forces behind this decision are not recorded. Fill in the Architecture context form in the designer: the business domain, the expected scale, latency targets, what must be strongly consistent and what may be eventually consistent, compliance, the number of teams and who owns what, the runtime platform, and the recovery objectives (RTO and RPO). Then export again: this record is written from it.',
      ),
    );
  } else if (missing.length) {
    contextParts.push(mdProse(`Not recorded yet (fill in the Architecture context form and export again): ${missing.map((f) => f.label.toLowerCase()).join(', ')}.`));
  }

  const drivers: string[] = ['Teams release and scale their part of the system independently.'];
  if (typeof teams === 'number' && teams > 0) {
    const per = n / teams;
    drivers.push(
      mdProse(`${plural(teams, 'team')} own ${plural(n, 'service')} (about ${per.toFixed(1)} per team)${per > 3 ? ': more services than the teams can comfortably own, so merging some is worth considering' : per < 1 ? ': fewer services than teams, so some teams share a service' : ''}.`),
    );
  }
  const latency = contextValue(c, 'latencySla');
  const hops = graph.sync.longestPath.hops;
  if (latency) drivers.push(mdProse(`Latency target (${latency}): the longest chain of synchronous calls has ${plural(hops, 'hop')}.`));
  if (contextValue(c, 'strongConsistency')) drivers.push(mdProse(`Strong consistency for: ${contextValue(c, 'strongConsistency')}; each such invariant must live inside one service and its own database.`));
  if (contextValue(c, 'eventualConsistency')) drivers.push(mdProse(`Eventual consistency is acceptable for: ${contextValue(c, 'eventualConsistency')}; these flows can be events.`));
  if (contextValue(c, 'compliance')) drivers.push(mdProse(`Compliance (${contextValue(c, 'compliance')}): regulated data should stay in as few services as possible.`));

  const chosen = groups.length ? `${plural(n, 'service')} along the ${plural(groups.length, 'bounded context')} of the design` : `${plural(n, 'service')} as drawn in the design`;
  const owners = new Set(project.services.map((s) => s.node.ownerTeam.trim()).filter(Boolean));
  const because: string[] = [];
  if (groups.length) because.push('each bounded context changes for its own reasons and is owned by one team');
  if (owners.size) because.push(`ownership is explicit (${plural(owners.size, 'owning team')})`);
  if (contextValue(c, 'scale')) because.push('parts with different load can be scaled separately');
  if (because.length === 0) because.push('the parts of the system can then be deployed and scaled independently');

  const contextsTable = groups.length
    ? mdTable(
        ['Bounded context', 'Services', 'Description'],
        groups.map((g) => [
          mdCell(g.name),
          names(project.services.filter((s) => s.node.parentId === g.id).map((s) => s.name)),
          mdCell(g.description),
        ]),
      )
    : '';

  const teamsNote = typeof teams === 'number' && teams > 0 && n / teams > 3;
  return {
    slug: 'service-decomposition',
    title: mdHeading(`Decompose ${project.title} into ${plural(n, 'service')}`),
    status: 'accepted',
    date: ctx.options.date,
    template: 'adr.md',
    sections: {
      context: contextParts.join('\n\n'),
      drivers: mdList(drivers),
      options: mdList([mdProse(chosen), 'A modular monolith with the same module boundaries', 'Finer-grained services (one per entity or endpoint)']),
      outcome: [
        `Chosen option: "${mdProse(chosen)}", because ${mdProse(because.join('; '))}.`,
        n ? mdTable(['Service', 'Responsibility', 'Bounded context', 'Stack', 'Owner', 'Data'], serviceRows(ctx)) : mdProse('The design has no services yet.'),
        contextsTable,
      ]
        .filter(Boolean)
        .join('\n\n'),
      consequences: mdList([
        'Good, because each service is built, tested, released and scaled on its own.',
        'Good, because a failure is contained to one service when callers use timeouts, retries with backoff and circuit breakers.',
        mdProse(`Bad, because there are ${plural(n, 'deployable')} to operate, observe and secure instead of one.`),
        'Bad, because data that spans services is only eventually consistent unless one service owns the whole invariant.',
        ...(teamsNote ? [mdProse(`Bad, because ${plural(teams!, 'team')} own ${plural(n, 'service')}; consider merging services that always change together.`)] : []),
      ]),
      prosAndCons: [
        '### A modular monolith',
        '',
        mdList([
          'Good, because there is one deployable, calls are in-process and transactions are local.',
          'Bad, because every team shares one release train and one scaling unit.',
        ]),
        '',
        '### Finer-grained services',
        '',
        mdList(['Good, because each service is very small.', 'Bad, because requests fan out over more network hops and the operational cost grows with every service.']),
      ].join('\n'),
      moreInformation: mdProse(
        `Written by Archwright from the design and its architecture context on ${ctx.options.date}. Communication, data, deployment and observability are decided in ADR-0002 to ADR-0005.`,
      ),
    },
  };
}

function communication(ctx: GeneratorContext): Omit<AdrRecord, 'number'> {
  const { project, graph } = ctx;
  const calls = project.services.flatMap((s) => s.calls.map((c) => ({ from: s, call: c })));
  const internal = calls.filter((x) => x.call.targetKind === 'service');
  const external = calls.filter((x) => x.call.targetKind === 'external');
  const byProtocol = new Map<string, number>();
  for (const x of internal) byProtocol.set(x.call.protocol, (byProtocol.get(x.call.protocol) ?? 0) + 1);
  const publishes = project.services.flatMap((s) => s.publishes);
  const consumes = project.services.flatMap((s) => s.consumes);
  const noTimeout = calls.filter((x) => !x.call.timeoutFromDesign);
  const noBreaker = calls.filter((x) => !x.call.circuitBreaker);
  const cycles = graph.sync.cycles;
  const path = graph.sync.longestPath;
  const nameOf = (id: string) => project.nameOf.get(id) ?? graph.nodes.get(id)?.name ?? id;
  const sync = internal.length > 0;
  const async = publishes.length > 0 || consumes.length > 0;
  const chosen = sync && async ? 'Hybrid: synchronous calls where an answer is needed now, events for hand-overs' : async ? 'Asynchronous events between services' : sync ? 'Synchronous request/response between services' : 'No service-to-service communication yet';

  const facts = [
    mdProse(`${plural(internal.length, 'synchronous call')} between services${byProtocol.size ? ` (${[...byProtocol].map(([p, k]) => `${k} ${p.toUpperCase()}`).join(', ')})` : ''} and ${plural(external.length, 'call')} to external systems.`),
    mdProse(`${plural(publishes.length, 'event publication')} and ${plural(consumes.length, 'subscription')} over ${plural(project.brokers.length, 'broker')}${project.brokers.length ? ` (${project.brokers.map((b) => `${b.name}: ${b.technology}`).join(', ')})` : ''}.`),
    mdProse(path.nodes.length > 1 ? `The longest chain of synchronous calls is ${path.nodes.map(nameOf).join(' → ')} (${plural(path.hops, 'hop')} past the entry point).` : 'There are no chains of synchronous calls.'),
  ];
  if (cycles.length) facts.push(mdProse(`${plural(cycles.length, 'cycle')} of synchronous calls: ${cycles.map((cy) => cy.nodes.map(nameOf).join(' ↔ ')).join('; ')}.`));

  const good: string[] = [];
  const bad: string[] = [];
  if (async) good.push('Good, because publishers do not wait for consumers, and a consumer that is down catches up from its queue.');
  if (publishes.some((p) => p.outbox)) good.push(mdProse(`Good, because ${plural(publishes.filter((p) => p.outbox).length, 'publication')} go through a transactional outbox, so no event is lost or sent for a rolled-back change.`));
  if (consumes.length) {
    const dedupe = consumes.filter((e) => e.dedupe).length;
    (dedupe === consumes.length ? good : bad).push(mdProse(dedupe === consumes.length ? 'Good, because every consumer is idempotent (it remembers processed message ids).' : `Bad, because ${plural(consumes.length - dedupe, 'subscription')} do not deduplicate; their handlers must tolerate redelivery.`));
  }
  if (sync) good.push('Good, because synchronous calls give the caller an answer at once where it needs one.');
  if (noTimeout.length) bad.push(mdProse(`Bad, because ${plural(noTimeout.length, 'call')} have no timeout in the design (${noTimeout.map((x) => `${x.from.name} → ${x.call.targetName}`).join(', ')}); the generated clients use ${DEFAULT_TIMEOUT_MS} ms.`));
  if (noBreaker.length) bad.push(mdProse(`Bad, because ${plural(noBreaker.length, 'call')} have no circuit breaker (${noBreaker.map((x) => `${x.from.name} → ${x.call.targetName}`).join(', ')}).`));
  if (cycles.length) bad.push('Bad, because services in a cycle of synchronous calls fail together: break each cycle with an event.');
  if (path.hops > 3) bad.push(mdProse(`Bad, because a ${path.hops}-hop chain adds up latencies and failure rates.`));
  if (async) bad.push('Bad, because eventual consistency needs visible intermediate states (pending, confirmed) in the user interface.');

  const brokerTable = project.brokers.length
    ? mdTable(
        ['Broker', 'Technology', 'Topics'],
        project.brokers.map((b) => [mdCode(b.name), b.technology, b.topics.length ? b.topics.map(mdCode).join(', ') : 'none']),
      )
    : '';
  return {
    slug: 'communication',
    title: mdHeading(`Communicate ${sync && async ? 'synchronously for queries and through events for hand-overs' : async ? 'through events' : sync ? 'through synchronous calls' : 'between services'}`),
    status: 'accepted',
    date: ctx.options.date,
    template: 'adr.md',
    sections: {
      context: [mdProse('How services talk decides how failures spread and how much they wait on each other. As designed:'), mdList(facts)].join('\n\n'),
      drivers: mdList(
        [
          'A slow or failed service should not take its callers down.',
          'Hand-overs between bounded contexts must not be lost or applied twice.',
          contextValue(ctx.design.context, 'latencySla') ? mdProse(`Latency target: ${contextValue(ctx.design.context, 'latencySla')}.`) : '',
          contextValue(ctx.design.context, 'eventualConsistency') ? mdProse(`May be eventually consistent: ${contextValue(ctx.design.context, 'eventualConsistency')}.`) : '',
        ].filter(Boolean),
      ),
      options: mdList(['Synchronous request/response only', 'Asynchronous events only', 'Hybrid: synchronous calls where an answer is needed now, events for hand-overs']),
      outcome: [
        `Chosen option: "${mdProse(chosen)}", because that is how the design connects its services. Every call has a timeout, retries with backoff and, where designed, a circuit breaker; every event is a versioned envelope (see contracts/asyncapi.yaml).`,
        brokerTable,
      ]
        .filter(Boolean)
        .join('\n\n'),
      consequences: mdList([...good, ...bad], 'No consequences yet: the design has no communication between services.'),
      prosAndCons: [
        '### Synchronous request/response only',
        '',
        mdList(['Good, because it is simple to follow and to debug.', 'Bad, because availability multiplies along every chain of calls.']),
        '',
        '### Asynchronous events only',
        '',
        mdList(['Good, because services are decoupled in time.', 'Bad, because queries that need an answer now become awkward request/reply messaging.']),
      ].join('\n'),
      moreInformation: mdProse('Contracts: contracts/openapi/ for HTTP, contracts/proto/ for gRPC, contracts/asyncapi.yaml and contracts/events/ for events.'),
    },
  };
}

function data(ctx: GeneratorContext): Omit<AdrRecord, 'number'> {
  const { project, graph } = ctx;
  const svcName = (id: string | undefined) => (id ? (project.nameOf.get(id) ?? id) : '');
  const rows = project.datastores.map((d) => {
    const info = graph.dataStores.find((i) => i.node.id === d.id);
    const accessors = (info?.accessors ?? []).map((a) => project.nameOf.get(a.id) ?? a.name);
    return { d, accessors, owner: svcName(d.ownerServiceId) };
  });
  const shared = rows.filter((r) => r.accessors.length > 1);
  const unowned = rows.filter((r) => !r.owner && r.accessors.length > 0);
  const sharedPrimary = project.services.filter((s) => s.primaryDatabase && serviceDbSchema(project, s) !== 'public');
  const noStore = project.services.filter((s) => s.datastores.length === 0);
  const chosen = shared.length === 0 ? 'Database per service' : 'Database per service, with the shared stores below kept as known exceptions';

  const bad: string[] = [];
  if (shared.length) bad.push(mdProse(`Bad, because ${plural(shared.length, 'store')} ${shared.length === 1 ? 'is' : 'are'} used by several services (${shared.map((r) => `${r.d.name}: ${r.accessors.join(', ')}`).join('; ')}): a schema change there needs every user to move in step.`));
  if (unowned.length) bad.push(mdProse(`Bad, because ${plural(unowned.length, 'store')} ${unowned.length === 1 ? 'has' : 'have'} no owning service (${unowned.map((r) => r.d.name).join(', ')}).`));
  if (sharedPrimary.length) bad.push(mdProse(`Bad, because ${sharedPrimary.map((s) => s.name).join(', ')} keep their tables in a shared database; each uses a schema of its own (search_path) so their tables never mix.`));
  return {
    slug: 'data-ownership',
    title: mdHeading(shared.length === 0 ? 'Give every service its own database' : 'Give every service its own database, with known shared stores'),
    status: 'accepted',
    date: ctx.options.date,
    template: 'adr.md',
    sections: {
      context: [
        mdProse(`The design has ${plural(project.datastores.length, 'data store')}. ${noStore.length ? `${plural(noStore.length, 'service')} keep no data of their own (${noStore.map((s) => s.name).join(', ')}).` : ''}`),
        rows.length
          ? mdTable(
              ['Store', 'Kind', 'Technology', 'Owner', 'Used by'],
              rows.map((r) => [mdCode(r.d.name), r.d.kind, r.d.technology, r.owner ? mdCode(r.owner) : 'none', names(r.accessors)]),
            )
          : '',
        contextValue(ctx.design.context, 'strongConsistency') ? mdProse(`Must be strongly consistent: ${contextValue(ctx.design.context, 'strongConsistency')}.`) : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
      drivers: mdList(['Teams change their schema without coordinating releases.', 'A consistency invariant lives in one service and one transaction.', 'Other services get data through APIs or events, never by reading another service’s tables.']),
      options: mdList(['Database per service', 'A shared database with a schema per service', 'A shared database and shared tables']),
      outcome: [
        `Chosen option: "${mdProse(chosen)}", because it keeps services independently deployable and their data private.`,
        `Each service with a PostgreSQL database gets ${mdCode('services/<name>/migrations/0001_init.sql')} with the runtime tables (${['records', 'outbox', 'processed_messages', 'received_events'].map(mdCode).join(', ')}); later migrations are added as new files and follow expand-contract: add, backfill, switch readers, then remove in a later release.${
          sharedPrimary.length ? ` Services sharing a database keep their tables in a schema of their own (${sharedPrimary.map((s) => `${mdCode(s.name)}: ${mdCode(serviceDbSchema(project, s)!)}`).join(', ')}).` : ''
        }`,
      ].join('\n\n'),
      consequences: mdList([
        'Good, because each team owns its schema and migrations.',
        'Good, because a store can be scaled, backed up and restored per service.',
        'Bad, because queries across services need API composition or a read model built from events; there are no cross-database joins.',
        ...bad,
      ]),
      prosAndCons: [
        '### A shared database with a schema per service',
        '',
        mdList(['Good, because there is one database to run and back up.', 'Bad, because the database is a shared failure and scaling domain.']),
        '',
        '### A shared database and shared tables',
        '',
        mdList(['Good, because joins are easy.', 'Bad, because every schema change couples the releases of every service that uses it.']),
      ].join('\n'),
      moreInformation: mdProse(`Recovery objectives: RTO ${contextValue(ctx.design.context, 'rto') || 'not recorded'}, RPO ${contextValue(ctx.design.context, 'rpo') || 'not recorded'}.`),
    },
  };
}

function deployment(ctx: GeneratorContext): Omit<AdrRecord, 'number'> {
  const { project, options, design } = ctx;
  const targetTitle: Record<string, string> = { compose: 'Docker Compose', k8s: 'Kubernetes', do: 'DigitalOcean App Platform' };
  const targets = options.targets.map((t) => targetTitle[t] ?? t);
  const single = project.services.filter((s) => s.replicas < 2);
  const platform = contextValue(design.context, 'platform');
  const rows = project.services.map((s: ServiceSpec) => [mdCode(s.name), String(s.replicas), s.size, String(s.port), s.grpcPort ? String(s.grpcPort) : '-']);
  return {
    slug: 'deployment',
    title: mdHeading(targets.length ? `Deploy with ${targets.join(', ')}` : 'Deployment targets'),
    status: 'accepted',
    date: options.date,
    template: 'adr.md',
    sections: {
      context: [
        mdProse(`${plural(project.services.length, 'service')}, ${plural(project.gateways.length, 'gateway')} and their infrastructure are packaged as container images (multi-stage, non-root, with a HEALTHCHECK).${platform && design.context ? ` The architecture context names ${platform} as the runtime platform.` : ''}`),
        rows.length ? mdTable(['Service', 'Replicas', 'Size', 'HTTP port', 'gRPC port'], rows) : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
      drivers: mdList([
        'The same images run on a laptop and in production.',
        'Probes, resources and replicas are declared, not set by hand.',
        contextValue(design.context, 'rto') ? mdProse(`Recovery time objective: ${contextValue(design.context, 'rto')}.`) : '',
      ].filter(Boolean)),
      options: mdList(['Docker Compose', 'Kubernetes', 'DigitalOcean App Platform']),
      outcome: `Chosen option: ${targets.length ? `"${mdProse(targets.join('", "'))}"` : 'none yet (no deployment target is selected)'}, because ${targets.length ? 'these are the targets selected for the export' : 'the export has no deployment target'}. ${mdProse(
        `${options.targets.includes('compose') ? 'docker-compose.yml runs everything locally on an internal network. ' : ''}${options.targets.includes('k8s') ? 'k8s/ holds a kustomization with a Deployment (probes, resources, security context), Service, HPA, PDB, ConfigMap and Secret per service. ' : ''}${options.targets.includes('do') ? '.do/app.yaml describes the DigitalOcean app. ' : ''}${design.settings.serviceMesh ? 'Service-to-service traffic goes through a mesh with mTLS.' : ''}`,
      )}`,
      consequences: mdList([
        'Good, because every service reports liveness and readiness, so orchestrators restart and route around failures.',
        'Good, because configuration comes from the environment (ConfigMaps and Secrets), never from the image.',
        ...(single.length ? [mdProse(`Bad, because ${single.map((s) => s.name).join(', ')} run${single.length === 1 ? 's' : ''} a single replica: no redundancy during restarts or node failures.`)] : []),
        'Bad, because the generated Secrets are placeholders: real secrets must come from a secret store.',
      ]),
      prosAndCons: [
        '### Docker Compose',
        '',
        mdList(['Good, because one command starts everything for development.', 'Bad, because it runs on one host, without rescheduling or autoscaling.']),
        '',
        '### Kubernetes',
        '',
        mdList(['Good, because of self-healing, rolling updates and autoscaling.', 'Bad, because it needs a cluster and people who run it.']),
        '',
        '### DigitalOcean App Platform',
        '',
        mdList(['Good, because it is managed: no cluster to run.', 'Bad, because there are fewer knobs for networking and scaling.']),
      ].join('\n'),
      moreInformation: mdProse(`Gateways: ${project.gateways.length ? project.gateways.map((g) => `${g.name} (${g.technology}, ${g.tls ? 'TLS' : 'no TLS'}, auth ${g.authentication}, ${g.rateLimitRps} requests/s)`).join('; ') : 'none'}.`),
    },
  };
}

function observability(ctx: GeneratorContext): Omit<AdrRecord, 'number'> {
  const { project, options } = ctx;
  const tracing = project.services.filter((s) => s.tracing);
  const untraced = project.services.filter((s) => !s.tracing);
  const noJson = project.services.filter((s) => s.node.logging !== 'json');
  const chosen = options.observability ? 'OpenTelemetry to a collector' : 'Structured logs and health probes only';
  return {
    slug: 'observability',
    title: mdHeading(options.observability ? 'Observe the services with OpenTelemetry, JSON logs and health probes' : 'Observe the services with JSON logs and health probes'),
    status: 'accepted',
    date: options.date,
    template: 'adr.md',
    sections: {
      context: mdProse(
        `A request crosses several services, so a problem shows up far from its cause. ${plural(tracing.length, 'service')} of ${project.services.length} send traces${project.observability.nodes.length ? `; the design draws ${project.observability.nodes.map((o) => o.technology).join(', ')}` : ''}.`,
      ),
      drivers: mdList(['Follow one request across services (trace and request ids).', 'Know whether a service is alive and whether it can serve (liveness versus readiness).', 'Alert on symptoms users feel: errors, latency, saturation.']),
      options: mdList(['OpenTelemetry to a collector', 'A vendor agent per service', 'Structured logs and health probes only']),
      outcome: `Chosen option: "${mdProse(chosen)}", because ${options.observability ? mdProse(`it is vendor neutral: services export OTLP to ${project.observability.otlpEndpoint}, and the collector forwards traces and metrics (observability/ holds its configuration, Prometheus and a Grafana datasource).`) : 'observability was not selected for this export; every service still logs JSON with request ids and serves /health/live and /health/ready.'}`,
      consequences: mdList([
        'Good, because every service logs JSON with request ids and serves /health/live and /health/ready (readiness checks its real dependencies).',
        ...(options.observability ? ['Good, because traces show where time goes across calls and events.'] : ['Bad, because without traces a slow request has to be followed through the logs.']),
        ...(untraced.length ? [mdProse(`Bad, because ${untraced.map((s) => s.name).join(', ')} do${untraced.length === 1 ? 'es' : ''} not send traces, leaving gaps in them.`)] : []),
        ...(noJson.length ? [mdProse(`Bad, because ${noJson.map((s) => s.name).join(', ')} ${noJson.length === 1 ? 'is' : 'are'} not set to JSON logs in the design.`)] : []),
      ]),
      prosAndCons: [
        '### A vendor agent per service',
        '',
        mdList(['Good, because dashboards come ready-made.', 'Bad, because changing vendor means changing every service.']),
        '',
        '### Structured logs and health probes only',
        '',
        mdList(['Good, because there is nothing extra to run.', 'Bad, because cross-service latency is invisible.']),
      ].join('\n'),
      moreInformation: mdProse('Service level objectives and alerts are left to the team: start from the latency targets in the architecture context.'),
    },
  };
}

function userDecision(ctx: GeneratorContext, d: Decision): Omit<AdrRecord, 'number'> {
  return {
    slug: slugify(d.title),
    title: mdHeading(d.title, 'Untitled decision'),
    status: d.status,
    date: d.date?.trim() || ctx.options.date,
    template: 'adr-minimal.md',
    sections: {
      context: mdParagraphs(d.context, 'Not recorded in the design.'),
      outcome: mdParagraphs(d.decision, 'Not recorded in the design.'),
      consequences: mdParagraphs(d.consequences, 'Not recorded in the design.'),
      moreInformation: mdProse(`Recorded in the design as decision ${d.id}.`),
    },
  };
}

function targetDescription(ctx: GeneratorContext, targetId: string): string {
  const node = ctx.graph.nodes.get(targetId);
  if (node) return `the ${node.kind} ${ctx.project.nameOf.get(node.id) ?? node.name}`;
  const edge = ctx.graph.edge(targetId);
  if (edge) return `the ${edge.edge.kind} edge from ${ctx.project.nameOf.get(edge.source.id) ?? edge.source.name} to ${ctx.project.nameOf.get(edge.target.id) ?? edge.target.name}`;
  if (targetId === 'design') return 'the design as a whole';
  return `the element ${targetId} (no longer in the design)`;
}

function suppression(ctx: GeneratorContext, s: Suppression): Omit<AdrRecord, 'number'> {
  const target = targetDescription(ctx, s.targetId);
  return {
    slug: slugify(`accept ${s.ruleId} ${ctx.project.nameOf.get(s.targetId) ?? s.targetId}`, 'accepted-risk'),
    title: mdHeading(`Accept the risk of ${s.ruleId} on ${target}`),
    status: 'accepted',
    date: ctx.options.date,
    template: 'adr-minimal.md',
    sections: {
      context: mdProse(`Archwright's rule ${s.ruleId} reports a finding on ${target}. The team decided to keep the design as it is and suppressed the finding.`),
      outcome: [mdProse('Accepted risk: the finding is suppressed. The reason given:'), mdParagraphs(s.reason, 'No reason was given.')].join('\n\n'),
      consequences: mdList([
        'Good, because the team made the trade-off explicitly and wrote down why.',
        'Bad, because the risk the rule describes stays in the system.',
        'Revisit this when the reason no longer holds: removing the suppression in the design brings the finding back.',
      ]),
      moreInformation: mdProse(`Suppression of ${s.ruleId} for target ${s.targetId} in the design settings.`),
    },
  };
}

/** Every ADR of the design, numbered in order. */
export function adrRecords(ctx: GeneratorContext): AdrRecord[] {
  const list = [
    decomposition(ctx),
    communication(ctx),
    data(ctx),
    deployment(ctx),
    observability(ctx),
    ...ctx.design.decisions.map((d) => userDecision(ctx, d)),
    ...ctx.design.settings.suppressions.map((s) => suppression(ctx, s)),
  ];
  return list.map((r, i) => ({ ...r, number: i + 1 }));
}

const pad = (n: number) => String(n).padStart(4, '0');

/** The file name of a record, e.g. `0001-service-decomposition.md`. */
export function adrFileName(r: Pick<AdrRecord, 'number' | 'slug'>): string {
  return `${pad(r.number)}-${r.slug}.md`;
}

export const adrGenerator: Generator = {
  id: 'adr',
  title: 'Architecture decision records (MADR)',
  generate(ctx): GeneratedFile[] {
    const records = adrRecords(ctx);
    const files: GeneratedFile[] = records.map((r) => ({
      path: `docs/adr/${adrFileName(r)}`,
      content: mdFinish(
        render(
          ctx.templates.get(`${T}${r.template}`),
          { frontMatter: toYaml({ status: r.status, date: r.date }).trimEnd(), title: `ADR-${pad(r.number)}: ${r.title}`, ...r.sections },
          `${T}${r.template}`,
        ),
      ),
    }));
    const table = mdTable(
      ['ADR', 'Title', 'Status', 'Date'],
      records.map((r) => [`[${pad(r.number)}](${adrFileName(r)})`, r.title, r.status, mdCell(r.date)]),
    );
    files.push({ path: 'docs/adr/README.md', content: mdFinish(render(ctx.templates.get(`${T}adr-index.md`), { projectTitle: mdProse(ctx.project.title) || 'the project', table }, `${T}adr-index.md`)) });
    return files;
  },
};
