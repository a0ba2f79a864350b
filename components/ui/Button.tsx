'use client';

import { type ComponentPropsWithRef, type ReactNode } from 'react';
import { cx } from './cx';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';
type Size = 'sm' | 'md';

const base =
  'inline-flex shrink-0 items-center justify-center gap-1.5 rounded-md font-medium whitespace-nowrap transition-colors ' +
  'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-500 ' +
  'disabled:cursor-not-allowed disabled:opacity-45 aria-disabled:cursor-not-allowed aria-disabled:opacity-45';

const variants: Record<Variant, string> = {
  primary: 'bg-sky-600 text-white hover:bg-sky-700 dark:bg-sky-500 dark:text-neutral-950 dark:hover:bg-sky-400',
  secondary:
    'border border-neutral-300 bg-white text-neutral-800 hover:bg-neutral-100 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100 dark:hover:bg-neutral-800',
  ghost: 'text-neutral-700 hover:bg-neutral-200/70 dark:text-neutral-200 dark:hover:bg-neutral-800',
  danger: 'bg-red-600 text-white hover:bg-red-700 dark:bg-red-500 dark:hover:bg-red-400 dark:text-neutral-950',
};

const sizes: Record<Size, string> = {
  sm: 'h-7 px-2 text-xs',
  md: 'h-8 px-3 text-sm',
};

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: Variant;
  size?: Size;
  icon?: ReactNode;
}

/** A text button; `type="button"` by default so it never submits a surrounding form. */
export function Button({ variant = 'secondary', size = 'md', icon, className, children, type = 'button', ref, ...rest }: ButtonProps) {
  return (
    <button ref={ref} type={type} className={cx(base, variants[variant], sizes[size], className)} {...rest}>
      {icon}
      {children}
    </button>
  );
}

export interface IconButtonProps extends Omit<ComponentPropsWithRef<'button'>, 'children'> {
  /** Accessible name (also the tooltip unless `tooltip` is given). */
  label: string;
  icon: ReactNode;
  /** Tooltip text; defaults to the label, plus the shortcut when given. */
  tooltip?: string;
  shortcut?: string;
  variant?: Variant;
  size?: Size;
  /** Shows the label next to the icon (from the `md` breakpoint up). */
  showLabel?: boolean;
  /**
   * A placeholder control: announced as disabled but still focusable and hoverable, so its
   * tooltip (what will provide it) can be read. Clicks do nothing.
   */
  softDisabled?: boolean;
}

/** An icon button whose accessible name is `label`; the tooltip names the shortcut. */
export function IconButton({
  label,
  icon,
  tooltip,
  shortcut,
  variant = 'ghost',
  size = 'md',
  showLabel,
  softDisabled,
  className,
  onClick,
  type = 'button',
  ref,
  ...rest
}: IconButtonProps) {
  const title = tooltip ?? (shortcut ? `${label} (${shortcut})` : label);
  return (
    <button
      ref={ref}
      type={type}
      aria-label={label}
      title={title}
      aria-disabled={softDisabled || undefined}
      onClick={softDisabled ? (e) => e.preventDefault() : onClick}
      className={cx(base, variants[variant], size === 'sm' ? 'h-7 min-w-7 px-1.5 text-xs' : 'h-8 min-w-8 px-2 text-sm', className)}
      {...rest}
    >
      <span aria-hidden="true" className="inline-flex">
        {icon}
      </span>
      {showLabel && (
        <span aria-hidden="true" className="hidden lg:inline">
          {label}
        </span>
      )}
    </button>
  );
}
