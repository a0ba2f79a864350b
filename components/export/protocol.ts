import type { Design } from '@/lib/model';
import type { ExportOptions, GeneratedFile } from '@/lib/generators/types';

/** Main thread → export worker. */
export interface ExportRequest {
  id: number;
  design: Design;
  options: Partial<ExportOptions>;
}

/** Export worker → main thread. */
export type ExportResponse =
  | { id: number; type: 'progress'; phase: 'templates' | 'generating' | 'zipping'; percent: number }
  | { id: number; type: 'done'; files: GeneratedFile[]; sizes: Record<string, number>; zip: Uint8Array; generateMs: number; zipMs: number }
  | { id: number; type: 'error'; message: string };
