import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { designSchema } from '@/lib/model';
import { QUICK_FIXES, validate, validateDetailed, type QuickFixId } from '@/lib/validation';
import { PROFILE_IDS } from '@/lib/validation';
import { designArb, plausibleDesignArb } from '@/lib/validation/test-arbitraries';
import { applyQuickFix } from './index';
import { deepFreeze } from './test-utils';

const FIX_IDS = Object.keys(QUICK_FIXES) as QuickFixId[];

describe('quick fixes on random schema-valid designs', () => {
  it('every offered fix (and one arbitrary fix per finding) never fails internally and yields a schema-valid design', () => {
    fc.assert(
      fc.property(fc.oneof(designArb, plausibleDesignArb, plausibleDesignArb), fc.constantFrom(...FIX_IDS), (random, extra) => {
        for (const profile of PROFILE_IDS) {
          const design = deepFreeze({ ...random, settings: { ...random.settings, profile } });
          const snapshot = JSON.stringify(design);
          for (const finding of validate(design, { reuse: false })) {
            const ids = new Set<QuickFixId>([...(finding.fixes ?? []).map((f) => f.id), extra]);
            for (const id of ids) {
              const result = applyQuickFix(design, finding, id);
              // applyQuickFix turns exceptions into this message: it must never be needed.
              if (!result.ok) {
                expect(result.error, `${id} on ${finding.ruleId}`).not.toMatch(/^The fix failed/);
                continue;
              }
              const parsed = designSchema.safeParse(result.design);
              expect(parsed.success, `${id} on ${finding.ruleId}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 2))}`).toBe(true);
              expect(result.design).not.toBe(design);
              expect(validateDetailed(result.design, { reuse: false }).failures).toEqual([]);
            }
          }
          expect(JSON.stringify(design)).toBe(snapshot);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 150) },
    );
  }, 600_000);
});
