'use client';

import { type ReactNode } from 'react';
import { Plus, Trash2 } from 'lucide-react';
import type { Result } from '@/lib/store';
import { Button, cx } from '@/components/ui';

/** Turns a store Result into what the field primitives expect: an error message or nothing. */
export const errorOf = (r: Result): string | null =>
  // The store prefixes zod messages with their path ("endpoints.0.path: …"); the message sits under
  // the very field, so the path only adds noise.
  r.ok ? null : r.error.split('; ').map((m) => m.replace(/^[\w.]+: /, '')).join('; ');

/** A titled block of the inspector. */
export function Section({ title, children, actions, className }: { title: string; children: ReactNode; actions?: ReactNode; className?: string }) {
  return (
    <section className={cx('border-t border-neutral-200 px-4 py-3 dark:border-neutral-800', className)}>
      <div className="mb-2 flex items-center justify-between gap-2">
        <h3 className="text-xs font-semibold tracking-wide text-neutral-500 uppercase dark:text-neutral-400">{title}</h3>
        {actions}
      </div>
      <div className="flex flex-col gap-3">{children}</div>
    </section>
  );
}

/** Two fields side by side. */
export function Row({ children }: { children: ReactNode }) {
  return <div className="grid grid-cols-2 gap-2">{children}</div>;
}

export function AddButton({ label, onClick, disabled, title }: { label: string; onClick(): void; disabled?: boolean; title?: string }) {
  return (
    <Button size="sm" variant="ghost" icon={<Plus size={14} aria-hidden="true" />} onClick={onClick} disabled={disabled} title={title}>
      {label}
    </Button>
  );
}

export function RemoveButton({ label, onClick, disabled }: { label: string; onClick(): void; disabled?: boolean }) {
  return (
    <Button size="sm" variant="ghost" aria-label={label} title={label} onClick={onClick} disabled={disabled} className="px-1.5 text-neutral-500 hover:text-red-600 dark:hover:text-red-400">
      <Trash2 size={14} aria-hidden="true" />
    </Button>
  );
}

/** A line for empty lists ("No endpoints yet."). */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="text-xs text-neutral-500 italic dark:text-neutral-400">{children}</p>;
}

/** A small coloured tag. */
export function Badge({ children, tone = 'neutral' }: { children: ReactNode; tone?: 'neutral' | 'sky' | 'amber' | 'emerald' }) {
  const tones = {
    neutral: 'bg-neutral-100 text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300',
    sky: 'bg-sky-100 text-sky-800 dark:bg-sky-900/60 dark:text-sky-200',
    amber: 'bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-200',
    emerald: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200',
  };
  return <span className={cx('inline-flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 text-[11px] font-medium', tones[tone])}>{children}</span>;
}

/** Header of the inspector: what is selected. */
export function InspectorHeader({ kind, title, subtitle }: { kind: string; title: string; subtitle?: ReactNode }) {
  return (
    <div className="px-4 pt-3 pb-3">
      <p className="text-[11px] font-semibold tracking-wide text-sky-700 uppercase dark:text-sky-400">{kind}</p>
      {/* Long names are cut visually only; the full text is in the tooltip and the data. */}
      <h2 className="truncate text-base font-semibold" title={title}>
        {title}
      </h2>
      {subtitle && <div className="mt-0.5 text-xs text-neutral-500 dark:text-neutral-400">{subtitle}</div>}
    </div>
  );
}
