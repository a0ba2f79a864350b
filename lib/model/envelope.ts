/**
 * The design file envelope in JSON: parse, check, migrate and serialize, without the YAML library
 * (io.ts adds YAML). Browser storage holds JSON, so the editor reads and writes designs with this
 * module alone; io.ts re-exports all of it.
 */
import type { z } from 'zod';
import { MAX_FILE_CHARS } from './kinds';
import { migrate, MigrationError } from './migrations';
import { designSchema, type Design } from './schema';
import { serializeDesignJson, toEnvelope } from './storedDesign';
import { DESIGN_VERSION } from './version';

// The JSON writer lives with the zod-free stored-design reader; both are part of this API.
export { serializeDesignJson, toEnvelope };

export { MAX_FILE_CHARS };
export const MAX_DEPTH = 64;

export type FileFormat = 'json' | 'yaml';

export interface LoadIssue {
  /** Where, e.g. `design.nodes[2] "orders" › name`. */
  path: string;
  message: string;
}

export type LoadResult =
  | { ok: true; design: Design; format: FileFormat; migratedFrom?: number }
  | { ok: false; error: string; issues: LoadIssue[] };

export const fail = (error: string, issues: LoadIssue[] = []): LoadResult => ({ ok: false, error, issues });

/** Drops prototype-polluting keys and rejects absurd nesting; returns plain JSON data. */
export function clean(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new Error(`The file is nested too deeply (designs are at most ${MAX_DEPTH} levels deep).`);
  if (Array.isArray(value)) return value.map((v) => clean(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
      out[k] = clean(v, depth + 1);
    }
    return out;
  }
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/** Guesses the format from a file name, else from the first non-blank character. */
export function detectFormat(text: string, fileName?: string): FileFormat {
  if (fileName && /\.json$/i.test(fileName)) return 'json';
  if (fileName && /\.ya?ml$/i.test(fileName)) return 'yaml';
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
}

/** Turns zod issues into readable places, naming nodes and edges by their name where known. */
export function describeIssues(error: z.ZodError, root: unknown, prefix = 'design'): LoadIssue[] {
  return error.issues.slice(0, 50).map((issue) => {
    let cursor: unknown = root;
    let where = prefix;
    for (const key of issue.path) {
      const next = cursor && typeof cursor === 'object' ? (cursor as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
      if (typeof key === 'number') {
        where += `[${key}]`;
        const n = next as { name?: unknown; id?: unknown } | undefined;
        const tag = typeof n?.name === 'string' ? n.name : typeof n?.id === 'string' ? n.id : undefined;
        if (tag) where += ` "${tag.length > 40 ? `${tag.slice(0, 40)}…` : tag}"`;
      } else {
        where += where ? ` › ${String(key)}` : String(key);
      }
      cursor = next;
    }
    return { path: where, message: issue.message };
  });
}

/** Validates already-parsed data as a design envelope, migrating older formats forward. */
export function loadDesignData(data: unknown, format: FileFormat = 'json'): LoadResult {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return fail('This is not an Archwright design: expected an object with "archwright" and "design".');
  const env = data as Record<string, unknown>;
  if (!('archwright' in env)) {
    return fail('This is not an Archwright design file: the "archwright" format version is missing. (Compose or Kubernetes files go through Import.)');
  }
  if (typeof env.archwright !== 'number') return fail(`"archwright" must be the design format number; got ${JSON.stringify(env.archwright)?.slice(0, 40)}.`);
  if (!('design' in env)) return fail('The file has no "design".');
  let migrated: Record<string, unknown>;
  try {
    migrated = migrate(env.design, env.archwright);
  } catch (e) {
    if (e instanceof MigrationError) return fail(e.message);
    throw e;
  }
  const parsed = designSchema.safeParse(migrated);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error, migrated);
    const more = parsed.error.issues.length > issues.length ? ` (and ${parsed.error.issues.length - issues.length} more)` : '';
    return fail(`The design has ${parsed.error.issues.length} problem${parsed.error.issues.length === 1 ? '' : 's'}${more}: ${issues[0].path}: ${issues[0].message}`, issues);
  }
  return { ok: true, design: parsed.data, format, ...(env.archwright < DESIGN_VERSION ? { migratedFrom: env.archwright } : {}) };
}

/** " (line L, column C)" for a JSON.parse error that gives only an offset (V8), else "". */
export function jsonErrorPlace(text: string, message: string): string {
  if (/line \d+/i.test(message)) return '';
  if (/end of (JSON )?input/i.test(message)) return ' (at the end of the file)';
  const m = /at position (\d+)/.exec(message);
  if (!m) return '';
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  return ` (line ${line}, column ${before.length - before.lastIndexOf('\n')})`;
}

/** Parses JSON text into plain data, bounded in size and depth; throws on malformed text. */
export function parseJsonText(text: string): unknown {
  if (text.length > MAX_FILE_CHARS) {
    throw new Error(`The file is ${(text.length / 1048576).toFixed(1)} MB; designs are limited to ${MAX_FILE_CHARS / 1048576} MB.`);
  }
  // Editors on Windows often save a byte-order mark; JSON.parse rejects it, YAML allows it.
  return clean(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
}

/** Turns a parser exception into a failed load; null when it is not a known parse problem. */
function parseFailure(e: unknown, text: string): LoadResult | null {
  const message = e instanceof Error ? e.message : String(e);
  // The parsers recurse: absurd nesting overflows the stack before `clean` can count levels.
  if (/call stack|too much recursion/i.test(message)) return fail(`The file is nested too deeply (designs are at most ${MAX_DEPTH} levels deep).`);
  if (e instanceof SyntaxError) return fail(`The file is not valid JSON${jsonErrorPlace(text, message)}: ${message}`);
  return null;
}

/** Parses a JSON design file; never throws, explains what and where on failure. */
export function parseDesignJson(text: string): LoadResult {
  let data: unknown;
  try {
    data = parseJsonText(text);
  } catch (e) {
    return parseFailure(e, text) ?? fail((e instanceof Error ? e.message : String(e)) || 'The file could not be read.');
  }
  return loadDesignData(data, 'json');
}

/** A file name for a design: `<slug>.archwright.yaml|json`. */
export function designFileName(design: Pick<Design, 'name'>, format: FileFormat): string {
  const slug = design.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'design';
  return `${slug}.archwright.${format === 'json' ? 'json' : 'yaml'}`;
}
