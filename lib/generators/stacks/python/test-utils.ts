// Test helpers (Node only; imported by tests, never by generators).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDesignText, type Design } from '@/lib/model';
import { generateProject, resolveOptions, type ExportOptions, type GeneratedFile, type TemplateSource } from '../../index';

export { diskTemplates, REPO_ROOT } from '../../test-support';
import { diskTemplates, REPO_ROOT } from '../../test-support';

/** A starter design from templates/designs/. */
export function loadTemplateDesign(file: string): Design {
  const text = readFileSync(path.join(REPO_ROOT, 'templates', 'designs', file), 'utf8');
  const result = parseDesignText(text, file);
  if (!result.ok) throw new Error(`${file}: ${result.error}`);
  return result.design;
}

/** The design with every service on the fastapi stack. */
export function allFastapi(design: Design): Partial<ExportOptions> {
  return { stacks: Object.fromEntries(design.nodes.filter((n) => n.kind === 'service').map((n) => [n.id, 'fastapi' as const])) };
}

let shared: TemplateSource | undefined;

/** Only the fastapi generator's files. */
export function generateFastapi(design: Design, partial: Partial<ExportOptions> = {}): GeneratedFile[] {
  shared ??= diskTemplates();
  return generateProject(design, resolveOptions(design, partial), shared, ['fastapi']);
}

/** Writes files under `dir`. */
export function writeFiles(dir: string, files: readonly GeneratedFile[]): void {
  for (const f of files) {
    const full = path.join(dir, f.path);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, f.content, f.executable ? { mode: 0o755 } : undefined);
  }
}
