import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ArchitectureContext, Design, DesignEdge, DesignEvent, DesignNode, EdgeKind, Group, NodeKind, Position, Settings } from '@/lib/model';
// Zod-free on purpose: the editor's first load has no schema. Edits that carry user input are
// checked with the schemas from model(), which the browser loads once the canvas is interactive.
import { blankDesign, blankEdge, blankGroup, blankNode } from '@/lib/model/blank';
import { LIMITS, newId } from '@/lib/model/kinds';
import { dnsLabelProblem, uniqueName } from '@/lib/model/names';
import { model } from '@/lib/store/model';

/** Ids of what is selected, per element family. */
export interface Selection {
  nodes: readonly string[];
  edges: readonly string[];
  groups: readonly string[];
}

export const EMPTY_SELECTION: Selection = Object.freeze({ nodes: [], edges: [], groups: [] });

/** What copy puts on the clipboard: self-contained nodes, the edges among them, their groups. */
export interface Clipboard {
  nodes: DesignNode[];
  edges: DesignEdge[];
  groups: Group[];
}

export type Result<T = void> = { ok: true; value: T } | { ok: false; error: string };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const err = (error: string): Result<never> => ({ ok: false, error });
/** One line per zod issue, "path: message", for the messages actions return. */
const issuesText = (e: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }) =>
  e.issues.map((x) => `${x.path.map(String).join('.') || 'value'}: ${x.message}`).join('; ');

export interface EditOptions {
  /** Edits with the same key within COALESCE_MS make one undo step (typing in a field). */
  coalesceKey?: string;
}

export interface EditorState {
  design: Design;
  /** Bumps on every change of the design. */
  revision: number;
  /** Bumps on changes other than pure position moves: validation listens to this one. */
  structureRevision: number;
  selection: Selection;
  past: readonly Design[];
  future: readonly Design[];
  clipboard: Clipboard | null;
  /** Design before the gesture in progress (a drag), or null. */
  gestureBase: Design | null;
  lastCoalesce: { key: string; at: number } | null;
}

export interface EditorActions {
  /** Replaces the whole design (open, new, template); clears history unless told otherwise. */
  loadDesign(design: Design, opts?: { keepHistory?: boolean }): void;
  /** Renames or describes the design; `context` fields merge into the architecture context. */
  setDesignMeta(patch: { name?: string; description?: string; context?: Partial<ArchitectureContext> }, opts?: EditOptions): void;
  addNode(kind: NodeKind, position: Position, init?: Record<string, unknown>): string;
  /** Patches a node; rejects invalid or duplicate technical names with a message. */
  updateNode(id: string, patch: Record<string, unknown>, opts?: EditOptions): Result;
  /** Moves nodes and groups; inside a gesture (a drag) the moves make one undo step. */
  moveNodes(moves: readonly { id: string; position: Position }[]): void;
  /** Starts a gesture: changes until endGesture make one undo step. */
  beginGesture(): void;
  endGesture(): void;
  connect(sourceId: string, targetId: string, kind?: EdgeKind): Result<string>;
  updateEdge(id: string, patch: Record<string, unknown>, opts?: EditOptions): Result;
  /** Changes an edge's kind, keeping its endpoints and the fields the new kind shares. */
  setEdgeKind(id: string, kind: EdgeKind): Result;
  deleteElements(ids: Partial<Selection>): void;
  deleteSelection(): void;
  select(sel: Partial<Selection>, mode?: 'replace' | 'add' | 'toggle'): void;
  selectAll(): void;
  clearSelection(): void;
  copySelection(): Clipboard | null;
  /** Pastes the clipboard (or `clip`) shifted by `offset`, with fresh ids and unique names; selects it. */
  paste(clip?: Clipboard | null, offset?: Position): void;
  duplicateSelection(): void;
  /** Puts the selected nodes in a new group sized around them; returns its id. */
  groupSelection(name?: string): string | null;
  ungroup(groupId: string): void;
  updateGroup(id: string, patch: Partial<Omit<Group, 'id'>>, opts?: EditOptions): Result;
  /** Moves nodes into a group (or out with null), keeping their place on the canvas. */
  setParent(nodeIds: readonly string[], groupId: string | null): void;
  addEvent(ownerId?: string, init?: Partial<DesignEvent>): string;
  updateEvent(id: string, patch: Partial<Omit<DesignEvent, 'id'>>, opts?: EditOptions): Result;
  removeEvent(id: string): void;
  /** Freezes the event's current fields as its published contract. */
  publishEvent(id: string): void;
  /** Adds the next version of an event (copy of fields, unpublished). */
  addEventVersion(id: string): string | null;
  /** Patches the settings; rejects (design unchanged) what the settings schema does not accept. */
  updateSettings(patch: Partial<Settings>, opts?: EditOptions): Result;
  /** Applies a layout: every position at once, one undo step. */
  applyLayout(nodes: Record<string, Position>, groups?: Record<string, { position: Position; size?: { width: number; height: number } }>): void;
  /**
   * Replaces the design with `next` as one undoable step (quick fixes, imports into the design);
   * `selection` replaces the selection (ids not in `next` are dropped), else it is kept and pruned.
   */
  commit(next: Design, opts?: EditOptions & { structural?: boolean; selection?: Partial<Selection> }): void;
  undo(): void;
  redo(): void;
}

export type EditorStore = StoreApi<EditorState & EditorActions>;

export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1500;

/** Bounding size used when a node's rendered size is unknown (grouping, paste). */
export const NODE_BOX = { width: 200, height: 72 } as const;
const GROUP_PAD = 32;

/** Edge fields a patch never changes. */
const EDGE_IDENTITY = new Set(['id', 'kind', 'source', 'target']);

const nodeNames = (d: Design, exceptId?: string) => new Set(d.nodes.filter((n) => n.id !== exceptId).map((n) => n.name));

/** Absolute canvas position of a node (its position is relative when it has a parent group). */
export function absolutePosition(design: Design, node: Pick<DesignNode, 'position' | 'parentId'>): Position {
  if (!node.parentId) return node.position;
  const g = design.groups.find((x) => x.id === node.parentId);
  return g ? { x: g.position.x + node.position.x, y: g.position.y + node.position.y } : node.position;
}

/** Creates an editor store holding one design, with history and selection. */
export function createEditorStore(initial: Design = blankDesign(), now: () => number = Date.now): EditorStore {
  return createStore<EditorState & EditorActions>()((set, get) => {
    /**
     * Central write path: records history (unless inside a gesture or coalescing) and bumps
     * revisions. Every action funnels through here so undo covers everything.
     */
    const apply = (next: Design, opts: EditOptions & { structural?: boolean; selection?: Selection } = {}) => {
      const s = get();
      if (next === s.design && !opts.selection) return;
      const structural = opts.structural ?? true;
      let past = s.past;
      let lastCoalesce = s.lastCoalesce;
      if (next !== s.design && !s.gestureBase) {
        const t = now();
        const coalesce = opts.coalesceKey && lastCoalesce && lastCoalesce.key === opts.coalesceKey && t - lastCoalesce.at < COALESCE_MS;
        if (!coalesce) past = [...s.past, s.design].slice(-HISTORY_LIMIT);
        lastCoalesce = opts.coalesceKey ? { key: opts.coalesceKey, at: t } : null;
      }
      set({
        design: next,
        revision: next === s.design ? s.revision : s.revision + 1,
        structureRevision: structural && next !== s.design ? s.structureRevision + 1 : s.structureRevision,
        past,
        future: next !== s.design && !s.gestureBase ? [] : s.future,
        lastCoalesce,
        ...(opts.selection ? { selection: opts.selection } : {}),
      });
    };

    const pruneSelection = (d: Design, sel: Selection): Selection => {
      const nodes = new Set(d.nodes.map((n) => n.id));
      const edges = new Set(d.edges.map((e) => e.id));
      const groups = new Set(d.groups.map((g) => g.id));
      return { nodes: sel.nodes.filter((id) => nodes.has(id)), edges: sel.edges.filter((id) => edges.has(id)), groups: sel.groups.filter((id) => groups.has(id)) };
    };

    const removeElements = (d: Design, ids: Partial<Selection>): Design => {
      // Only ids that exist count: deleting nothing must not make an empty undo step.
      const existing = (all: readonly { id: string }[], wanted: readonly string[] | undefined) => {
        const want = new Set(wanted ?? []);
        return new Set(want.size ? all.filter((x) => want.has(x.id)).map((x) => x.id) : []);
      };
      const groupIds = existing(d.groups, ids.groups);
      const nodeIds = existing(d.nodes, ids.nodes);
      const edgeIds = existing(d.edges, ids.edges);
      if (!groupIds.size && !nodeIds.size && !edgeIds.size) return d;
      // Deleting a group keeps its members: they move out to the canvas where they were.
      // References to deleted nodes go too: owners are cleared, gateway routes to them dropped.
      const nodes = d.nodes
        .filter((n) => !nodeIds.has(n.id))
        .map((n) => {
          let out: DesignNode = n.parentId && groupIds.has(n.parentId) ? { ...n, parentId: undefined, position: absolutePosition(d, n) } : n;
          if ((out.kind === 'database' || out.kind === 'cache') && out.ownerId && nodeIds.has(out.ownerId)) out = { ...out, ownerId: undefined };
          if (out.kind === 'gateway' && out.routes.some((r) => nodeIds.has(r.target))) out = { ...out, routes: out.routes.filter((r) => !nodeIds.has(r.target)) };
          return out;
        });
      const edges = d.edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target));
      const kept = new Set(edges.map((e) => e.id));
      const gone = (id: string) => nodeIds.has(id) || edgeIds.has(id) || groupIds.has(id);
      return {
        ...d,
        nodes,
        edges,
        groups: d.groups.filter((g) => !groupIds.has(g.id)),
        events: d.events.map((ev) => (ev.ownerId && nodeIds.has(ev.ownerId) ? { ...ev, ownerId: undefined } : ev)),
        views: d.views.map((v) => (v.nodeIds.some((id) => nodeIds.has(id)) ? { ...v, nodeIds: v.nodeIds.filter((id) => !nodeIds.has(id)) } : v)),
        flows: d.flows.map((f) => ({ ...f, steps: f.steps.filter((st) => !edgeIds.has(st.edgeId) && kept.has(st.edgeId)) })),
        settings: { ...d.settings, suppressions: d.settings.suppressions.filter((x) => !gone(x.targetId)) },
      };
    };

    const cloneIntoDesign = (d: Design, clip: Clipboard, offset: Position): { design: Design; selection: Selection } => {
      const idMap = new Map<string, string>();
      const taken = nodeNames(d);
      const groups = clip.groups.map((g) => {
        const id = newId('grp');
        idMap.set(g.id, id);
        return { ...structuredClone(g), id, position: { x: g.position.x + offset.x, y: g.position.y + offset.y } };
      });
      const nodes = clip.nodes.map((n) => {
        const id = newId(n.kind.slice(0, 3));
        idMap.set(n.id, id);
        const name = uniqueName(n.name, taken);
        taken.add(name);
        const inGroup = n.parentId && idMap.has(n.parentId);
        return {
          ...structuredClone(n),
          id,
          name,
          parentId: inGroup ? idMap.get(n.parentId!) : undefined,
          position: inGroup ? n.position : { x: n.position.x + offset.x, y: n.position.y + offset.y },
        } as DesignNode;
      });
      // A copied database keeps pointing at its owner's copy, a gateway's routes at the copied targets.
      for (let i = 0; i < nodes.length; i++) {
        const n = nodes[i];
        if ((n.kind === 'database' || n.kind === 'cache') && n.ownerId && idMap.has(n.ownerId)) nodes[i] = { ...n, ownerId: idMap.get(n.ownerId) };
        if (n.kind === 'gateway') nodes[i] = { ...n, routes: n.routes.map((r) => (idMap.has(r.target) ? { ...r, target: idMap.get(r.target)! } : r)) };
      }
      const edges = clip.edges
        .filter((e) => idMap.has(e.source) && idMap.has(e.target))
        .map((e) => ({ ...structuredClone(e), id: newId('e'), source: idMap.get(e.source)!, target: idMap.get(e.target)! }) as DesignEdge);
      return {
        design: { ...d, groups: [...d.groups, ...groups], nodes: [...d.nodes, ...nodes], edges: [...d.edges, ...edges] },
        selection: { nodes: nodes.map((n) => n.id), edges: edges.map((e) => e.id), groups: groups.map((g) => g.id) },
      };
    };

    return {
      design: initial,
      revision: 0,
      structureRevision: 0,
      selection: EMPTY_SELECTION,
      past: [],
      future: [],
      clipboard: null,
      gestureBase: null,
      lastCoalesce: null,

      loadDesign(design, opts = {}) {
        const s = get();
        set({
          design,
          revision: s.revision + 1,
          structureRevision: s.structureRevision + 1,
          selection: EMPTY_SELECTION,
          past: opts.keepHistory ? [...s.past, s.design].slice(-HISTORY_LIMIT) : [],
          future: [],
          gestureBase: null,
          lastCoalesce: null,
        });
      },

      setDesignMeta(patch, opts) {
        const d = get().design;
        const name = patch.name === undefined ? d.name : patch.name.slice(0, LIMITS.labelLength) || d.name;
        // Clamped like the name: an over-long text would make the saved file unreadable.
        const description = patch.description === undefined ? d.description : patch.description.slice(0, LIMITS.textLength);
        const next: Design = { ...d, name, description };
        if (patch.context) {
          // Parsing fills defaults and drops invalid values (a bad field keeps its previous value).
          const merged = model().contextSchema.safeParse({ ...d.context, ...patch.context });
          if (merged.success) next.context = merged.data;
        }
        apply(next, opts);
      },

      addNode(kind, position, init = {}) {
        const d = get().design;
        // A palette node (at most placed in a group) needs no schema; other overrides are checked by it.
        const { parentId, ...rest } = init as { parentId?: unknown };
        const plain = !Object.keys(rest).length && (parentId === undefined || (typeof parentId === 'string' && d.groups.some((g) => g.id === parentId)));
        const node = plain
          ? blankNode(kind, { position, taken: nodeNames(d), parentId: parentId as string | undefined })
          : model().createNode(kind, { ...init, position, taken: nodeNames(d) } as never);
        apply({ ...d, nodes: [...d.nodes, node] }, { selection: { nodes: [node.id], edges: [], groups: [] } });
        return node.id;
      },

      updateNode(id, patch, opts) {
        const d = get().design;
        const i = d.nodes.findIndex((n) => n.id === id);
        if (i < 0) return err(`No node ${id}.`);
        if (typeof patch.name === 'string') {
          const problem = dnsLabelProblem(patch.name);
          if (problem) return err(problem);
          if (nodeNames(d, id).has(patch.name)) return err(`Another node is already named "${patch.name}"; names become host names and must be unique.`);
        }
        const parsed = model().nodeSchema.safeParse({ ...d.nodes[i], ...patch, id, kind: d.nodes[i].kind });
        if (!parsed.success) return err(issuesText(parsed.error));
        const nodes = d.nodes.slice();
        nodes[i] = parsed.data;
        apply({ ...d, nodes }, opts);
        return ok(undefined);
      },

      moveNodes(moves) {
        if (!moves.length) return;
        const d = get().design;
        const byId = new Map(moves.map((m) => [m.id, m.position]));
        let changed = false;
        const move = <T extends { id: string; position: Position }>(x: T): T => {
          const p = byId.get(x.id);
          if (!p || (p.x === x.position.x && p.y === x.position.y) || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return x;
          changed = true;
          return { ...x, position: { x: p.x, y: p.y } };
        };
        const nodes = d.nodes.map(move);
        const groups = d.groups.map(move);
        if (changed) apply({ ...d, nodes, groups }, { structural: false });
      },

      beginGesture() {
        if (!get().gestureBase) set({ gestureBase: get().design });
      },

      endGesture() {
        const s = get();
        if (!s.gestureBase) return;
        const changed = s.gestureBase !== s.design;
        set({
          gestureBase: null,
          past: changed ? [...s.past, s.gestureBase].slice(-HISTORY_LIMIT) : s.past,
          future: changed ? [] : s.future,
          lastCoalesce: null,
        });
      },

      connect(sourceId, targetId, kind) {
        const d = get().design;
        const source = d.nodes.find((n) => n.id === sourceId);
        const target = d.nodes.find((n) => n.id === targetId);
        if (!source || !target) return err('Both ends of a connection must be nodes.');
        if (source.id === target.id) return err('A node cannot connect to itself.');
        const edge = blankEdge(source, target, kind ? { kind } : {});
        if (d.edges.some((e) => e.source === sourceId && e.target === targetId && e.kind === edge.kind)) {
          return err(`There is already a ${edge.kind} link from ${source.name} to ${target.name}.`);
        }
        apply({ ...d, edges: [...d.edges, edge] }, { selection: { nodes: [], edges: [edge.id], groups: [] } });
        return ok(edge.id);
      },

      updateEdge(id, patch, opts) {
        const d = get().design;
        const i = d.edges.findIndex((e) => e.id === id);
        if (i < 0) return err(`No edge ${id}.`);
        const cur = d.edges[i];
        const merged: Record<string, unknown> = { ...cur, ...patch, id, kind: cur.kind, source: cur.source, target: cur.target };
        // `undefined` in a patch clears an optional field (e.g. no timeout); identity stays.
        for (const [k, v] of Object.entries(patch)) if (v === undefined && !EDGE_IDENTITY.has(k)) delete merged[k];
        const parsed = model().edgeSchema.safeParse(merged);
        if (!parsed.success) return err(issuesText(parsed.error));
        const edges = d.edges.slice();
        edges[i] = parsed.data;
        apply({ ...d, edges }, opts);
        return ok(undefined);
      },

      setEdgeKind(id, kind) {
        const d = get().design;
        const i = d.edges.findIndex((e) => e.id === id);
        if (i < 0) return err(`No edge ${id}.`);
        const cur = d.edges[i];
        if (cur.kind === kind) return ok(undefined);
        const source = d.nodes.find((n) => n.id === cur.source) ?? { id: cur.source, kind: 'service' as const };
        const target = d.nodes.find((n) => n.id === cur.target) ?? { id: cur.target, kind: 'service' as const };
        const shared = cur.kind === 'publish' || cur.kind === 'subscribe' ? { topic: cur.topic, event: cur.event, version: cur.version } : {};
        const next = model().createEdge(source, target, { ...shared, kind, id: cur.id, label: cur.label, description: cur.description });
        const edges = d.edges.slice();
        edges[i] = next;
        apply({ ...d, edges });
        return ok(undefined);
      },

      deleteElements(ids) {
        const s = get();
        const next = removeElements(s.design, ids);
        if (next !== s.design) apply(next, { selection: pruneSelection(next, s.selection) });
      },

      deleteSelection() {
        get().deleteElements(get().selection);
      },

      select(sel, mode = 'replace') {
        const cur = get().selection;
        const combine = (a: readonly string[], b: readonly string[] | undefined): readonly string[] => {
          if (mode === 'replace') return b ?? [];
          if (!b?.length) return a;
          if (mode === 'add') return [...new Set([...a, ...b])];
          const set = new Set(a);
          for (const id of b) if (set.has(id)) set.delete(id); else set.add(id);
          return [...set];
        };
        const next = { nodes: combine(cur.nodes, sel.nodes), edges: combine(cur.edges, sel.edges), groups: combine(cur.groups, sel.groups) };
        const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
        if (same(next.nodes, cur.nodes) && same(next.edges, cur.edges) && same(next.groups, cur.groups)) return;
        set({ selection: next });
      },

      selectAll() {
        const d = get().design;
        set({ selection: { nodes: d.nodes.map((n) => n.id), edges: d.edges.map((e) => e.id), groups: d.groups.map((g) => g.id) } });
      },

      clearSelection() {
        if (get().selection !== EMPTY_SELECTION) set({ selection: EMPTY_SELECTION });
      },

      copySelection() {
        const { design: d, selection } = get();
        const groupIds = new Set(selection.groups);
        const nodeIds = new Set(selection.nodes);
        for (const n of d.nodes) if (n.parentId && groupIds.has(n.parentId)) nodeIds.add(n.id);
        if (!nodeIds.size && !groupIds.size) return null;
        // A copied node keeps its group only if the group is copied too; otherwise it goes absolute.
        const nodes = d.nodes
          .filter((n) => nodeIds.has(n.id))
          .map((n) => (n.parentId && !groupIds.has(n.parentId) ? { ...n, parentId: undefined, position: absolutePosition(d, n) } : n));
        const clip: Clipboard = structuredClone({
          nodes,
          edges: d.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target)),
          groups: d.groups.filter((g) => groupIds.has(g.id)),
        });
        set({ clipboard: clip });
        return clip;
      },

      paste(clip = get().clipboard, offset = { x: 40, y: 40 }) {
        if (!clip || (!clip.nodes.length && !clip.groups.length)) return;
        const { design, selection } = cloneIntoDesign(get().design, clip, offset);
        apply(design, { selection });
        // Pasting again steps further, like most editors.
        set({
          clipboard: {
            ...clip,
            nodes: clip.nodes.map((n) => (n.parentId ? n : { ...n, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } })),
            groups: clip.groups.map((g) => ({ ...g, position: { x: g.position.x + offset.x, y: g.position.y + offset.y } })),
          },
        });
      },

      duplicateSelection() {
        const prev = get().clipboard;
        const clip = get().copySelection();
        set({ clipboard: prev });
        if (clip) {
          const { design, selection } = cloneIntoDesign(get().design, clip, { x: 40, y: 40 });
          apply(design, { selection });
        }
      },

      groupSelection(name = 'Bounded context') {
        const d = get().design;
        const ids = new Set(get().selection.nodes);
        const members = d.nodes.filter((n) => ids.has(n.id));
        if (!members.length) return null;
        const abs = members.map((n) => absolutePosition(d, n));
        const minX = Math.min(...abs.map((p) => p.x)) - GROUP_PAD;
        const minY = Math.min(...abs.map((p) => p.y)) - GROUP_PAD - 16;
        const maxX = Math.max(...abs.map((p) => p.x + NODE_BOX.width)) + GROUP_PAD;
        const maxY = Math.max(...abs.map((p) => p.y + NODE_BOX.height)) + GROUP_PAD;
        const title = name.trim().slice(0, LIMITS.labelLength) || 'Bounded context';
        const group = blankGroup({ name: title, position: { x: minX, y: minY }, size: { width: maxX - minX, height: maxY - minY } });
        const nodes = d.nodes.map((n) => {
          if (!ids.has(n.id)) return n;
          const p = absolutePosition(d, n);
          return { ...n, parentId: group.id, position: { x: p.x - minX, y: p.y - minY } };
        });
        apply({ ...d, groups: [...d.groups, group], nodes }, { selection: { nodes: [], edges: [], groups: [group.id] } });
        return group.id;
      },

      ungroup(groupId) {
        const d = get().design;
        if (!d.groups.some((g) => g.id === groupId)) return;
        const next = removeElements(d, { groups: [groupId] });
        apply(next, { selection: { nodes: d.nodes.filter((n) => n.parentId === groupId).map((n) => n.id), edges: [], groups: [] } });
      },

      updateGroup(id, patch, opts) {
        const d = get().design;
        const i = d.groups.findIndex((g) => g.id === id);
        if (i < 0) return err(`No group ${id}.`);
        const parsed = model().groupSchema.safeParse({ ...d.groups[i], ...patch, id });
        if (!parsed.success) return err(issuesText(parsed.error));
        const groups = d.groups.slice();
        groups[i] = parsed.data;
        const onlyGeometry = Object.keys(patch).every((k) => k === 'position' || k === 'size');
        apply({ ...d, groups }, { ...opts, structural: !onlyGeometry });
        return ok(undefined);
      },

      setParent(nodeIds, groupId) {
        const d = get().design;
        const group = groupId ? d.groups.find((g) => g.id === groupId) : undefined;
        if (groupId && !group) return;
        const ids = new Set(nodeIds);
        let changed = false;
        const nodes = d.nodes.map((n) => {
          if (!ids.has(n.id) || (n.parentId ?? null) === groupId) return n;
          changed = true;
          const p = absolutePosition(d, n);
          return { ...n, parentId: group?.id, position: group ? { x: p.x - group.position.x, y: p.y - group.position.y } : p };
        });
        if (changed) apply({ ...d, nodes });
      },

      addEvent(ownerId, init = {}) {
        const d = get().design;
        const names = new Set(d.events.map((e) => e.name));
        let name = init.name ?? 'NewEvent';
        for (let i = 2; names.has(name); i++) name = `${init.name ?? 'NewEvent'}${i}`;
        const ev = model().eventSchema.parse({ ...init, id: newId('evt'), name, ownerId: ownerId ?? init.ownerId });
        apply({ ...d, events: [...d.events, ev] });
        return ev.id;
      },

      updateEvent(id, patch, opts) {
        const d = get().design;
        const i = d.events.findIndex((e) => e.id === id);
        if (i < 0) return err(`No event ${id}.`);
        const parsed = model().eventSchema.safeParse({ ...d.events[i], ...patch, id });
        if (!parsed.success) return err(issuesText(parsed.error));
        const events = d.events.slice();
        events[i] = parsed.data;
        apply({ ...d, events }, opts);
        return ok(undefined);
      },

      removeEvent(id) {
        const d = get().design;
        if (d.events.some((e) => e.id === id)) apply({ ...d, events: d.events.filter((e) => e.id !== id) });
      },

      publishEvent(id) {
        const d = get().design;
        if (!d.events.some((e) => e.id === id)) return;
        apply({ ...d, events: d.events.map((e) => (e.id === id ? { ...e, published: { fields: structuredClone(e.fields) } } : e)) });
      },

      addEventVersion(id) {
        const d = get().design;
        const ev = d.events.find((e) => e.id === id);
        if (!ev) return null;
        const top = Math.max(...d.events.filter((e) => e.name === ev.name).map((e) => e.version));
        const next = model().eventSchema.parse({ ...structuredClone(ev), id: newId('evt'), version: top + 1, published: undefined });
        apply({ ...d, events: [...d.events, next] });
        return next.id;
      },

      updateSettings(patch, opts) {
        const d = get().design;
        const parsed = model().settingsSchema.safeParse({ ...d.settings, ...patch });
        if (!parsed.success) return err(issuesText(parsed.error));
        apply({ ...d, settings: parsed.data }, opts);
        return ok(undefined);
      },

      applyLayout(nodes, groups = {}) {
        const d = get().design;
        // A layout engine can hand back NaN: such positions are skipped, never saved.
        const finite = (p: Position | undefined): p is Position => !!p && Number.isFinite(p.x) && Number.isFinite(p.y);
        const sized = (z: { width: number; height: number } | undefined) => !!z && Number.isFinite(z.width) && Number.isFinite(z.height);
        let changed = false;
        const nextNodes = d.nodes.map((n) => {
          const p = nodes[n.id];
          if (!finite(p) || (p.x === n.position.x && p.y === n.position.y)) return n;
          changed = true;
          return { ...n, position: { x: p.x, y: p.y } };
        });
        const nextGroups = d.groups.map((g) => {
          const l = groups[g.id];
          if (!l) return g;
          const position = finite(l.position) ? { x: l.position.x, y: l.position.y } : g.position;
          const size = sized(l.size) ? { width: Math.max(40, l.size!.width), height: Math.max(40, l.size!.height) } : g.size;
          if (position.x === g.position.x && position.y === g.position.y && size.width === g.size.width && size.height === g.size.height) return g;
          changed = true;
          return { ...g, position, size };
        });
        if (changed) apply({ ...d, nodes: nextNodes, groups: nextGroups }, { structural: false });
      },

      commit(next, opts = {}) {
        const { selection, ...rest } = opts;
        apply(next, rest);
        const sel = selection ? { nodes: selection.nodes ?? [], edges: selection.edges ?? [], groups: selection.groups ?? [] } : get().selection;
        set({ selection: pruneSelection(get().design, sel) });
      },

      undo() {
        const s = get();
        if (s.gestureBase) s.endGesture();
        const { past, design, future } = get();
        if (!past.length) return;
        const prev = past[past.length - 1];
        set({
          design: prev,
          past: past.slice(0, -1),
          future: [design, ...future].slice(0, HISTORY_LIMIT),
          revision: s.revision + 1,
          structureRevision: s.structureRevision + 1,
          selection: pruneSelection(prev, s.selection),
          lastCoalesce: null,
        });
      },

      redo() {
        const s = get();
        const { past, design, future } = s;
        if (!future.length) return;
        const next = future[0];
        set({
          design: next,
          past: [...past, design].slice(-HISTORY_LIMIT),
          future: future.slice(1),
          revision: s.revision + 1,
          structureRevision: s.structureRevision + 1,
          selection: pruneSelection(next, s.selection),
          lastCoalesce: null,
        });
      },
    };
  });
}
