import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toYaml, toYamlFast, toYamlStream, toYamlWithLibrary } from './yaml';

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

// toYaml writes plain data itself and must agree with the yaml library byte for byte.
describe('toYaml fast path', () => {
  // Pieces that exercise every quoting rule: indicators, 1.1 and 1.2 types, document markers,
  // quotes, leading and trailing whitespace, line breaks; and, rarer so that most documents stay
  // on the fast path, what it leaves to the library (control characters, NEL/LS/PS, lone surrogates).
  const PIECES = ['a', 'Z', ' ', '  ', '\t', '\n', '\n\n', ':', ': ', '#', ' #', '-', '- ', '?', '[', '}', ',', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '~',
    'yes', 'No', 'ON', 'y', 'null', 'Null', 'true', '0', '012', '0x1F', '0o17', '0b101', '1_000', '1:20', '3.5e2', '.inf', '.NaN', '2026-01-01', '2001-12-14t21:59:43.10-05:00',
    '<<', '---', '...', '\u00a0', 'é', '😀', '\\', '\\n', '=', '/', '{}', '[]'];
  const RARE = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u2028', '\ud800'];
  const piece = fc.oneof({ arbitrary: fc.constantFrom(...PIECES), weight: 60 }, { arbitrary: fc.constantFrom(...RARE), weight: 1 });
  const text = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
  const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(text, fc.option(tie('value'), { nil: undefined }), { maxKeys: 4 })),
  }));
  const doc = fc.oneof(fc.array(value, { maxLength: 4 }), fc.dictionary(text, value, { maxKeys: 5 }));
  const header = fc.option(fc.oneof(text, fc.array(text, { maxLength: 3 })), { nil: undefined });

  it('writes what the yaml library writes, and writes most documents itself', () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(doc, header, (v, h) => {
        runs++;
        const text = toYamlFast(v, h);
        if (text !== null) fast++;
        expect(toYaml(v, h)).toBe(toYamlWithLibrary(v, h));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 2000) },
    );
    if (runs >= 100) expect(fast / runs).toBeGreaterThan(0.5);
  });

  it('writes what the yaml library writes for deep, multi-line and long values', () => {
    const cases: unknown[] = [
      { a: { b: { c: [{ d: ['x', [], {}, [1, [2, { e: 'f\ng\n' }]]] }] } } },
      { script: 'set -e\nnpm ci\n\nnpm test', conf: 'line one\n  indented\nlast\n', keep: 'x\n\n', lead: ' x\ny', trail: 'x\ny ', lone: '\n' },
      [['a', 'b'], [{ k: 'v', w: [] }], 'c: d', '- e'],
      { [`k${'x'.repeat(1100)}`]: 1, long: 'y'.repeat(5000) },
      { 'multi\nline key': 1 },
      { date: new Date(0), map: new Map([['a', 1]]) },
      { n: [1.5, 1e21, -3, 0, -0, Number.NaN, Infinity] },
      { '200': { description: 'OK' }, default: { $ref: '#/components/responses/Error' } },
    ];
    for (const v of cases) expect(toYaml(v, ['Header', '', 'two'])).toBe(toYamlWithLibrary(v, ['Header', '', 'two']));
  });

  it('writes typical generated documents itself', () => {
    const k8s = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'orders', labels: { 'app.kubernetes.io/name': 'orders' } }, spec: { replicas: 2, template: { spec: { containers: [{ name: 'orders', image: 'shop/orders:0.1.0', env: [{ name: 'PORT', value: '3000' }], args: [] }] } } } };
    const config = { data: { 'config.yaml': 'receivers:\n  otlp: {}\nexporters:\n  debug: {}\n' } };
    for (const v of [k8s, config]) expect(toYamlFast(v, 'Generated')).toBe(toYamlWithLibrary(v, 'Generated'));
  });
});
