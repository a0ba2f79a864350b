import { describe, expect, it } from 'vitest';
import { blankDesign } from './blank';
import { parseDesignJson, serializeDesignJson } from './envelope';
import { FIXTURES } from './fixtures/designs';
import { readStoredDesign } from './storedDesign';
import { syntheticDesign } from './synthetic';
import { DESIGN_VERSION } from './version';

const saved = (design: unknown, archwright: unknown = DESIGN_VERSION) => JSON.stringify({ archwright, design });

describe('readStoredDesign: what this build saved reads back as the full parser reads it', () => {
  it.each(Object.keys(FIXTURES))('%s', (name) => {
    const full = parseDesignJson(JSON.stringify(FIXTURES[name]));
    if (!full.ok) throw new Error(full.error);
    const text = serializeDesignJson(full.design);
    expect(readStoredDesign(text)).toEqual(full.design);
  });

  it('a blank and a large generated design', () => {
    expect(readStoredDesign(serializeDesignJson(blankDesign()))).toEqual(blankDesign());
    const big = syntheticDesign(300, 2);
    expect(readStoredDesign(serializeDesignJson(big))).toEqual(big);
  });
});

describe('readStoredDesign: anything unusual is left to the full parser', () => {
  const good = JSON.parse(serializeDesignJson(syntheticDesign(3, 2))).design;
  const without = (patch: (d: Record<string, unknown>) => void) => {
    const d = structuredClone(good);
    patch(d);
    return saved(d);
  };
  it.each([
    ['nothing', null],
    ['empty text', ''],
    ['not JSON', 'garbage'],
    ['an array', '[1,2]'],
    ['an older format', saved(good, DESIGN_VERSION - 1)],
    ['a newer format', saved(good, DESIGN_VERSION + 1)],
    ['no design', JSON.stringify({ archwright: DESIGN_VERSION })],
    ['no settings', without((d) => delete d.settings)],
    ['nodes not a list', without((d) => (d.nodes = {}))],
    ['an unknown node kind', without((d) => ((d.nodes as { kind: string }[])[0].kind = 'mainframe'))],
    ['a node without position', without((d) => delete (d.nodes as { position?: unknown }[])[0].position)],
    ['a NaN-ish position', without((d) => ((d.nodes as { position: unknown }[])[0].position = { x: 'a', y: 1 }))],
    ['an edge without target', without((d) => delete (d.edges as { target?: unknown }[])[0].target)],
    ['an over-long id', without((d) => ((d.nodes as { id: string }[])[0].id = 'x'.repeat(65)))],
  ])('%s', (_what, text) => {
    expect(readStoredDesign(text as string | null)).toBeNull();
  });

  it('drops prototype keys like the full parser', () => {
    const text = saved(good).replace('"name":', '"__proto__":{"polluted":true},"name":');
    const d = readStoredDesign(text);
    expect(d).not.toBeNull();
    expect(Object.prototype.hasOwnProperty.call(d, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
