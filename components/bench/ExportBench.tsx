'use client';

import { useEffect, useState } from 'react';
import { syntheticSystem } from '@/lib/model/syntheticSystem';
import type { ExportRequest, ExportResponse } from '@/components/export/protocol';

export interface ExportBenchRun {
  services: number;
  totalMs: number;
  generateMs: number;
  zipMs: number;
  zipBytes: number;
  files: number;
  /** Longest main-thread task while the export ran: the UI must not freeze. */
  longestTaskMs: number;
}

declare global {
  interface Window {
    __exportBench?: { done: boolean; runs: ExportBenchRun[]; error?: string };
  }
}

/**
 * Exports synthetic systems through the same worker the Export dialog uses and records, per run,
 * the wall time from request to zip bytes on the main thread. `?sizes=10,50,100&runs=7`.
 */
export function ExportBench() {
  const [status, setStatus] = useState('starting');
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    const sizes = (params.get('sizes') ?? '10,50,100').split(',').map(Number).filter((n) => n > 0);
    const runs = Number(params.get('runs') ?? 7);
    const result: NonNullable<Window['__exportBench']> = { done: false, runs: [] };
    window.__exportBench = result;
    const worker = new Worker(new URL('../export/export.worker.ts', import.meta.url), { type: 'module', name: 'archwright-export-bench' });
    let longest = 0;
    const observer = typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('longtask')
      ? new PerformanceObserver((list) => list.getEntries().forEach((e) => (longest = Math.max(longest, e.duration))))
      : null;
    observer?.observe({ type: 'longtask' });
    const once = (req: ExportRequest) =>
      new Promise<Extract<ExportResponse, { type: 'done' }>>((resolve, reject) => {
        worker.onmessage = (e: MessageEvent<ExportResponse>) => {
          if (e.data.id !== req.id) return;
          if (e.data.type === 'done') resolve(e.data);
          else if (e.data.type === 'error') reject(new Error(e.data.message));
        };
        worker.postMessage(req);
      });
    (async () => {
      let id = 0;
      // One warm-up export loads templates and JITs the generators.
      await once({ id: ++id, design: syntheticSystem(10), options: { date: '2026-01-01' } });
      for (const services of sizes) {
        const design = syntheticSystem(services);
        for (let r = 0; r < runs; r++) {
          setStatus(`${services} services, run ${r + 1}/${runs}`);
          longest = 0;
          const t0 = performance.now();
          const done = await once({ id: ++id, design, options: { date: '2026-01-01' } });
          const totalMs = performance.now() - t0;
          result.runs.push({ services, totalMs, generateMs: done.generateMs, zipMs: done.zipMs, zipBytes: done.zip.length, files: done.files.length, longestTaskMs: longest });
        }
      }
    })()
      .catch((e: unknown) => (result.error = e instanceof Error ? e.message : String(e)))
      .finally(() => {
        result.done = true;
        observer?.disconnect();
        worker.terminate();
        setStatus(result.error ? `failed: ${result.error}` : 'done');
      });
  }, []);
  return <p className="p-4 font-mono text-sm" data-testid="bench-status">{status}</p>;
}
