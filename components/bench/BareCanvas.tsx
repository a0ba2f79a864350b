'use client';

import { useState } from 'react';
import { ReactFlow, applyNodeChanges, type Edge, type Node, type NodeChange } from '@xyflow/react';
import type { Design } from '@/lib/model';
import { useBenchReadySignal } from './readySignal';

/** The baseline: a plain controlled React Flow page with default nodes and the same graph. */
export function BareCanvas({ design }: { design: Design }) {
  useBenchReadySignal();
  const [nodes, setNodes] = useState<Node[]>(() =>
    design.nodes.map((n) => ({ id: n.id, position: n.position, data: { label: n.name } })),
  );
  const [edges] = useState<Edge[]>(() => design.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })));
  return (
    <div style={{ width: '100vw', height: '100vh' }}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={(c: NodeChange[]) => setNodes((ns) => applyNodeChanges(c, ns))}
        onlyRenderVisibleElements={design.nodes.length > 300}
        fitView
        minZoom={0.05}
      />
    </div>
  );
}
