import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './fixtures/designs';
import { designJsonSchema } from './jsonSchema';
import { EDGE_KINDS, envelopeSchema, NODE_KINDS } from './schema';
import { DESIGN_VERSION } from './version';

const dir = path.dirname(fileURLToPath(import.meta.url));
type Json = Record<string, unknown>;

interface Validator {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}

/**
 * Ajv is not a dependency of ours; it is usually present through eslint (Ajv 6, draft-07). Ajv 8
 * reads draft 2020-12 directly; Ajv 6 validates the same keywords once `$schema` is dropped (the
 * generated schema uses only draft-07 keywords: checked below). Without Ajv the structural tests
 * still run.
 */
function compile(schema: Json): Validator | null {
  const req = createRequire(import.meta.url);
  try {
    const mod = req('ajv/dist/2020') as { default: new (o: object) => { compile(s: object): Validator } };
    return new mod.default({ allErrors: true, strict: false }).compile(schema);
  } catch {
    // Fall through to Ajv 6.
  }
  try {
    const Ajv = req('ajv') as new (o: object) => { compile(s: object): Validator };
    const { $schema: _draft, ...rest } = schema;
    return new Ajv({ allErrors: true }).compile(rest);
  } catch {
    return null;
  }
}

const schema = designJsonSchema();
const validate = compile(schema);
const at = (o: unknown, ...keys: string[]): Json => keys.reduce((x, k) => (x as Json)[k], o) as Json;

describe('designJsonSchema: structure', () => {
  it('is plain JSON with an $id, a title and the 2020-12 dialect', () => {
    const text = JSON.stringify(schema);
    expect(JSON.parse(text)).toEqual(schema);
    expect(schema.$id).toBe('https://archwright.dev/schema/design.schema.json');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('Archwright design');
    expect(schema.description).toContain(`format ${DESIGN_VERSION}`);
  });

  it('requires the envelope fields', () => {
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['archwright', 'design']));
    expect(at(schema, 'properties', 'archwright')).toMatchObject({ type: 'integer', minimum: 1 });
  });

  it('nodes and edges are a oneOf discriminated by a const kind', () => {
    const nodeItems = at(schema, 'properties', 'design', 'properties', 'nodes', 'items');
    const edgeItems = at(schema, 'properties', 'design', 'properties', 'edges', 'items');
    const kinds = (items: Json) => (items.oneOf as Json[]).map((o) => at(o, 'properties', 'kind').const);
    expect(kinds(nodeItems)).toEqual([...NODE_KINDS]);
    expect(kinds(edgeItems)).toEqual([...EDGE_KINDS]);
    for (const o of [...(nodeItems.oneOf as Json[]), ...(edgeItems.oneOf as Json[])]) expect(o.required).toContain('kind');
  });

  it('node names carry the DNS-1123 pattern and length', () => {
    const service = (at(schema, 'properties', 'design', 'properties', 'nodes', 'items').oneOf as Json[])[0];
    expect(at(service, 'properties', 'name')).toMatchObject({ type: 'string', minLength: 1, maxLength: 63, pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' });
  });

  it('objects stay open to unknown fields (forward compatibility)', () => {
    const design = at(schema, 'properties', 'design');
    expect(design.additionalProperties).toEqual({});
    const service = (at(design, 'properties', 'nodes', 'items').oneOf as Json[])[0];
    expect(service.additionalProperties).toEqual({});
  });

  it('uses only keywords Ajv 6 (draft-07) understands, and no $ref', () => {
    const seen = new Set<string>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          seen.add(k);
          // `properties` maps names to schemas: its keys are field names, not keywords.
          if (k === 'properties') Object.values(x as Json).forEach(walk);
          else walk(x);
        }
      }
    };
    walk(schema);
    for (const k of ['$ref', '$defs', 'prefixItems', 'unevaluatedProperties', '$dynamicRef']) expect(seen.has(k)).toBe(false);
  });
});

describe.runIf(validate)('designJsonSchema: validation with Ajv', () => {
  const check = (data: unknown) => {
    const okay = validate!(data);
    return { okay, errors: okay ? null : JSON.stringify(validate!.errors).slice(0, 800) };
  };

  it.each(Object.keys(FIXTURES))('fixture %s validates', (name) => {
    expect(check(FIXTURES[name])).toEqual({ okay: true, errors: null });
  });

  it.each(['minimal.archwright.yaml', 'minimal.archwright.json'])('fixture file %s validates', async (file) => {
    const { parse } = await import('yaml');
    const data: unknown = parse(readFileSync(path.join(dir, 'fixtures', file), 'utf8'));
    expect(check(data)).toEqual({ okay: true, errors: null });
  });

  const bad: [string, unknown][] = [
    ['missing archwright', { design: {} }],
    ['missing design', { archwright: 1 }],
    ['a string version', { archwright: '1', design: {} }],
    ['an invalid node name', { archwright: 1, design: { nodes: [{ kind: 'service', id: 's', name: 'Bad_Name', position: { x: 0, y: 0 } }] } }],
    ['an unknown node kind', { archwright: 1, design: { nodes: [{ kind: 'lambda', id: 's', name: 's', position: { x: 0, y: 0 } }] } }],
    ['a node without position', { archwright: 1, design: { nodes: [{ kind: 'service', id: 's', name: 's' }] } }],
    ['an edge with a bad protocol', { archwright: 1, design: { edges: [{ kind: 'call', id: 'e', source: 'a', target: 'b', protocol: 'soap' }] } }],
    ['nodes not an array', { archwright: 1, design: { nodes: {} } }],
    ['a group smaller than 40', { archwright: 1, design: { groups: [{ id: 'g', name: 'G', position: { x: 0, y: 0 }, size: { width: 10, height: 100 } }] } }],
  ];
  it.each(bad)('rejects %s (as zod does)', (_what, data) => {
    expect(check(data).okay).toBe(false);
    expect(envelopeSchema.safeParse(data).success).toBe(false);
  });
});
