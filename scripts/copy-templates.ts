// Copies the starter designs (templates/designs/*.archwright.yaml) to public/templates/, where
// the app serves them. Stale copies of removed templates are deleted. Run: npx tsx scripts/copy-templates.ts
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

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
