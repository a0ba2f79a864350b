import type { TemplateSource } from './types';

/** Template files by path relative to templates/ (POSIX): what `export-templates.json` holds. */
export type TemplateRecord = Record<string, string>;

/** Wraps a path → text record (the browser bundle, or files read from disk) as a TemplateSource. */
export function templatesFromRecord(record: TemplateRecord): TemplateSource {
  const texts = new Map<string, string>();
  for (const [path, text] of Object.entries(record)) {
    if (typeof text !== 'string') throw new Error(`Template ${path} is not text.`);
    texts.set(path, text);
  }
  // Code-unit order, not localeCompare: generators must emit the same order in every locale.
  const paths = [...texts.keys()].sort();
  return {
    get(path) {
      const text = texts.get(path);
      if (text === undefined) throw new Error(`Template not found: templates/${path}`);
      return text;
    },
    list(prefix) {
      return paths.filter((p) => p.startsWith(prefix));
    },
  };
}
