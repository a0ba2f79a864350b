import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  designFileName,
  detectFormat,
  loadDesignData,
  MAX_FILE_CHARS,
  parseDesignText,
  parseStructuredText,
  serializeDesignJson,
  toEnvelope,
  DESIGN_VERSION,
  emptyDesign,
  type LoadResult,
} from '.';

/** Asserts a failed load and returns its error text. */
function failure(r: LoadResult): { error: string; issues: { path: string; message: string }[] } {
  if (r.ok) throw new Error(`expected a failure, got a design named ${JSON.stringify(r.design.name)}`);
  expect(r.error.length).toBeGreaterThan(0);
  return r;
}

const json = (v: unknown) => JSON.stringify(v);
const node = (extra: Record<string, unknown>) => ({ kind: 'service', id: 'svc_1', name: 'orders', position: { x: 0, y: 0 }, ...extra });

describe('parseDesignText: malformed text', () => {
  it('malformed JSON says JSON and where', () => {
    const { error } = failure(parseDesignText('{"archwright": 1,\n "design": {,}}', 'd.archwright.json'));
    expect(error).toMatch(/^The file is not valid JSON/);
    expect(error).toMatch(/line 2, column 13/);
  });

  it('truncated JSON says it ended early', () => {
    const { error } = failure(parseDesignText('{"archwright": 1, "design": {"nodes": [', 'd.json'));
    expect(error).toMatch(/not valid JSON \(at the end of the file\)/);
  });

  it('malformed YAML gives line and column', () => {
    const { error } = failure(parseDesignText('archwright: 1\ndesign:\n  name: [unclosed\n  nodes: x\n', 'd.yaml'));
    expect(error).toMatch(/^The file is not valid YAML \(line \d+, column \d+\): \S/);
    const { error: e2 } = failure(parseDesignText('archwright: 1\ndesign: a: b\n', 'd.yaml'));
    expect(e2).toMatch(/\(line 2, column 9\)/);
    // The position is given once, not repeated by the YAML library's own suffix.
    expect(e2.match(/line 2/g)).toHaveLength(1);
  });

  it('duplicate YAML keys are rejected, not silently last-wins', () => {
    const { error } = failure(parseDesignText('archwright: 1\ndesign:\n  name: a\n  name: b\n', 'd.yaml'));
    expect(error).toMatch(/not valid YAML \(line 4/);
    expect(error).toMatch(/unique/i);
  });

  it('several YAML documents are rejected', () => {
    failure(parseDesignText('archwright: 1\ndesign: {}\n---\narchwright: 1\n', 'd.yaml'));
  });
});

describe('parseDesignText: not a design', () => {
  it.each([
    ['[]', 'an array'],
    ['"text"', 'a string'],
    ['42', 'a number'],
    ['null', 'null'],
    ['', 'empty text'],
    ['just words', 'a YAML scalar'],
  ])('wrong top level: %s (%s)', (text) => {
    const { error } = failure(parseDesignText(text));
    expect(error).toMatch(/not an Archwright design: expected an object with "archwright" and "design"/);
  });

  it('missing "archwright" is explained (and points at Import for compose files)', () => {
    const { error } = failure(parseDesignText('services:\n  web:\n    image: nginx\n', 'docker-compose.yaml'));
    expect(error).toMatch(/"archwright" format version is missing/);
    expect(error).toMatch(/Import/);
  });

  it('"archwright" of the wrong type', () => {
    expect(failure(parseDesignText(json({ archwright: '1', design: {} }))).error).toMatch(/"archwright" must be the design format number; got "1"/);
    expect(failure(parseDesignText(json({ archwright: 0, design: {} }))).error).toMatch(/positive whole number; got 0/);
    expect(failure(parseDesignText(json({ archwright: 1.5, design: {} }))).error).toMatch(/got 1.5/);
    expect(failure(parseDesignText('archwright: .nan\ndesign: {}\n', 'd.yaml')).error).toMatch(/got NaN/);
  });

  it('missing or non-object design', () => {
    expect(failure(parseDesignText(json({ archwright: 1 }))).error).toMatch(/no "design"/);
    expect(failure(parseDesignText(json({ archwright: 1, design: [] }))).error).toMatch(/"design" must be an object/);
    expect(failure(parseDesignText(json({ archwright: 1, design: 'x' }))).error).toMatch(/"design" must be an object/);
  });

  it('a newer format says "newer Archwright" and both versions', () => {
    const { error } = failure(parseDesignText(json({ archwright: DESIGN_VERSION + 1, design: {} })));
    expect(error).toMatch(/newer Archwright/);
    expect(error).toContain(`format ${DESIGN_VERSION + 1}`);
    expect(error).toContain(`up to ${DESIGN_VERSION}`);
  });
});

describe('parseDesignText: invalid content says what and where', () => {
  it('invalid node name names the node index, its name and the field', () => {
    const text = json({ archwright: 1, design: { nodes: [node({}), node({ id: 'svc_2', name: 'Order_Service' })] } });
    const r = failure(parseDesignText(text));
    expect(r.error).toBe(
      'The design has 1 problem: design › nodes[1] "Order_Service" › name: Names use lowercase letters, digits and "-", and start and end with a letter or digit (DNS-1123 label).',
    );
    expect(r.issues).toEqual([{ path: 'design › nodes[1] "Order_Service" › name', message: expect.stringMatching(/DNS-1123/) }]);
  });

  it('an element without a usable name is named by its id', () => {
    const r = failure(parseDesignText(json({ archwright: 1, design: { nodes: [node({ name: 42 })] } })));
    expect(r.issues[0].path).toBe('design › nodes[0] "svc_1" › name');
  });

  it('an unknown kind lists the kinds', () => {
    const r = failure(parseDesignText(json({ archwright: 1, design: { nodes: [node({ kind: 'lambda' })] } })));
    expect(r.issues[0].path).toBe('design › nodes[0] "orders" › kind');
    expect(r.issues[0].message).toMatch(/service/);
  });

  it('nested problems give the whole path', () => {
    const r = failure(
      parseDesignText(json({ archwright: 1, design: { nodes: [node({ endpoints: [{ id: 'ep', path: 'no-slash' }] })] } })),
    );
    expect(r.issues[0]).toEqual({ path: 'design › nodes[0] "orders" › endpoints[0] "ep" › path', message: 'Paths start with "/".' });
  });

  it('long names are shortened in the path', () => {
    const long = 'x'.repeat(100);
    const r = failure(parseDesignText(json({ archwright: 1, design: { groups: [{ id: 'g', name: long, position: { x: 0, y: 0 } }] } })));
    expect(r.issues[0].path).toBe(`design › groups[0] "${'x'.repeat(40)}…" › size`);
  });

  it('counts problems and caps the issue list', () => {
    const nodes = Array.from({ length: 60 }, (_, i) => node({ id: `n${i}`, name: `Bad${i}` }));
    const r = failure(parseDesignText(json({ archwright: 1, design: { nodes } })));
    expect(r.error).toMatch(/^The design has 60 problems \(and 10 more\): design › nodes\[0\] "Bad0" › name/);
    expect(r.issues).toHaveLength(50);
  });

  it('over-long free text is rejected with the limit', () => {
    const r = failure(parseDesignText(json({ archwright: 1, design: { description: 'x'.repeat(10_001) } })));
    expect(r.issues[0]).toEqual({ path: 'design › description', message: 'At most 10000 characters.' });
  });
});

describe('parseDesignText: hostile input', () => {
  it('rejects text over MAX_FILE_CHARS before parsing it', () => {
    const text = `{"archwright": 1, "design": {"description": "${'x'.repeat(MAX_FILE_CHARS)}"}}`;
    const t0 = performance.now();
    const { error } = failure(parseDesignText(text));
    expect(performance.now() - t0).toBeLessThan(500);
    expect(error).toMatch(/limited to 5 MB/);
    expect(error).toMatch(/The file is 5\.0 MB/);
  });

  it('accepts text of exactly MAX_FILE_CHARS as far as size goes', () => {
    const head = '{"archwright": 1, "design": {"name": "big"}}';
    const text = head + ' '.repeat(MAX_FILE_CHARS - head.length);
    expect(text.length).toBe(MAX_FILE_CHARS);
    expect(parseDesignText(text).ok).toBe(true);
  });

  it('rejects a YAML alias bomb (billion laughs) quickly', () => {
    const levels = 'abcdefghi'.split('');
    const lines = [`a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
    for (let i = 1; i < levels.length; i++) {
      const prev = levels[i - 1];
      lines.push(`${levels[i]}: &${levels[i]} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const bomb = `archwright: 1\ndesign:\n  context:\n${lines.map((l) => `    ${l}`).join('\n')}\n`;
    const t0 = performance.now();
    const { error } = failure(parseDesignText(bomb, 'bomb.yaml'));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(error).toMatch(/alias/i);
  });

  it('an alias to an unknown anchor is a YAML error, not an attack', () => {
    const { error } = failure(parseDesignText('archwright: 1\ndesign:\n  name: *nope\n', 'd.yaml'));
    expect(error).toMatch(/^The file is not valid YAML: .*alias.*nope/i);
  });

  it('a few legitimate aliases are fine', () => {
    const r = parseDesignText('archwright: 1\ndesign:\n  name: &n Shop\n  description: *n\n', 'd.yaml');
    expect(r.ok && r.design.description).toBe('Shop');
  });

  it.each([
    ['JSON arrays', `{"archwright":1,"design":{"context":{"x":${'['.repeat(200)}${']'.repeat(200)}}}}`, 'd.json'],
    ['JSON objects', `{"archwright":1,"design":{"context":${'{"a":'.repeat(200)}1${'}'.repeat(200)}}}`, 'd.json'],
    ['very deep JSON', `${'['.repeat(200_000)}${']'.repeat(200_000)}`, 'd.json'],
    ['YAML flow', `archwright: 1\ndesign:\n  context:\n    x: ${'['.repeat(200)}${']'.repeat(200)}\n`, 'd.yaml'],
    ['very deep YAML flow', `x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, 'd.yaml'],
    ['YAML block', `archwright: 1\ndesign:\n  context:\n${Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i + 2)}k${i}:`).join('\n')} 1\n`, 'd.yaml'],
  ])('rejects deep nesting (%s) with a clear message', (_what, text, file) => {
    const { error } = failure(parseDesignText(text, file));
    expect(error).toMatch(/nested too deeply/);
  });

  it('moderate nesting in free-form context is fine', () => {
    const r = parseDesignText(`{"archwright":1,"design":{"context":{"x":${'['.repeat(20)}${']'.repeat(20)}}}}`);
    expect(r.ok).toBe(true);
  });

  it.each([
    ['JSON', '{"__proto__": {"polluted": "yes"}, "archwright": 1, "design": {"__proto__": {"polluted": "yes"}, "name": "p", "nodes": [{"__proto__": {"polluted": "yes"}, "kind": "service", "id": "s", "name": "s", "position": {"x": 0, "y": 0}}]}}', 'p.json'],
    ['YAML', 'archwright: 1\n__proto__: {polluted: yes}\ndesign:\n  name: p\n  __proto__:\n    polluted: yes\n  constructor:\n    prototype:\n      polluted: yes\n  nodes:\n    - {__proto__: {polluted: yes}, kind: service, id: s, name: s, position: {x: 0, y: 0}}\n', 'p.yaml'],
  ])('__proto__ keys (%s) do not pollute Object.prototype or reach the design', (_what, text, file) => {
    const r = parseDesignText(text, file);
    if (!r.ok) throw new Error(r.error);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf(r.design)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(r.design.nodes[0])).toBe(Object.prototype);
    expect((r.design as Record<string, unknown>).polluted).toBeUndefined();
    expect((r.design.nodes[0] as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(r.design)).not.toContain('__proto__');
    expect(Object.keys(r.design)).not.toContain('constructor');
    expect(r.design.name).toBe('p');
  });

  it('parseStructuredText strips dangerous keys at every depth', () => {
    const data = parseStructuredText('{"a": [{"__proto__": {"x": 1}, "prototype": 2, "constructor": 3, "ok": 4}]}', 'json') as { a: object[] };
    expect(data).toEqual({ a: [{ ok: 4 }] });
  });

  it('property: never throws on arbitrary text, always returns a result object', () => {
    const yamlish = fc
      .array(fc.constantFrom('archwright: 1\n', 'design:\n', '  nodes:\n', '  - ', '{', '}', '[', ']', '&a ', '*a', '!!str ', ': ', '- ', '"', "'", '\n', '  ', '#', '|', '>', '__proto__: ', 'kind: service', '%YAML 1.2\n', '---\n', '\t', '? ', ',', '@', '`', '\\'), { maxLength: 40 })
      .map((parts) => parts.join(''));
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.json(), yamlish, fc.jsonValue().map((v) => json({ archwright: 1, design: v })));
    fc.assert(
      fc.property(text, fc.constantFrom(undefined, 'd.json', 'd.yaml', 'd.yml', 'd.txt'), (t, file) => {
        let r: LoadResult | undefined;
        expect(() => (r = parseDesignText(t, file))).not.toThrow();
        expect(r).toBeTypeOf('object');
        if (r!.ok) expect(r!.design.nodes).toBeInstanceOf(Array);
        else {
          expect(r!.error).toBeTypeOf('string');
          expect(r!.error.length).toBeGreaterThan(0);
          expect(r!.issues).toBeInstanceOf(Array);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('property: arbitrary JSON values as a design never throw', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (design, extra) => {
        const r = loadDesignData({ archwright: 1, design, extra });
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});

describe('format helpers', () => {
  it.each([
    ['{"a":1}', undefined, 'json'],
    ['  \n [1]', undefined, 'json'],
    ['a: 1', undefined, 'yaml'],
    ['# comment\n{}', undefined, 'yaml'],
    ['a: 1', 'x.JSON', 'json'],
    ['{"a":1}', 'x.archwright.yaml', 'yaml'],
    ['{"a":1}', 'x.YML', 'yaml'],
    ['a: 1', 'x.txt', 'yaml'],
  ] as const)('detectFormat(%j, %j) = %s', (text, file, format) => {
    expect(detectFormat(text, file)).toBe(format);
  });

  it.each([
    ['JSON', '\uFEFF{"archwright": 1, "design": {"name": "bom"}}', 'bom.json'],
    ['JSON (detected)', '\uFEFF{"archwright": 1, "design": {"name": "bom"}}', undefined],
    ['YAML', '\uFEFFarchwright: 1\r\ndesign:\r\n  name: bom\r\n', 'bom.yaml'],
  ])('a byte-order mark and CRLF line ends are accepted (%s)', (_what, text, file) => {
    const r = parseDesignText(text, file);
    expect(r.ok && r.design.name).toBe('bom');
  });

  it('YAML flow mappings named .yaml parse as YAML', () => {
    const r = parseDesignText('{archwright: 1, design: {name: flow}}', 'f.yaml');
    expect(r.ok && r.design.name).toBe('flow');
  });

  it.each([
    ['Shop', 'json', 'shop.archwright.json'],
    ['My Shop: v2!', 'yaml', 'my-shop-v2.archwright.yaml'],
    ['../../etc/passwd', 'yaml', 'etc-passwd.archwright.yaml'],
    ['🚀', 'json', 'design.archwright.json'],
    ['x'.repeat(100), 'json', `${'x'.repeat(60)}.archwright.json`],
  ] as const)('designFileName(%j, %s) = %s', (name, format, file) => {
    expect(designFileName({ name }, format)).toBe(file);
  });

  it('serializeDesignJson writes the envelope with the current version and a final newline', () => {
    const text = serializeDesignJson(emptyDesign('E'));
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(toEnvelope(emptyDesign('E')));
    expect(JSON.parse(text).archwright).toBe(DESIGN_VERSION);
  });
});
