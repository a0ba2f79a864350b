import { DESIGN_VERSION } from '../version';

/** One forward step: takes a plain JSON design of version `from` and returns version `from + 1`. */
export interface Migration {
  from: number;
  description: string;
  /** Must not mutate its input: return a new object. */
  up(design: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

/**
 * Forward migrations, one file per step, in order. Format 1 is the first released format, so the
 * list is empty; step N→N+1 goes in `./v{N}-to-v{N+1}.ts` with its own test.
 */
export const MIGRATIONS: readonly Migration[] = [];

/** Thrown when a file's format cannot be brought to the current version. */
export class MigrationError extends Error {}

/** Applies the steps from `version` up to `target`, never mutating `design`. */
export function migrate(
  design: unknown,
  version: number,
  target: number = DESIGN_VERSION,
  steps: readonly Migration[] = MIGRATIONS,
): Record<string, unknown> {
  if (!Number.isInteger(version) || version < 1) throw new MigrationError(`"archwright" must be a positive whole number; got ${typeof version === 'number' ? String(version) : JSON.stringify(version)}.`);
  if (version > target) {
    throw new MigrationError(`This file was written by a newer Archwright (design format ${version}); this version reads formats up to ${target}. Update Archwright to open it.`);
  }
  if (typeof design !== 'object' || design === null || Array.isArray(design)) throw new MigrationError('"design" must be an object.');
  let current = design as Record<string, unknown>;
  for (let v = version; v < target; v++) {
    const step = steps.find((m) => m.from === v);
    if (!step) throw new MigrationError(`No migration from design format ${v} to ${v + 1}.`);
    current = step.up(current);
  }
  return current;
}
