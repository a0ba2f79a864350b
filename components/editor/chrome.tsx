'use client';

import { afterCanvas } from './lazyPart';

// The editor's chrome around the canvas loads right after the canvas is interactive, so the
// first load carries only what drawing needs (DESIGN §7: ≤ 200 KB before the canvas works).
// The placeholders keep the layout still while the parts arrive.

/** The top bar (designs, files, history, layout, export…). */
export const Toolbar = afterCanvas(
  () => import('@/components/toolbar/Toolbar').then((m) => m.Toolbar),
  'toolbar',
  <header className="flex h-12 shrink-0 items-center gap-2 border-b border-neutral-200 bg-white px-3 dark:border-neutral-800 dark:bg-neutral-900" aria-busy="true">
    {/* eslint-disable-next-line @next/next/no-img-element -- a 20px static SVG needs no optimisation */}
    <img src="/icon.svg" alt="" width={20} height={20} className="size-5" />
    <span className="hidden text-sm font-semibold tracking-tight md:inline">Archwright</span>
  </header>,
);

/** The status line below the canvas. */
export const StatusBar = afterCanvas(
  () => import('./StatusBar').then((m) => m.StatusBar),
  'status bar',
  <footer className="h-7 shrink-0 border-t border-neutral-200 bg-white dark:border-neutral-800 dark:bg-neutral-900" aria-busy="true" />,
);

/** Notifications. Messages raised before it loads wait in the UI store and show when it does. */
export const EditorToasts = afterCanvas(() => import('./EditorToasts').then((m) => m.EditorToasts), 'notifications');
