'use client';

import '@xyflow/react/dist/style.css';
import './canvas.css';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStoreApi,
  type Connection,
  type EdgeChange,
  type FitViewOptions,
  type IsValidConnection,
  type NodeChange,
  type OnNodeDrag,
  type SelectionDragHandler,
} from '@xyflow/react';
import type { Position } from '@/lib/model';
import { useEditor, useEditorContext, useUi } from '@/components/editor/EditorContext';
import { afterCanvas } from '@/components/editor/lazyPart';
import { EDGE_TYPES } from './ArchEdge';
import { NODE_TYPES } from './ArchNode';
import { canvasCommands } from './canvasCommands';
import { createCanvasDeriver, type ArchFlowEdge, type CanvasNode, type Dimensions, type MeasuredSizes } from './derive';
import { addNodeAt, GRID, isNodeKind, PALETTE_MIME, reparentAfterDrag } from './geometry';
import { markCanvasInteractive } from './interactive';
import { KIND_COLOR } from './kinds';
import { useColorMode } from './useColorMode';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';
import { useZoomedOut, ZoomedOutProvider } from './zoom';

// Not needed to draw: they load once the canvas is interactive (first-load budget, DESIGN §7).
const CanvasSearch = afterCanvas(() => import('./CanvasSearch').then((m) => m.CanvasSearch), 'search');
const LiteMiniMap = afterCanvas(() => import('./LiteMiniMap').then((m) => m.LiteMiniMap), 'minimap');

/** Above this many nodes only what is on screen is rendered (DESIGN §7). */
export const VISIBLE_ONLY_THRESHOLD = 300;

// Module constants: React Flow re-applies options when these objects change identity.
const SNAP_GRID: [number, number] = [GRID, GRID];
const FIT_VIEW_OPTIONS: FitViewOptions<CanvasNode> = { padding: 0.2, maxZoom: 1 };
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const CONNECTION_LINE_STYLE = { stroke: '#0ea5e9', strokeWidth: 2 };
const PRO_OPTIONS = { hideAttribution: false };

const minimapColor = (n: CanvasNode): string => (n.type === 'group' ? 'rgba(14, 165, 233, 0.18)' : KIND_COLOR[n.type as keyof typeof KIND_COLOR] ?? '#94a3b8');

const isValidConnection: IsValidConnection<ArchFlowEdge> = (c) => c.source !== c.target;

/**
 * The dot grid, left out below SIMPLE_ZOOM: its gap scales with the zoom, so zoomed out it is a
 * dense field of dots that carries no information and is repainted on every pan frame.
 */
function CanvasBackground() {
  return useZoomedOut() ? null : <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} />;
}

function CanvasInner() {
  const { store, ui } = useEditorContext();
  const rf = useReactFlow<CanvasNode, ArchFlowEdge>();
  const rfStore = useStoreApi<CanvasNode, ArchFlowEdge>();

  // Narrow subscriptions: each is a stable reference until that part of the design changes.
  const designNodes = useEditor((s) => s.design.nodes);
  const groups = useEditor((s) => s.design.groups);
  const designEdges = useEditor((s) => s.design.edges);
  const selection = useEditor((s) => s.selection);
  const snapToGrid = useUi((s) => s.snapToGrid);
  const showMinimap = useUi((s) => s.showMinimap);
  const docId = useUi((s) => s.docId);
  const colorMode = useColorMode();

  const [deriver] = useState(createCanvasDeriver);
  const [measured, setMeasured] = useState<MeasuredSizes>(() => new Map());
  const measuredRef = useRef(measured);
  useEffect(() => {
    measuredRef.current = measured;
  }, [measured]);

  const nodes = useMemo(() => deriver.nodes({ nodes: designNodes, groups, selection, measured }), [deriver, designNodes, groups, selection, measured]);
  // Edges read node names only (labels, dangling ends), which change only with structural edits:
  // a drag (moves are not structural) does not re-derive 2,000 edges per frame.
  const structure = useEditor((s) => s.structureRevision);
  const edges = useMemo(
    () => deriver.edges({ edges: designEdges, nodes: store.getState().design.nodes, selection }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `structure` stands for the node names
    [deriver, designEdges, structure, selection, store],
  );

  useKeyboardShortcuts(store, ui);

  const large = designNodes.length > VISIBLE_ONLY_THRESHOLD;

  // React Flow keeps a fit queued until there are nodes to fit: on an empty design the first node
  // added would make the view jump (a dropped node would not stay where it was dropped).
  const [fitOnMount] = useState(() => store.getState().design.nodes.length + store.getState().design.groups.length > 0);

  // Fit the view when another design is opened (the first one is fitted by the fitView prop).
  const fittedDoc = useRef(docId);
  useEffect(() => {
    if (fittedDoc.current === docId) return;
    fittedDoc.current = docId;
    const d = store.getState().design;
    // React Flow queues this until the new nodes are measured; an empty design starts unzoomed.
    if (d.nodes.length + d.groups.length > 0) void rf.fitView(FIT_VIEW_OPTIONS);
    else void rf.setViewport({ x: 0, y: 0, zoom: 1 });
  }, [docId, rf, store]);

  useEffect(
    () =>
      canvasCommands.register({
        fitView: () => void rf.fitView({ ...FIT_VIEW_OPTIONS, duration: 250 }),
        focus: (ids) => {
          const d = store.getState().design;
          const known = new Set([...d.nodes.map((n) => n.id), ...d.groups.map((g) => g.id)]);
          const targets = new Set<string>();
          for (const id of ids) {
            if (known.has(id)) targets.add(id);
            const e = d.edges.find((x) => x.id === id);
            if (e) {
              targets.add(e.source);
              targets.add(e.target);
            }
          }
          if (targets.size) void rf.fitView({ nodes: [...targets].map((id) => ({ id })), padding: 0.5, maxZoom: 1.25, duration: 300 });
        },
        zoomIn: () => void rf.zoomIn({ duration: 150 }),
        zoomOut: () => void rf.zoomOut({ duration: 150 }),
        viewportCenter: (): Position => {
          const { width, height, transform } = rfStore.getState();
          const [tx, ty, zoom] = transform;
          return { x: (width / 2 - tx) / zoom, y: (height / 2 - ty) / zoom };
        },
        nodeSize: (id) => measuredRef.current.get(id),
      }),
    [rf, rfStore, store],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const s = store.getState();
      const groupIds = new Set(s.design.groups.map((g) => g.id));
      const moves: { id: string; position: Position }[] = [];
      const resized: { id: string; size: Dimensions }[] = [];
      const sizes: { id: string; size: Dimensions }[] = [];
      let selNodes: Set<string> | null = null;
      let selGroups: Set<string> | null = null;
      for (const c of changes) {
        if (c.type === 'position') {
          if (c.position) moves.push({ id: c.id, position: c.position });
        } else if (c.type === 'select') {
          selNodes ??= new Set(s.selection.nodes);
          selGroups ??= new Set(s.selection.groups);
          const set = groupIds.has(c.id) ? selGroups : selNodes;
          if (c.selected) set.add(c.id);
          else set.delete(c.id);
        } else if (c.type === 'dimensions' && c.dimensions) {
          sizes.push({ id: c.id, size: c.dimensions });
          // A NodeResizer drag sets the group's size; plain measurements only describe it.
          if (c.resizing && c.setAttributes && groupIds.has(c.id)) resized.push({ id: c.id, size: c.dimensions });
        }
        // 'remove' is ignored: Delete goes through our shortcut handler and the store.
      }
      if (moves.length) s.moveNodes(moves);
      for (const r of resized) {
        const g = store.getState().design.groups.find((x) => x.id === r.id);
        if (g && (g.size.width !== r.size.width || g.size.height !== r.size.height)) {
          s.updateGroup(r.id, { size: { width: Math.round(r.size.width), height: Math.round(r.size.height) } });
        }
      }
      if (selNodes && selGroups) s.select({ nodes: [...selNodes], groups: [...selGroups], edges: s.selection.edges });
      if (sizes.length) {
        setMeasured((prev) => {
          let next: Map<string, Dimensions> | null = null;
          for (const { id, size } of sizes) {
            const old = prev.get(id);
            if (old && old.width === size.width && old.height === size.height) continue;
            next ??= new Map(prev);
            next.set(id, { width: size.width, height: size.height });
          }
          // Forget sizes of deleted elements and other designs once they pile up.
          const d = store.getState().design;
          if (next && next.size > 2 * (d.nodes.length + d.groups.length) + 64) {
            const live = new Set([...d.nodes.map((n) => n.id), ...d.groups.map((g) => g.id)]);
            for (const id of next.keys()) if (!live.has(id)) next.delete(id);
          }
          return next ?? prev;
        });
      }
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<ArchFlowEdge>[]) => {
      const s = store.getState();
      let sel: Set<string> | null = null;
      for (const c of changes) {
        if (c.type !== 'select') continue;
        sel ??= new Set(s.selection.edges);
        if (c.selected) sel.add(c.id);
        else sel.delete(c.id);
      }
      if (sel) s.select({ nodes: s.selection.nodes, groups: s.selection.groups, edges: [...sel] });
    },
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const r = store.getState().connect(c.source, c.target);
      if (!r.ok) ui.getState().notify('error', r.error);
    },
    [store, ui],
  );

  // A drag (of one node, several, or a group) is one gesture: one undo step, reparenting included.
  // `dragging` only freezes the large-design minimap; it changes twice per drag.
  const [dragging, setDragging] = useState(false);
  const beginDrag = useCallback(() => {
    setDragging(true);
    store.getState().beginGesture();
  }, [store]);
  const endDrag = useCallback(
    (dragged: CanvasNode[]) => {
      setDragging(false);
      const s = store.getState();
      for (const [groupId, ids] of reparentAfterDrag(s.design, dragged.map((n) => n.id), measuredRef.current)) {
        store.getState().setParent(ids, groupId);
      }
      store.getState().endGesture();
    },
    [store],
  );
  const onNodeDragStop: OnNodeDrag<CanvasNode> = useCallback((_e, _node, dragged) => endDrag(dragged), [endDrag]);
  const onSelectionDragStop: SelectionDragHandler<CanvasNode> = useCallback((_e, dragged) => endDrag(dragged), [endDrag]);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME);
      if (!isNodeKind(kind)) return;
      e.preventDefault();
      const at = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      addNodeAt(store, kind, at, { snapToGrid: ui.getState().snapToGrid });
    },
    [rf, store, ui],
  );

  return (
    <ZoomedOutProvider>
      <ReactFlow<CanvasNode, ArchFlowEdge>
        aria-label="Architecture canvas"
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        connectionMode={ConnectionMode.Loose}
        connectionRadius={28}
        connectionLineStyle={CONNECTION_LINE_STYLE}
        onNodeDragStart={beginDrag}
        onNodeDragStop={onNodeDragStop}
        onSelectionDragStart={beginDrag}
        onSelectionDragStop={onSelectionDragStop}
        onInit={markCanvasInteractive}
        onDragOver={onDragOver}
        onDrop={onDrop}
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        snapToGrid={snapToGrid}
        snapGrid={SNAP_GRID}
        onlyRenderVisibleElements={large}
        fitView={fitOnMount}
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.05}
        maxZoom={2}
        colorMode={colorMode}
        proOptions={PRO_OPTIONS}
        className="aw-canvas"
      >
        <CanvasBackground />
        <Controls position="bottom-left" showInteractive={false} />
        {!showMinimap ? null : large ? (
          <LiteMiniMap nodes={designNodes} groups={groups} frozen={dragging} ariaLabel="Minimap" />
        ) : (
          <MiniMap position="bottom-right" pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} ariaLabel="Minimap" />
        )}
        <Panel position="top-left">
          <CanvasSearch />
        </Panel>
      </ReactFlow>
    </ZoomedOutProvider>
  );
}

/** The design canvas (React Flow), controlled by the editor store. Renders inside an EditorProvider. */
export function FlowCanvas({ className }: { className?: string }) {
  return (
    <div className={className ?? 'relative h-full w-full'} data-testid="canvas">
      <ReactFlowProvider>
        <CanvasInner />
      </ReactFlowProvider>
    </div>
  );
}
