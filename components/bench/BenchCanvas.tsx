'use client';

import { useEffect, useMemo, useState } from 'react';
import { syntheticDesign } from '@/lib/model/synthetic';
import { FlowCanvas } from '@/components/canvas/FlowCanvas';
import { useEditorContext } from '@/components/editor/EditorContext';
import { Editor } from '@/components/editor/Editor';
import { EditorProvider } from '@/components/editor/EditorProvider';
import { BareCanvas } from './BareCanvas';
import { useBenchReadySignal } from './readySignal';

interface Params {
  mode: string;
  n: number;
  /** Diagnostics (bench/profile-canvas.ts): the editor's canvas alone, without the chrome around it. */
  canvasOnly: boolean;
  /** Diagnostics: the editor without its minimap. */
  minimap: boolean;
}

function NoMinimap() {
  const { ui } = useEditorContext();
  useEffect(() => ui.getState().set({ showMinimap: false }), [ui]);
  return null;
}

function EditorBench({ design, params }: { design: ReturnType<typeof syntheticDesign>; params: Params }) {
  useBenchReadySignal();
  return (
    <EditorProvider initialDesign={design}>
      {!params.minimap && <NoMinimap />}
      {params.canvasOnly ? (
        <div style={{ width: '100vw', height: '100vh' }}>
          <FlowCanvas />
        </div>
      ) : (
        <Editor />
      )}
    </EditorProvider>
  );
}

/**
 * The benchmark page: a generated design in the real editor (in memory, never saved over the
 * user's designs) or in a bare React Flow page. Parameters come from the query string.
 */
export function BenchCanvas() {
  const [params, setParams] = useState<Params | null>(null);
  useEffect(() => {
    const q = new URLSearchParams(window.location.search);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- read the query once on the client
    setParams({
      mode: q.get('mode') ?? 'editor',
      n: Math.min(5000, Math.max(1, Number(q.get('n')) || 100)),
      canvasOnly: q.get('canvasOnly') === '1',
      minimap: q.get('minimap') !== '0',
    });
  }, []);
  const design = useMemo(() => (params ? syntheticDesign(params.n, 2) : null), [params]);
  if (!params || !design) return null;
  if (params.mode === 'bare') return <BareCanvas design={design} />;
  return <EditorBench design={design} params={params} />;
}
