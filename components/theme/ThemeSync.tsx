'use client';

import { useLayoutEffect } from 'react';
import { applyTheme, subscribeTheme } from './theme';

/**
 * Keeps <html class="dark"> right after hydration. The inline script sets it before paint, but
 * in development Strict Mode's remount resets <html>'s attributes, and the OS may switch
 * light/dark while the page is open. Renders nothing.
 */
export function ThemeSync() {
  useLayoutEffect(() => {
    applyTheme();
    return subscribeTheme(() => undefined);
  }, []);
  return null;
}
