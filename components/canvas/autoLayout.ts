/**
 * Auto layout (layered, left→right) with elkjs. The engine (~1.6 MB) is imported on demand so
 * it never weighs on the editor's first load.
 */
import type { ELK } from 'elkjs/lib/elk-api';
import type { EditorStore } from '@/lib/store';
import { canvasCommands } from './canvasCommands';
import { buildElkGraph, readElkLayout, type LayoutResult } from './elkGraph';

let elk: Promise<ELK> | null = null;

function loadElk(): Promise<ELK> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default()).catch((e: unknown) => {
    elk = null; // let a later click retry (e.g. a chunk failed to load offline)
    throw e;
  });
  return elk;
}

/** Computes a layout for the store's current design without changing it. */
export async function computeLayout(store: EditorStore): Promise<LayoutResult | null> {
  const design = store.getState().design;
  if (!design.nodes.length) return null;
  const engine = await loadElk();
  const laidOut = await engine.layout(buildElkGraph(design, (id) => canvasCommands.nodeSize(id)));
  return readElkLayout(design, laidOut);
}

/** Lays the design out as one undo step, then fits the view to it. */
export async function runAutoLayout(store: EditorStore): Promise<void> {
  const result = await computeLayout(store);
  if (!result) return;
  store.getState().applyLayout(result.nodes, result.groups);
  // Wait for React Flow to take the new positions before fitting.
  requestAnimationFrame(() => requestAnimationFrame(() => canvasCommands.fitView()));
}
