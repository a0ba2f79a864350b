import { describe, expect, it } from 'vitest';
import { designSchema, type Design } from '@/lib/model';
import type { GeneratedFile } from '../types';
import { eventContractsGenerator } from './event-contracts';
import { compileAndTestEventPackages, lintMarkdown, run, starterDesigns } from './test-support';

const starters = starterDesigns();

const field = (name: string, type: string, required = true) => ({ name, type, required });

function versionedDesign(draftFields: ReturnType<typeof field>[]): Design {
  return designSchema.parse({
    name: 'Versions',
    nodes: [
      { kind: 'service', id: 's', name: 'orders', position: { x: 0, y: 0 } },
      { kind: 'broker', id: 'b', name: 'bus', position: { x: 0, y: 0 } },
    ],
    edges: [{ kind: 'publish', id: 'p', source: 's', target: 'b', topic: 'orders', event: 'OrderPlaced', version: 2 }],
    events: [
      { id: 'e1', name: 'OrderPlaced', version: 1, fields: draftFields, published: { fields: [field('orderId', 'uuid'), field('total', 'number')] } },
      { id: 'e2', name: 'OrderPlaced', version: 2, fields: [field('orderId', 'uuid'), field('total', 'number'), field('currency', 'string')] },
    ],
  });
}

describe('event-contracts', () => {
  it('matches the snapshot on the e-commerce template', () => {
    expect(run(eventContractsGenerator, starters.find((s) => s.id === 'ecommerce')!.design)).toMatchSnapshot();
  });

  it('emits src/<event>.v<n>.ts per event version, an index, package.json, tsconfig and a test', () => {
    const paths = run(eventContractsGenerator, starters.find((s) => s.id === 'ecommerce')!.design).map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'contracts/events/package.json',
        'contracts/events/tsconfig.json',
        'contracts/events/src/index.ts',
        'contracts/events/src/envelope.ts',
        'contracts/events/src/order-placed.v1.ts',
        'contracts/events/src/payment-captured.v1.ts',
        'contracts/events/src/user-registered.v1.ts',
        'contracts/events/test/contracts.test.ts',
      ]),
    );
  });

  it('documents the package in a README that passes markdownlint', async () => {
    for (const { id, design } of starters) expect(await lintMarkdown(run(eventContractsGenerator, design)), id).toEqual([]);
  });

  it('generates published versions from their frozen snapshot: editing draft fields never changes them', () => {
    const a = run(eventContractsGenerator, versionedDesign([field('orderId', 'uuid')]));
    const b = run(eventContractsGenerator, versionedDesign([field('orderId', 'string'), field('note', 'string', false)]));
    const v1 = (files: GeneratedFile[]) => files.find((f) => f.path === 'contracts/events/src/order-placed.v1.ts')!.content;
    expect(v1(a)).toBe(v1(b));
    expect(v1(a)).toContain('PUBLISHED: frozen');
    expect(v1(a)).toContain('"total": z.number()');
    expect(v1(a)).not.toContain('note');
    expect(a.find((f) => f.path === 'contracts/events/src/order-placed.v2.ts')!.content).toContain('DRAFT');
  });

  it('compiles with tsc and passes its own tests, for every starter template and hostile field names', () => {
    const design = designSchema.parse({
      name: 'Evil */ "name" `${x}`',
      nodes: [],
      events: [
        {
          id: 'e',
          name: '*/ alert("x") //',
          version: 3,
          description: '*/ process.exit(1) /*',
          fields: [
            field('__proto__', 'object'),
            field('constructor', 'string'),
            { ...field('a"b\\c\u2028d', 'integer'), description: '"); process.exit(1); //' },
            field('${x}', 'datetime', false),
            field('123', 'uuid'),
            field('123', 'string'),
          ],
        },
        { id: 'e2', name: '123', version: 1, fields: [] },
        { id: 'e3', name: '', version: 1, fields: [] },
      ].filter((e) => e.name !== ''),
    });
    compileAndTestEventPackages([...starters.map((s) => run(eventContractsGenerator, s.design)), run(eventContractsGenerator, design)]);
  }, 240_000);
});
