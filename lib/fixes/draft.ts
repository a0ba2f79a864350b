import {
  LIMITS,
  edgeSchema,
  eventSchema,
  nodeSchema,
  settingsSchema,
  type Design,
  type DesignEdge,
  type DesignEvent,
  type DesignNode,
  type Flow,
  type Position,
  type Settings,
  type View,
} from '@/lib/model';

type AnyPatch<T> = { [K in keyof T]?: T[K] | undefined } & Record<string, unknown>;

/** A node's position on the canvas (members of a group are stored relative to it). */
export function absolutePosition(design: Pick<Design, 'groups'>, node: Pick<DesignNode, 'position' | 'parentId'>): Position {
  const g = node.parentId === undefined ? undefined : design.groups.find((x) => x.id === node.parentId);
  return g ? { x: node.position.x + g.position.x, y: node.position.y + g.position.y } : { x: node.position.x, y: node.position.y };
}

function merge<T extends object>(base: T, patch: AnyPatch<T>): T {
  const out = { ...base } as Record<string, unknown>;
  // Undefined in a patch removes the key, so optional fields disappear instead of lingering as `undefined`.
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out as T;
}

/**
 * Copy-on-write editing of a design for quick fixes: unchanged nodes, edges and lists keep their
 * identity (structural sharing, so result reuse and memoized views see only what changed), the
 * input is never mutated, and `build` checks every changed element against the schema.
 * Element ids may repeat in a schema-valid design; like the graph, the draft acts on the first.
 */
export class Draft {
  readonly base: Design;
  private nodes: DesignNode[];
  private edges: DesignEdge[];
  private events: DesignEvent[];
  private settings: Settings;
  private views: View[];
  private flows: Flow[];
  private touched = { nodes: false, edges: false, events: false, views: false, flows: false };
  /** Elements added or replaced, to check against the schema in `build`. */
  private readonly changed = { nodes: new Set<DesignNode>(), edges: new Set<DesignEdge>(), events: new Set<DesignEvent>() };
  private nodeIndex?: Map<string, number>;
  private edgeIndex?: Map<string, number>;
  private names?: Set<string>;

  constructor(design: Design) {
    this.base = design;
    this.nodes = design.nodes;
    this.edges = design.edges;
    this.events = design.events;
    this.settings = design.settings;
    this.views = design.views;
    this.flows = design.flows;
  }

  // ---- reading -------------------------------------------------------------------------------

  /** The current version of the first node with this id. */
  node(id: string): DesignNode | undefined {
    const i = this.nodeAt(id);
    return i === -1 ? undefined : this.nodes[i];
  }

  /** The current version of the first edge with this id. */
  edge(id: string): DesignEdge | undefined {
    const i = this.edgeAt(id);
    return i === -1 ? undefined : this.edges[i];
  }

  /** Current nodes, edges and events (read-only views of the draft). */
  get nodeList(): readonly DesignNode[] {
    return this.nodes;
  }
  get edgeList(): readonly DesignEdge[] {
    return this.edges;
  }
  get eventList(): readonly DesignEvent[] {
    return this.events;
  }
  get currentSettings(): Settings {
    return this.settings;
  }

  /** Technical names in use, including those of nodes added to the draft. */
  takenNames(): Set<string> {
    if (!this.names) this.names = new Set(this.nodes.map((n) => n.name));
    return this.names;
  }

  /** Where a node is on the canvas. */
  position(node: Pick<DesignNode, 'position' | 'parentId'>): Position {
    return absolutePosition(this.base, node);
  }

  /**
   * A free spot for a new node near `anchor`: the anchor itself if nothing sits there, else the
   * first free cell of a ring of candidate offsets around it (new nodes never land on old ones).
   */
  freeSpot(anchor: Position): Position {
    const boxes = this.nodes.map((n) => this.position(n));
    const free = (p: Position) => boxes.every((b) => Math.abs(b.x - p.x) >= 200 || Math.abs(b.y - p.y) >= 90);
    const steps = [
      [0, 0],
      [0, 140],
      [240, 0],
      [-240, 0],
      [0, -140],
      [240, 140],
      [-240, 140],
      [240, -140],
      [-240, -140],
    ];
    for (let ring = 1; ring <= 4; ring++) {
      for (const [dx, dy] of steps) {
        const p = { x: Math.round(anchor.x + dx * ring), y: Math.round(anchor.y + dy * ring) };
        if (free(p)) return p;
      }
    }
    return { x: Math.round(anchor.x), y: Math.round(anchor.y + 140) };
  }

  // ---- nodes ---------------------------------------------------------------------------------

  /** Replaces fields of the first node with this id (undefined removes a field). */
  patchNode<N extends DesignNode>(id: string, patch: AnyPatch<N>): N {
    const i = this.nodeAt(id);
    if (i === -1) throw new Error(`No node ${id}.`);
    const next = merge(this.nodes[i] as N, patch);
    this.writeNodes()[i] = next;
    this.changed.nodes.add(next);
    if (this.names && typeof patch.name === 'string') this.names.add(patch.name);
    return next;
  }

  addNode(node: DesignNode): DesignNode {
    this.writeNodes().push(node);
    if (this.nodeIndex && !this.nodeIndex.has(node.id)) this.nodeIndex.set(node.id, this.nodes.length - 1);
    this.changed.nodes.add(node);
    this.takenNames().add(node.name);
    return node;
  }

  /**
   * Removes nodes with the edges touching them and every reference to them, as deleting on the
   * canvas does: store owners and event owners are cleared, gateway routes and view entries
   * dropped, flow steps and suppressions of removed edges and nodes dropped.
   */
  removeNodes(ids: ReadonlySet<string>): void {
    if (ids.size === 0) return;
    const nodes = this.nodes.filter((n) => !ids.has(n.id));
    if (nodes.length === this.nodes.length) return;
    this.nodes = nodes;
    this.touched.nodes = true;
    this.nodeIndex = undefined;
    this.names = undefined;
    for (const n of this.nodes) {
      if ((n.kind === 'database' || n.kind === 'cache') && n.ownerId !== undefined && ids.has(n.ownerId)) this.patchNode(n.id, { ownerId: undefined });
      else if (n.kind === 'gateway' && n.routes.some((r) => ids.has(r.target))) this.patchNode(n.id, { routes: n.routes.filter((r) => !ids.has(r.target)) });
    }
    if (this.events.some((ev) => ev.ownerId !== undefined && ids.has(ev.ownerId))) {
      this.events = this.events.map((ev) => (ev.ownerId !== undefined && ids.has(ev.ownerId) ? merge(ev, { ownerId: undefined }) : ev));
      this.touched.events = true;
    }
    if (this.views.some((v) => v.nodeIds.some((x) => ids.has(x)))) {
      this.views = this.views.map((v) => (v.nodeIds.some((x) => ids.has(x)) ? { ...v, nodeIds: v.nodeIds.filter((x) => !ids.has(x)) } : v));
      this.touched.views = true;
    }
    const edges = new Set<string>();
    for (const e of this.edges) if (ids.has(e.source) || ids.has(e.target)) edges.add(e.id);
    this.removeEdges(edges);
    this.dropSuppressions(ids);
  }

  /** Points view entries at `to` instead of `from` (dropping `from` where `to` is listed already). */
  replaceInViews(from: string, to: string): void {
    if (!this.views.some((v) => v.nodeIds.includes(from))) return;
    this.views = this.views.map((v) => {
      if (!v.nodeIds.includes(from)) return v;
      const has = v.nodeIds.includes(to);
      return { ...v, nodeIds: v.nodeIds.flatMap((x) => (x !== from ? [x] : has ? [] : [to])) };
    });
    this.touched.views = true;
  }

  // ---- edges ---------------------------------------------------------------------------------

  /** Replaces fields of the first edge with this id (undefined removes a field). */
  patchEdge<E extends DesignEdge>(id: string, patch: AnyPatch<E>): E {
    const i = this.edgeAt(id);
    if (i === -1) throw new Error(`No edge ${id}.`);
    const next = merge(this.edges[i] as E, patch);
    this.writeEdges()[i] = next;
    this.changed.edges.add(next);
    return next;
  }

  addEdge(edge: DesignEdge): DesignEdge {
    this.writeEdges().push(edge);
    if (this.edgeIndex && !this.edgeIndex.has(edge.id)) this.edgeIndex.set(edge.id, this.edges.length - 1);
    this.changed.edges.add(edge);
    return edge;
  }

  /**
   * Removes edges (every edge with one of the ids). Flow steps through a removed edge move to
   * `replacement[id]` when given (the edge that now carries that step), else they are dropped.
   */
  removeEdges(ids: ReadonlySet<string>, replacement: Readonly<Record<string, string>> = {}): void {
    if (ids.size === 0) return;
    const edges = this.edges.filter((e) => !ids.has(e.id));
    if (edges.length === this.edges.length) return;
    this.edges = edges;
    this.touched.edges = true;
    this.edgeIndex = undefined;
    if (this.flows.some((f) => f.steps.some((s) => ids.has(s.edgeId)))) {
      this.flows = this.flows.map((f) => {
        if (!f.steps.some((s) => ids.has(s.edgeId))) return f;
        const steps: Flow['steps'] = [];
        for (const s of f.steps) {
          if (!ids.has(s.edgeId)) steps.push(s);
          else if (Object.prototype.hasOwnProperty.call(replacement, s.edgeId)) steps.push({ ...s, edgeId: replacement[s.edgeId] });
        }
        return { ...f, steps };
      });
      this.touched.flows = true;
    }
    this.dropSuppressions(ids);
  }

  // ---- events and settings -------------------------------------------------------------------

  patchEvent(index: number, patch: AnyPatch<DesignEvent>): DesignEvent {
    const next = merge(this.events[index], patch);
    this.writeEvents()[index] = next;
    this.changed.events.add(next);
    return next;
  }

  addEvent(event: DesignEvent): DesignEvent {
    this.writeEvents().push(event);
    this.changed.events.add(event);
    return event;
  }

  removeEvents(indices: ReadonlySet<number>): void {
    if (indices.size === 0) return;
    const ids = new Set(this.events.filter((_, i) => indices.has(i)).map((e) => e.id));
    this.events = this.events.filter((_, i) => !indices.has(i));
    this.touched.events = true;
    for (const e of this.events) ids.delete(e.id);
    this.dropSuppressions(ids);
  }

  patchSettings(patch: AnyPatch<Settings>): void {
    this.settings = merge(this.settings, patch);
  }

  // ---- result --------------------------------------------------------------------------------

  /** The edited design (the input itself when nothing changed), or why it would be invalid. */
  build(): { ok: true; design: Design } | { ok: false; error: string } {
    const problem = this.problem();
    if (problem) return { ok: false, error: `The fix would make the design invalid: ${problem}` };
    const t = this.touched;
    if (!t.nodes && !t.edges && !t.events && !t.views && !t.flows && this.settings === this.base.settings) return { ok: true, design: this.base };
    return {
      ok: true,
      design: { ...this.base, nodes: this.nodes, edges: this.edges, events: this.events, views: this.views, flows: this.flows, settings: this.settings },
    };
  }

  private problem(): string | undefined {
    if (this.nodes.length > LIMITS.nodes) return `more than ${LIMITS.nodes} nodes.`;
    if (this.edges.length > LIMITS.edges) return `more than ${LIMITS.edges} edges.`;
    if (this.events.length > LIMITS.listItems) return `more than ${LIMITS.listItems} events.`;
    const check = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } } }, value: unknown, what: string) => {
      const r = schema.safeParse(value);
      if (r.success) return undefined;
      const issue = r.error!.issues[0];
      return `${what}: ${issue.path.map(String).join('.') || 'value'}: ${issue.message}`;
    };
    // Only what the draft changed (and still holds) needs checking: the rest was valid and is unchanged.
    const nodes = new Set(this.nodes);
    for (const n of this.changed.nodes) {
      const p = nodes.has(n) ? check(nodeSchema, n, `node ${n.name}`) : undefined;
      if (p) return p;
    }
    const edges = new Set(this.edges);
    for (const e of this.changed.edges) {
      const p = edges.has(e) ? check(edgeSchema, e, `edge ${e.id}`) : undefined;
      if (p) return p;
    }
    const events = new Set(this.events);
    for (const ev of this.changed.events) {
      const p = events.has(ev) ? check(eventSchema, ev, `event ${ev.name}`) : undefined;
      if (p) return p;
    }
    if (this.settings !== this.base.settings) return check(settingsSchema, this.settings, 'settings');
    return undefined;
  }

  private dropSuppressions(ids: ReadonlySet<string>): void {
    const s = this.settings.suppressions;
    if (s.some((x) => ids.has(x.targetId))) this.settings = { ...this.settings, suppressions: s.filter((x) => !ids.has(x.targetId)) };
  }

  private nodeAt(id: string): number {
    if (!this.nodeIndex) {
      this.nodeIndex = new Map();
      this.nodes.forEach((n, i) => this.nodeIndex!.has(n.id) || this.nodeIndex!.set(n.id, i));
    }
    return this.nodeIndex.get(id) ?? -1;
  }

  private edgeAt(id: string): number {
    if (!this.edgeIndex) {
      this.edgeIndex = new Map();
      this.edges.forEach((e, i) => this.edgeIndex!.has(e.id) || this.edgeIndex!.set(e.id, i));
    }
    return this.edgeIndex.get(id) ?? -1;
  }

  private writeNodes(): DesignNode[] {
    if (!this.touched.nodes) {
      this.nodes = this.nodes.slice();
      this.touched.nodes = true;
    }
    return this.nodes;
  }

  private writeEdges(): DesignEdge[] {
    if (!this.touched.edges) {
      this.edges = this.edges.slice();
      this.touched.edges = true;
    }
    return this.edges;
  }

  private writeEvents(): DesignEvent[] {
    if (!this.touched.events) {
      this.events = this.events.slice();
      this.touched.events = true;
    }
    return this.events;
  }
}
