'use client';

import { memo, type DragEvent } from 'react';
import clsx from 'clsx';
import type { NodeKind } from '@/lib/model';
import { NODE_KIND_INFO, NODE_KINDS } from '@/lib/model/kinds';
import { useEditorContext } from '@/components/editor/EditorContext';
import { KIND_ICON } from '@/components/canvas/ArchNode';
import { canvasCommands } from '@/components/canvas/canvasCommands';
import { addNodeAt, PALETTE_MIME } from '@/components/canvas/geometry';
import { KIND_COLOR } from '@/components/canvas/kinds';

function onDragStart(e: DragEvent<HTMLButtonElement>, kind: NodeKind) {
  e.dataTransfer.setData(PALETTE_MIME, kind);
  e.dataTransfer.effectAllowed = 'copy';
}

/**
 * The node palette: one button per node kind, named exactly by the kind's title (browser tests
 * and screen readers find them by it). Drag one onto the canvas, or click to add it at the
 * centre of the view.
 */
function PaletteImpl({ className, compact = false }: { className?: string; compact?: boolean }) {
  const { store, ui } = useEditorContext();

  const add = (kind: NodeKind) => {
    // Without a mounted canvas there is no view: fall back to near the origin.
    const center = canvasCommands.viewportCenter() ?? { x: 200, y: 120 };
    addNodeAt(store, kind, center, { snapToGrid: ui.getState().snapToGrid, avoidStacking: true });
  };

  return (
    <section aria-labelledby="palette-heading" className={clsx('flex flex-col gap-1', className)}>
      <h2 id="palette-heading" className={clsx('px-1 text-[11px] font-semibold tracking-wider text-neutral-500 uppercase dark:text-neutral-400', compact && 'sr-only')}>
        Components
      </h2>
      <ul className="flex flex-col gap-1">
        {NODE_KINDS.map((kind) => {
          const info = NODE_KIND_INFO[kind];
          const Icon = KIND_ICON[kind];
          return (
            <li key={kind}>
              <button
                type="button"
                draggable
                aria-label={info.title}
                title={`${info.blurb}. Drag onto the canvas or click to add.`}
                data-kind={kind}
                onDragStart={(e) => onDragStart(e, kind)}
                onClick={() => add(kind)}
                className={clsx(
                  'group flex w-full cursor-grab items-center gap-2 rounded-md border border-transparent text-left active:cursor-grabbing',
                  'hover:border-neutral-300 hover:bg-white dark:hover:border-neutral-700 dark:hover:bg-neutral-900',
                  'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-500',
                  compact ? 'justify-center p-1.5' : 'px-1.5 py-1',
                )}
              >
                <span
                  aria-hidden="true"
                  className="flex size-7 shrink-0 items-center justify-center rounded-md text-white shadow-sm"
                  style={{ background: KIND_COLOR[kind] }}
                >
                  <Icon className="size-4" />
                </span>
                {compact ? null : (
                  <span aria-hidden="true" className="min-w-0 flex-1">
                    <span className="block truncate text-sm font-medium text-neutral-800 dark:text-neutral-100">{info.title}</span>
                    <span className="block truncate text-[11px] text-neutral-500 dark:text-neutral-400">{info.blurb}</span>
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      {compact ? null : <p className="px-1 pt-1 text-[11px] text-neutral-500 dark:text-neutral-400">Drag onto the canvas or click to add.</p>}
    </section>
  );
}

export const Palette = memo(PaletteImpl);
