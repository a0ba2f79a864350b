'use client';

import { CircleX, Info, TriangleAlert, type LucideIcon } from 'lucide-react';
import type { Severity } from '@/lib/model';
// Direct, not the barrel: this is on the canvas's first load, the other primitives are not.
import { cx } from '@/components/ui/cx';

export const SEVERITY_ICON: Record<Severity, LucideIcon> = { error: CircleX, warning: TriangleAlert, info: Info };

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };
export const SEVERITY_PLURAL: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };

/** Text colour of a severity's icon, readable on light and dark surfaces. */
export const SEVERITY_TEXT: Record<Severity, string> = {
  error: 'text-red-600 dark:text-red-400',
  warning: 'text-amber-600 dark:text-amber-400',
  info: 'text-sky-600 dark:text-sky-400',
};

/** A filled pill (badges on the canvas). */
export const SEVERITY_PILL: Record<Severity, string> = {
  error: 'bg-red-600 text-white dark:bg-red-500 dark:text-neutral-950',
  warning: 'bg-amber-500 text-neutral-950 dark:bg-amber-400',
  info: 'bg-sky-600 text-white dark:bg-sky-500 dark:text-neutral-950',
};

/** Stroke colours for SVG (edge outlines); CSS variables switch them in dark mode (canvas.css). */
export const SEVERITY_STROKE: Record<Severity, string> = {
  error: 'var(--aw-sev-error, #dc2626)',
  warning: 'var(--aw-sev-warning, #d97706)',
  info: 'var(--aw-sev-info, #0284c7)',
};

/** A severity icon; named for screen readers unless `decorative`. */
export function SeverityIcon({ severity, size = 14, className, decorative }: { severity: Severity; size?: number; className?: string; decorative?: boolean }) {
  const Icon = SEVERITY_ICON[severity];
  return decorative ? (
    <Icon size={size} aria-hidden="true" className={cx('shrink-0', SEVERITY_TEXT[severity], className)} />
  ) : (
    <Icon size={size} role="img" aria-label={SEVERITY_LABEL[severity]} className={cx('shrink-0', SEVERITY_TEXT[severity], className)} />
  );
}
