// The one YAML writer of the generators: every generated YAML file goes through `toYaml`, never
// through string concatenation of user text. Every scalar is written by the yaml library; for
// plain data (what generators build: objects, arrays, strings, finite numbers, booleans, null) a
// small block-style layout puts the library's scalars into maps and sequences, byte for byte as
// the library would (a property test compares the two), and anything else, or any scalar the
// library would write over several lines, sends the whole document to the library. Building the
// library's node tree for every Kubernetes object was most of an export's generation time.
import { Document, visit } from 'yaml';
import { commentText } from './escape';

// Strings are emitted the YAML 1.1 way (Kubernetes' and PyYAML's parsers are 1.1): the library
// quotes any string 1.1 would read as a boolean, null, number or date. The one 1.2-only form,
// `0o17` octal, is quoted too, so 1.2 parsers (compose) read the same strings.
const OCTAL_1_2 = /^[-+]?0o[0-7]+$/;
// NEL, LS and PS are line breaks to YAML 1.1 and Go parsers but not to the yaml library: strings
// holding them are double-quoted and the characters written as the escapes \N, \L and \P.
const BREAKS = /[\u0085\u2028\u2029]/;

function needsQuotes(value: unknown): boolean {
  if (typeof value === 'string') return OCTAL_1_2.test(value) || BREAKS.test(value);
  if (Array.isArray(value)) return value.some(needsQuotes);
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (needsQuotes(k) || needsQuotes(v)) return true;
  }
  return false;
}

const DOC_OPTIONS = { version: '1.1', aliasDuplicateObjects: false } as const;
const STRING_OPTIONS = { lineWidth: 0, minContentWidth: 0 } as const;

function headerComment(header: string | readonly string[] | undefined): string | undefined {
  const lines = header === undefined ? [] : typeof header === 'string' ? header.split(/\r\n|[\r\n\u0085\u2028\u2029]/) : header;
  return lines.length ? lines.map((line) => (line ? ` ${commentText(line, 1000)}` : '')).join('\n') : undefined;
}

/** The yaml library's rendering of a document: the fast path's fallback and its reference in tests. */
export function toYamlWithLibrary(value: unknown, header?: string | readonly string[]): string {
  const doc = new Document(value, DOC_OPTIONS);
  // The visitor pass costs as much as building the document: only walk when a string needs it.
  if (needsQuotes(value)) visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && (OCTAL_1_2.test(node.value) || BREAKS.test(node.value))) node.type = 'QUOTE_DOUBLE';
    },
  });
  const comment = headerComment(header);
  if (comment) doc.commentBefore = comment;
  return doc
    .toString(STRING_OPTIONS)
    .replace(/\u0085/g, '\\N')
    .replace(/\u2028/g, '\\L')
    .replace(/\u2029/g, '\\P');
}

// --- The fast path: the library's block layout (stringify/*.js, v2, lineWidth 0) around the
// library's own scalars; cases it does not restate return FALLBACK and the library writes the
// whole document.

const FALLBACK = null;
const STEP = '  ';
// Control characters and lone surrogates force double quotes with escapes; left to the library.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
const DOC_MARKER = /^(%|---|\.\.\.)/m;

// Scalars repeat across files (keys, labels, images): remember how each short one is written.
const scalarCache = new Map<string, string | null>();
const CACHE_MAX = 20_000;

// One document reused to ask the library how it writes a scalar (createNode + toString): the
// fast path never decides quoting itself, it only lays out maps and sequences around the
// library's scalars.
const scalarDoc = new Document(null, DOC_OPTIONS);

/** A one-line string as the library writes it (same as key or value), or FALLBACK. */
function lineScalar(s: string): string | null {
  const hit = scalarCache.get(s);
  if (hit !== undefined) return hit;
  let out: string | null = FALLBACK;
  // Cases the library path treats specially (forced double quotes, document markers) stay there.
  if (!CONTROL.test(s) && !BREAKS.test(s) && !OCTAL_1_2.test(s) && !DOC_MARKER.test(s)) {
    scalarDoc.contents = scalarDoc.createNode(s);
    const text = scalarDoc.toString(STRING_OPTIONS);
    const line = text.endsWith('\n') ? text.slice(0, -1) : text;
    if (!line.includes('\n')) out = line;
  }
  if (s.length <= 200) {
    if (scalarCache.size >= CACHE_MAX) scalarCache.clear();
    scalarCache.set(s, out);
  }
  return out;
}

/** A multi-line value: a literal block scalar (blockString) in the plain cases, else FALLBACK. */
function blockScalar(s: string, indent: string): string | null {
  // Leading spaces or breaks need an indentation indicator, trailing whitespace other chomping.
  if (!indent || CONTROL.test(s) || BREAKS.test(s) || s[0] === ' ' || s[0] === '\n') return FALLBACK;
  const last = s[s.length - 1];
  if (last === ' ' || last === '\t') return FALLBACK;
  if (last !== '\n') return `|-\n${indent}${s.replace(/\n+/g, `$&${indent}`)}`;
  const before = s[s.length - 2];
  if (before === '\n' || before === ' ' || before === '\t') return FALLBACK;
  return `|\n${indent}${s.slice(0, -1).replace(/\n+/g, `$&${indent}`)}`;
}

function isPlainObject(v: object): v is Record<string, unknown> {
  const proto = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/** A node's text: first line unindented, later lines carrying their own indentation. */
function emit(v: unknown, indent: string): string | null {
  switch (typeof v) {
    case 'string':
      return v.includes('\n') ? blockScalar(v, indent) : lineScalar(v);
    case 'number':
      return Number.isFinite(v) && !Object.is(v, -0) ? JSON.stringify(v) : FALLBACK;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      if (v === null) return 'null';
      if (Array.isArray(v)) return emitSeq(v, indent);
      return isPlainObject(v) ? emitMap(v, indent) : FALLBACK;
    default:
      return FALLBACK;
  }
}

function emitSeq(items: readonly unknown[], indent: string): string | null {
  if (items.length === 0) return '[]';
  const child = indent + STEP;
  let out = '';
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item === undefined || !(i in items)) return FALLBACK;
    const s = emit(item, child);
    if (s === FALLBACK) return FALLBACK;
    out += i === 0 ? `- ${s}` : `\n${indent}- ${s}`;
  }
  return out;
}

function emitMap(obj: Record<string, unknown>, indent: string): string | null {
  const child = indent + STEP;
  let out = '';
  let empty = true;
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    if (v === undefined) continue; // the library drops undefined values (keepUndefined: false)
    // A key over 1024 characters becomes an explicit `? key` in the library.
    const k = key.includes('\n') ? FALLBACK : lineScalar(key);
    if (k === FALLBACK || k.length > 1024) return FALLBACK;
    const s = emit(v, child);
    if (s === FALLBACK) return FALLBACK;
    // Non-empty collections start on the next line; empty ones stay inline as {} or [].
    const line = v !== null && typeof v === 'object' && s !== '{}' && s !== '[]' ? `${k}:\n${child}${s}` : `${k}: ${s}`;
    out += empty ? line : `\n${indent}${line}`;
    empty = false;
  }
  return empty ? '{}' : out;
}

/** The fast path alone: the document as the library would write it, or null where it defers to the library. */
export function toYamlFast(value: unknown, header?: string | readonly string[]): string | null {
  if (value === null || typeof value !== 'object') return FALLBACK;
  const body = emit(value, '');
  if (body === FALLBACK) return FALLBACK;
  const comment = headerComment(header);
  if (!comment) return `${body}\n`;
  // stringifyDocument: the comment (empty lines left empty), a blank line, the contents.
  const text = comment.replace(/^(?!$)(?: $)?/gm, '#');
  return `${/^\n+$/.test(text) ? text.slice(1) : text}\n\n${body}\n`;
}

/**
 * Serializes one YAML document: ambiguous strings quoted for 1.1 and 1.2 parsers, no anchors,
 * no folding, and `header` (free text; one comment line per entry or per line) on top.
 */
export function toYaml(value: unknown, header?: string | readonly string[]): string {
  return toYamlFast(value, header) ?? toYamlWithLibrary(value, header);
}

/** Several YAML documents in one file, separated by `---`. */
export function toYamlStream(values: readonly unknown[], header?: string | readonly string[]): string {
  return values.map((v, i) => toYaml(v, i === 0 ? header : undefined)).join('---\n');
}
