'use client';

import { memo } from 'react';
import { useElementMark } from '@/components/validation/ValidationContext';
import { SEVERITY_ICON, SEVERITY_PILL } from '@/components/validation/severity';
// Direct, not the barrel: this is on the canvas's first load, the other primitives are not.
import { cx } from '@/components/ui/cx';

/**
 * The status corner of a canvas node: a validation badge with the worst severity and the number
 * of problems; hovering shows the messages. Subscribes to this node's mark only, so a node never
 * re-renders for other nodes' problems.
 */
function NodeStatusImpl({ id }: { id: string }) {
  const mark = useElementMark(id);
  const Icon = mark ? SEVERITY_ICON[mark.severity] : null;
  return (
    <div data-testid="node-status" data-node-id={id} data-severity={mark?.severity} className="flex shrink-0 items-center gap-0.5">
      {mark && Icon && (
        <span
          role="img"
          aria-label={mark.label}
          title={mark.title}
          data-severity={mark.severity}
          className={cx('inline-flex h-4 min-w-4 cursor-help items-center justify-center gap-0.5 rounded-full px-1 text-[10px] leading-none font-bold tabular-nums', SEVERITY_PILL[mark.severity])}
        >
          <Icon size={11} strokeWidth={2.5} aria-hidden="true" />
          {mark.count > 1 && <span aria-hidden="true">{mark.count}</span>}
        </span>
      )}
    </div>
  );
}

export const NodeStatus = memo(NodeStatusImpl);
