'use client';

import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps, type EdgeTypes } from '@xyflow/react';
import clsx from 'clsx';
import { useElementMark } from '@/components/validation/ValidationContext';
import { SEVERITY_ICON, SEVERITY_PILL, SEVERITY_STROKE } from '@/components/validation/severity';
import { useZoomedOut } from './zoom';
import { EDGE_TYPE, type ArchFlowEdge } from './derive';
import { EDGE_SELECTED_COLOR } from './kinds';

/**
 * How far the label of a right-to-left edge moves off its midpoint. Such an edge (say a subscription
 * looping back to the service that publishes to the broker) has the same midpoint as the opposite
 * edge between the same two nodes, so the two labels would stack exactly; this is one label height
 * plus a gap.
 */
const REVERSED_LABEL_SHIFT = 20;

/** Vertical distance between the stacked labels of edges joining the same two nodes (derive.ts numbers them). */
const PARALLEL_LABEL_STEP = 20;

/** An edge styled by kind (async dashed, data dotted) with its protocol/topic label. */
function ArchEdgeImpl({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd }: EdgeProps<ArchFlowEdge>) {
  const zoomedOut = useZoomedOut();
  // Validation problems on this edge: a halo under the path and a badge on the label.
  const mark = useElementMark(id);
  const [path, labelX, midY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  // Several edges between the same two nodes (either direction): stack their labels around the
  // shared midpoint. A lone right-to-left edge moves up or down with the edge.
  const slots = data?.slots ?? 1;
  const labelY =
    slots > 1
      ? midY + ((data?.slot ?? 0) - (slots - 1) / 2) * PARALLEL_LABEL_STEP
      : targetX < sourceX
        ? midY + (targetY >= sourceY ? REVERSED_LABEL_SHIFT : -REVERSED_LABEL_SHIFT)
        : midY;
  const color = selected ? EDGE_SELECTED_COLOR : (data?.color ?? '#64748b');
  const MarkIcon = mark ? SEVERITY_ICON[mark.severity] : null;
  const badge =
    mark && MarkIcon ? (
      <span
        role="img"
        aria-label={mark.label}
        title={mark.title}
        data-testid="edge-status"
        data-severity={mark.severity}
        className={clsx('nodrag nopan pointer-events-auto inline-flex size-4 shrink-0 cursor-help items-center justify-center rounded-full', SEVERITY_PILL[mark.severity])}
      >
        <MarkIcon size={11} strokeWidth={2.5} aria-hidden="true" />
      </span>
    ) : null;
  return (
    <>
      {/* Zoomed out the halo is a few pixels: the node outlines carry the problems there. */}
      {mark && !zoomedOut && <path d={path} className="aw-edge-problem" data-severity={mark.severity} fill="none" stroke={SEVERITY_STROKE[mark.severity]} />}
      <BaseEdge
        id={id}
        path={path}
        // Arrowheads are a few pixels when zoomed out; skipping them saves a marker paint per edge.
        markerEnd={zoomedOut ? undefined : markerEnd}
        interactionWidth={16}
        // Inline style: React Flow's unlayered stylesheet would beat Tailwind's layered utilities.
        style={{ stroke: color, strokeWidth: selected ? 2.5 : 1.5, strokeDasharray: data?.dash }}
      />
      {!zoomedOut && badge && !data?.text ? (
        <EdgeLabelRenderer>
          <div className="nodrag nopan absolute" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            {badge}
          </div>
        </EdgeLabelRenderer>
      ) : null}
      {!zoomedOut && data?.text ? (
        <EdgeLabelRenderer>
          <div
            data-edge-kind={data.kind}
            className={clsx(
              'pointer-events-none absolute max-w-[180px] truncate rounded border px-1.5 py-px text-[11px] leading-4 whitespace-nowrap',
              // A selected edge's label stacks above the others (labels share one layer above the nodes; see canvas.css).
              selected
                ? 'z-10 border-sky-400 bg-sky-50 text-sky-900 dark:border-sky-500 dark:bg-sky-950 dark:text-sky-100'
                : 'border-neutral-200 bg-white/90 text-neutral-700 dark:border-neutral-700 dark:bg-neutral-900/90 dark:text-neutral-200',
            )}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {badge ? (
              <span className="flex items-center gap-1">
                {badge}
                <span className="truncate">{data.text}</span>
              </span>
            ) : (
              data.text
            )}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

export const ArchEdge = memo(ArchEdgeImpl);

export const EDGE_TYPES: EdgeTypes = { [EDGE_TYPE]: ArchEdge };
