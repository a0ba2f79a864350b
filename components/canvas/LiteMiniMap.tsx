'use client';

import { memo, useMemo, useState, type PointerEvent } from 'react';
import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { shallow } from 'zustand/shallow';
import type { DesignNode, Group } from '@/lib/model';
import { NODE_BOX } from '@/lib/store';
import { KIND_COLOR } from './kinds';

const WIDTH = 200;
const HEIGHT = 150;
const GROUP_FILL = 'rgba(14, 165, 233, 0.18)';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One SVG path per colour: a handful of DOM elements however many nodes the design has. */
function buildPaths(nodes: readonly DesignNode[], groups: readonly Group[]): { fill: string; d: string }[] & { bounds?: Rect } {
  const byColor = new Map<string, string[]>();
  const groupPos = new Map(groups.map((g) => [g.id, g.position]));
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const add = (fill: string, x: number, y: number, w: number, h: number) => {
    let parts = byColor.get(fill);
    if (!parts) byColor.set(fill, (parts = []));
    parts.push(`M${x},${y}h${w}v${h}h${-w}z`);
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + w);
    maxY = Math.max(maxY, y + h);
  };
  for (const g of groups) add(GROUP_FILL, g.position.x, g.position.y, g.size.width, g.size.height);
  for (const n of nodes) {
    // Positions of group members are relative to their group, as in React Flow.
    const p = n.parentId ? groupPos.get(n.parentId) : undefined;
    add(KIND_COLOR[n.kind] ?? '#94a3b8', n.position.x + (p?.x ?? 0), n.position.y + (p?.y ?? 0), NODE_BOX.width, NODE_BOX.height);
  }
  const out: { fill: string; d: string }[] & { bounds?: Rect } = [...byColor].map(([fill, parts]) => ({ fill, d: parts.join('') }));
  if (minX !== Infinity) out.bounds = { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
  return out;
}

/** The visible part of the flow, in flow coordinates; re-renders only this component on pan/zoom. */
const viewSelector = (s: ReactFlowState) => ({ tx: s.transform[0], ty: s.transform[1], zoom: s.transform[2], w: s.width, h: s.height });

/**
 * A cheap minimap for large designs. React Flow's MiniMap runs one store selector per node and
 * re-measures every node's bounds on each viewport change; this draws the design's nodes as one
 * path per colour, recomputed only when the design changes (never during a drag: `frozen`).
 *
 * Panning must not repaint anything: one repaint of any element makes Chrome walk every node and
 * edge of a large canvas again (~20 ms at 1,000 nodes), which a plain React Flow page never pays.
 * So the drawing and its viewBox stay fixed to the design's bounds, and only the viewport box
 * moves, by a transform on its own compositor layer (no layout, no paint). Click or drag on the
 * minimap to move the view there.
 */
export const LiteMiniMap = memo(function LiteMiniMap({
  nodes,
  groups,
  frozen,
  ariaLabel,
}: {
  nodes: readonly DesignNode[];
  groups: readonly Group[];
  frozen: boolean;
  ariaLabel: string;
}) {
  const rf = useReactFlow();
  // While a drag is in progress keep the last drawing: positions change on every frame.
  const [shown, setShown] = useState({ nodes, groups });
  if (!frozen && (shown.nodes !== nodes || shown.groups !== groups)) setShown({ nodes, groups });
  const paths = useMemo(() => buildPaths(shown.nodes, shown.groups), [shown]);

  // Flow coordinates shown by the minimap: the design's bounds plus a margin, fitted (centred)
  // into WIDTH × HEIGHT. Fixed while only the viewport changes.
  const b = paths.bounds ?? { x: 0, y: 0, width: WIDTH, height: HEIGHT };
  const scale = Math.max(b.width / WIDTH, b.height / HEIGHT) * 1.1 || 1;
  const vw = scale * WIDTH;
  const vh = scale * HEIGHT;
  const vx = b.x + b.width / 2 - vw / 2;
  const vy = b.y + b.height / 2 - vh / 2;

  const { tx, ty, zoom, w, h } = useStore(viewSelector, shallow);
  // The visible part of the flow, in minimap pixels (the box is clipped by the panel).
  const box = { x: (-tx / zoom - vx) / scale, y: (-ty / zoom - vy) / scale, width: w / zoom / scale, height: h / zoom / scale };

  const centerAt = (e: PointerEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = vx + ((e.clientX - r.left) / r.width) * vw;
    const y = vy + ((e.clientY - r.top) / r.height) * vh;
    void rf.setCenter(x, y, { zoom });
  };

  return (
    <Panel position="bottom-right" className="react-flow__minimap aw-lite-minimap" data-testid="rf__minimap">
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${vx} ${vy} ${vw} ${vh}`}
        className="react-flow__minimap-svg"
        role="img"
        aria-label={ariaLabel}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          centerAt(e);
        }}
        onPointerMove={(e) => {
          if (e.buttons & 1) centerAt(e);
        }}
      >
        {paths.map((p) => (
          <path key={p.fill} d={p.d} fill={p.fill} shapeRendering="crispEdges" />
        ))}
      </svg>
      {/* A 1×1 box scaled to the view: moving it is a compositor-only transform. */}
      <div
        aria-hidden="true"
        className="aw-lite-minimap-view"
        style={{ transform: `translate(${box.x}px, ${box.y}px) scale(${Math.max(box.width, 1)}, ${Math.max(box.height, 1)})` }}
      />
    </Panel>
  );
});
