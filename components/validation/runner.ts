/**
 * Re-validates the design after structural edits, off the critical path: the editor store's
 * structureRevision (never bumped by moves, drags or layouts) schedules a run after a short
 * debounce, in an idle period; the engine loads on first use. The canvas never waits for it.
 */
import type { EditorStore } from '@/lib/store';
import { buildMarks, countFindings, describeTargets, keyFindings, keySuppressed } from './model';
import type { ValidationLib, ValidationStore } from './store';

export const VALIDATION_DEBOUNCE_MS = 150;

export interface RunnerOptions {
  /** Loads the engine (default: a dynamic import, so it stays out of the first load). */
  load?: () => Promise<ValidationLib>;
  debounceMs?: number;
  /** Runs a task when the browser is idle (default: requestIdleCallback, else a timeout). */
  idle?: (task: () => void) => () => void;
}

const loadEngine = (): Promise<ValidationLib> => import('@/lib/validation');

function browserIdle(task: () => void): () => void {
  if (typeof window !== 'undefined' && typeof window.requestIdleCallback === 'function') {
    // The timeout bounds the wait on a busy page: findings still arrive within half a second.
    const h = window.requestIdleCallback(() => task(), { timeout: 500 });
    return () => window.cancelIdleCallback(h);
  }
  const h = setTimeout(task, 0);
  return () => clearTimeout(h);
}

/** Validates `editor`'s design into `target` now and after every structural edit; returns dispose. */
export function attachValidation(editor: EditorStore, target: ValidationStore, opts: RunnerOptions = {}): () => void {
  const load = opts.load ?? loadEngine;
  const debounceMs = opts.debounceMs ?? VALIDATION_DEBOUNCE_MS;
  const idle = opts.idle ?? browserIdle;
  let disposed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelIdle: (() => void) | undefined;
  let lib: ValidationLib | null = target.getState().lib;
  let loading: Promise<ValidationLib> | null = null;

  const run = () => {
    cancelIdle = undefined;
    if (disposed) return;
    if (!lib) {
      loading ??= load();
      loading.then(
        (m) => {
          lib = m;
          if (disposed) return;
          target.getState().set({ lib: m });
          run();
        },
        (e: unknown) => {
          loading = null;
          if (!disposed) target.getState().set({ status: 'failed', error: e instanceof Error ? e.message : String(e) });
        },
      );
      return;
    }
    const { design, structureRevision } = editor.getState();
    if (structureRevision === target.getState().revision) return;
    let result;
    try {
      result = lib.validateDetailed(design);
    } catch (e) {
      // The engine reports rule failures itself; this is a bug in the engine: say so, keep editing.
      target.getState().set({ status: 'failed', error: e instanceof Error ? e.message : String(e), revision: structureRevision });
      return;
    }
    const prev = target.getState();
    const findings = keyFindings(result.findings);
    const suppressed = keySuppressed(result.suppressed);
    const counts = countFindings(result.findings);
    const same = (a: typeof prev.counts, b: typeof counts) => a.error === b.error && a.warning === b.warning && a.info === b.info;
    prev.set({
      status: 'ready',
      error: null,
      revision: structureRevision,
      profile: result.profile,
      findings,
      suppressed,
      counts: same(prev.counts, counts) ? prev.counts : counts,
      marks: buildMarks(result.findings, prev.marks),
      elements: describeTargets(design, [...result.findings, ...result.suppressed.map((s) => s.finding)]),
      issues: [...result.issues.map((i) => i.message), ...result.failures.map((f) => `Rule ${f.ruleId} failed: ${f.error}`)],
    });
  };

  const schedule = () => {
    if (disposed) return;
    if (timer !== undefined) clearTimeout(timer);
    cancelIdle?.();
    cancelIdle = undefined;
    timer = setTimeout(() => {
      timer = undefined;
      cancelIdle = idle(run);
    }, debounceMs);
  };

  const unsubscribe = editor.subscribe((s, p) => {
    if (s.structureRevision !== p.structureRevision) schedule();
  });
  schedule();

  return () => {
    disposed = true;
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
    cancelIdle?.();
  };
}
