import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDesignText, type Design } from '@/lib/model';
import { validateDetailed, type Finding } from '@/lib/validation';
import { DESIGN_TEMPLATES } from './catalog';

const dir = path.dirname(fileURLToPath(import.meta.url));

function load(file: string): Design {
  const result = parseDesignText(readFileSync(path.join(dir, file), 'utf8'), file);
  if (!result.ok) throw new Error(`${file}: ${result.error}`);
  return result.design;
}

/** `ruleId primary-target` ("design" for design-wide findings). */
const key = (f: Finding) => `${f.ruleId} ${f.targets[0] ?? 'design'}`;

/**
 * Every finding each starter template has under its own profile. A template shows good practice,
 * so nothing may be reported: each finding is either fixed in the YAML or intended, and an
 * intended one is suppressed in the template's settings with the reason it demonstrates.
 * `suppressed` lists the intended ones; adding a finding to a template means adding it here.
 */
const EXPECTED: Record<string, { profile: string; suppressed: string[] }> = {
  'ecommerce.archwright.yaml': { profile: 'recommended', suppressed: [] },
  'fintech.archwright.yaml': { profile: 'event-driven-gateway', suppressed: [] },
  'social.archwright.yaml': { profile: 'grpc-kafka', suppressed: [] },
  'saas.archwright.yaml': { profile: 'recommended', suppressed: [] },
  'restaurant.archwright.yaml': { profile: 'recommended', suppressed: [] },
};

describe('starter template findings', () => {
  it('covers every template', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(DESIGN_TEMPLATES.map((t) => t.file).sort());
  });

  for (const t of DESIGN_TEMPLATES) {
    describe(t.file, () => {
      const design = load(t.file);
      const expected = EXPECTED[t.file];
      const result = validateDetailed(design, { reuse: false });

      it('runs under its own profile with a clean rule configuration', () => {
        expect(result.profile).toBe(expected.profile);
        expect(result.issues).toEqual([]);
        expect(result.failures).toEqual([]);
      });

      it('reports nothing: every finding is fixed or intended', () => {
        expect(result.findings.map((f) => `${key(f)}: ${f.message}`)).toEqual([]);
      });

      it('lists its intended findings, each suppressed with a reason', () => {
        expect(result.suppressed.map((s) => key(s.finding))).toEqual(expected.suppressed);
        for (const s of result.suppressed) expect(s.suppression.reason.trim().length, key(s.finding)).toBeGreaterThanOrEqual(20);
      });

      it('has no stale suppressions', () => {
        const used = new Set(result.suppressed.map((s) => `${s.suppression.ruleId} ${s.suppression.targetId}`));
        for (const s of design.settings.suppressions) expect(used, `${s.ruleId} on ${s.targetId}`).toContain(`${s.ruleId} ${s.targetId}`);
      });
    });
  }
});
