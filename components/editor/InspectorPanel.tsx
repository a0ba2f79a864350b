'use client';

import { Suspense, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useCanvasInteractive } from '@/components/canvas/useCanvasInteractive';
import { lazyPart } from './lazyPart';

// The forms for every element kind load once the canvas is interactive (first-load budget).
const Inspector = lazyPart(() => import('@/components/inspector/Inspector').then((m) => m.Inspector), 'inspector');
const pending = <div aria-busy="true" className="flex-1" />;

const KEY = 'archwright.inspectorWidth';
const MIN = 260;
const MAX = 560;
const DEFAULT = 320;
const clamp = (w: number) => Math.min(MAX, Math.max(MIN, Math.round(w)));

function storedWidth(): number {
  try {
    const n = Number(window.localStorage.getItem(KEY));
    return Number.isFinite(n) && n > 0 ? clamp(n) : DEFAULT;
  } catch {
    return DEFAULT;
  }
}

function storeWidth(w: number) {
  try {
    window.localStorage.setItem(KEY, String(w));
  } catch {
    // Non-essential.
  }
}

/** The right-hand panel: the inspector, resizable by dragging (or arrow keys on) its left edge. */
export function InspectorPanel() {
  // The editor renders only on the client (after boot), so reading storage here is safe.
  const [width, setWidth] = useState(storedWidth);
  const ready = useCanvasInteractive();
  const drag = useRef<{ x: number; w: number } | null>(null);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, w: width };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) setWidth(clamp(drag.current.w + drag.current.x - e.clientX));
  };
  const onPointerUp = () => {
    if (!drag.current) return;
    drag.current = null;
    storeWidth(width);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 64 : 16;
    const next = e.key === 'ArrowLeft' ? width + step : e.key === 'ArrowRight' ? width - step : e.key === 'Home' ? MAX : e.key === 'End' ? MIN : null;
    if (next === null) return;
    e.preventDefault();
    setWidth(clamp(next));
    storeWidth(clamp(next));
  };

  return (
    <aside aria-label="Inspector" className="relative flex shrink-0 flex-col border-l border-neutral-200 bg-white dark:border-neutral-800 dark:bg-neutral-900" style={{ width }}>
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize inspector"
        aria-valuemin={MIN}
        aria-valuemax={MAX}
        aria-valuenow={width}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
        onDoubleClick={() => {
          setWidth(DEFAULT);
          storeWidth(DEFAULT);
        }}
        title="Drag to resize; double-click to reset"
        className="absolute inset-y-0 -left-1 z-10 w-2 cursor-col-resize touch-none hover:bg-sky-500/30 focus-visible:bg-sky-500/40 focus-visible:outline-none"
      />
      {ready ? <Suspense fallback={pending}><Inspector /></Suspense> : pending}
    </aside>
  );
}
