import { edgeDefaults, inferEdgeKind, NODE_KIND_INFO, newId } from './kinds';
import { uniqueName } from './names';
import {
  designSchema,
  edgeSchema,
  nodeSchema,
  type Design,
  type DesignEdge,
  type DesignNode,
  type EdgeKind,
  type NodeKind,
  type NodeOfKind,
  type EdgeOfKind,
  type Position,
} from './schema';

// Kind titles, ids and edge defaults live in ./kinds (no zod); re-exported for existing imports.
export { edgeDefaults, inferEdgeKind, NODE_KIND_INFO, newId } from './kinds';

/** Creates a node of `kind` with every default filled in and a name unique among `taken`. */
export function createNode<K extends NodeKind>(
  kind: K,
  opts: { position?: Position; name?: string; taken?: ReadonlySet<string>; id?: string } & Partial<Omit<NodeOfKind<K>, 'kind'>> = {},
): NodeOfKind<K> {
  const { position = { x: 0, y: 0 }, name, taken = new Set<string>(), id, ...rest } = opts;
  const finalName = uniqueName(name ?? NODE_KIND_INFO[kind].stem, taken);
  return nodeSchema.parse({ ...rest, kind, id: id ?? newId(kind.slice(0, 3)), name: finalName, position }) as NodeOfKind<K>;
}

/** Creates an edge between two nodes; its kind is inferred unless given. */
export function createEdge<K extends EdgeKind = EdgeKind>(
  source: Pick<DesignNode, 'id' | 'kind'>,
  target: Pick<DesignNode, 'id' | 'kind'>,
  opts: { kind?: K; id?: string } & Record<string, unknown> = {},
): K extends EdgeKind ? EdgeOfKind<K> : DesignEdge {
  const { kind = inferEdgeKind(source, target), id, ...rest } = opts;
  return edgeSchema.parse({ ...edgeDefaults(kind), ...rest, kind, id: id ?? newId('e'), source: source.id, target: target.id }) as never;
}

/** An empty design with every default filled in. */
export function emptyDesign(name = 'Untitled design'): Design {
  return designSchema.parse({ name });
}
