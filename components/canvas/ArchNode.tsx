'use client';

import { memo, type CSSProperties } from 'react';
import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { Activity, Database, Globe, MessagesSquare, Monitor, Server, Waypoints, Zap, type LucideIcon } from 'lucide-react';
import clsx from 'clsx';
import { useElementSeverity } from '@/components/validation/ValidationContext';
import type { NodeKind } from '@/lib/model';
import { NODE_KIND_INFO } from '@/lib/model/kinds';
import type { ArchFlowNode, ArchNodeData } from './derive';
import { GroupNode } from './GroupNode';
import { KIND_COLOR, techLabel } from './kinds';
import { NodeStatus } from './NodeStatus';
import { useZoomedOut } from './zoom';

export { SIMPLE_ZOOM, zoomedOutSelector } from './zoom';

/** The kind's colour for the handles' CSS (canvas.css fades it without `opacity`); one object per kind. */
const HANDLE_STYLE = Object.fromEntries(Object.entries(KIND_COLOR).map(([k, c]) => [k, { '--aw-handle': c } as CSSProperties])) as Record<NodeKind, CSSProperties>;

export const KIND_ICON: Record<NodeKind, LucideIcon> = {
  service: Server,
  gateway: Waypoints,
  broker: MessagesSquare,
  database: Database,
  cache: Zap,
  external: Globe,
  client: Monitor,
  observability: Activity,
};

/** Text of a node; memoized on `data`, which derive.ts keeps identical across moves. */
const NodeBody = memo(function NodeBody({ id, data }: { id: string; data: ArchNodeData }) {
  const Icon = KIND_ICON[data.kind];
  const display = data.label || data.name;
  return (
    <div className="flex h-full min-w-0 flex-col justify-center gap-0.5 py-1.5 pr-2.5 pl-3">
      <div className="flex min-w-0 items-center gap-1.5">
        <Icon aria-hidden="true" className="size-4 shrink-0" style={{ color: KIND_COLOR[data.kind] }} />
        <span className="min-w-0 flex-1 truncate text-[13px] leading-5 font-semibold" title={display}>
          {display}
        </span>
        <NodeStatus id={id} />
      </div>
      <div className="truncate font-mono text-[11px] leading-4 text-neutral-500 dark:text-neutral-400">{data.name}</div>
      <div className="truncate text-[11px] leading-4 text-neutral-600 dark:text-neutral-300">
        {NODE_KIND_INFO[data.kind].title} · {techLabel(data.tech)}
      </div>
    </div>
  );
});

/** The name as it fits a zoomed-out node (about 12 characters of large bold text). */
function shortName(name: string): string {
  return name.length > 13 ? `${name.slice(0, 12)}…` : name;
}

function ArchNodeImpl({ id, data, selected }: NodeProps<ArchFlowNode>) {
  const zoomedOut = useZoomedOut();
  // Outline for validation problems: a primitive, so only this node re-renders when it changes.
  const severity = useElementSeverity(id);
  const color = KIND_COLOR[data.kind];
  return (
    <div
      data-kind={data.kind}
      data-severity={severity}
      className={clsx(
        // Fixed size (= NODE_BOX in the store) so grouping, layout and handles agree without measuring.
        // Not `relative`: the handles position against React Flow's wrapper (same box), and a
        // positioned element per node is one more layer for every hit test and frame.
        'aw-node h-[72px] w-[200px] rounded-lg border',
        // Zoomed out: a coloured box with the name in it, no shadow and no inner elements (a
        // thousand of each are painted on every pan and drag frame of a large design).
        zoomedOut
          ? 'flex items-center justify-center border-transparent px-3 text-2xl font-bold whitespace-nowrap text-white'
          : 'border-neutral-300 bg-white text-neutral-900 shadow-sm dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100',
        selected && 'ring-2 ring-sky-500 ring-offset-1 ring-offset-white dark:ring-sky-400 dark:ring-offset-neutral-950',
      )}
      style={zoomedOut ? { background: color } : { borderLeftColor: color, borderLeftWidth: 4 }}
    >
      <Handle type="target" position={Position.Left} className={zoomedOut ? 'aw-handle aw-handle-off' : 'aw-handle'} style={HANDLE_STYLE[data.kind]} />
      {/* Shortened in JS rather than clipped: an overflow clip per node also costs on every frame. */}
      {zoomedOut ? shortName(data.name) : <NodeBody id={id} data={data} />}
      <Handle type="source" position={Position.Right} className={zoomedOut ? 'aw-handle aw-handle-off' : 'aw-handle'} style={HANDLE_STYLE[data.kind]} />
    </div>
  );
}

export const ArchNode = memo(ArchNodeImpl);

/** One entry per node kind (all render ArchNode) plus the bounded-context group. Module constant: React Flow warns if this object changes. */
export const NODE_TYPES: NodeTypes = {
  service: ArchNode,
  gateway: ArchNode,
  broker: ArchNode,
  database: ArchNode,
  cache: ArchNode,
  external: ArchNode,
  client: ArchNode,
  observability: ArchNode,
  group: GroupNode,
} satisfies Record<NodeKind | 'group', unknown>;
