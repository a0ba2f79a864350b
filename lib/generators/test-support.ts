// Test-only helpers shared by every generator folder and lib/export (Node only; never imported by
// generator code): the repository root, the templates on disk and the starter designs.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDesignText, type Design } from '@/lib/model';
import { loadTemplatesFromDisk } from './templates-node';
import type { TemplateSource } from './types';

export const REPO_ROOT = path.resolve(__dirname, '../..');
const DESIGNS = path.join(REPO_ROOT, 'templates', 'designs');

let templates: TemplateSource | undefined;
/** The export templates under templates/, read once per test file. */
export function diskTemplates(): TemplateSource {
  templates ??= loadTemplatesFromDisk(path.join(REPO_ROOT, 'templates'));
  return templates;
}

/** A starter design from templates/designs/ by file name, parsed like a user's file. */
export function loadDesign(file: string): Design {
  const result = parseDesignText(readFileSync(path.join(DESIGNS, file), 'utf8'), file);
  if (!result.ok) throw new Error(`${file}: ${result.error}`);
  return result.design;
}

/** Every starter design, by file stem (ecommerce, fintech…), sorted; parsed afresh on each call. */
export function starterDesigns(): { id: string; design: Design }[] {
  return readdirSync(DESIGNS)
    .filter((f) => f.endsWith('.archwright.yaml'))
    .sort()
    .map((f) => ({ id: f.replace('.archwright.yaml', ''), design: loadDesign(f) }));
}
