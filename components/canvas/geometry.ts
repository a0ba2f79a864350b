/** Canvas geometry without React: grid snapping, hit-testing groups, where to put a new node. */
import type { Design, Group, NodeKind, Position } from '@/lib/model';
import { NODE_KINDS } from '@/lib/model/kinds';
import { absolutePosition, NODE_BOX, type EditorStore } from '@/lib/store';
import type { MeasuredSizes } from './derive';

export const GRID = 16;
/** Height of a group's title bar: new members are placed below it. */
const GROUP_TITLE = 40;

export function snap(p: Position, grid = GRID): Position {
  return { x: Math.round(p.x / grid) * grid, y: Math.round(p.y / grid) * grid };
}

function contains(g: Group, p: Position): boolean {
  return p.x >= g.position.x && p.y >= g.position.y && p.x <= g.position.x + g.size.width && p.y <= g.position.y + g.size.height;
}

/** The topmost group (last drawn) containing an absolute canvas point. */
export function groupAt(groups: readonly Group[], p: Position, exclude?: ReadonlySet<string>): Group | undefined {
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    if (!exclude?.has(g.id) && contains(g, p)) return g;
  }
  return undefined;
}

/**
 * After a drag: which dragged nodes changed group. A node belongs to the group under its centre;
 * nodes dragged along with their own group stay put. Returns target group id (null = canvas) →
 * node ids, only for nodes whose parent actually changes.
 */
export function reparentAfterDrag(design: Design, draggedIds: readonly string[], measured?: MeasuredSizes): Map<string | null, string[]> {
  const dragged = new Set(draggedIds);
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const out = new Map<string | null, string[]>();
  for (const id of draggedIds) {
    const n = byId.get(id);
    if (!n) continue; // a group, or gone
    if (n.parentId && dragged.has(n.parentId)) continue;
    const size = measured?.get(id) ?? NODE_BOX;
    const p = absolutePosition(design, n);
    const target = groupAt(design.groups, { x: p.x + size.width / 2, y: p.y + size.height / 2 })?.id ?? null;
    if (target === (n.parentId ?? null)) continue;
    const list = out.get(target) ?? [];
    list.push(id);
    out.set(target, list);
  }
  return out;
}

/**
 * Where a new node whose top-left would be `want` goes: there if that spot is free, else the
 * nearest free slot on a grid of node-sized cells around it, so nodes added by clicking the
 * palette never cover each other (or each other's handles).
 */
export function freeSpot(design: Design, want: Position, gap = 40): Position {
  const boxes = design.nodes.map((n) => absolutePosition(design, n));
  // Cells are whole grid steps so a snapped spot stays snapped.
  const w = Math.ceil((NODE_BOX.width + gap) / GRID) * GRID;
  const h = Math.ceil((NODE_BOX.height + gap) / GRID) * GRID;
  const margin = GRID / 2;
  const free = (p: Position) => boxes.every((b) => Math.abs(b.x - p.x) >= NODE_BOX.width + margin || Math.abs(b.y - p.y) >= NODE_BOX.height + margin);
  if (free(want)) return want;
  for (let r = 1; r <= 12; r++) {
    const ring: [number, number][] = [];
    for (let i = -r; i <= r; i++) for (let j = -r; j <= r; j++) if (Math.max(Math.abs(i), Math.abs(j)) === r) ring.push([i, j]);
    // Nearest first, preferring below and right of the wanted spot over above and left.
    const cost = ([i, j]: [number, number]) => Math.hypot(i * w, j * h) * (i < 0 || j < 0 ? 1.5 : 1);
    ring.sort((a, b) => cost(a) - cost(b) || b[1] - a[1] || b[0] - a[0]);
    for (const [i, j] of ring) {
      const p = { x: want.x + i * w, y: want.y + j * h };
      if (free(p)) return p;
    }
  }
  return { x: want.x + gap, y: want.y + gap };
}

/**
 * Position and parent for a node added with its centre at the absolute point `center`: inside
 * the group under that point (position relative to the group) or on the canvas.
 */
export function placeNode(design: Design, center: Position, opts: { snapToGrid?: boolean; avoidStacking?: boolean } = {}): { position: Position; parentId?: string } {
  let abs = { x: center.x - NODE_BOX.width / 2, y: center.y - NODE_BOX.height / 2 };
  if (opts.snapToGrid) abs = snap(abs);
  if (opts.avoidStacking) abs = freeSpot(design, abs);
  const group = groupAt(design.groups, center);
  if (!group) return { position: abs };
  // Keep the whole node inside the group (below its title) when the group is big enough.
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, Math.max(lo, hi)));
  return {
    position: {
      x: clamp(abs.x - group.position.x, 0, group.size.width - NODE_BOX.width),
      y: clamp(abs.y - group.position.y, GROUP_TITLE, group.size.height - NODE_BOX.height),
    },
    parentId: group.id,
  };
}

/** Adds a node of `kind` centred on an absolute canvas point (inside the group there, if any). */
export function addNodeAt(
  store: EditorStore,
  kind: NodeKind,
  center: Position,
  opts: { snapToGrid?: boolean; avoidStacking?: boolean } = {},
): string {
  const { position, parentId } = placeNode(store.getState().design, center, opts);
  return store.getState().addNode(kind, position, parentId ? { parentId } : {});
}

/** Drag-and-drop payload type of palette items. */
export const PALETTE_MIME = 'application/x-archwright-kind';

export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && (NODE_KINDS as readonly string[]).includes(value);
}
