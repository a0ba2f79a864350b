/**
 * Pure translation between a design and an ELK graph (types only from elkjs: the engine itself
 * is loaded on demand by autoLayout.ts). Groups become compound nodes so their members are laid
 * out inside them and the group is sized around them.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { Design, Position } from '@/lib/model';
import { NODE_BOX } from '@/lib/store';
import type { Dimensions } from './derive';

export const ELK_ROOT_ID = '__archwright_root__';

const ROOT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  // Lay out group members together with everything else so cross-group edges still flow left→right.
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  // Wide enough between layers for an edge label such as "subscribe orders.placed".
  'elk.layered.spacing.nodeNodeBetweenLayers': '150',
  'elk.spacing.nodeNode': '48',
  'elk.spacing.componentComponent': '96',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

/** Room for the group's title bar at the top. */
const GROUP_OPTIONS: Record<string, string> = { 'elk.padding': '[top=56,left=32,bottom=32,right=32]' };

export interface LayoutResult {
  nodes: Record<string, Position>;
  groups: Record<string, { position: Position; size: Dimensions }>;
}

export function buildElkGraph(design: Design, sizeOf: (id: string) => Dimensions | undefined = () => undefined): ElkNode {
  const groupIds = new Set(design.groups.map((g) => g.id));
  const leaf = (id: string): ElkNode => {
    const s = sizeOf(id) ?? NODE_BOX;
    return { id, width: s.width, height: s.height };
  };
  const members = new Map<string, ElkNode[]>();
  const rootChildren: ElkNode[] = [];
  const parentOf = new Map<string, string | undefined>();
  for (const n of design.nodes) {
    const parent = n.parentId && groupIds.has(n.parentId) ? n.parentId : undefined;
    parentOf.set(n.id, parent);
    if (parent) {
      const list = members.get(parent) ?? [];
      list.push(leaf(n.id));
      members.set(parent, list);
    } else {
      rootChildren.push(leaf(n.id));
    }
  }
  const groupEdges = new Map<string, ElkExtendedEdge[]>();
  const rootEdges: ElkExtendedEdge[] = [];
  for (const e of design.edges) {
    if (!parentOf.has(e.source) || !parentOf.has(e.target) || e.source === e.target) continue;
    const ps = parentOf.get(e.source);
    const edge: ElkExtendedEdge = { id: e.id, sources: [e.source], targets: [e.target] };
    // ELK wants each edge in the lowest common ancestor of its ends.
    if (ps && ps === parentOf.get(e.target)) {
      const list = groupEdges.get(ps) ?? [];
      list.push(edge);
      groupEdges.set(ps, list);
    } else {
      rootEdges.push(edge);
    }
  }
  const groups: ElkNode[] = design.groups.map((g) => {
    const children = members.get(g.id);
    // An empty group keeps its size; a group with members is sized around them by ELK.
    if (!children?.length) return { id: g.id, width: g.size.width, height: g.size.height };
    return { id: g.id, layoutOptions: GROUP_OPTIONS, children, edges: groupEdges.get(g.id) ?? [] };
  });
  return { id: ELK_ROOT_ID, layoutOptions: ROOT_OPTIONS, children: [...groups, ...rootChildren], edges: rootEdges };
}

/** Reads positions back: root children are absolute, group members relative to their group. */
export function readElkLayout(design: Design, laidOut: ElkNode): LayoutResult {
  const groupIds = new Set(design.groups.map((g) => g.id));
  const out: LayoutResult = { nodes: {}, groups: {} };
  const pos = (n: ElkNode): Position => ({ x: Math.round(n.x ?? 0), y: Math.round(n.y ?? 0) });
  for (const child of laidOut.children ?? []) {
    if (groupIds.has(child.id)) {
      out.groups[child.id] = { position: pos(child), size: { width: Math.round(child.width ?? 0), height: Math.round(child.height ?? 0) } };
      for (const m of child.children ?? []) out.nodes[m.id] = pos(m);
    } else {
      out.nodes[child.id] = pos(child);
    }
  }
  return out;
}
