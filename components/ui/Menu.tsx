'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Check } from 'lucide-react';
import { cx } from './cx';

export interface MenuItem {
  label: string;
  onSelect(): void;
  disabled?: boolean;
  hint?: string;
  /** Makes the item a radio item (one of a set, e.g. a theme). */
  checked?: boolean;
}

export interface MenuButtonProps {
  /** Accessible name of the trigger. */
  label: string;
  /** Hover text; defaults to the label. */
  tooltip?: string;
  /** What the trigger shows (an icon, a chevron). */
  children: ReactNode;
  items: readonly MenuItem[];
  className?: string;
  align?: 'left' | 'right';
}

/** A button that opens a small menu: arrows move, Enter picks, Esc or a click outside closes. */
export function MenuButton({ label, tooltip, children, items, className, align = 'left' }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])')?.focus();
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const all = [...(root.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const i = all.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      // preventDefault too: the canvas listens on the document and skips handled keys.
      e.stopPropagation();
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      all[(i + step + all.length) % all.length]?.focus();
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div ref={root} className="relative">
      <button
        ref={trigger}
        type="button"
        aria-label={label}
        title={tooltip ?? label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
        className={cx(
          'inline-flex h-8 items-center justify-center rounded-md px-1.5 text-neutral-700 hover:bg-neutral-200/70 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-neutral-200 dark:hover:bg-neutral-800',
          className,
        )}
      >
        {children}
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label={label}
          onKeyDown={onMenuKey}
          className={cx(
            'absolute top-full z-30 mt-1 min-w-48 rounded-md border border-neutral-200 bg-white py-1 shadow-lg dark:border-neutral-700 dark:bg-neutral-900',
            align === 'right' ? 'right-0' : 'left-0',
          )}
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
              aria-checked={item.checked}
              tabIndex={-1}
              aria-disabled={item.disabled || undefined}
              onClick={() => {
                if (item.disabled) return;
                close();
                item.onSelect();
              }}
              className="flex w-full flex-col items-start px-3 py-1.5 text-left text-sm text-neutral-800 hover:bg-neutral-100 focus:bg-neutral-100 focus:outline-none aria-disabled:opacity-45 dark:text-neutral-100 dark:hover:bg-neutral-800 dark:focus:bg-neutral-800"
            >
              <span className="flex items-center gap-2">
                {item.checked !== undefined && <Check size={14} aria-hidden="true" className={item.checked ? '' : 'invisible'} />}
                {item.label}
              </span>
              {item.hint && <span className="text-xs text-neutral-500 dark:text-neutral-400">{item.hint}</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
