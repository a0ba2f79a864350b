import type { Design } from '@/lib/model';
import { getGraph } from '@/lib/graph';
import { buildProject } from './project';
import { GENERATORS } from './registry';
import type { ExportOptions, GeneratedFile, GeneratorContext, TemplateSource } from './types';
import { DEFAULT_VERSIONS } from './versions';

export * from './types';
export * from './project';
export * from './escape';
export { render } from './render';
export { DEFAULT_VERSIONS, type ToolVersions } from './versions';
export { GENERATORS } from './registry';

/** Options with every field filled from the design's settings and defaults. */
export function resolveOptions(design: Design, partial: Partial<ExportOptions> = {}): ExportOptions {
  return {
    stacks: partial.stacks ?? {},
    targets: partial.targets ?? [...design.settings.targets],
    observability: partial.observability ?? true,
    ci: partial.ci ?? true,
    gateway: partial.gateway ?? true,
    date: partial.date ?? '2026-01-01',
    versions: partial.versions ?? DEFAULT_VERSIONS,
  };
}

/** A path generators may emit: relative, POSIX, no `..`, no empty or hidden-traversal segments. */
export function isSafeOutputPath(path: string): boolean {
  if (!path || path.startsWith('/') || path.includes('\\') || path.length > 300) return false;
  return path.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..' && /^[A-Za-z0-9._@-]+$/.test(seg));
}

/**
 * Runs every applicable generator and returns the project's files sorted by path. Throws when two
 * generators emit the same path or a path is unsafe: both are generator bugs, never user input.
 */
export function generateProject(design: Design, options: ExportOptions, templates: TemplateSource, only?: readonly string[]): GeneratedFile[] {
  const graph = getGraph(design);
  const project = buildProject(design, graph, options);
  const ctx: GeneratorContext = { design, graph, options, project, templates };
  const byPath = new Map<string, { file: GeneratedFile; by: string }>();
  for (const gen of GENERATORS.values()) {
    if (only && !only.includes(gen.id)) continue;
    if (gen.applies && !gen.applies(ctx)) continue;
    for (const file of gen.generate(ctx)) {
      if (!isSafeOutputPath(file.path)) throw new Error(`Generator ${gen.id} emitted an unsafe path: ${JSON.stringify(file.path)}`);
      const prior = byPath.get(file.path);
      if (prior) throw new Error(`Generators ${prior.by} and ${gen.id} both emit ${file.path}`);
      byPath.set(file.path, { file, by: gen.id });
    }
  }
  return [...byPath.keys()].sort().map((p) => byPath.get(p)!.file);
}
