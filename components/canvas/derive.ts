/**
 * Pure derivation of React Flow nodes and edges from the design (no React here).
 *
 * React Flow re-renders a node only when its node object changes identity, so this module
 * caches one RF object per design element and rebuilds it only when that element's model
 * object, selection flag or measured size changed: dragging one node out of 1,000 creates one
 * new RF node, and the array itself is reused when nothing changed at all.
 */
import type { Edge, MarkerType, Node } from '@xyflow/react';
import type { CallEdge, DesignEdge, DesignNode, EdgeKind, Group, NodeKind } from '@/lib/model';
import type { Selection } from '@/lib/store';
import { EDGE_STYLE, nodeTech } from './kinds';

/** What a node component renders; compared field by field so moves keep the same object. */
export interface ArchNodeData extends Record<string, unknown> {
  kind: NodeKind;
  name: string;
  label: string | undefined;
  /** Raw stack/technology id (see techLabel). */
  tech: string;
}

export interface GroupNodeData extends Record<string, unknown> {
  name: string;
  color: string | undefined;
}

export interface ArchEdgeData extends Record<string, unknown> {
  kind: EdgeKind;
  /** Short label drawn on the edge, e.g. "REST 2s" or "publish orders.placed". */
  text: string;
  color: string;
  dash: string | undefined;
  /** Position among the edges between the same two nodes (either direction), 0-based. */
  slot: number;
  /** How many edges connect these two nodes; labels of such parallel edges are stacked. */
  slots: number;
}

export type ArchFlowNode = Node<ArchNodeData, NodeKind>;
export type GroupFlowNode = Node<GroupNodeData, 'group'>;
export type CanvasNode = ArchFlowNode | GroupFlowNode;
export type ArchFlowEdge = Edge<ArchEdgeData, 'arch'>;

export interface Dimensions {
  width: number;
  height: number;
}
export type MeasuredSizes = ReadonlyMap<string, Dimensions>;

export const GROUP_NODE_TYPE = 'group' as const;
export const EDGE_TYPE = 'arch' as const;

const PROTOCOL_LABEL: Record<CallEdge['protocol'], string> = { rest: 'REST', grpc: 'gRPC', graphql: 'GraphQL' };
const PROTOCOL_COLOR: Partial<Record<CallEdge['protocol'], string>> = { grpc: '#7c3aed', graphql: '#db2777' };
const ACCESS_LABEL = { read: 'reads', write: 'writes', 'read-write': 'reads/writes' } as const;

/** "2s", "1.5s" or "250ms". */
export function formatTimeout(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : Number(s.toFixed(1))}s`;
}

/** The short text drawn on an edge; a user-written label wins. */
export function edgeText(edge: DesignEdge): string {
  if (edge.label) return edge.label;
  switch (edge.kind) {
    case 'call':
      return edge.timeoutMs === undefined ? PROTOCOL_LABEL[edge.protocol] : `${PROTOCOL_LABEL[edge.protocol]} ${formatTimeout(edge.timeoutMs)}`;
    case 'publish':
      return `publish ${edge.topic}`;
    case 'subscribe':
      return `subscribe ${edge.topic}`;
    case 'data':
      return ACCESS_LABEL[edge.access];
  }
}

function sameNodeData(a: ArchNodeData, n: DesignNode): boolean {
  return a.kind === n.kind && a.name === n.name && a.label === n.label && a.tech === nodeTech(n);
}

interface NodeEntry {
  model: DesignNode;
  selected: boolean;
  measured: Dimensions | undefined;
  parentId: string | undefined;
  rf: ArchFlowNode;
}
interface GroupEntry {
  model: Group;
  selected: boolean;
  measured: Dimensions | undefined;
  rf: GroupFlowNode;
}
interface EdgeEntry {
  model: DesignEdge;
  selected: boolean;
  sourceName: string;
  targetName: string;
  rf: ArchFlowEdge;
}

export interface NodeInput {
  nodes: readonly DesignNode[];
  groups: readonly Group[];
  selection: Selection;
  /** Sizes React Flow measured; kept on the nodes so a moved node is not measured again. */
  measured?: MeasuredSizes;
}

export interface EdgeInput {
  edges: readonly DesignEdge[];
  nodes: readonly DesignNode[];
  selection: Selection;
}

export interface CanvasDeriver {
  nodes(input: NodeInput): CanvasNode[];
  edges(input: EdgeInput): ArchFlowEdge[];
}

const EMPTY_SIZES: MeasuredSizes = new Map();

/** The two ends of an edge in a fixed order: edges A→B and B→A share a key. */
function pairKey(e: Pick<DesignEdge, 'source' | 'target'>): string {
  return e.source < e.target ? `${e.source}\u0000${e.target}` : `${e.target}\u0000${e.source}`;
}

/** Returns `prev` when `next` holds the same elements in the same order (React Flow skips work). */
function reuseArray<T>(prev: T[] | null, next: T[]): T[] {
  if (prev && prev.length === next.length && prev.every((x, i) => x === next[i])) return prev;
  return next;
}

/** Creates a deriver with its own caches; one per canvas. */
export function createCanvasDeriver(): CanvasDeriver {
  const nodeCache = new Map<string, NodeEntry>();
  const groupCache = new Map<string, GroupEntry>();
  const edgeCache = new Map<string, EdgeEntry>();
  let lastNodeInput: NodeInput | null = null;
  let lastNodes: CanvasNode[] | null = null;
  let lastEdgeInput: EdgeInput | null = null;
  let lastEdges: ArchFlowEdge[] | null = null;
  let namesFor: readonly DesignNode[] | null = null;
  let names = new Map<string, string>();

  // Selection as sets, rebuilt only when the selection changes (not on every drag frame).
  let selFor: Selection | null = null;
  let selNodes: ReadonlySet<string> = new Set();
  let selGroups: ReadonlySet<string> = new Set();
  let selEdgesFor: Selection | null = null;
  let selEdges: ReadonlySet<string> = new Set();

  /** Drops cache entries whose element is gone; `live` counted the ones seen this pass. */
  function prune<E>(cache: Map<string, E>, live: number, ids: () => Iterable<string>) {
    if (cache.size === live) return;
    const keep = new Set(ids());
    for (const id of cache.keys()) if (!keep.has(id)) cache.delete(id);
  }

  function nodes(input: NodeInput): CanvasNode[] {
    const measured = input.measured ?? EMPTY_SIZES;
    const prevIn = lastNodeInput;
    if (
      lastNodes &&
      prevIn &&
      prevIn.nodes === input.nodes &&
      prevIn.groups === input.groups &&
      prevIn.selection === input.selection &&
      (prevIn.measured ?? EMPTY_SIZES) === measured
    ) {
      return lastNodes;
    }
    if (selFor !== input.selection) {
      selNodes = new Set(input.selection.nodes);
      selGroups = new Set(input.selection.groups);
      selFor = input.selection;
    }
    const out: CanvasNode[] = [];

    // Parents must come before their children in React Flow's array: groups first. The caches are
    // updated in place: a drag frame changes one entry and allocates no new maps.
    for (const g of input.groups) {
      const selected = selGroups.has(g.id);
      const size = measured.get(g.id);
      const prev = groupCache.get(g.id);
      let entry: GroupEntry;
      if (prev && prev.model === g && prev.selected === selected && prev.measured === size) {
        entry = prev;
      } else {
        const data: GroupNodeData =
          prev && prev.rf.data.name === g.name && prev.rf.data.color === g.color ? prev.rf.data : { name: g.name, color: g.color };
        const rf: GroupFlowNode = {
          id: g.id,
          type: GROUP_NODE_TYPE,
          position: g.position,
          width: g.size.width,
          height: g.size.height,
          // Below everything else at rest, so edge labels and edges crossing the group stay on top of its tint.
          zIndex: -1,
          data,
          selected,
          ariaLabel: `Bounded context: ${g.name}`,
        };
        if (size) rf.measured = size;
        entry = { model: g, selected, measured: size, rf };
        groupCache.set(g.id, entry);
      }
      out.push(entry.rf);
    }
    prune(groupCache, input.groups.length, () => input.groups.map((g) => g.id));

    for (const n of input.nodes) {
      const selected = selNodes.has(n.id);
      const size = measured.get(n.id);
      // A dangling parentId (group deleted elsewhere) would make React Flow warn: drop it.
      const parentId = n.parentId && groupCache.has(n.parentId) ? n.parentId : undefined;
      const prev = nodeCache.get(n.id);
      let entry: NodeEntry;
      if (prev && prev.model === n && prev.selected === selected && prev.measured === size && prev.parentId === parentId) {
        entry = prev;
      } else {
        const data: ArchNodeData =
          prev && sameNodeData(prev.rf.data, n) ? prev.rf.data : { kind: n.kind, name: n.name, label: n.label, tech: nodeTech(n) };
        const rf: ArchFlowNode = {
          id: n.id,
          type: n.kind,
          position: n.position,
          data,
          selected,
          // The technical name is the node's accessible name (browser tests find nodes by it).
          ariaLabel: n.name,
        };
        if (parentId) rf.parentId = parentId;
        if (size) rf.measured = size;
        entry = { model: n, selected, measured: size, parentId, rf };
        nodeCache.set(n.id, entry);
      }
      out.push(entry.rf);
    }
    prune(nodeCache, input.nodes.length, () => input.nodes.map((n) => n.id));

    lastNodeInput = input;
    lastNodes = reuseArray(lastNodes, out);
    return lastNodes;
  }

  function edges(input: EdgeInput): ArchFlowEdge[] {
    const prevIn = lastEdgeInput;
    if (lastEdges && prevIn && prevIn.edges === input.edges && prevIn.nodes === input.nodes && prevIn.selection === input.selection) {
      return lastEdges;
    }
    if (namesFor !== input.nodes) {
      names = new Map(input.nodes.map((n) => [n.id, n.name]));
      namesFor = input.nodes;
    }
    if (selEdgesFor !== input.selection) {
      selEdges = new Set(input.selection.edges);
      selEdgesFor = input.selection;
    }
    // Edges between the same two nodes (either direction) share a midpoint: number them so their
    // labels can be stacked instead of drawn on top of each other.
    const drawable = (e: DesignEdge) => names.has(e.source) && names.has(e.target);
    const perPair = new Map<string, number>();
    for (const e of input.edges) if (drawable(e)) perPair.set(pairKey(e), (perPair.get(pairKey(e)) ?? 0) + 1);
    const nextSlot = new Map<string, number>();
    const out: ArchFlowEdge[] = [];
    for (const e of input.edges) {
      // Edges to missing nodes cannot be drawn (React Flow would warn on every render).
      if (!drawable(e)) continue;
      const sourceName = names.get(e.source)!;
      const targetName = names.get(e.target)!;
      const key = pairKey(e);
      const slots = perPair.get(key)!;
      const slot = slots > 1 ? (nextSlot.get(key) ?? 0) : 0;
      if (slots > 1) nextSlot.set(key, slot + 1);
      const selected = selEdges.has(e.id);
      const prev = edgeCache.get(e.id);
      let entry: EdgeEntry;
      if (
        prev &&
        prev.model === e &&
        prev.selected === selected &&
        prev.sourceName === sourceName &&
        prev.targetName === targetName &&
        prev.rf.data!.slot === slot &&
        prev.rf.data!.slots === slots
      ) {
        entry = prev;
      } else {
        const text = edgeText(e);
        const style = EDGE_STYLE[e.kind];
        const color = (e.kind === 'call' && PROTOCOL_COLOR[e.protocol]) || style.color;
        const old = prev?.rf.data;
        const data: ArchEdgeData =
          old && old.kind === e.kind && old.text === text && old.color === color && old.slot === slot && old.slots === slots
            ? old
            : { kind: e.kind, text, color, dash: style.dash, slot, slots };
        const rf: ArchFlowEdge = {
          id: e.id,
          type: EDGE_TYPE,
          source: e.source,
          target: e.target,
          data,
          selected,
          // MarkerType is a runtime enum; its string value keeps this module free of RF runtime code.
          markerEnd: { type: 'arrowclosed' as MarkerType, color, width: 18, height: 18 },
          ariaLabel: `${e.kind} from ${sourceName} to ${targetName}: ${text}`,
        };
        entry = { model: e, selected, sourceName, targetName, rf };
        edgeCache.set(e.id, entry);
      }
      out.push(entry.rf);
    }
    prune(edgeCache, out.length, () => out.map((x) => x.id));
    lastEdgeInput = input;
    lastEdges = reuseArray(lastEdges, out);
    return lastEdges;
  }

  return { nodes, edges };
}

