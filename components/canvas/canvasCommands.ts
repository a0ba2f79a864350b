/**
 * Commands other panels send to the canvas without holding the React Flow instance (toolbar,
 * Problems panel, palette, auto layout). The mounted canvas registers the handler; calls made
 * while no canvas is mounted do nothing.
 */
import type { Position } from '@/lib/model';
import type { Dimensions } from './derive';

export interface CanvasHandler {
  fitView(): void;
  /** Centres the given node, group or edge ids (edges: their endpoints). */
  focus(ids: readonly string[]): void;
  zoomIn(): void;
  zoomOut(): void;
  /** Canvas coordinates of the centre of what is on screen. */
  viewportCenter(): Position;
  /** The rendered size React Flow measured for a node, if known. */
  nodeSize(id: string): Dimensions | undefined;
}

let current: CanvasHandler | null = null;

export const canvasCommands = {
  /** Called by the canvas on mount; returns the unregister function for unmount. */
  register(handler: CanvasHandler): () => void {
    current = handler;
    return () => {
      if (current === handler) current = null;
    };
  },
  isMounted: (): boolean => current !== null,
  fitView: (): void => current?.fitView(),
  focus: (ids: readonly string[]): void => current?.focus(ids),
  zoomIn: (): void => current?.zoomIn(),
  zoomOut: (): void => current?.zoomOut(),
  viewportCenter: (): Position | null => current?.viewportCenter() ?? null,
  nodeSize: (id: string): Dimensions | undefined => current?.nodeSize(id),
};

/** Centres the canvas on elements (node, group or edge ids), e.g. from the Problems panel. */
export function focusElements(ids: readonly string[]): void {
  canvasCommands.focus(ids);
}
