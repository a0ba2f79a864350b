// In-process tests of the CLI pieces (fast); cli.test.ts runs the real bin.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { designSchema, parseDesignText } from '@/lib/model';
import { parseArgs } from './args';
import { distinctNames, elementNamer } from './elements';
import { exportDate, writeDirectory } from './export';
import { oneLine, safeText } from './io';
import { elementLines } from './locate';
import { displayPath } from './read';
import { expectOneLineError, ROOT, runMain } from './test-utils';

const ERRORS = 'lib/cli/fixtures/errors.archwright.yaml';
const tmp = mkdtempSync(path.join(tmpdir(), 'aw-main-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('parseArgs', () => {
  const spec = { format: 'string', force: 'boolean' } as const;
  it('reads values, booleans, = syntax and --', () => {
    expect(parseArgs(['a', '--format', 'json', '--force', '--', '--b'], spec, 'x')).toEqual({ positionals: ['a', '--b'], flags: { format: 'json', force: true } });
    expect(parseArgs(['--format=sarif', '-h'], spec, 'x').flags).toEqual({ format: 'sarif', help: true });
  });
  it.each([
    [['--nope'], /Unknown option --nope/],
    [['-x'], /Unknown option "-x"/],
    [['--format'], /--format needs a value/],
    [['--format', '--force'], /--format needs a value/],
    [['--format='], /--format needs a value/],
    [['--force=yes'], /takes no value/],
    [['--force', '--force'], /more than once/],
    [['--__proto__'], /Unknown option/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv, spec, 'x')).toThrow(message);
  });
});

describe('safe output', () => {
  it('escapes control and bidi characters and flattens lines', () => {
    expect(safeText('a\u001b[31mb\u202e')).toBe('a\\u001b[31mb\\u202e');
    expect(oneLine('one\n  two\tthree\u0007')).toBe('one two three\\u0007');
    expect(oneLine('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
  it('shows paths relative to the working directory when inside it', () => {
    expect(displayPath(path.join(ROOT, 'a', 'b.yaml'), ROOT)).toBe('a/b.yaml');
    expect(displayPath(ROOT, ROOT)).toBe('.');
    expect(displayPath('/elsewhere/x.yaml', ROOT)).toBe('/elsewhere/x.yaml');
  });
});

describe('element names and lines', () => {
  const text = readFileSync(path.join(ROOT, ERRORS), 'utf8');
  const r = parseDesignText(text, ERRORS);
  if (!r.ok) throw new Error(r.error);
  const name = elementNamer(r.design);

  it('names nodes, edges, the design and unknown ids', () => {
    expect(name('shop-db')).toMatchObject({ name: 'shop-db', fullyQualifiedName: 'nodes/shop-db', kind: 'database' });
    expect(name('orders-payments')).toMatchObject({ name: 'orders → payments', fullyQualifiedName: 'edges/orders->payments#orders-payments', kind: 'call' });
    expect(name('design')).toMatchObject({ name: 'Broken shop', kind: 'design' });
    expect(name('ghost')).toMatchObject({ name: 'ghost', kind: 'unknown' });
  });

  it('keeps fully qualified names unique when names repeat, and names events', () => {
    const d = designSchema.parse({
      nodes: [
        { kind: 'service', id: 'a', name: 'same', position: { x: 0, y: 0 } },
        { kind: 'service', id: 'b', name: 'same', position: { x: 0, y: 0 } },
      ],
      events: [{ id: 'ev', name: 'OrderPlaced', version: 2 }],
    });
    const n = elementNamer(d);
    expect(n('a').fullyQualifiedName).not.toBe(n('b').fullyQualifiedName);
    expect(n('ev')).toMatchObject({ name: 'OrderPlaced v2', fullyQualifiedName: 'events/OrderPlaced/v2', kind: 'event' });
  });

  it('lists each element once: an edge already names its ends', () => {
    expect(distinctNames(['orders-payments', 'orders', 'payments'].map(name))).toEqual(['orders → payments']);
    expect(distinctNames(['shop-db', 'orders', 'payments', 'orders-db', 'payments-db'].map(name))).toEqual(['shop-db', 'orders', 'payments']);
  });

  it('finds the line of each element in YAML and JSON; nothing for broken text', () => {
    const lines = elementLines(text);
    expect(text.split('\n')[lines.get('payments')! - 1]).toMatch(/- kind: service/);
    expect(text.split('\n')[lines.get('payments')!]).toMatch(/id: payments/);
    expect(text.split('\n')[lines.get('orders-db')! - 1]).toContain('id: orders-db');
    const json = JSON.stringify({ archwright: 1, design: { nodes: [{ id: 'x' }, { id: 'y' }] } }, null, 2);
    expect(json.split('\n')[elementLines(json).get('y')! - 1]).toContain('{');
    expect(json.split('\n')[elementLines(json).get('y')!]).toContain('"id": "y"');
    expect(elementLines(': : [').size).toBe(0);
  });
});

describe('main', () => {
  it('prints usage, version and command help', async () => {
    expect((await runMain(['--help'])).stdout).toMatch(/^Usage: archwright <command>/);
    expect((await runMain([])).code).toBe(2);
    expect((await runMain(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+/);
    expect((await runMain(['help', 'export'])).stdout).toMatch(/^Usage: archwright export/);
    expect((await runMain(['export', '--help'])).stdout).toMatch(/--stack <s>/);
  });

  it.each([
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['import', 'docker-compose.yml'], /not supported yet/],
    [['validate', ERRORS, ERRORS], /one design file at a time/],
    [['validate', ERRORS, '--format', 'xml'], /Unknown format "xml"/],
    [['validate', 'lib'], /lib is a directory/],
    [['export', ERRORS, '--out', 'x', '--target', 'compose,heroku'], /Unknown target "heroku"/],
    [['export', ERRORS, '--out', 'x', '--target', ','], /--target needs at least one/],
    [['export', ERRORS, '--out', 'x', '--date', '2026-13-01'], /--date: Invalid date "2026-13-01"/],
    [['export', '--out', 'x'], /Missing the design file/],
  ])('%j fails with one line, exit 2', async (argv, message) => {
    expectOneLineError(await runMain(argv), message);
  });

  it('reads a compose file by its content too', async () => {
    const file = path.join(tmp, 'stack.yaml');
    writeFileSync(file, 'version: "3"\nservices:\n  db:\n    image: postgres\n');
    expectOneLineError(await runMain(['validate', file]), /looks like a docker-compose file: importing compose files is not supported yet/);
  });

  it('suppressed findings do not fail the run and are counted', async () => {
    const file = path.join(tmp, 'suppressed.archwright.yaml');
    const text = readFileSync(path.join(ROOT, ERRORS), 'utf8').replace(
      '    profile: recommended\n',
      '    profile: recommended\n    suppressions:\n      - { ruleId: shared-database, targetId: shop-db, reason: Migration in progress }\n      - { ruleId: missing-timeout, targetId: orders-payments, reason: Client library default }\n',
    );
    writeFileSync(file, text);
    const r = await runMain(['validate', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 problems \(0 errors, 1 warning, 2 info\); 2 suppressed\./);
    const sarif = JSON.parse((await runMain(['validate', file, '--format', 'sarif'])).stdout);
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).not.toContain('shared-database');
  });

  it('reports configuration problems on stderr, keeping stdout machine-readable', async () => {
    const file = path.join(tmp, 'odd-profile.archwright.yaml');
    writeFileSync(file, readFileSync(path.join(ROOT, ERRORS), 'utf8').replace('profile: recommended', 'profile: house-rules'));
    const r = await runMain(['validate', file, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^warning: Unknown profile "house-rules"; using "recommended"\.\n$/);
    expect(JSON.parse(r.stdout).length).toBe(5);
  });
});

describe('export', () => {
  it('exportDate: --date, else SOURCE_DATE_EPOCH, else today in UTC', () => {
    expect(exportDate('2026-04-05', { SOURCE_DATE_EPOCH: '0' })).toBe('2026-04-05');
    expect(exportDate(undefined, { SOURCE_DATE_EPOCH: String(Date.UTC(2027, 6, 8, 23, 59) / 1000) })).toBe('2027-07-08');
    expect(exportDate(undefined, {}, Date.UTC(2026, 0, 2, 3))).toBe('2026-01-02');
    expect(() => exportDate(undefined, { SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/SOURCE_DATE_EPOCH must be a number/);
    expect(() => exportDate(undefined, { SOURCE_DATE_EPOCH: '0' })).toThrow(/outside the zip format's range/);
  });

  it('--stack overrides every service', async () => {
    const r = await runMain(['export', ERRORS, '--out', path.join(tmp, 'proj'), '--stack', 'fastapi', '--date', '2026-01-01']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('stack fastapi');
  });

  it('writes modes exactly and never writes through a symlink (--force into a hostile tree)', () => {
    const out = path.join(tmp, 'links');
    const outside = path.join(tmp, 'outside');
    mkdirSync(out);
    mkdirSync(outside);
    symlinkSync(path.join(outside, 'victim'), path.join(out, 'README.md'));
    writeDirectory([{ path: 'README.md', content: 'hi' }, { path: 'bin/run.sh', content: '#!/bin/sh\n', executable: true }], out, true, 'links');
    expect(existsSync(path.join(outside, 'victim'))).toBe(false);
    expect(lstatSync(path.join(out, 'README.md')).isFile()).toBe(true);
    expect(statSync(path.join(out, 'README.md')).mode & 0o777).toBe(0o644);
    expect(statSync(path.join(out, 'bin/run.sh')).mode & 0o777).toBe(0o755);
    symlinkSync(outside, path.join(out, 'docs'));
    expect(() => writeDirectory([{ path: 'docs/adr/0001.md', content: 'x' }], out, true, 'links')).toThrow(/docs is a symbolic link/);
    expect(readdirSync(outside)).toEqual([]);
    expect(() => writeDirectory([{ path: '../escape', content: 'x' }], out, true, 'links')).toThrow(/unsafe path/);
  });

  it('refuses an output path of the wrong kind', async () => {
    const file = path.join(tmp, 'plain-file');
    writeFileSync(file, 'x');
    expectOneLineError(await runMain(['export', ERRORS, '--out', file]), /exists and is not a directory/);
    mkdirSync(path.join(tmp, 'folder.zip'));
    expectOneLineError(await runMain(['export', ERRORS, '--out', path.join(tmp, 'folder.zip'), '--force']), /folder\.zip is a directory/);
  });
});
