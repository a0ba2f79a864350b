import { Document, visit } from 'yaml';
import { commentText } from '../escape';

// Written the YAML 1.1 way, as deploy/shared.ts does: the library then quotes every string a 1.1
// parser (PyYAML, Kubernetes) would read as a boolean, null, number or date (`on`, `yes`, `1:20`),
// and 1.2 parsers read those quoted strings the same. The one 1.2-only form, `0o17` octal, is
// quoted here too, in keys as well as values (event field names become JSON Schema keys).
const OCTAL_1_2 = /^[-+]?0o[0-7]+$/;

function hasOctal(value: unknown): boolean {
  if (typeof value === 'string') return OCTAL_1_2.test(value);
  if (Array.isArray(value)) return value.some(hasOctal);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => OCTAL_1_2.test(k) || hasOctal(v));
  return false;
}

/** YAML text of a value (the `yaml` library does all quoting), no anchors, no folding, with header comment lines. */
export function toYaml(value: unknown, header: readonly string[] = []): string {
  const doc = new Document(value, { version: '1.1', aliasDuplicateObjects: false });
  if (hasOctal(value)) {
    visit(doc, {
      Scalar(_, node) {
        if (typeof node.value === 'string' && OCTAL_1_2.test(node.value)) node.type = 'QUOTE_DOUBLE';
      },
    });
  }
  if (header.length) doc.commentBefore = header.map((line) => ` ${commentText(line, 300)}`).join('\n');
  return doc.toString({ lineWidth: 0, minContentWidth: 0 });
}
