'use client';

import { memo } from 'react';
import { NodeResizer, type NodeProps } from '@xyflow/react';
import { Boxes } from 'lucide-react';
import clsx from 'clsx';
import { useActions } from '@/components/editor/EditorContext';
import type { GroupFlowNode } from './derive';

/**
 * A bounded context: a labelled box its members move with. Resizing is one gesture (one undo
 * step); the size itself reaches the store through the canvas's onNodesChange.
 */
function GroupNodeImpl({ data, selected }: NodeProps<GroupFlowNode>) {
  const actions = useActions();
  const tint = data.color;
  return (
    <>
      <NodeResizer
        isVisible={selected}
        minWidth={160}
        minHeight={100}
        color="#0ea5e9"
        onResizeStart={() => actions.beginGesture()}
        onResizeEnd={() => actions.endGesture()}
      />
      <div
        className={clsx(
          'h-full w-full rounded-xl border-2 border-dashed',
          tint ? '' : 'border-sky-300 bg-sky-50/50 dark:border-sky-800 dark:bg-sky-950/25',
          selected && 'border-solid',
        )}
        style={tint ? { borderColor: tint, background: `color-mix(in srgb, ${tint} 8%, transparent)` } : undefined}
      >
        <div className="flex items-center gap-1.5 px-3 py-2 text-xs font-semibold tracking-wide text-sky-800 uppercase dark:text-sky-300">
          <Boxes aria-hidden="true" className="size-3.5 shrink-0" />
          <span className="truncate">{data.name}</span>
        </div>
      </div>
    </>
  );
}

export const GroupNode = memo(GroupNodeImpl);
