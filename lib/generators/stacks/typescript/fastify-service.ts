import type { GeneratedFile, Generator, GeneratorContext } from '../../types';
import { tsString } from '../../escape';
import { commonFiles, fromTemplate, publicationsImport, readme, servicesOf } from './files';
import { fastifyRoutesSource, routeTests } from './http-sources';
import { routeSpecs } from './model';

const LAYOUT = `## Layout

- \`src/main.ts\`: entry point (tracing, config, HTTP server, background start, shutdown)
- \`src/app.ts\`: the Fastify app: request ids, JSON errors, health endpoints
- \`src/routes.ts\`: the designed endpoints
- \`src/config.ts\`: environment schema
- \`src/dependencies.ts\`: pools, caches, brokers, consumers, outbox relay, clients, readiness
- \`src/events.ts\`, \`src/handlers.ts\`: event schemas, publications, subscriptions and handlers
- \`src/clients.ts\`: clients for outgoing calls
- \`src/lib/\`: the runtime shared by every generated TypeScript service
- \`test/\`: node:test suites (config, resilience, resources, HTTP via inject)`;

/** Service code for every service on the `fastify` stack. */
export function generateFastifyServices(ctx: GeneratorContext): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const spec of servicesOf(ctx, 'fastify')) {
    const dir = `services/${spec.name}`;
    const routes = routeSpecs(spec);
    files.push(...commonFiles(ctx, spec, 'fastify'));
    files.push({ path: `${dir}/src/main.ts`, content: fromTemplate(ctx, 'fastify/src/main.ts', { serviceName: tsString(spec.name) }) });
    files.push({ path: `${dir}/src/app.ts`, content: fromTemplate(ctx, 'fastify/src/app.ts') });
    files.push({ path: `${dir}/src/routes.ts`, content: fastifyRoutesSource(spec, routes) });
    files.push({
      path: `${dir}/test/app.test.ts`,
      content: fromTemplate(ctx, 'fastify/test/app.test.ts', { publicationsImport: publicationsImport(spec, ctx.project), routeTests: routeTests(spec, routes) }),
    });
    files.push({ path: `${dir}/README.md`, content: readme(ctx, spec, 'fastify', routes, LAYOUT) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Generator `fastify-service`: one Fastify service per service node on the fastify stack. */
export const fastifyService: Generator = {
  id: 'fastify-service',
  title: 'Fastify services (pino, zod)',
  applies: (ctx) => ctx.project.services.some((s) => s.stack === 'fastify'),
  generate: generateFastifyServices,
};
