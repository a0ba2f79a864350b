import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTemplateRecord, loadTemplatesFromDisk } from './node';
import { templatesFromRecord } from './templates';

describe('templatesFromRecord', () => {
  const t = templatesFromRecord({ 'fastify/src/main.ts': 'main', 'fastify/package.json': '{}', 'nestjs/a.ts': 'a', 'fastapi/app.py': 'py' });
  it('gets templates and lists them by prefix in code-unit order', () => {
    expect(t.get('nestjs/a.ts')).toBe('a');
    expect(t.list('fastify/')).toEqual(['fastify/package.json', 'fastify/src/main.ts']);
    expect(t.list('')).toEqual(['fastapi/app.py', 'fastify/package.json', 'fastify/src/main.ts', 'nestjs/a.ts']);
    expect(t.list('go/')).toEqual([]);
  });
  it('names a missing template clearly', () => {
    expect(() => t.get('fastify/nope.ts')).toThrow('Template not found: templates/fastify/nope.ts');
  });
  it('rejects non-text values (a corrupt bundle)', () => {
    expect(() => templatesFromRecord({ a: 1 } as never)).toThrow(/not text/);
  });
});

describe('loadTemplatesFromDisk', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'aw-templates-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, 'designs'), { recursive: true });
  mkdirSync(path.join(dir, 'fastify', 'src', 'routes'), { recursive: true });
  writeFileSync(path.join(dir, 'designs', 'shop.archwright.yaml'), 'archwright: 1\n');
  writeFileSync(path.join(dir, 'fastify', 'src', 'routes', 'health.ts'), 'health\n');
  writeFileSync(path.join(dir, 'fastify', '.dockerignore'), 'node_modules\n');
  writeFileSync(path.join(dir, 'README.md'), 'top\n');
  symlinkSync(path.join(dir, 'README.md'), path.join(dir, 'fastify', 'link.md'));

  it('reads every file except designs/ and symlinks, keyed by POSIX path relative to the folder', () => {
    expect(loadTemplateRecord(dir)).toEqual({ 'README.md': 'top\n', 'fastify/.dockerignore': 'node_modules\n', 'fastify/src/routes/health.ts': 'health\n' });
    expect(loadTemplatesFromDisk(dir).list('fastify/')).toEqual(['fastify/.dockerignore', 'fastify/src/routes/health.ts']);
  });
});
