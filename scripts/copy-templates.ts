// Copies the starter designs (templates/designs/*.archwright.yaml) to public/templates/, where
// the app serves them, and bundles every export template (templates/ except designs/) into
// public/templates/export-templates.json for the export worker. Stale copies of removed
// templates are deleted. Run: npx tsx scripts/copy-templates.ts
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadTemplateRecord } from '../lib/export/node';

const root = path.join(__dirname, '..');
const from = path.join(root, 'templates', 'designs');
const to = path.join(root, 'public', 'templates');
const isDesign = (name: string) => name.endsWith('.archwright.yaml');

const files = readdirSync(from).filter(isDesign).sort();
if (files.length === 0) throw new Error(`No *.archwright.yaml files in ${path.relative(root, from)}.`);

mkdirSync(to, { recursive: true });
for (const name of readdirSync(to).filter(isDesign)) {
  if (!files.includes(name)) rmSync(path.join(to, name));
}
for (const name of files) copyFileSync(path.join(from, name), path.join(to, name));
console.log(`copied ${files.length} design templates to ${path.relative(process.cwd(), to) || '.'}`);

// Same record the CLI reads from disk (keys sorted), so browser and CLI exports match byte for byte.
const record = loadTemplateRecord(path.join(root, 'templates'));
const bundle = path.join(to, 'export-templates.json');
writeFileSync(bundle, JSON.stringify(record));
console.log(`bundled ${Object.keys(record).length} export templates into ${path.relative(process.cwd(), bundle)}`);
