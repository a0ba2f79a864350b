import clsx, { type ClassValue } from 'clsx';

/** Joins class names (clsx); one import for all primitives. */
export function cx(...values: ClassValue[]): string {
  return clsx(values);
}
