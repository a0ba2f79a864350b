import { Document } from 'yaml';
import { commentText } from '../escape';

/** YAML text of a value (the `yaml` library does all quoting), no anchors, no folding, with header comment lines. */
export function toYaml(value: unknown, header: readonly string[] = []): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  if (header.length) doc.commentBefore = header.map((line) => ` ${commentText(line, 300)}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}
