// Project assembly: the one function the UI's export worker and the CLI both call, so a design
// and a set of options give the same files and the same zip bytes in the browser and in Node.
import type { Design } from '@/lib/model';
import { generateProject, resolveOptions, type ExportOptions, type GeneratedFile, type ServiceStack, type TemplateSource } from '@/lib/generators';
import { zipFiles } from './zip';

export { zipFiles, zipDate, type ZipOptions } from './zip';
export { templatesFromRecord, type TemplateRecord } from './templates';

/** Where the browser fetches the template bundle that `scripts/copy-templates.ts` writes. */
export const TEMPLATE_BUNDLE_URL = '/templates/export-templates.json';

export interface ExportResult {
  /** The options generation ran with (every field resolved). */
  options: ExportOptions;
  /** The project's files, sorted by path. */
  files: GeneratedFile[];
}

/** Generates the project's files for a design: options resolved from the design, then every generator. */
export function exportProject(design: Design, partial: Partial<ExportOptions>, templates: TemplateSource): ExportResult {
  const options = resolveOptions(design, partial);
  return { options, files: generateProject(design, options, templates) };
}

/** Generates and zips in one call; `zip` is exactly what "Download .zip" and `archwright export --out x.zip` write. */
export async function exportProjectZip(
  design: Design,
  partial: Partial<ExportOptions>,
  templates: TemplateSource,
  onProgress?: (percent: number) => void,
): Promise<ExportResult & { zip: Uint8Array }> {
  const result = exportProject(design, partial, templates);
  const zip = await zipFiles(result.files, { date: result.options.date, onProgress });
  return { ...result, zip };
}

/** A stack for every service node (the CLI's `--stack`), as ExportOptions.stacks. */
export function stackForAll(design: Design, stack: ServiceStack): Record<string, ServiceStack> {
  const stacks: Record<string, ServiceStack> = {};
  for (const node of design.nodes) if (node.kind === 'service') stacks[node.id] = stack;
  return stacks;
}

/** Today's date in UTC as YYYY-MM-DD: the default export date (UTC so every time zone agrees). */
export function todayUtc(now: number = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** `<design-name>.zip` with the name reduced to safe file-name characters. */
export function zipFileName(design: Design): string {
  const base = design.name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return `${base || 'archwright-project'}.zip`;
}
