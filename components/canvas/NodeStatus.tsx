'use client';

import { memo } from 'react';

/**
 * The status corner of a canvas node. Empty for now: validation badges render here later, each
 * badge subscribing to its own node's findings so a node never re-renders for others' problems.
 */
function NodeStatusImpl({ id }: { id: string }) {
  return <div data-testid="node-status" data-node-id={id} className="flex shrink-0 items-center gap-0.5" />;
}

export const NodeStatus = memo(NodeStatusImpl);
