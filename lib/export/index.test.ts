import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { parseDesignText, type Design } from '@/lib/model';
import { generateProject, resolveOptions } from '@/lib/generators';
import { exportProject, exportProjectZip, stackForAll, todayUtc, zipFileName, zipFiles } from './index';
import { loadTemplatesFromDisk } from './node';

const root = path.resolve(__dirname, '../..');
const templates = loadTemplatesFromDisk(path.join(root, 'templates'));

function load(file: string): Design {
  const r = parseDesignText(readFileSync(path.join(root, file), 'utf8'), file);
  if (!r.ok) throw new Error(r.error);
  return r.design;
}

describe('exportProject', () => {
  const design = load('templates/designs/ecommerce.archwright.yaml');

  it('is generateProject over resolveOptions, with the date passed through', () => {
    const partial = { date: '2026-05-06', targets: ['compose' as const] };
    const result = exportProject(design, partial, templates);
    expect(result.options).toEqual(resolveOptions(design, partial));
    expect(result.files).toEqual(generateProject(design, resolveOptions(design, partial), templates));
  });

  it('zips exactly the generated files, deterministically', async () => {
    const a = await exportProjectZip(design, { date: '2026-05-06' }, templates);
    const b = await exportProjectZip(design, { date: '2026-05-06' }, templates);
    expect(Buffer.from(a.zip).equals(Buffer.from(b.zip))).toBe(true);
    expect(Buffer.from(a.zip).equals(Buffer.from(await zipFiles(a.files, { date: '2026-05-06' })))).toBe(true);
    const zip = await JSZip.loadAsync(a.zip);
    const entries = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name);
    expect(entries).toEqual(a.files.map((f) => f.path));
  });
});

describe('helpers', () => {
  it('stackForAll picks a stack for every service and nothing else', () => {
    const design = load('lib/cli/fixtures/errors.archwright.yaml');
    expect(stackForAll(design, 'fastapi')).toEqual({ orders: 'fastapi', payments: 'fastapi' });
  });
  it('todayUtc is the UTC date', () => {
    expect(todayUtc(Date.UTC(2026, 0, 31, 23, 59))).toBe('2026-01-31');
  });
  it('zipFileName keeps file names safe', () => {
    const d = (name: string) => ({ name }) as Design;
    expect(zipFileName(d('E-commerce'))).toBe('E-commerce.zip');
    expect(zipFileName(d('../../etc/passwd'))).toBe('etc-passwd.zip');
    expect(zipFileName(d('Café Ørders ✓'))).toBe('Cafe-rders.zip');
    expect(zipFileName(d('✓✓'))).toBe('archwright-project.zip');
  });
});

describe('browser safety', () => {
  it('the worker path (index, zip, templates) imports nothing from Node', () => {
    for (const file of ['index.ts', 'zip.ts', 'templates.ts']) {
      const source = readFileSync(path.join(__dirname, file), 'utf8');
      expect(source, file).not.toMatch(/from ['"](node:|fs['"]|path['"])|require\(|['"]\.\/node['"]/);
    }
  });
});
