// Test helpers (Node only; imported by tests, never by generators).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Design } from '@/lib/model';
import { generateProject, resolveOptions, type ExportOptions, type GeneratedFile } from '../../index';
import type { TsStack } from './files';

export { diskTemplates, loadDesign, REPO_ROOT } from '../../test-support';
import { diskTemplates } from '../../test-support';

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
