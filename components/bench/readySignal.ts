'use client';

import { useEffect } from 'react';

/**
 * Sets `window.__benchReady` (ms since navigation) at the first frame in which React Flow shows
 * measured nodes. DOM-based so the editor and the bare page are timed the same way.
 */
export function useBenchReadySignal(): void {
  useEffect(() => {
    let raf = 0;
    const tick = () => {
      const node = document.querySelector<HTMLElement>('.react-flow__node');
      if (node && getComputedStyle(node).visibility === 'visible') {
        (window as unknown as { __benchReady?: number }).__benchReady = performance.now();
        return;
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, []);
}
