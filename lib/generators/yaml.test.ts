import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toYaml, toYamlStream } from './yaml';

describe('toYaml', () => {
  it('round-trips strings with line separators, written as escapes', () => {
    const value = { a: 'x\u2028y: z', b: 'p\u0085q', 'k\u2029': 1, l: ['m\u2028n'] };
    const text = toYaml(value);
    expect(text).not.toMatch(/[\u0085\u2028\u2029]/);
    expect(parse(text)).toEqual(value);
    expect(parse(text, { version: '1.1' })).toEqual(value);
  });

  it('quotes what YAML 1.1 or 1.2 would read as another type', () => {
    const value = { a: 'yes', b: 'on', c: '0o17', d: '1:20', e: 'null', f: '012' };
    const text = toYaml(value);
    expect(parse(text, { version: '1.1' })).toEqual(value);
    expect(parse(text, { version: '1.2' })).toEqual(value);
  });

  it('puts a free-text header in comments that cannot break out', () => {
    const text = toYaml({ a: 1 }, ['Shop\u0085on: push', 'second */ line']);
    expect(parse(text)).toEqual({ a: 1 });
    expect(text.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual(['a: 1']);
  });

  it('writes streams of documents', () => {
    expect(toYamlStream([{ a: 1 }, { b: 2 }], 'h')).toBe('# h\n\na: 1\n---\nb: 2\n');
  });
});
