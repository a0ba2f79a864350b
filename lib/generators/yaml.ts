// The one YAML writer of the generators: every generated YAML file goes through `toYaml` (the
// yaml library), never through string concatenation.
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

/**
 * Serializes one YAML document: ambiguous strings quoted for 1.1 and 1.2 parsers, no anchors,
 * no folding, and `header` (free text; one comment line per entry or per line) on top.
 */
export function toYaml(value: unknown, header?: string | readonly string[]): string {
  const doc = new Document(value, { version: '1.1', aliasDuplicateObjects: false });
  // The visitor pass costs as much as building the document: only walk when a string needs it.
  if (needsQuotes(value)) visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && (OCTAL_1_2.test(node.value) || BREAKS.test(node.value))) node.type = 'QUOTE_DOUBLE';
    },
  });
  const lines = header === undefined ? [] : typeof header === 'string' ? header.split(/\r\n|[\r\n\u0085\u2028\u2029]/) : header;
  if (lines.length) doc.commentBefore = lines.map((line) => (line ? ` ${commentText(line, 1000)}` : '')).join('\n');
  return doc
    .toString({ lineWidth: 0, minContentWidth: 0 })
    .replace(/\u0085/g, '\\N')
    .replace(/\u2028/g, '\\L')
    .replace(/\u2029/g, '\\P');
}

/** Several YAML documents in one file, separated by `---`. */
export function toYamlStream(values: readonly unknown[], header?: string | readonly string[]): string {
  return values.map((v, i) => toYaml(v, i === 0 ? header : undefined)).join('---\n');
}
