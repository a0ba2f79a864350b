'use client';

import { CircleAlert, CircleCheck, Info, X } from 'lucide-react';
import { cx } from './cx';

export interface ToastItem {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
  details?: string[];
}

const MAX_DETAILS = 12;

/**
 * Notifications in the bottom-right corner. Errors are alerts (announced at once and kept until
 * dismissed); the rest are polite status messages.
 */
export function Toasts({ toasts, onDismiss }: { toasts: readonly ToastItem[]; onDismiss(id: number): void }) {
  return (
    <div className="pointer-events-none fixed right-3 bottom-10 z-50 flex w-[min(26rem,calc(100vw-1.5rem))] flex-col gap-2" aria-label="Notifications">
      {toasts.map((t) => {
        const Icon = t.kind === 'error' ? CircleAlert : t.kind === 'success' ? CircleCheck : Info;
        return (
          <div
            key={t.id}
            role={t.kind === 'error' ? 'alert' : 'status'}
            className={cx(
              'pointer-events-auto flex gap-2 rounded-lg border p-3 text-sm shadow-lg',
              t.kind === 'error'
                ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100'
                : 'border-neutral-200 bg-white text-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100',
            )}
          >
            <Icon
              size={16}
              aria-hidden="true"
              className={cx('mt-0.5 shrink-0', t.kind === 'error' ? 'text-red-600 dark:text-red-400' : t.kind === 'success' ? 'text-emerald-600 dark:text-emerald-400' : 'text-sky-600 dark:text-sky-400')}
            />
            <div className="min-w-0 flex-1">
              <p className="break-words">{t.text}</p>
              {t.details && t.details.length > 0 && (
                <ul className="mt-1 max-h-40 list-disc overflow-y-auto pl-4 text-xs break-words opacity-90">
                  {t.details.slice(0, MAX_DETAILS).map((d, i) => (
                    <li key={i}>{d}</li>
                  ))}
                  {t.details.length > MAX_DETAILS && <li>…and {t.details.length - MAX_DETAILS} more</li>}
                </ul>
              )}
            </div>
            <button
              type="button"
              onClick={() => onDismiss(t.id)}
              aria-label="Dismiss notification"
              title="Dismiss"
              className="-m-1 h-6 w-6 shrink-0 rounded p-1 opacity-70 hover:bg-black/5 hover:opacity-100 dark:hover:bg-white/10"
            >
              <X size={14} aria-hidden="true" />
            </button>
          </div>
        );
      })}
    </div>
  );
}
