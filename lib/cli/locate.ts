import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';

/**
 * The 1-based line where each node, edge, event and group is defined in the design file (the
 * start of its list item), for clickable locations in text and SARIF output. Best effort:
 * anything unexpected yields an empty map and callers fall back to line 1.
 */
export function elementLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  try {
    // JSON is YAML 1.2 flow syntax, so one parser gives positions for both formats.
    const counter = new LineCounter();
    const doc = parseDocument(text, { lineCounter: counter, keepSourceTokens: false, logLevel: 'silent', uniqueKeys: false });
    const design = doc.get('design', true) as YamlNode | undefined;
    if (!isMap(design)) return lines;
    for (const list of ['nodes', 'edges', 'events', 'groups']) {
      const seq = design.get(list, true) as YamlNode | undefined;
      if (!isSeq(seq)) continue;
      for (const item of seq.items) {
        if (!isMap(item) || !item.range) continue;
        const id = item.get('id');
        if (typeof id === 'string' && !lines.has(id)) lines.set(id, counter.linePos(item.range[0]).line);
      }
    }
  } catch {
    // Positions are a convenience; the file itself already parsed.
  }
  return lines;
}
