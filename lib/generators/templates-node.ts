// Node only (reads the file system): the CLI (through lib/export/node.ts) and the tests load
// templates here; the browser loads public/templates/export-templates.json instead. Never import
// this from generator code or the export worker.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { templatesFromRecord, type TemplateRecord } from './templates';
import type { TemplateSource } from './types';

/** Reads every file under `templatesDir` except `designs/` (starter designs, not export templates). */
export function loadTemplateRecord(templatesDir: string): TemplateRecord {
  const record: TemplateRecord = {};
  const walk = (dir: string, rel: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const key = rel ? `${rel}/${entry.name}` : entry.name;
      if (key === 'designs') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, key);
      // Symlinks and other special files are skipped: templates are plain files in the repo.
      else if (entry.isFile()) record[key] = readFileSync(full, 'utf8');
    }
  };
  walk(templatesDir, '');
  return record;
}

/** The export templates under `templatesDir` (e.g. `<repo>/templates`) as a TemplateSource. */
export function loadTemplatesFromDisk(templatesDir: string): TemplateSource {
  return templatesFromRecord(loadTemplateRecord(templatesDir));
}
