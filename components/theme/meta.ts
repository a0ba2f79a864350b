/** Product name and one-line description, for <title> and meta tags of every route. */
export const APP_NAME = 'Archwright';
export const APP_DESCRIPTION = 'Design microservice architectures, see their anti-patterns live, share, present and export them as runnable projects.';
/** Browser UI colour per colour scheme (matches the page background). */
export const THEME_COLORS = [
  { media: '(prefers-color-scheme: light)', color: '#fafafa' },
  { media: '(prefers-color-scheme: dark)', color: '#0a0a0a' },
] as const;
