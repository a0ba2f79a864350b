import { parse as parseYaml, stringify as stringifyYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { migrate, MigrationError } from './migrations';
import { designSchema, type Design } from './schema';
import { DESIGN_VERSION } from './version';

/** Largest design file accepted (bytes of text): bounds parse time and memory. */
export const MAX_FILE_CHARS = 5 * 1024 * 1024;
const MAX_DEPTH = 64;

export type FileFormat = 'json' | 'yaml';

export interface LoadIssue {
  /** Where, e.g. `design.nodes[2] "orders" › name`. */
  path: string;
  message: string;
}

export type LoadResult =
  | { ok: true; design: Design; format: FileFormat; migratedFrom?: number }
  | { ok: false; error: string; issues: LoadIssue[] };

const fail = (error: string, issues: LoadIssue[] = []): LoadResult => ({ ok: false, error, issues });

/** Drops prototype-polluting keys and rejects absurd nesting; returns plain JSON data. */
function clean(value: unknown, depth = 0): unknown {
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

/** Parses JSON or YAML text into plain data, bounded in size, depth and YAML aliases. */
export function parseStructuredText(text: string, format: FileFormat): unknown {
  if (text.length > MAX_FILE_CHARS) {
    throw new Error(`The file is ${(text.length / 1048576).toFixed(1)} MB; designs are limited to ${MAX_FILE_CHARS / 1048576} MB.`);
  }
  // Editors on Windows often save a byte-order mark; JSON.parse rejects it, YAML allows it.
  if (format === 'json') return clean(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  // maxAliasCount stops "billion laughs" expansion; uniqueKeys rejects ambiguous duplicates.
  // logLevel 'error': unknown tags and the like are not worth a console warning per file.
  return clean(parseYaml(text, { maxAliasCount: 100, uniqueKeys: true, prettyErrors: true, logLevel: 'error' }));
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
function jsonErrorPlace(text: string, message: string): string {
  if (/line \d+/i.test(message)) return '';
  if (/end of (JSON )?input/i.test(message)) return ' (at the end of the file)';
  const m = /at position (\d+)/.exec(message);
  if (!m) return '';
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  return ` (line ${line}, column ${before.length - before.lastIndexOf('\n')})`;
}

/** Parses a design file (JSON or YAML); never throws, explains what and where on failure. */
export function parseDesignText(text: string, fileName?: string): LoadResult {
  const format = detectFormat(text, fileName);
  let data: unknown;
  try {
    data = parseStructuredText(text, format);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // The parsers recurse: absurd nesting overflows the stack before `clean` can count levels.
    if (/call stack|too much recursion/i.test(message)) return fail(`The file is nested too deeply (designs are at most ${MAX_DEPTH} levels deep).`);
    if (e instanceof YAMLParseError) {
      const pos = e.linePos?.[0];
      // prettyErrors appends " at line L, column C:" and a code excerpt; the position is given once.
      const what = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      return fail(`The file is not valid YAML${pos ? ` (line ${pos.line}, column ${pos.col})` : ''}: ${what}`);
    }
    if (e instanceof SyntaxError) return fail(`The file is not valid JSON${jsonErrorPlace(text, message)}: ${message}`);
    if (/excessive alias/i.test(message)) return fail(`The YAML file expands too many aliases (*references); it looks like a resource-exhaustion attack: ${message}`);
    // The YAML library reports alias problems (e.g. an unknown *name) as ReferenceErrors.
    if (e instanceof ReferenceError && format === 'yaml') return fail(`The file is not valid YAML: ${message}`);
    return fail(message || 'The file could not be read.');
  }
  return loadDesignData(data, format);
}

/** Wraps a design in the versioned envelope. */
export function toEnvelope(design: Design): { archwright: number; design: Design } {
  return { archwright: DESIGN_VERSION, design };
}

/** Serializes a design as a pretty JSON file. */
export function serializeDesignJson(design: Design): string {
  return `${JSON.stringify(toEnvelope(design), null, 2)}\n`;
}

/** Serializes a design as YAML (the `yaml` library does all quoting). */
export function serializeDesignYaml(design: Design): string {
  return stringifyYaml(toEnvelope(design), { lineWidth: 0, aliasDuplicateObjects: false });
}

/** Serializes in the given format. */
export function serializeDesign(design: Design, format: FileFormat): string {
  return format === 'json' ? serializeDesignJson(design) : serializeDesignYaml(design);
}

/** A file name for a design: `<slug>.archwright.yaml|json`. */
export function designFileName(design: Pick<Design, 'name'>, format: FileFormat): string {
  const slug = design.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'design';
  return `${slug}.archwright.${format === 'json' ? 'json' : 'yaml'}`;
}
