// End-to-end: the real `bin/archwright.mjs` in a child process, as CI would run it.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { Log } from 'sarif';
import { parseDesignText } from '@/lib/model';
import { validate } from '@/lib/validation';
import { exportProjectZip } from '@/lib/export';
import { loadTemplatesFromDisk } from '@/lib/export/node';
import { BIN, expectOneLineError, FIXTURES, ROOT, runBin, sarifValidator } from './test-utils';

// Each spawn compiles the CLI with tsx: generous timeouts, no assertions on time.
const SLOW = 60_000;
const ERRORS = 'lib/cli/fixtures/errors.archwright.yaml';
const CLEAN = 'lib/cli/fixtures/clean.archwright.json';
const tmp = mkdtempSync(path.join(tmpdir(), 'aw-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function loadFixture(file: string) {
  const r = parseDesignText(readFileSync(path.join(ROOT, file), 'utf8'), file);
  if (!r.ok) throw new Error(r.error);
  return r.design;
}

describe('archwright validate (bin)', () => {
  it('text: findings with rule, severity, element names, message and a summary; exit 1 on errors', { timeout: SLOW }, async () => {
    const r = await runBin(['validate', ERRORS]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^lib\/cli\/fixtures\/errors\.archwright\.yaml: Broken shop \(profile recommended\)/);
    expect(r.stdout).toMatch(/error\s+missing-timeout\s+orders → payments\s+lib\/cli\/fixtures\/errors\.archwright\.yaml:\d+\n\s+orders → payments has no timeout/);
    expect(r.stdout).toMatch(/error\s+shared-database\s+shop-db, orders, payments /);
    expect(r.stdout).toMatch(/✖ 5 problems \(2 errors, 1 warning, 2 info\)\.\n$/);
    expect(r.stdout).not.toContain('\u001b');
  });

  it('text: exit 0 when only warnings and info remain, also under --profile strict', { timeout: SLOW }, async () => {
    const r = await runBin(['validate', CLEAN, '--profile', 'strict']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(profile strict)');
    expect(r.stdout).toMatch(/warning\s+plaintext-service-traffic\s+api-gateway → catalog/);
    expect(r.stdout).toMatch(/⚠ 2 problems \(0 errors, 2 warnings, 0 info\)\./);
  });

  it('json: exactly [{ruleId, severity, message, targets}], the same findings as the core', { timeout: SLOW }, async () => {
    const r = await runBin(['validate', ERRORS, '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Record<string, unknown>[];
    for (const f of out) expect(Object.keys(f)).toEqual(['ruleId', 'severity', 'message', 'targets']);
    const core = validate(loadFixture(ERRORS), { reuse: false }).map(({ ruleId, severity, message, targets }) => ({ ruleId, severity, message, targets }));
    expect(out).toEqual(core);
    expect(out.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual(['missing-timeout', 'shared-database']);
  });

  it('sarif: valid SARIF 2.1.0 with rule help, levels, logical and physical locations', { timeout: SLOW }, async () => {
    const r = await runBin(['validate', ERRORS, '--format', 'sarif']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as Log;
    const check = sarifValidator();
    expect(check(log), JSON.stringify(check.errors, null, 2)).toBe(true);

    const run = log.runs[0];
    const rules = run.tool.driver.rules!;
    const timeout = rules.find((x) => x.id === 'missing-timeout')!;
    expect(timeout.name).toBe('MissingTimeout');
    expect(timeout.shortDescription?.text).toBeTruthy();
    expect(timeout.fullDescription?.text).toBeTruthy();
    expect(timeout.help?.markdown).toMatch(/\*\*Why it matters\.\*\*[\s\S]*\*\*How to fix\.\*\*[\s\S]*\*\*References\*\*/);
    expect(timeout.help?.text).toMatch(/How to fix:/);
    expect(timeout.helpUri).toMatch(/^https:\/\//);
    expect(timeout.defaultConfiguration?.level).toBe('error');

    const results = run.results!;
    expect(results.map((x) => [x.ruleId, x.level])).toEqual([
      ['missing-timeout', 'error'],
      ['shared-database', 'error'],
      ['missing-circuit-breaker', 'warning'],
      ['plaintext-service-traffic', 'note'],
      ['plaintext-service-traffic', 'note'],
    ]);
    for (const res of results) {
      expect(rules[res.ruleIndex!].id).toBe(res.ruleId);
      expect(res.message.text).toBeTruthy();
    }
    const shared = results[1];
    const loc = shared.locations![0];
    expect(loc.physicalLocation?.artifactLocation?.uri).toBe(ERRORS);
    // The database is defined on the line of its list item in the YAML.
    const lines = readFileSync(path.join(ROOT, ERRORS), 'utf8').split('\n');
    expect(lines[loc.physicalLocation!.region!.startLine! - 1]).toMatch(/- kind: database/);
    expect(loc.logicalLocations![0]).toMatchObject({ name: 'shop-db', fullyQualifiedName: 'nodes/shop-db', kind: 'database' });
    expect(loc.logicalLocations!.map((l) => l.name)).toEqual(['shop-db', 'orders', 'payments', 'orders → shop-db', 'payments → shop-db']);
    expect(shared.relatedLocations?.length).toBe(4);
  });

  it('sarif: a clean design is a valid log with every rule that ran and exit 0', { timeout: SLOW }, async () => {
    const r = await runBin(['validate', CLEAN, '--format', 'sarif', '--profile', 'grpc-kafka']);
    expect(r.code).toBe(0);
    const log = JSON.parse(r.stdout) as Log;
    expect(sarifValidator()(log)).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.rules!.map((x) => x.id)).toContain('non-grpc-sync-call');
    // JSON input: the line of the node's object in the file.
    const lines = readFileSync(path.join(ROOT, CLEAN), 'utf8').split('\n');
    for (const res of run.results!.filter((x) => (x.properties as { targets: string[] }).targets.length > 0)) {
      const line = res.locations![0].physicalLocation!.region!.startLine!;
      const id = (res.properties as { targets: string[] }).targets[0];
      expect(lines[line - 1]).toContain(`"id": "${id}"`);
    }
    // The profile raised severities: declared as configuration overrides.
    expect(run.invocations![0].ruleConfigurationOverrides).toContainEqual(
      expect.objectContaining({ descriptor: expect.objectContaining({ id: 'missing-health-check' }), configuration: { level: 'error' } }),
    );
  });

  it('--help prints usage', { timeout: SLOW }, async () => {
    const r = await runBin(['validate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: archwright validate <design file>/);
  });
});

describe('archwright validate: bad input (bin) never shows a stack trace', () => {
  it('missing file', { timeout: SLOW }, async () => {
    expectOneLineError(await runBin(['validate', 'no/such/design.yaml']), /Cannot read no\/such\/design\.yaml: no such file\./);
  });

  it('garbage bytes', { timeout: SLOW }, async () => {
    const file = path.join(tmp, 'garbage.yaml');
    writeFileSync(file, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    expectOneLineError(await runBin(['validate', file]), /not a text file/);
    writeFileSync(file, '{{{ ]]] :::\n  - - -\n\t"');
    expectOneLineError(await runBin(['validate', file]), /not valid YAML \(line \d+, column \d+\)/);
  });

  it('a huge file, without reading it all', { timeout: SLOW }, async () => {
    const file = path.join(tmp, 'huge.json');
    writeFileSync(file, Buffer.alloc(21 * 1024 * 1024, 0x20));
    expectOneLineError(await runBin(['validate', file]), /designs are limited to 5 MB/);
    writeFileSync(file, `{"archwright": 1, "design": {"name": "${'x'.repeat(6 * 1024 * 1024)}"}}`);
    expectOneLineError(await runBin(['validate', file]), /designs are limited to 5 MB/);
  });

  it('hostile names: control and bidi characters never reach the terminal raw', { timeout: SLOW }, async () => {
    const file = path.join(tmp, 'hostile.archwright.json');
    const design = JSON.parse(readFileSync(path.join(ROOT, ERRORS.replace('errors.archwright.yaml', 'clean.archwright.json')), 'utf8'));
    design.design.name = 'Evil\u001b[2J\u001b]0;pwned\u0007\u202e\nshop';
    design.design.events = [{ id: 'ev', name: 'Order\u001b[31mPlaced\u2066\r', fields: [] }];
    writeFileSync(file, JSON.stringify(design));
    const r = await runBin(['validate', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Evil\\u001b[2J');
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e\u2066]/);

    const named = await runBin(['validate', 'evil\u001b[31m\u202e.yaml']);
    expectOneLineError(named, /Cannot read evil\\u001b\[31m\\u202e\.yaml: no such file/);
    expect(named.stderr).not.toContain('\u001b');
  });

  it('a newer design format, a compose file, an unknown profile, bad flags', { timeout: SLOW }, async () => {
    const newer = path.join(tmp, 'newer.archwright.yaml');
    writeFileSync(newer, 'archwright: 999\ndesign:\n  name: Future\n');
    expectOneLineError(await runBin(['validate', newer]), /newer Archwright \(design format 999\)/);
    const compose = path.join(tmp, 'docker-compose.yml');
    writeFileSync(compose, 'services:\n  web:\n    image: nginx\n');
    expectOneLineError(await runBin(['validate', compose]), /importing compose files is not supported yet/);
    expectOneLineError(await runBin(['validate', ERRORS, '--profile', 'lenient']), /Unknown profile "lenient"/);
    expectOneLineError(await runBin(['validate', ERRORS, '--format']), /--format needs a value/);
  });
});

describe('archwright export (bin)', () => {
  const templates = loadTemplatesFromDisk(path.join(ROOT, 'templates'));

  it('writes a zip with the exact bytes the UI worker produces, and a directory with the same files', { timeout: SLOW }, async () => {
    const zipPath = path.join(tmp, 'out', 'shop.zip');
    const dir = path.join(tmp, 'shop');
    const design = loadFixture(ERRORS);
    const expected = await exportProjectZip(design, { date: '2026-02-03', targets: ['compose', 'k8s'] }, templates);

    const z = await runBin(['export', ERRORS, '--out', zipPath, '--date', '2026-02-03', '--target', 'k8s,compose']);
    expect(z.code, z.stderr).toBe(0);
    expect(z.stdout).toMatch(/^Wrote \d+ files? to .*shop\.zip \(date 2026-02-03, targets compose, k8s\)/);
    expect(z.stderr).toMatch(/^note: the design has 2 error-level findings/);
    expect(Buffer.from(readFileSync(zipPath)).equals(Buffer.from(expected.zip))).toBe(true);

    const d = await runBin(['export', ERRORS, '--out', dir, '--date', '2026-02-03', '--target', 'compose,k8s']);
    expect(d.code, d.stderr).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(zipPath));
    const zipped = Object.values(zip.files).filter((f) => !f.dir);
    expect(zipped.map((f) => f.name)).toEqual(expected.files.map((f) => f.path));
    const onDisk: string[] = [];
    const walk = (sub: string) => {
      for (const e of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
        const rel = sub ? `${sub}/${e.name}` : e.name;
        if (e.isDirectory()) walk(rel);
        else onDisk.push(rel);
      }
    };
    walk('');
    expect(onDisk.sort()).toEqual(zipped.map((f) => f.name).sort());
    for (const entry of zipped) {
      expect(readFileSync(path.join(dir, entry.name), 'utf8')).toBe(await entry.async('string'));
      expect(statSync(path.join(dir, entry.name)).mode & 0o777).toBe(Number(entry.unixPermissions) & 0o777);
    }

    // A non-empty directory is refused without --force, accepted with it.
    expectOneLineError(await runBin(['export', ERRORS, '--out', dir]), /is not empty; choose an empty directory or pass --force/);
    expectOneLineError(await runBin(['export', ERRORS, '--out', zipPath]), /exists; pass --force to overwrite it/);
    const forced = await runBin(['export', ERRORS, '--out', zipPath, '--force'], { env: { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 1, 3, 15) / 1000) } });
    expect(forced.code, forced.stderr).toBe(0);
    const fromEpoch = await exportProjectZip(design, { date: '2026-02-03' }, templates);
    expect(Buffer.from(readFileSync(zipPath)).equals(Buffer.from(fromEpoch.zip))).toBe(true);
  });

  it('rejects bad options with one line and exit 2', { timeout: SLOW }, async () => {
    expectOneLineError(await runBin(['export', ERRORS, '--out', path.join(tmp, 'x'), '--stack', 'cobol']), /Unknown stack "cobol"/);
    expectOneLineError(await runBin(['export', ERRORS]), /Missing --out/);
  });

  it('the bin is executable and starts from any directory', { timeout: SLOW }, async () => {
    expect(statSync(BIN).mode & 0o111).not.toBe(0);
    const r = await runBin(['validate', path.join(FIXTURES, 'clean.archwright.json'), '--format', 'json'], { cwd: tmp });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(2);
  });
});
