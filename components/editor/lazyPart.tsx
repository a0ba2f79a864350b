'use client';

import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { loadModel } from '@/lib/store';
import { useCanvasInteractive } from '@/components/canvas/useCanvasInteractive';

/**
 * A component loaded on first render, by default together with the zod-backed model its actions
 * validate with (lib/store/model.ts), so it never runs before the model is there. A chunk that
 * fails to load (offline) renders a short note instead of taking the editor down.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, what: string, opts: { withModel?: boolean } = {}): ComponentType<P> {
  const withModel = opts.withModel ?? true;
  return lazy(() =>
    Promise.all([load(), withModel ? loadModel() : null]).then(
      ([Component]) => ({ default: Component }),
      (e: unknown) => ({
        default: function LoadFailed() {
          return (
            <p role="alert" className="p-4 text-sm text-red-700 dark:text-red-400">
              The {what} could not be loaded ({e instanceof Error ? e.message : String(e)}). Reload the page to try again.
            </p>
          );
        },
      }),
    ),
  );
}

/**
 * A part of the editor that is not needed to use the canvas (toolbar, status bar, search…): it
 * renders `placeholder` until the canvas is interactive, then loads. Keeps the first load to what
 * the canvas needs (DESIGN §7); the part follows a moment later.
 */
export function afterCanvas<P extends object>(load: () => Promise<ComponentType<P>>, what: string, placeholder: ReactNode = null): ComponentType<P> {
  const Part = lazyPart(load, what, { withModel: false });
  function AfterCanvas(props: P) {
    const ready = useCanvasInteractive();
    if (!ready) return placeholder;
    return (
      <Suspense fallback={placeholder}>
        <Part {...props} />
      </Suspense>
    );
  }
  AfterCanvas.displayName = `AfterCanvas(${what})`;
  return AfterCanvas;
}
