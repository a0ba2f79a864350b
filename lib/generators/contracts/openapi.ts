// contracts/openapi/<service>.yaml: an OpenAPI 3.1 document per service with its designed
// endpoints (plus REST operations callers use on it), health endpoints, request bodies for writes,
// the Idempotency-Key header on writes and the error responses RUNTIME_CONTRACT implies.
import type { Endpoint } from '@/lib/model';
import { camelIdent } from '../escape';
import type { ServiceSpec } from '../project';
import type { GeneratedFile, Generator, GeneratorContext } from '../types';
import { setOwn } from './events';
import { toYaml } from './yaml';

export const HEALTH_PATHS = ['/health/live', '/health/ready'] as const;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export interface OpenApiPath {
  /** OpenAPI path template, e.g. `/products/{id}`. */
  path: string;
  /** Path parameter names in order (identifier-safe, unique in the path). */
  params: string[];
  /** The path with parameter names erased: two paths with the same shape are the same route. */
  shape: string;
}

/** Normalizes a designed path (`/a/{id}` or `/a/:id`, any text) into a valid OpenAPI path template. */
export function openApiPath(raw: string): OpenApiPath {
  const parts: string[] = [];
  const shape: string[] = [];
  const params: string[] = [];
  for (const seg of raw.split('/')) {
    const param = /^\{([^{}]*)\}$/.exec(seg) ?? /^:(.+)$/.exec(seg);
    if (param) {
      let name = param[1].replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60) || 'param';
      const base = name;
      for (let i = 2; params.includes(name); i++) name = `${base}${i}`;
      params.push(name);
      parts.push(`{${name}}`);
      shape.push('{}');
      continue;
    }
    const literal = seg.replace(/[^A-Za-z0-9._~-]/g, '');
    if (!literal || literal === '.' || literal === '..') continue;
    parts.push(literal);
    shape.push(literal);
  }
  return { path: `/${parts.join('/')}`, params, shape: `/${shape.join('/')}` };
}

interface Op {
  method: Endpoint['method'];
  path: OpenApiPath;
  summary: string;
  idempotent: boolean;
  source: 'endpoint' | 'caller';
}

/** The HTTP operations a service serves: its endpoints, then REST operations callers use that it does not list. */
export function serviceOperations(ctx: GeneratorContext, service: ServiceSpec): Op[] {
  const ops: Op[] = [];
  const shapes = new Map<string, OpenApiPath>();
  const seen = new Set<string>();
  const add = (method: Endpoint['method'], raw: string, summary: string, idempotent: boolean, source: Op['source']) => {
    let path = openApiPath(raw);
    if ((HEALTH_PATHS as readonly string[]).includes(path.shape)) return;
    // Same route shape, different parameter names: one path item (OpenAPI forbids both).
    const prior = shapes.get(path.shape);
    if (prior) path = prior;
    else shapes.set(path.shape, path);
    const k = `${method} ${path.shape}`;
    if (seen.has(k)) return;
    seen.add(k);
    ops.push({ method, path, summary, idempotent, source });
  };
  for (const e of service.endpoints) add(e.method, e.path, e.summary, e.idempotent, 'endpoint');
  for (const edge of ctx.graph.inEdges(service.id, 'call')) {
    if (edge.edge.protocol === 'rest') for (const o of edge.edge.operations) add(o.method, o.path, '', o.method !== 'POST' && o.method !== 'PATCH', 'caller');
    else if (edge.edge.protocol === 'graphql') add('POST', '/graphql', 'GraphQL endpoint', false, 'caller');
  }
  return ops;
}

function operationId(method: string, path: OpenApiPath, used: Set<string>): string {
  const words = path.path.split('/').map((s) => s.replace(/[{}]/g, ' by '));
  const base = camelIdent(`${method.toLowerCase()} ${words.join(' ')}`, 'operation');
  let id = base;
  for (let i = 2; used.has(id); i++) id = `${base}${i}`;
  used.add(id);
  return id;
}

const ref = (to: string) => ({ $ref: to });

/** The OpenAPI document of one service, as a plain object. */
export function openApiDocument(ctx: GeneratorContext, service: ServiceSpec): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const usedIds = new Set<string>();
  const item = (p: string) => {
    if (!Object.prototype.hasOwnProperty.call(paths, p)) setOwn(paths, p, {});
    return paths[p];
  };
  item('/health/live').get = {
    operationId: operationId('get', openApiPath('/health/live'), usedIds),
    tags: ['health'],
    summary: 'Liveness: the process is up',
    responses: { '200': { description: 'The process is alive.', content: { 'application/json': { schema: ref('#/components/schemas/Health') } } } },
  };
  item('/health/ready').get = {
    operationId: operationId('get', openApiPath('/health/ready'), usedIds),
    tags: ['health'],
    summary: 'Readiness: every dependency answers',
    responses: {
      '200': { description: 'Every dependency answers.', content: { 'application/json': { schema: ref('#/components/schemas/Health') } } },
      '503': { description: 'A dependency does not answer.', content: { 'application/json': { schema: ref('#/components/schemas/Health') } } },
    },
  };
  for (const op of serviceOperations(ctx, service)) {
    const write = WRITE_METHODS.has(op.method);
    const itemPath = op.path.params.length > 0 && op.path.path.endsWith('}');
    const parameters: unknown[] = op.path.params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    if (write) parameters.push(ref('#/components/parameters/IdempotencyKey'));
    const responses: Record<string, unknown> = {};
    const resource = { 'application/json': { schema: ref('#/components/schemas/Resource') } };
    if (op.method === 'GET') responses['200'] = itemPath ? { description: 'The resource.', content: resource } : { description: 'The resources.', content: { 'application/json': { schema: { type: 'array', items: ref('#/components/schemas/Resource') } } } };
    else if (op.method === 'POST') responses['201'] = { description: 'Stored. A retry with the same Idempotency-Key answers the same.', content: resource };
    else if (op.method === 'DELETE') responses['204'] = { description: 'Deleted.' };
    else responses['200'] = { description: 'Stored.', content: resource };
    if (write || op.path.params.length) responses['400'] = ref('#/components/responses/BadRequest');
    if (itemPath || op.path.params.length) responses['404'] = ref('#/components/responses/NotFound');
    if (write) responses['409'] = ref('#/components/responses/Conflict');
    responses['500'] = ref('#/components/responses/InternalError');
    const operation: Record<string, unknown> = {
      operationId: operationId(op.method, op.path, usedIds),
      tags: [service.name],
      summary: op.summary || `${op.method} ${op.path.path}`,
      ...(op.source === 'caller' ? { description: 'Used by a caller in the design; not listed among the service endpoints.' } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(write ? { requestBody: { required: true, content: { 'application/json': { schema: ref('#/components/schemas/ResourceInput') } } } } : {}),
      responses,
    };
    if (op.idempotent && (op.method === 'POST' || op.method === 'PATCH')) operation['x-idempotency-key'] = 'recommended';
    item(op.path.path)[op.method.toLowerCase()] = operation;
  }
  const problem = (description: string) => ({ description, content: { 'application/json': { schema: ref('#/components/schemas/Error') } } });
  return {
    openapi: '3.1.0',
    info: {
      title: `${service.title} API`,
      version: '1.0.0',
      ...(service.node.description ? { description: service.node.description } : {}),
    },
    servers: [
      { url: `http://${service.name}:${service.port}`, description: 'Inside the compose network or the cluster' },
      { url: `http://localhost:${service.port}`, description: 'Running locally' },
    ],
    tags: [
      { name: 'health', description: 'Liveness and readiness probes' },
      ...(service.name === 'health' ? [] : [{ name: service.name, description: 'Endpoints of the service' }]),
    ],
    paths,
    components: {
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'A unique key per logical write: a retry with the same key returns the first response and stores nothing twice.',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
      },
      schemas: {
        Health: {
          type: 'object',
          required: ['status'],
          properties: { status: { type: 'string', enum: ['ok', 'error'] }, checks: { type: 'object', additionalProperties: true } },
          additionalProperties: true,
        },
        ResourceInput: { type: 'object', description: 'A JSON object; the service validates its fields.', additionalProperties: true },
        Resource: {
          type: 'object',
          properties: { id: { type: 'string', format: 'uuid' } },
          additionalProperties: true,
        },
        Error: {
          type: 'object',
          properties: { error: { type: 'string' }, message: { type: 'string' }, statusCode: { type: 'integer' } },
          additionalProperties: true,
        },
      },
      responses: {
        BadRequest: problem('The request is not valid (body, parameters or headers).'),
        NotFound: problem('No such resource.'),
        Conflict: problem('The Idempotency-Key was used before with a different request.'),
        InternalError: problem('Unexpected error.'),
      },
    },
  };
}

export const openapiGenerator: Generator = {
  id: 'openapi',
  title: 'OpenAPI 3.1 per service',
  applies: (ctx) => ctx.project.services.length > 0,
  generate(ctx): GeneratedFile[] {
    return ctx.project.services.map((service) => ({
      path: `contracts/openapi/${service.name}.yaml`,
      content: toYaml(openApiDocument(ctx, service), [`OpenAPI contract of ${service.name}, generated by Archwright from the design "${ctx.project.title}".`]),
    }));
  },
};
