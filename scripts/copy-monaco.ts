// Copies Monaco's prebuilt AMD bundle (node_modules/monaco-editor/min/vs) to public/monaco/vs, so
// the export preview loads the editor on demand from our own origin: it never enters the app's
// JavaScript bundle and needs no CDN. Skips the copy when the installed version is already there.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..');
const pkgDir = path.join(root, 'node_modules', 'monaco-editor');
const from = path.join(pkgDir, 'min', 'vs');
const to = path.join(root, 'public', 'monaco', 'vs');
const stamp = path.join(root, 'public', 'monaco', 'VERSION');

const version = (JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
if (!existsSync(path.join(from, 'loader.js'))) throw new Error(`monaco-editor ${version} has no min/vs/loader.js; the export preview needs its AMD build.`);
if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === version && existsSync(path.join(to, 'loader.js'))) {
  console.log(`monaco-editor ${version} already in public/monaco`);
} else {
  rmSync(path.join(root, 'public', 'monaco'), { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  cpSync(from, to, { recursive: true });
  writeFileSync(stamp, `${version}\n`);
  console.log(`copied monaco-editor ${version} to public/monaco/vs`);
}
