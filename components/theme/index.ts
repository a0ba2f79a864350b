export * from './theme';
export { useThemeChoice } from './useTheme';
export { ThemeSync } from './ThemeSync';
export { ThemeToggle } from './ThemeToggle';
