import { parse as parseYaml, stringify as stringifyYaml, YAMLParseError } from 'yaml';
import {
  clean,
  detectFormat,
  fail,
  jsonErrorPlace,
  loadDesignData,
  MAX_DEPTH,
  MAX_FILE_CHARS,
  parseJsonText,
  serializeDesignJson,
  toEnvelope,
  type FileFormat,
  type LoadResult,
} from './envelope';
import type { Design } from './schema';

// JSON, the envelope and error reporting live in ./envelope (no YAML library): the editor's
// storage path loads only that. This module adds YAML and re-exports the public part.
export {
  describeIssues,
  designFileName,
  detectFormat,
  loadDesignData,
  MAX_FILE_CHARS,
  parseDesignJson,
  serializeDesignJson,
  toEnvelope,
  type FileFormat,
  type LoadIssue,
  type LoadResult,
} from './envelope';

/** Parses JSON or YAML text into plain data, bounded in size, depth and YAML aliases. */
export function parseStructuredText(text: string, format: FileFormat): unknown {
  if (format === 'json') return parseJsonText(text);
  if (text.length > MAX_FILE_CHARS) {
    throw new Error(`The file is ${(text.length / 1048576).toFixed(1)} MB; designs are limited to ${MAX_FILE_CHARS / 1048576} MB.`);
  }
  // maxAliasCount stops "billion laughs" expansion; uniqueKeys rejects ambiguous duplicates.
  // logLevel 'error': unknown tags and the like are not worth a console warning per file.
  return clean(parseYaml(text, { maxAliasCount: 100, uniqueKeys: true, prettyErrors: true, logLevel: 'error' }));
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

/** Serializes a design as YAML (the `yaml` library does all quoting). */
export function serializeDesignYaml(design: Design): string {
  return stringifyYaml(toEnvelope(design), { lineWidth: 0, aliasDuplicateObjects: false });
}

/** Serializes in the given format. */
export function serializeDesign(design: Design, format: FileFormat): string {
  return format === 'json' ? serializeDesignJson(design) : serializeDesignYaml(design);
}

