// README.md of the exported project: what it is, its services, how to run it with Docker Compose,
// deploy it to Kubernetes or DigitalOcean (the targets picked for the export), run a service
// locally, the layout and the make targets.
import { render } from '../render';
import { eventVersions } from '../contracts/events';
import { protoModel } from '../contracts/proto';
import type { GeneratedFile, Generator } from '../types';
import { mdCode, mdFinish, mdHeading, mdList, mdParagraphs, mdProse, mdTable } from './markdown';

const T = 'docs/';
const isPython = (stack: string) => stack === 'fastapi';

export const projectReadmeGenerator: Generator = {
  id: 'project-readme',
  title: 'Project README',
  generate(ctx): GeneratedFile[] {
    const { project, options, graph } = ctx;
    const tpl = (name: string, values: Record<string, string>) => render(ctx.templates.get(`${T}${name}`), values, `${T}${name}`);
    const targets = options.targets;
    const gateways = options.gateway ? project.gateways : [];

    const sections: string[] = [];
    if (targets.includes('compose')) {
      sections.push(
        tpl('readme/compose.md', {
          observabilityNote: options.observability ? ' and the observability stack' : '',
          entryNote: gateways.length
            ? mdProse(`Requests enter through ${gateways.map((g) => `${g.name} (port ${g.port})`).join(', ')}; docker compose ps shows the published ports. Only gateways publish ports; services talk on the internal network.`)
            : mdProse('No gateway is exported, so no service publishes a port: use docker compose exec, or add a gateway in the design.'),
        }),
      );
    }
    if (targets.includes('k8s')) sections.push(tpl('readme/k8s.md', { namespace: project.name }));
    if (targets.includes('do')) sections.push(tpl('readme/do.md', {}));
    const localCommands = project.services.length
      ? ['```sh', ...project.services.map((s) => (isPython(s.stack) ? `(cd services/${s.name} && python3 -m pip install -r requirements.txt && python3 -m app)` : `(cd services/${s.name} && npm install && npm run build && npm start)`)), '```'].join('\n')
      : 'The design has no services yet.';
    sections.push(tpl('readme/local.md', { localCommands }));

    const layout: string[] = [];
    for (const s of project.services) layout.push(`${mdCode(`services/${s.name}/`)}: ${mdProse(s.title)} (${s.stack}, port ${s.port})${s.primaryDatabase ? ', with its SQL migrations' : ''}`);
    if (project.services.length) layout.push(`${mdCode('contracts/openapi/')}: an OpenAPI 3.1 contract per service`);
    if (project.services.some((s) => protoModel(ctx, s))) layout.push(`${mdCode('contracts/proto/')}: Protocol Buffers for the services called over gRPC`);
    if (eventVersions(project, graph).length) layout.push(`${mdCode('contracts/asyncapi.yaml')} and ${mdCode('contracts/events/')}: the events (AsyncAPI and a zod package)`);
    if (targets.includes('compose')) layout.push(`${mdCode('docker-compose.yml')} and ${mdCode('.env.example')}: the local environment`);
    if (targets.includes('k8s')) layout.push(`${mdCode('k8s/')}: Kubernetes manifests (kustomization)`);
    if (targets.includes('do')) layout.push(`${mdCode('.do/app.yaml')}: DigitalOcean App Platform spec`);
    if (gateways.length) layout.push(`${mdCode('gateway/')}: gateway configuration (nginx)`);
    if (options.observability) layout.push(`${mdCode('observability/')}: OpenTelemetry collector, Prometheus and Grafana configuration`);
    layout.push(`${mdCode('docs/')}: architecture, decision records and roadmap`);
    layout.push(`${mdCode('Makefile')}: shortcuts for the commands in this file`);
    if (options.ci) layout.push(`${mdCode('.github/workflows/ci.yml')}: tests and image builds per service`);

    const make: string[] = ['`make test`, `make build`, `make lint`, `make docker`: every service'];
    if (targets.includes('compose')) make.push('`make up`, `make down`, `make logs`: Docker Compose');
    if (targets.includes('k8s')) make.push('`make k8s-apply`, `make k8s-delete`: Kubernetes');
    if (project.services.length) make.push(`\`make test-<service>\`, \`build-<service>\`, \`lint-<service>\`, \`docker-<service>\`, \`run-<service>\`: one service, e.g. ${mdCode(`make test-${project.services[0].name}`)}`);

    const servicesTable = project.services.length
      ? mdTable(
          ['Service', 'What it does', 'Stack', 'Port'],
          project.services.map((s) => [mdCode(s.name), mdProse(s.node.description || s.title) || '-', s.stack, String(s.port)]),
        )
      : 'The design has no services yet.';

    const content = tpl('README.md', {
      title: mdHeading(project.title, 'Project'),
      description: mdParagraphs(project.description, 'A microservice system designed with Archwright.'),
      date: options.date,
      servicesTable,
      runSections: sections.join('\n\n'),
      layout: mdList(layout),
      makeTargets: mdList(make),
    });
    return [{ path: 'README.md', content: mdFinish(content) }];
  },
};
