'use client';

import { useEffect, useMemo, useState } from 'react';
import { syntheticDesign } from '@/lib/model/synthetic';
import { Editor } from '@/components/editor/Editor';
import { EditorProvider } from '@/components/editor/EditorProvider';
import { BareCanvas } from './BareCanvas';
import { useBenchReadySignal } from './readySignal';

function EditorBench({ design }: { design: ReturnType<typeof syntheticDesign> }) {
  useBenchReadySignal();
  return (
    <EditorProvider initialDesign={design}>
      <Editor />
    </EditorProvider>
  );
}

/**
 * The benchmark page: a generated design in the real editor (in memory, never saved over the
 * user's designs) or in a bare React Flow page. Parameters come from the query string.
 */
export function BenchCanvas() {
  const [params, setParams] = useState<{ mode: string; n: number } | null>(null);
  useEffect(() => {
    const q = new URLSearchParams(window.location.search);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- read the query once on the client
    setParams({ mode: q.get('mode') ?? 'editor', n: Math.min(5000, Math.max(1, Number(q.get('n')) || 100)) });
  }, []);
  const design = useMemo(() => (params ? syntheticDesign(params.n, 2) : null), [params]);
  if (!params || !design) return null;
  if (params.mode === 'bare') return <BareCanvas design={design} />;
  return <EditorBench design={design} />;
}
