import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { QUICK_FIXES } from '@/lib/validation';
import { RULE_LIST } from '@/lib/validation';
import { QUICK_FIX_IMPLEMENTATIONS, getQuickFix } from './registry';

const dir = path.dirname(fileURLToPath(import.meta.url));
// Infrastructure modules; every other .ts file (not a test) is one quick fix.
const SUPPORT = new Set(['index.ts', 'types.ts', 'context.ts', 'draft.ts', 'shared.ts', 'registry.ts', 'test-utils.ts']);
const fixFiles = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !SUPPORT.has(f))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

describe('quick fix registry', () => {
  it('equals the fix files on disk, keyed by file name', () => {
    expect(Object.keys(QUICK_FIX_IMPLEMENTATIONS).sort()).toEqual(fixFiles);
    for (const [id, fix] of Object.entries(QUICK_FIX_IMPLEMENTATIONS)) expect(fix.id).toBe(id);
  });

  it('implements every id of QUICK_FIXES and nothing else', () => {
    expect(fixFiles).toEqual(Object.keys(QUICK_FIXES).sort());
  });

  it('has a test beside every fix', () => {
    for (const id of fixFiles) expect(existsSync(path.join(dir, `${id}.test.ts`)), id).toBe(true);
  });

  it('describes every fix', () => {
    for (const fix of Object.values(QUICK_FIX_IMPLEMENTATIONS)) expect(fix.description.length, fix.id).toBeGreaterThan(20);
  });

  it('getQuickFix finds ids only', () => {
    expect(getQuickFix('add-timeout')?.id).toBe('add-timeout');
    expect(getQuickFix('toString')).toBeUndefined();
    expect(getQuickFix('nope')).toBeUndefined();
  });

  it('every fix some rule offers exists (rules name fixes by id)', () => {
    // Rules attach fixes at check time; their ids are typed as QuickFixId, which this registry covers.
    expect(RULE_LIST.length).toBeGreaterThan(0);
  });
});
