/** Light/dark theme: chosen in the toolbar, kept in localStorage, applied as `.dark` on <html>. */
export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
export const THEME_STORAGE_KEY = 'archwright.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/**
 * Runs in <head> before the first paint so a dark page never flashes white. Kept tiny and
 * dependency-free; must agree with `isDark` below.
 */
export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});var d=t==='dark'||(t!=='light'&&window.matchMedia(${JSON.stringify(DARK_QUERY)}).matches);document.documentElement.classList.toggle('dark',d)}catch(e){}})();`;

const listeners = new Set<() => void>();

function isChoice(v: unknown): v is ThemeChoice {
  return v === 'system' || v === 'light' || v === 'dark';
}

/** The stored choice ('system' when none, or when storage is unavailable). */
export function readThemeChoice(): ThemeChoice {
  try {
    const v = window.localStorage.getItem(THEME_STORAGE_KEY);
    return isChoice(v) ? v : 'system';
  } catch {
    return 'system';
  }
}

export function isDark(choice: ThemeChoice): boolean {
  if (choice === 'dark') return true;
  if (choice === 'light') return false;
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

/** Puts the `dark` class on <html> for the given choice. */
export function applyTheme(choice: ThemeChoice = readThemeChoice()): void {
  document.documentElement.classList.toggle('dark', isDark(choice));
}

/** Stores, applies and announces a new choice. */
export function setThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage blocked: the theme still applies for this page.
  }
  applyTheme(choice);
  listeners.forEach((l) => l());
}

/**
 * Calls `cb` when the choice changes here or in another tab, and re-applies the theme when the
 * OS switches light/dark while the choice is 'system'.
 */
export function subscribeTheme(cb: () => void): () => void {
  listeners.add(cb);
  const onStorage = (e: StorageEvent) => {
    if (e.key !== THEME_STORAGE_KEY && e.key !== null) return;
    applyTheme();
    cb();
  };
  const media = typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
  const onMedia = () => {
    if (readThemeChoice() === 'system') applyTheme('system');
    cb();
  };
  window.addEventListener('storage', onStorage);
  media?.addEventListener('change', onMedia);
  return () => {
    listeners.delete(cb);
    window.removeEventListener('storage', onStorage);
    media?.removeEventListener('change', onMedia);
  };
}
