'use client';

import { useSyncExternalStore } from 'react';
import { readThemeChoice, subscribeTheme, type ThemeChoice } from './theme';

/** The current theme choice; 'system' during server rendering. */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribeTheme, readThemeChoice, () => 'system' as const);
}
