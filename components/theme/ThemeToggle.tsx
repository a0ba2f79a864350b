'use client';

import { Monitor, Moon, Sun } from 'lucide-react';
import { MenuButton } from '@/components/ui';
import { setThemeChoice, THEME_CHOICES, type ThemeChoice } from './theme';
import { useThemeChoice } from './useTheme';

const ICONS = { system: Monitor, light: Sun, dark: Moon } as const;
const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Toolbar control: a "Theme" menu with System / Light / Dark. */
export function ThemeToggle() {
  const choice = useThemeChoice();
  const Icon = ICONS[choice];
  return (
    <MenuButton
      label="Theme"
      tooltip={`Theme: ${LABELS[choice]}`}
      align="right"
      items={THEME_CHOICES.map((c) => ({ label: LABELS[c], checked: c === choice, onSelect: () => setThemeChoice(c) }))}
    >
      {/* Icon depends on localStorage: rendered only on the client (the editor mounts after boot). */}
      <Icon size={16} aria-hidden="true" />
    </MenuButton>
  );
}
