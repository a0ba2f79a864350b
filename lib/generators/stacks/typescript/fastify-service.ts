import type { GeneratedFile, Generator, GeneratorContext } from '../../types';
import { fromTemplate, tsServiceFiles } from './files';
import { fastifyRoutesSource } from './http-sources';

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
  return tsServiceFiles(ctx, 'fastify', LAYOUT, (spec, routes, add) => {
    add('src/app.ts', fromTemplate(ctx, 'fastify/src/app.ts'));
    add('src/routes.ts', fastifyRoutesSource(spec, routes));
  });
}

/** Generator `fastify-service`: one Fastify service per service node on the fastify stack. */
export const fastifyService: Generator = {
  id: 'fastify-service',
  title: 'Fastify services (pino, zod)',
  applies: (ctx) => ctx.project.services.some((s) => s.stack === 'fastify'),
  generate: generateFastifyServices,
};
