import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import SwaggerParser from '@apidevtools/swagger-parser';
import { designSchema } from '@/lib/model';
import { contextFor, run, starterDesigns } from './test-support';
import { openApiPath, openapiGenerator } from './openapi';

const starters = starterDesigns();

describe('openapi', () => {
  it('normalizes designed paths into OpenAPI templates', () => {
    expect(openApiPath('/products/{id}')).toEqual({ path: '/products/{id}', params: ['id'], shape: '/products/{}' });
    expect(openApiPath('/users/:userId/orders/:id')).toEqual({ path: '/users/{userId}/orders/{id}', params: ['userId', 'id'], shape: '/users/{}/orders/{}' });
    expect(openApiPath('/a/{id}/b/{id}').path).toBe('/a/{id}/b/{id2}');
    expect(openApiPath('/x y/"quoted"/../{bad name!}').path).toBe('/xy/quoted/{bad_name}');
    expect(openApiPath('/').path).toBe('/');
  });

  it('emits a valid OpenAPI 3.1 document per service of every starter template', async () => {
    for (const { id, design } of starters) {
      const { project } = contextFor(design);
      const files = run(openapiGenerator, design);
      expect(files.map((f) => f.path)).toEqual(project.services.map((s) => `contracts/openapi/${s.name}.yaml`));
      for (const f of files) {
        const doc = parse(f.content);
        await expect(SwaggerParser.validate(structuredClone(doc)), `${id} ${f.path}`).resolves.toBeTruthy();
        expect(doc.openapi).toBe('3.1.0');
        expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
        expect(doc.paths['/health/ready'].get.responses['503']).toBeDefined();
        expect(doc.servers.length).toBeGreaterThan(0);
        // Every write takes a JSON body and the Idempotency-Key header.
        for (const item of Object.values<Record<string, { parameters?: { $ref?: string }[]; requestBody?: unknown }>>(doc.paths)) {
          for (const [method, op] of Object.entries(item)) {
            if (!['post', 'put', 'patch'].includes(method)) continue;
            expect(op.requestBody).toBeDefined();
            expect(op.parameters).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' });
          }
        }
      }
    }
  }, 60_000);

  it('lists every designed endpoint of the e-commerce orders service', () => {
    const files = run(openapiGenerator, starters.find((s) => s.id === 'ecommerce')!.design);
    const doc = parse(files.find((f) => f.path === 'contracts/openapi/orders.yaml')!.content);
    expect(Object.keys(doc.paths['/orders'])).toEqual(['post', 'get']);
    expect(Object.keys(doc.paths['/orders/{id}'])).toEqual(['get']);
    expect(doc.paths['/orders/{id}/cancel'].post.responses['201']).toBeDefined();
    expect(doc.paths['/orders/{id}'].get.responses['404']).toBeDefined();
  });

  it('merges routes that differ only in parameter names, and skips user health endpoints', async () => {
    const design = designSchema.parse({
      name: 'x',
      nodes: [
        {
          kind: 'service',
          id: 's',
          name: 'health',
          position: { x: 0, y: 0 },
          endpoints: [
            { id: 'a', method: 'GET', path: '/items/{id}' },
            { id: 'b', method: 'DELETE', path: '/items/:itemId' },
            { id: 'c', method: 'GET', path: '/health/live' },
            { id: 'd', method: 'GET', path: '/items/{id}' },
          ],
        },
        { kind: 'service', id: 't', name: 'caller', position: { x: 0, y: 0 } },
      ],
      edges: [
        { kind: 'call', id: 'e', source: 't', target: 's', operations: [{ method: 'POST', path: '/items' }, { method: 'GET', path: '/items/{x}' }] },
        { kind: 'call', id: 'g', source: 't', target: 's', protocol: 'graphql' },
      ],
    });
    const doc = parse(run(openapiGenerator, design).find((f) => f.path === 'contracts/openapi/health.yaml')!.content);
    expect(Object.keys(doc.paths)).toEqual(['/health/live', '/health/ready', '/items/{id}', '/items', '/graphql']);
    expect(Object.keys(doc.paths['/items/{id}'])).toEqual(['get', 'delete']);
    await expect(SwaggerParser.validate(doc)).resolves.toBeTruthy();
  });

  it('matches the snapshot on the e-commerce template', () => {
    expect(run(openapiGenerator, starters.find((s) => s.id === 'ecommerce')!.design)).toMatchSnapshot();
  });
});
