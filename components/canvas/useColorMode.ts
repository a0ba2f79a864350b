'use client';

import { useSyncExternalStore } from 'react';
import type { ColorMode } from '@xyflow/react';

/**
 * React Flow's colour mode follows the `dark` class the theme code puts on <html> (which
 * already resolves "system" via prefers-color-scheme), so the canvas and Tailwind's `dark:`
 * classes never disagree.
 */
function subscribe(cb: () => void): () => void {
  const observer = new MutationObserver(cb);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

const getSnapshot = (): ColorMode => (document.documentElement.classList.contains('dark') ? 'dark' : 'light');
const getServerSnapshot = (): ColorMode => 'light';

export function useColorMode(): ColorMode {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}
