// Names and free text from a design reach code, YAML, shell and config. Node names are DNS-1123
// labels (the schema enforces it), but labels, event names, topics, paths and descriptions are
// free text: everything that is not a DNS label goes through one of these before it is written.

/** A string literal for TypeScript/JavaScript (double-quoted, every special character escaped). */
export function tsString(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A string literal for Python (JSON escapes are valid Python escapes). */
export function pyString(value: string): string {
  return tsString(value);
}

/** Text safe inside a one-line `//`, `#` or `/* *\/` comment: no newlines, no comment terminator. */
export function commentText(value: string, max = 200): string {
  // U+0085, U+2028 and U+2029 are line breaks to YAML 1.1 and Go parsers: they would end the comment.
  const flat = value.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ').replace(/\*\//g, '* /').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A single-quoted POSIX shell word. */
export function shQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Text safe in one line of Markdown prose: no HTML, no link or emphasis syntax from user text,
 * and no tabs, control characters, line breaks or runs of spaces (markdownlint stays quiet).
 */
export function mdText(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\`*_{}[\]()#+!|<>~])/g, '\\$1');
}

function words(value: string): string[] {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

function identOr(value: string, fallback: string): string {
  const s = value || fallback;
  return /^[0-9]/.test(s) ? `_${s}` : s;
}

// Reserved words of the generated languages (JS/TS strict mode and Python): an identifier derived
// from a name must never be one of them.
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package ' +
    'private protected public await arguments eval async and as assert def del elif except from global is lambda nonlocal not or pass raise ' +
    'None True False'
  ).split(' '),
);

/** `ident`, or `ident_` when it is a reserved word in TypeScript or Python. */
export function unreserved(ident: string): string {
  return RESERVED.has(ident) ? `${ident}_` : ident;
}

/** PascalCase identifier valid in TS, Python and proto (letters/digits, never starting with a digit). */
export function pascalIdent(value: string, fallback = 'Item'): string {
  return identOr(words(value).map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join(''), fallback);
}

/** camelCase identifier. */
export function camelIdent(value: string, fallback = 'item'): string {
  const p = pascalIdent(value, fallback);
  return p.startsWith('_') ? p : p[0].toLowerCase() + p.slice(1);
}

/** snake_case identifier (Python modules, SQL tables). */
export function snakeIdent(value: string, fallback = 'item'): string {
  return identOr(words(value).map((w) => w.toLowerCase()).join('_'), fallback);
}

/** CONSTANT_CASE, e.g. for environment variable names. */
export function constantIdent(value: string, fallback = 'ITEM'): string {
  return snakeIdent(value, fallback.toLowerCase()).toUpperCase();
}

/** A broker-safe channel name (RabbitMQ routing key, Kafka topic, NATS subject): [a-z0-9._-]. */
export function channelName(value: string, fallback = 'events'): string {
  const s = value
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 200);
  return s || fallback;
}

/** An HTTP path safe for nginx `location` and route tables: /segment/{param} style, no spaces, quotes or dot segments. */
export function safePath(value: string): string {
  const s = value
    .split('/')
    .map((seg) => seg.replace(/[^A-Za-z0-9._~:{}-]/g, ''))
    // Dot-only segments would let a route climb out of its prefix (`/api/../admin`).
    .filter((seg) => seg !== '' && !/^\.+$/.test(seg))
    .join('/');
  return `/${s}`;
}

/**
 * An http(s) URL in plain ASCII (punycode host, percent-encoded path) with nothing a shell, a
 * .env file or a template would interpolate; `undefined` when the text is no such URL.
 */
export function safeHttpUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // URL adds "/" to a bare origin; keep the user's form.
  const href = url.pathname === '/' && !url.search && !url.hash && !value.trim().endsWith('/') ? url.href.slice(0, -1) : url.href;
  return /^[\x21-\x7e]+$/.test(href) && !/["'`$\\]/.test(href) ? href : undefined;
}
