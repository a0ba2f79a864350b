'use client';

import { Suspense } from 'react';
import { ResizeHandle, usePanelSize } from '@/components/ui/ResizeHandle';
import { useCanvasInteractive } from '@/components/canvas/useCanvasInteractive';
import { lazyPart } from './lazyPart';

// The forms for every element kind load once the canvas is interactive (first-load budget).
const Inspector = lazyPart(() => import('@/components/inspector/Inspector').then((m) => m.Inspector), 'inspector');
const pending = <div aria-busy="true" className="flex-1" />;

const SIZE = { storageKey: 'archwright.inspectorWidth', min: 260, max: () => 560, defaultSize: 320 };

/** The right-hand panel: the inspector, resizable by dragging (or arrow keys on) its left edge. */
export function InspectorPanel() {
  const [width, setWidth] = usePanelSize(SIZE);
  const ready = useCanvasInteractive();

  return (
    <aside aria-label="Inspector" className="relative flex shrink-0 flex-col border-l border-neutral-200 bg-white dark:border-neutral-800 dark:bg-neutral-900" style={{ width }}>
      <ResizeHandle
        orientation="vertical"
        label="Resize inspector"
        size={width}
        min={SIZE.min}
        max={SIZE.max()}
        onResize={setWidth}
        grow={-1}
        step={16}
        largeStep={64}
        defaultSize={SIZE.defaultSize}
        className="absolute inset-y-0 -left-1 w-2 cursor-col-resize"
      />
      {ready ? <Suspense fallback={pending}><Inspector /></Suspense> : pending}
    </aside>
  );
}
