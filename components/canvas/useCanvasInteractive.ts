'use client';

import { useEffect, useState } from 'react';
import { isCanvasInteractive, whenCanvasInteractive } from './interactive';

/** False until the canvas is interactive: parts rendered later load after the first paint of the canvas. */
export function useCanvasInteractive(): boolean {
  const [ready, setReady] = useState(isCanvasInteractive);
  useEffect(() => (ready ? undefined : whenCanvasInteractive(() => setReady(true))), [ready]);
  return ready;
}
