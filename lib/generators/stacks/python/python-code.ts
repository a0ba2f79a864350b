// Spelling values as Python source. Everything from the design that reaches a .py file goes
// through pyString (literals), commentText (comments) or pyIdent (identifiers).
import { pyString, snakeIdent } from '../../escape';

const PY_KEYWORDS = new Set([
  'false', 'none', 'true', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield', 'match', 'case', 'type', 'print', 'self', 'cls',
]);

/** Names a pydantic model field must not take (BaseModel API, and type names used in annotations). */
export const PYDANTIC_RESERVED: ReadonlySet<string> = new Set([
  'dict', 'json', 'copy', 'construct', 'validate', 'schema', 'schema_json', 'fields', 'parse_obj', 'parse_raw', 'parse_file',
  'from_orm', 'update_forward_refs', 'config', 'str', 'int', 'float', 'bool', 'list', 'tuple', 'object', 'any', 'optional',
  'datetime', 'uuid', 'field', 'base_model', 'secret_str',
]);

/** A snake_case Python identifier: never a keyword, a `reserved` name, or private (leading `_`). */
export function pyIdent(value: string, fallback = 'item', reserved: ReadonlySet<string> = new Set()): string {
  let s = snakeIdent(value, fallback);
  if (s.startsWith('_')) s = `n${s}`;
  if (s.startsWith('model_')) s = `f_${s}`;
  if (PY_KEYWORDS.has(s) || reserved.has(s)) s = `${s}_`;
  return s;
}

/** Hands out unique identifiers within one scope (`name`, `name_2`, …). */
export class PyNames {
  private readonly used = new Set<string>();

  constructor(private readonly reserved: ReadonlySet<string> = new Set()) {}

  /** Marks an identifier as taken without deriving it. */
  claim(ident: string): string {
    this.used.add(ident);
    return ident;
  }

  /** A unique identifier derived from free text. */
  take(value: string, fallback = 'item'): string {
    return this.unique(pyIdent(value, fallback, this.reserved));
  }

  /** `ident`, or `ident_2`, `ident_3`… when taken. */
  unique(ident: string): string {
    let out = ident;
    for (let i = 2; this.used.has(out) || this.reserved.has(out); i++) out = `${ident.replace(/_+$/, '')}_${i}`;
    this.used.add(out);
    return out;
  }
}

/** A Python string literal. */
export const py = pyString;

/** `True` / `False`. */
export function pyBool(value: boolean): string {
  return value ? 'True' : 'False';
}

/** An integer literal (throws on anything that is not a safe integer: a generator bug). */
export function pyInt(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`Not an integer: ${value}`);
  return String(value);
}

/** Milliseconds as a float literal in seconds, e.g. 1500 → `1.5`. */
export function pySeconds(ms: number): string {
  const s = pyInt(ms) === '0' ? 0 : ms / 1000;
  return Number.isInteger(s) ? `${s}.0` : String(s);
}

/** Lines indented by `spaces`, empty lines left empty. */
export function indent(lines: readonly string[], spaces: number): string {
  const pad = ' '.repeat(spaces);
  return lines.map((l) => (l ? pad + l : l)).join('\n');
}

/**
 * A multi-line Python collection display: `open` + one item per line + `close`, or just
 * `open + close` when empty. `level` is the indentation of the line the display starts on.
 */
export function pyCollection(open: string, close: string, items: readonly string[], level: number): string {
  if (!items.length) return open + close;
  return [open, ...items.map((i) => ' '.repeat(level + 4) + i), ' '.repeat(level) + close].join('\n');
}
