// Markdown building blocks for generated docs. Free text goes through mdText (escape.ts) and then
// through the extra escapes here, so user text can neither change the document's structure nor
// trip markdownlint: no bare URLs or e-mail autolinks, no list/heading/rule markers at the start
// of a line, no tabs, control characters or trailing spaces.
import { mdText } from '../escape';

/** Free text as one escaped line of Markdown prose (never empty unless the text is). */
export function mdProse(value: string): string {
  const flat = value
    .replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (
    mdText(flat)
      // Bare URLs, www. links and e-mail addresses would become autolinks (and MD034 findings).
      .replace(/:\/\//g, '\\://')
      .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
      .replace(/@/g, '\\@')
      // A line starting with -, =, +, a number and "." or ")" would be a list, heading or rule.
      .replace(/^([-=])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
      .replace(/&/g, '&amp;')
  );
}

/** Free text for a heading: escaped, trailing punctuation dropped (MD026), with a fallback. */
export function mdHeading(value: string, fallback = 'Untitled'): string {
  const trimmed = value
    .replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,;:!。，；：！\s]+$/u, '');
  return mdProse(trimmed) || mdProse(fallback);
}

/** A table cell: escaped prose, or a dash when empty. */
export function mdCell(value: string): string {
  return mdProse(value) || '-';
}

/** Inline code (paths, names, commands): one line, no backticks, no spaces at either end (MD038). */
export function mdCode(value: string): string {
  const safe = value
    .replace(/[`\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // A pipe would split a table cell even inside a code span (GFM): escape it, and drop
    // backslashes before it, which would escape the escape.
    .replace(/\\+\|/g, '|')
    .replace(/\|/g, '\\|');
  return safe ? `\`${safe}\`` : '-';
}

/** A GitHub-flavoured table from already escaped cells. */
export function mdTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c || '-').join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A bullet list from already escaped items (or a fallback sentence when there are none). */
export function mdList(items: readonly string[], empty = 'None.'): string {
  return items.length ? items.map((i) => `- ${i}`).join('\n') : empty;
}

/** Final touches on a rendered document: no runs of blank lines, no trailing spaces, one final newline. */
export function mdFinish(text: string): string {
  return `${text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/** Free text split into escaped paragraphs (blank lines separate them). */
export function mdParagraphs(value: string, empty: string): string {
  const paras = value
    .split(/\r?\n\s*\r?\n/)
    .map(mdProse)
    .filter(Boolean);
  return paras.length ? paras.join('\n\n') : empty;
}

