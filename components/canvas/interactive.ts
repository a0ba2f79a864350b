/**
 * "The canvas can be used": React Flow has initialised (viewport ready, nodes measured) and the
 * editor's handlers are attached. Marked once per page, as a User Timing mark the first-load
 * benchmark reads (bench/first-load.ts), and as a signal for work that waits until then (loading
 * the schema, validation, dialogs).
 */
export const CANVAS_INTERACTIVE_MARK = 'archwright:canvas-interactive';

let reached = false;
const waiting = new Set<() => void>();

/** Called by the canvas when React Flow reports it is initialised. Idempotent. */
export function markCanvasInteractive(): void {
  if (reached) return;
  reached = true;
  try {
    performance.mark(CANVAS_INTERACTIVE_MARK);
  } catch {
    // No User Timing (very old browsers): the signal below still fires.
  }
  const run = [...waiting];
  waiting.clear();
  for (const f of run) f();
}

/** Whether the canvas has become interactive on this page. */
export function isCanvasInteractive(): boolean {
  return reached;
}

/** Runs `task` once the canvas is interactive (soon, if it already is); returns a cancel function. */
export function whenCanvasInteractive(task: () => void): () => void {
  if (reached) {
    const h = setTimeout(task, 0);
    return () => clearTimeout(h);
  }
  waiting.add(task);
  return () => void waiting.delete(task);
}
