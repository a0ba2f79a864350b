'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';

/** Below this zoom nodes render as plain coloured boxes and edge labels are hidden: text is unreadable there anyway. */
export const SIMPLE_ZOOM = 0.4;

/** A boolean selector: it changes only when the zoom crosses the threshold, not on every zoom step. */
export const zoomedOutSelector = (s: ReactFlowState): boolean => s.transform[2] < SIMPLE_ZOOM;

const ZoomedOutContext = createContext(false);

/**
 * One store subscription for the whole canvas instead of one per node and edge: React Flow's
 * store notifies every subscriber on each pan frame, so thousands of per-element selectors cost
 * real time even when they return the same boolean. `children` keeps its identity, so a change
 * re-renders only the context's consumers.
 */
export function ZoomedOutProvider({ children }: { children: ReactNode }) {
  const zoomedOut = useStore(zoomedOutSelector);
  return <ZoomedOutContext value={zoomedOut}>{children}</ZoomedOutContext>;
}

/** Whether the canvas is zoomed out below SIMPLE_ZOOM (inside a ZoomedOutProvider). */
export function useZoomedOut(): boolean {
  return useContext(ZoomedOutContext);
}
