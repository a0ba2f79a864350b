'use client';

import { useId, useState, type ComponentPropsWithRef, type ReactNode } from 'react';
import { cx } from './cx';

/** Shared look of text-like controls, for rows that lay out their own inputs. */
export const inputClass =
  'block w-full min-w-0 rounded-md border border-neutral-300 bg-white px-2 py-1 text-sm text-neutral-900 placeholder:text-neutral-400 ' +
  'focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30 disabled:opacity-50 read-only:bg-neutral-50 ' +
  'aria-invalid:border-red-500 aria-invalid:ring-red-500/20 ' +
  'dark:border-neutral-700 dark:bg-neutral-950 dark:text-neutral-100 dark:placeholder:text-neutral-500 dark:read-only:bg-neutral-900';

/** Returns an error message, or nothing when the value was accepted. */
export type Commit<T> = (value: T) => string | null | undefined | void;

export function FieldError({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} role="alert" className="mt-1 text-xs break-words text-red-600 dark:text-red-400">
      {children}
    </p>
  );
}

export function FieldHint({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className="mt-1 text-xs text-neutral-500 dark:text-neutral-400">
      {children}
    </p>
  );
}

interface FieldShellProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  children: ReactNode;
  className?: string;
}

/** Label above a control, with a hint or an error below it. */
export function FieldShell({ id, label, hint, error, children, className }: FieldShellProps) {
  return (
    <div className={cx('min-w-0', className)}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-neutral-600 dark:text-neutral-300">
        {label}
      </label>
      {children}
      {error ? <FieldError id={`${id}-msg`}>{error}</FieldError> : hint ? <FieldHint id={`${id}-msg`}>{hint}</FieldHint> : null}
    </div>
  );
}

/**
 * Keeps what the user typed while it is invalid, and follows the outside value when it changes
 * (undo, another element selected). Adjusts state during render, as React recommends, rather
 * than in an effect, so there is no frame showing a stale value.
 */
export function useDraft<T>(value: T, toDraft: (v: T) => string) {
  const [draft, setDraft] = useState(() => toDraft(value));
  const [seen, setSeen] = useState(value);
  const [error, setError] = useState<string | null>(null);
  if (!Object.is(seen, value)) {
    setSeen(value);
    setDraft(toDraft(value));
    setError(null);
  }
  return { draft, setDraft, error, setError };
}

export interface TextFieldProps {
  label: ReactNode;
  value: string;
  onCommit: Commit<string>;
  hint?: ReactNode;
  placeholder?: string;
  multiline?: boolean;
  rows?: number;
  readOnly?: boolean;
  /** Overrides the accessible name (the visible label is used otherwise). */
  ariaLabel?: string;
  className?: string;
  inputClassName?: string;
  spellCheck?: boolean;
  mono?: boolean;
  /** id of a <datalist> with suggestions. */
  list?: string;
}

/** A text input that commits on every change; a rejected value stays visible with its error. */
export function TextField({ label, value, onCommit, hint, placeholder, multiline, rows = 3, readOnly, ariaLabel, className, inputClassName, spellCheck, mono, list }: TextFieldProps) {
  const id = useId();
  const { draft, setDraft, error, setError } = useDraft(value, (v) => v);
  const onChange = (v: string) => {
    setDraft(v);
    setError(onCommit(v) || null);
  };
  const common = {
    id,
    value: draft,
    placeholder,
    readOnly,
    spellCheck,
    'aria-label': ariaLabel,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error || hint ? `${id}-msg` : undefined,
    className: cx(inputClass, mono && 'font-mono text-xs', inputClassName),
  } as const;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} className={cx(common.className, 'resize-y')} />
      ) : (
        <input {...common} type="text" autoComplete="off" list={list} onChange={(e) => onChange(e.target.value)} />
      )}
    </FieldShell>
  );
}

export interface NumberFieldProps {
  label: ReactNode;
  value: number | undefined;
  onCommit: Commit<number>;
  min?: number;
  max?: number;
  step?: number;
  /** Only whole numbers (default true: every number in the design is an integer). */
  integer?: boolean;
  hint?: ReactNode;
  disabled?: boolean;
  suffix?: string;
  ariaLabel?: string;
  className?: string;
}

/**
 * A number input that may be empty or half-typed while editing but only ever commits a finite
 * number within range; leaving it invalid restores the stored value.
 */
export function NumberField({ label, value, onCommit, min, max, step = 1, integer = true, hint, disabled, suffix, ariaLabel, className }: NumberFieldProps) {
  const id = useId();
  const { draft, setDraft, error, setError } = useDraft(value, (v) => (v === undefined ? '' : String(v)));
  const onChange = (text: string) => {
    setDraft(text);
    if (text.trim() === '') return setError(null);
    const n = Number(text);
    if (!Number.isFinite(n)) return setError('Enter a number.');
    if (integer && !Number.isInteger(n)) return setError('Enter a whole number.');
    if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
      return setError(max === undefined ? `At least ${min}.` : min === undefined ? `At most ${max}.` : `Between ${min} and ${max}.`);
    }
    setError(onCommit(n) || null);
  };
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      <div className="flex items-center gap-1.5">
        <input
          id={id}
          type="number"
          inputMode={integer ? 'numeric' : 'decimal'}
          value={draft}
          min={min}
          max={max}
          step={step}
          disabled={disabled}
          aria-label={ariaLabel}
          aria-invalid={error ? true : undefined}
          aria-describedby={error || hint ? `${id}-msg` : undefined}
          onChange={(e) => onChange(e.target.value)}
          onBlur={() => {
            // An empty or rejected draft goes back to the value the design holds.
            if (error || draft.trim() === '') {
              setDraft(value === undefined ? '' : String(value));
              setError(null);
            }
          }}
          className={inputClass}
        />
        {suffix && <span className="shrink-0 text-xs text-neutral-500 dark:text-neutral-400">{suffix}</span>}
      </div>
    </FieldShell>
  );
}

export interface SelectOption<T extends string> {
  value: T;
  label?: string;
}

export interface SelectFieldProps<T extends string> {
  label: ReactNode;
  value: T | '';
  options: readonly (T | SelectOption<T>)[];
  onChange(value: T): void;
  /** An entry for "nothing" (value ''), e.g. "No owner". */
  emptyLabel?: string;
  hint?: ReactNode;
  disabled?: boolean;
  ariaLabel?: string;
  className?: string;
}

/** A native select: keyboard and screen-reader behaviour for free. */
export function SelectField<T extends string>({ label, value, options, onChange, emptyLabel, hint, disabled, ariaLabel, className }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} className={className}>
      <Select id={id} value={value} options={options} onChange={onChange} emptyLabel={emptyLabel} disabled={disabled} aria-label={ariaLabel} />
    </FieldShell>
  );
}

export interface SelectProps<T extends string> extends Omit<ComponentPropsWithRef<'select'>, 'onChange' | 'value'> {
  value: T | '';
  options: readonly (T | SelectOption<T>)[];
  onChange(value: T): void;
  emptyLabel?: string;
}

/** A bare select (for table rows); give it an aria-label. */
export function Select<T extends string>({ value, options, onChange, emptyLabel, className, ...rest }: SelectProps<T>) {
  const known = options.some((o) => (typeof o === 'string' ? o : o.value) === value);
  return (
    <select value={value} onChange={(e) => onChange(e.target.value as T)} className={cx(inputClass, 'pr-6', className)} {...rest}>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {/* A value from a newer file or a deleted target still shows, rather than a wrong one. */}
      {!known && value !== '' && <option value={value}>{value} (unknown)</option>}
      {options.map((o) => {
        const v = typeof o === 'string' ? o : o.value;
        const l = typeof o === 'string' ? o : (o.label ?? o.value);
        return (
          <option key={v} value={v}>
            {l}
          </option>
        );
      })}
    </select>
  );
}

export interface CheckboxFieldProps {
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: ReactNode;
  disabled?: boolean;
  className?: string;
}

/** A checkbox with its label to the right and an optional hint below. */
export function CheckboxField({ label, checked, onChange, hint, disabled, className }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className={cx('min-w-0', className)}>
      <div className="flex items-center gap-2">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={hint ? `${id}-msg` : undefined}
          className="size-4 shrink-0 rounded border-neutral-300 accent-sky-600 dark:border-neutral-600 dark:accent-sky-400"
        />
        <label htmlFor={id} className="text-sm text-neutral-800 dark:text-neutral-200">
          {label}
        </label>
      </div>
      {hint && <FieldHint id={`${id}-msg`}>{hint}</FieldHint>}
    </div>
  );
}

export interface TextInputProps {
  /** Accessible name (cells have no visible label). */
  ariaLabel: string;
  value: string;
  onCommit: Commit<string>;
  placeholder?: string;
  mono?: boolean;
  readOnly?: boolean;
  className?: string;
  /** id of a <datalist> with suggestions. */
  list?: string;
}

/** A compact text input for table rows: same draft/error behaviour as TextField, no label. */
export function TextInput({ ariaLabel, value, onCommit, placeholder, mono, readOnly, className, list }: TextInputProps) {
  const id = useId();
  const { draft, setDraft, error, setError } = useDraft(value, (v) => v);
  return (
    <div className={cx('min-w-0', className)}>
      <input
        type="text"
        autoComplete="off"
        aria-label={ariaLabel}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-msg` : undefined}
        value={draft}
        placeholder={placeholder}
        readOnly={readOnly}
        list={list}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(onCommit(e.target.value) || null);
        }}
        className={cx(inputClass, mono && 'font-mono text-xs')}
      />
      {error && <FieldError id={`${id}-msg`}>{error}</FieldError>}
    </div>
  );
}
