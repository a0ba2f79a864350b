import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toYaml } from './yaml';

describe('toYaml', () => {
  it('quotes strings YAML 1.1 or 1.2 parsers would read as other types, in keys and values', () => {
    const value = { on: 'yes', '0o17': '0o17', n: 'null', t: '1:20', d: '2026-01-01', k: 'x: y # z' };
    const text = toYaml(value, ['header\nsecond line */']);
    expect(text).toMatch(/^# header second line \* \/\n/);
    for (const version of ['1.1', '1.2'] as const) expect(parse(text, { version })).toEqual(value);
  });

  it('writes shared objects out in full (no anchors) and never folds lines', () => {
    const shared = { a: 'x'.repeat(200) };
    const text = toYaml({ one: shared, two: shared });
    expect(text).not.toMatch(/[&*]/);
    expect(text.split('\n').some((l) => l.length > 200)).toBe(true);
  });
});
