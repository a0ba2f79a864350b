// Generates and zips the project off the main thread: the designer stays responsive while a
// large design exports. Templates are fetched once per worker from the bundle prepare-assets writes.
import type { TemplateSource } from '@/lib/generators/types';
import { exportProject, TEMPLATE_BUNDLE_URL, templatesFromRecord, zipFiles } from '@/lib/export';
import type { ExportRequest, ExportResponse } from './protocol';

let templates: Promise<TemplateSource> | null = null;

function loadTemplates(): Promise<TemplateSource> {
  templates ??= fetch(TEMPLATE_BUNDLE_URL)
    .then((r) => {
      if (!r.ok) throw new Error(`Could not load the code templates (HTTP ${r.status}).`);
      return r.json() as Promise<Record<string, string>>;
    })
    .then(templatesFromRecord)
    .catch((e: unknown) => {
      templates = null; // let the next export try again
      throw e;
    });
  return templates;
}

const post = (msg: ExportResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(msg, transfer);

self.onmessage = async (event: MessageEvent<ExportRequest>) => {
  const { id, design, options } = event.data;
  try {
    post({ id, type: 'progress', phase: 'templates', percent: 0 });
    const source = await loadTemplates();
    post({ id, type: 'progress', phase: 'generating', percent: 10 });
    const t0 = performance.now();
    // The same assembly as the CLI's `archwright export`, so the bytes match.
    const { options: resolved, files } = exportProject(design, options, source);
    const t1 = performance.now();
    post({ id, type: 'progress', phase: 'zipping', percent: 40 });
    let last = 0;
    // Byte sizes for the file tree, from the zip writer's own encoding (not re-encoded on the main thread).
    const sizes: Record<string, number> = {};
    const zip = await zipFiles(files, {
      date: resolved.date,
      onFileSize: (path, bytes) => (sizes[path] = bytes),
      onProgress: (p) => {
        // Throttled: progress messages are cheap, but not thousands of them.
        if (p - last >= 10) {
          last = p;
          post({ id, type: 'progress', phase: 'zipping', percent: 40 + Math.round(p * 0.6) });
        }
      },
    });
    const t2 = performance.now();
    post({ id, type: 'done', files, sizes, zip, generateMs: t1 - t0, zipMs: t2 - t1 }, [zip.buffer as ArrayBuffer]);
  } catch (e) {
    post({ id, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
