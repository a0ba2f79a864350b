'use client';

import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';

export interface PanelSizeOptions {
  /** localStorage key the size is kept under. */
  storageKey: string;
  min: number;
  /** Upper bound, read when needed (it may follow the window). */
  max: () => number;
  defaultSize: number;
}

function clampTo(opts: PanelSizeOptions, size: number): number {
  return Math.min(opts.max(), Math.max(opts.min, Math.round(size)));
}

function readSize(opts: PanelSizeOptions): number {
  try {
    const n = Number(window.localStorage.getItem(opts.storageKey));
    return Number.isFinite(n) && n > 0 ? clampTo(opts, n) : opts.defaultSize;
  } catch {
    return opts.defaultSize;
  }
}

function saveSize(key: string, size: number) {
  try {
    window.localStorage.setItem(key, String(size));
  } catch {
    // Storage may be unavailable (private mode): the size just is not kept.
  }
}

/**
 * A panel's size, kept in localStorage, clamped to its bounds. Read on first render: the editor
 * renders only on the client, after boot.
 */
export function usePanelSize(opts: PanelSizeOptions): [number, (size: number, save?: boolean) => void] {
  const [size, setSize] = useState(() => readSize(opts));
  const set = (next: number, save = true) => {
    const s = clampTo(opts, next);
    setSize(s);
    if (save) saveSize(opts.storageKey, s);
  };
  return [size, set];
}

interface ResizeHandleProps {
  /** `vertical` for a left/right edge (resizes width), `horizontal` for a top/bottom edge. */
  orientation: 'vertical' | 'horizontal';
  label: string;
  size: number;
  min: number;
  max: number;
  /** Sets the size; `save: false` while a drag is in progress (saved when it ends). */
  onResize: (size: number, save?: boolean) => void;
  /** Which way the panel grows: -1 when moving the pointer left/up makes it larger. */
  grow: 1 | -1;
  /** Arrow-key steps (Shift for the large one). */
  step: number;
  largeStep: number;
  defaultSize: number;
  className: string;
}

/**
 * The draggable edge of a resizable panel, as an ARIA separator: pointer drag, arrow keys
 * (Shift for larger steps), Home/End for the bounds, double-click to reset.
 */
export function ResizeHandle({ orientation, label, size, min, max, onResize, grow, step, largeStep, defaultSize, className }: ResizeHandleProps) {
  const drag = useRef<{ at: number; size: number; last: number } | null>(null);
  const vertical = orientation === 'vertical';
  const coord = (e: PointerEvent) => (vertical ? e.clientX : e.clientY);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { at: coord(e), size, last: size };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    d.last = d.size + grow * (coord(e) - d.at);
    onResize(d.last, false);
  };
  const onPointerUp = () => {
    const d = drag.current;
    if (!d) return;
    drag.current = null;
    onResize(d.last);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const s = e.shiftKey ? largeStep : step;
    // The arrow pointing away from the panel's body makes it larger.
    const bigger = grow === -1 ? (vertical ? 'ArrowLeft' : 'ArrowUp') : vertical ? 'ArrowRight' : 'ArrowDown';
    const smaller = grow === -1 ? (vertical ? 'ArrowRight' : 'ArrowDown') : vertical ? 'ArrowLeft' : 'ArrowUp';
    const next = e.key === bigger ? size + s : e.key === smaller ? size - s : e.key === 'Home' ? max : e.key === 'End' ? min : null;
    if (next === null) return;
    e.preventDefault();
    onResize(next);
  };

  return (
    <div
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={size}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onResize(defaultSize)}
      title="Drag to resize; double-click to reset"
      className={`${className} z-10 touch-none hover:bg-sky-500/30 focus-visible:bg-sky-500/40 focus-visible:outline-none`}
    />
  );
}
