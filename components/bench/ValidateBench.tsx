'use client';

import { useEffect, useState } from 'react';
import { ALL_SIZES, formatRow, runValidationBench, type BenchRow } from '@/bench/validate-core';

declare global {
  interface Window {
    __validateBench?: { done: boolean; rows: BenchRow[]; crossOriginIsolated: boolean; error?: string };
  }
}

/**
 * Runs the validation benchmark in the browser, on the main thread as the editor's live
 * validation does, with the production build of the engine. `?sizes=1000,10000`.
 */
export function ValidateBench() {
  const [lines, setLines] = useState<string[]>(['starting']);
  useEffect(() => {
    const wanted = new URLSearchParams(location.search).get('sizes')?.split(',');
    const sizes = wanted ? ALL_SIZES.filter((s) => wanted.includes(String(s.nodes))) : ALL_SIZES;
    // Cross-origin isolation (COOP/COEP headers on this route) gives performance.now() 5 µs
    // resolution instead of 100 µs, which matters for the small designs.
    const result: NonNullable<Window['__validateBench']> = { done: false, rows: [], crossOriginIsolated: window.crossOriginIsolated };
    window.__validateBench = result;
    // Let the page paint first; the benchmark then blocks the main thread until it is done.
    const h = setTimeout(() => {
      try {
        runValidationBench(sizes, { onRow: (row) => result.rows.push(row) });
      } catch (e) {
        result.error = e instanceof Error ? e.message : String(e);
      }
      result.done = true;
      setLines(result.error ? [`failed: ${result.error}`] : result.rows.map(formatRow));
    }, 50);
    return () => clearTimeout(h);
  }, []);
  return (
    <pre className="p-4 font-mono text-xs" data-testid="bench-status">
      {lines.join('\n')}
    </pre>
  );
}
