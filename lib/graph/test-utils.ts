import {
  createEdge,
  createNode,
  designSchema,
  edgeSchema,
  type Design,
  type DesignEdge,
  type DesignInput,
  type DesignNode,
  type EdgeKind,
  type NodeKind,
} from '@/lib/model';

/** A node: its kind, or its kind and properties (e.g. `['service', { replicas: 1 }]`). */
export type NodeSpec = NodeKind | readonly [NodeKind, Record<string, unknown>];
/** An edge: `'a -> b'` (kind inferred like the canvas does) or `'a -publish-> b'`, optionally with properties. */
export type EdgeSpec = string | readonly [string, Record<string, unknown>];

/** A whole design in a few lines, for tests. */
export interface DesignSpec {
  /** Keyed by id; the id is also the name unless a `name` property is given. */
  nodes?: Record<string, NodeSpec>;
  edges?: readonly EdgeSpec[];
  events?: DesignInput['events'];
  settings?: DesignInput['settings'];
}

const EDGE_RE = /^\s*(\S+)\s*-(?:(call|publish|subscribe|data)-)?>\s*(\S+)\s*$/;

/**
 * Builds a schema-valid design from a compact description. Edges get the canvas' good defaults
 * (timeout, retries, circuit breaker); pass `{ timeoutMs: undefined }` to take one away. Edge ids
 * are `source:target` (`source:target:2` for repeats) unless an `id` property is given. Edges to
 * ids that are not nodes are kept as dangling edges.
 */
export function designOf(spec: DesignSpec): Design {
  const nodes: DesignNode[] = Object.entries(spec.nodes ?? {}).map(([id, s]) => {
    const [kind, props] = typeof s === 'string' ? [s, {}] : s;
    return createNode(kind as NodeKind, { id, name: id, ...props } as never);
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const used = new Map<string, number>();
  const edges: DesignEdge[] = (spec.edges ?? []).map((s) => {
    const [text, props] = typeof s === 'string' ? [s, {} as Record<string, unknown>] : s;
    const m = EDGE_RE.exec(text);
    if (!m) throw new Error(`Cannot read edge "${text}"; write "a -> b" or "a -publish-> b".`);
    const [, source, kindText, target] = m;
    const nth = (used.get(`${source}:${target}`) ?? 0) + 1;
    used.set(`${source}:${target}`, nth);
    const id = (props.id as string | undefined) ?? (nth === 1 ? `${source}:${target}` : `${source}:${target}:${nth}`);
    const kind = kindText as EdgeKind | undefined;
    const src = byId.get(source);
    const dst = byId.get(target);
    if (src && dst) return createEdge(src, dst, { ...props, id, ...(kind ? { kind } : {}) }) as DesignEdge;
    // Dangling: no node to infer the kind from.
    return edgeSchema.parse({ topic: 'events', event: 'SomethingHappened', ...props, kind: kind ?? 'call', id, source, target });
  });
  return designSchema.parse({ name: 'test', nodes, edges, events: spec.events ?? [], settings: spec.settings ?? {} });
}
