export { FlowCanvas, VISIBLE_ONLY_THRESHOLD } from './FlowCanvas';
export { canvasCommands, focusElements, type CanvasHandler } from './canvasCommands';
export { runAutoLayout, computeLayout } from './autoLayout';
export { SHORTCUTS, isTypingTarget, useKeyboardShortcuts } from './useKeyboardShortcuts';
export { addNodeAt, PALETTE_MIME, GRID } from './geometry';
export { KIND_COLOR, techLabel } from './kinds';
export { KIND_ICON } from './ArchNode';
export type { ArchFlowNode, ArchFlowEdge, CanvasNode } from './derive';
