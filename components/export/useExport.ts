'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Design } from '@/lib/model';
import type { ExportOptions, GeneratedFile } from '@/lib/generators/types';
import type { ExportRequest, ExportResponse } from './protocol';

export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; phase: string; percent: number; previous?: ExportResult }
  | { status: 'done'; result: ExportResult }
  | { status: 'error'; message: string; previous?: ExportResult };

export interface ExportResult {
  files: GeneratedFile[];
  /** UTF-8 size of each file by path. */
  sizes: Record<string, number>;
  zip: Uint8Array;
  generateMs: number;
  zipMs: number;
}

const PHASES: Record<string, string> = { templates: 'Loading templates', generating: 'Generating files', zipping: 'Zipping' };

/** Runs exports in a dedicated Web Worker; a newer request supersedes an older one. */
export function useExport() {
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const [state, setState] = useState<ExportState>({ status: 'idle' });

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  const run = useCallback((design: Design, options: Partial<ExportOptions>) => {
    if (!worker.current) {
      worker.current = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'archwright-export' });
      worker.current.onmessage = (event: MessageEvent<ExportResponse>) => {
        const msg = event.data;
        if (msg.id !== seq.current) return; // superseded
        if (msg.type === 'progress') {
          setState((s) => ({ status: 'running', phase: PHASES[msg.phase] ?? msg.phase, percent: msg.percent, previous: previousOf(s) }));
        } else if (msg.type === 'done') {
          setState({ status: 'done', result: { files: msg.files, sizes: msg.sizes, zip: msg.zip, generateMs: msg.generateMs, zipMs: msg.zipMs } });
        } else {
          setState((s) => ({ status: 'error', message: msg.message, previous: previousOf(s) }));
        }
      };
      worker.current.onerror = (e) => {
        setState((s) => ({ status: 'error', message: e.message || 'The export worker failed to start.', previous: previousOf(s) }));
      };
    }
    const id = ++seq.current;
    setState((s) => ({ status: 'running', phase: 'Starting', percent: 0, previous: previousOf(s) }));
    const request: ExportRequest = { id, design, options };
    worker.current.postMessage(request);
  }, []);

  return { state, run };
}

function previousOf(s: ExportState): ExportResult | undefined {
  if (s.status === 'done') return s.result;
  if (s.status === 'running' || s.status === 'error') return s.previous;
  return undefined;
}

/** Saves bytes as a download named `name`. */
export function downloadBytes(bytes: Uint8Array, name: string, type = 'application/zip') {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
