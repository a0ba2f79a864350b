import type { Design } from '@/lib/model';
import type { Finding, QuickFixId } from '@/lib/validation';
import { createFixContext } from './context';
import { QUICK_FIX_IMPLEMENTATIONS } from './registry';
import type { FixResult } from './types';

export type { FixResult, FixContext, QuickFix, Selection } from './types';
export { QUICK_FIX_IMPLEMENTATIONS, getQuickFix } from './registry';
export { Draft, absolutePosition } from './draft';

/** Applies quick fix `fixId` for `finding` to `design` (never mutates the input). */
export function applyQuickFix(design: Design, finding: Finding, fixId: QuickFixId): FixResult {
  const fix = Object.prototype.hasOwnProperty.call(QUICK_FIX_IMPLEMENTATIONS, fixId) ? QUICK_FIX_IMPLEMENTATIONS[fixId] : undefined;
  if (!fix) return { ok: false, error: `Unknown quick fix "${String(fixId)}".` };
  try {
    return fix.apply(createFixContext(design, finding));
  } catch (err) {
    // A fix must never take the editor down: a bug becomes a message instead.
    return { ok: false, error: `The fix failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** Whether the fix can apply to this finding in this design (for enabling buttons). */
export function canApplyQuickFix(design: Design, finding: Finding, fixId: QuickFixId): boolean {
  return applyQuickFix(design, finding, fixId).ok;
}
