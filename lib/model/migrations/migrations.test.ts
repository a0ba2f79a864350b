import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDesignText } from '../io';
import { DESIGN_VERSION } from '../version';
import { migrate, MigrationError, MIGRATIONS, type Migration } from '.';

const dir = path.dirname(fileURLToPath(import.meta.url));

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** v1 had `title`; v2 renamed it to `name`; v3 moved `owner` into `context.owner`. Each step logs itself. */
const STEPS: readonly Migration[] = [
  {
    from: 1,
    description: 'title → name',
    up: ({ title, ...rest }) => ({ ...rest, name: title, log: [...((rest.log as string[]) ?? []), '1→2'] }),
  },
  {
    from: 2,
    description: 'owner → context.owner',
    up: ({ owner, ...rest }) => ({ ...rest, context: { ...(rest.context as object), owner }, log: [...((rest.log as string[]) ?? []), '2→3'] }),
  },
];

describe('migrate (synthetic v1 → v2 → v3)', () => {
  const v1 = () => deepFreeze({ title: 'Shop', owner: 'team-a', context: { domain: 'retail' }, nodes: [{ id: 'n', tags: ['x'] }] });

  it('applies every step in order', () => {
    expect(migrate(v1(), 1, 3, STEPS)).toEqual({ name: 'Shop', context: { domain: 'retail', owner: 'team-a' }, nodes: [{ id: 'n', tags: ['x'] }], log: ['1→2', '2→3'] });
  });

  it('applies in order even if the list is not sorted', () => {
    expect(migrate(v1(), 1, 3, [...STEPS].reverse()).log).toEqual(['1→2', '2→3']);
  });

  it('starts from the file version', () => {
    const v2 = deepFreeze({ name: 'Shop', owner: 'team-b' });
    expect(migrate(v2, 2, 3, STEPS)).toEqual({ name: 'Shop', context: { owner: 'team-b' }, log: ['2→3'] });
  });

  it('stops at the target', () => {
    expect(migrate(v1(), 1, 2, STEPS)).toEqual({ name: 'Shop', owner: 'team-a', context: { domain: 'retail' }, nodes: [{ id: 'n', tags: ['x'] }], log: ['1→2'] });
  });

  it('returns the design as is when already current', () => {
    const d = v1();
    expect(migrate(d, 3, 3, STEPS)).toBe(d);
  });

  it('never mutates its (deep-frozen) input', () => {
    const input = v1();
    const before = JSON.stringify(input);
    const out = migrate(input, 1, 3, STEPS);
    expect(JSON.stringify(input)).toBe(before);
    expect(out).not.toBe(input);
    expect(Object.isFrozen(input)).toBe(true);
  });

  it('errors on a gap in the steps', () => {
    expect(() => migrate(v1(), 1, 3, [STEPS[1]])).toThrow(new MigrationError('No migration from design format 1 to 2.'));
    expect(() => migrate(v1(), 1, 4, STEPS)).toThrow(/No migration from design format 3 to 4/);
  });

  it('errors on a newer version, naming both', () => {
    expect(() => migrate({}, 4, 3, STEPS)).toThrow(MigrationError);
    expect(() => migrate({}, 4, 3, STEPS)).toThrow(/newer Archwright \(design format 4\); this version reads formats up to 3/);
  });

  it.each([null, [], 'design', 42, undefined])('errors on a non-object design (%j)', (design) => {
    expect(() => migrate(design, 1, 3, STEPS)).toThrow(new MigrationError('"design" must be an object.'));
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('errors on a bad version (%s)', (version) => {
    expect(() => migrate({}, version, 3, STEPS)).toThrow(new MigrationError(`"archwright" must be a positive whole number; got ${String(version)}.`));
  });

  it('defaults to the real list and the current version', () => {
    expect(migrate({ name: 'x' }, DESIGN_VERSION)).toEqual({ name: 'x' });
    expect(() => migrate({}, DESIGN_VERSION + 1)).toThrow(/newer Archwright/);
  });
});

describe('MIGRATIONS', () => {
  it('is one step per format, from 1 up to the current version', () => {
    expect(MIGRATIONS.length).toBe(DESIGN_VERSION - 1);
    MIGRATIONS.forEach((m, i) => {
      expect(m.from).toBe(i + 1);
      expect(m.description.trim()).not.toBe('');
    });
  });

  // Vacuous while format 1 is the only one; guards every future step.
  it.each(MIGRATIONS.map((m) => [m.from] as const))('step %i has its module, its own test and an old-format fixture', (from) => {
    const stem = `v${from}-to-v${from + 1}`;
    expect(existsSync(path.join(dir, `${stem}.ts`))).toBe(true);
    expect(existsSync(path.join(dir, `${stem}.test.ts`))).toBe(true);
    const fixture = path.join(dir, '..', 'fixtures', `v${from}.archwright.json`);
    expect(existsSync(fixture)).toBe(true);
    const r = parseDesignText(readFileSync(fixture, 'utf8'), fixture);
    if (!r.ok) throw new Error(r.error);
    expect(r.migratedFrom).toBe(from);
  });

  it('every step leaves a frozen input alone', () => {
    for (const m of MIGRATIONS) {
      const fixture = JSON.parse(readFileSync(path.join(dir, '..', 'fixtures', `v${m.from}.archwright.json`), 'utf8')) as { design: Record<string, unknown> };
      expect(() => m.up(deepFreeze(fixture.design))).not.toThrow();
    }
  });
});
