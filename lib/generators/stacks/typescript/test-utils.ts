// Test helpers (Node only; imported by tests, never by generators).
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDesignText, type Design } from '@/lib/model';
import { generateProject, resolveOptions, type ExportOptions, type GeneratedFile, type TemplateSource } from '../../index';
import type { TsStack } from './files';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** The templates under templates/ read from disk (lib/generators may not import lib/export). */
export function diskTemplates(root = path.join(REPO_ROOT, 'templates')): TemplateSource {
  const all: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const key = rel ? `${rel}/${name}` : name;
      if (statSync(full).isDirectory()) walk(full, key);
      else all.push(key);
    }
  };
  walk(root, '');
  return {
    get(p) {
      if (!all.includes(p)) throw new Error(`Template not found: templates/${p}`);
      return readFileSync(path.join(root, p), 'utf8');
    },
    list(prefix) {
      return all.filter((p) => p.startsWith(prefix));
    },
  };
}

/** A design from templates/designs/. */
export function loadDesign(file: string): Design {
  const text = readFileSync(path.join(REPO_ROOT, 'templates', 'designs', file), 'utf8');
  const result = parseDesignText(text, file);
  if (!result.ok) throw new Error(`${file}: ${result.error}`);
  return result.design;
}

/** Export options putting every service of `design` on `stack`. */
export function allOn(design: Design, stack: TsStack): Partial<ExportOptions> {
  return { stacks: Object.fromEntries(design.nodes.filter((n) => n.kind === 'service').map((n) => [n.id, stack])) };
}

/** The files one generator emits for `design`. */
export function generateWith(generatorId: string, design: Design, partial: Partial<ExportOptions> = {}): GeneratedFile[] {
  return generateProject(design, resolveOptions(design, partial), diskTemplates(), [generatorId]);
}

/** Writes files under `dir`. */
export function writeFiles(dir: string, files: readonly GeneratedFile[]): void {
  for (const f of files) {
    const full = path.join(dir, f.path);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, f.content, f.executable ? { mode: 0o755 } : undefined);
  }
}
