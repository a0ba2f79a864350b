import type { Design } from '@/lib/model';
import { DESIGN_TARGET } from '@/lib/validation';

/** A finding target as people know it. */
export interface ElementRef {
  id: string;
  /** Node name, "source → target" for an edge, "Event v2" for an event. */
  name: string;
  /** Unambiguous path, e.g. `nodes/orders`, `edges/orders->payments`, `events/OrderPlaced/v1`. */
  fullyQualifiedName: string;
  /** Node or edge kind, `event`, `group`, `design`, or `unknown` for ids not in the design. */
  kind: string;
  /** Source and target node ids, for edges. */
  endpoints?: [string, string];
}

/** Resolves element ids to names; built once per design. */
export function elementNamer(design: Design): (id: string) => ElementRef {
  const nodes = new Map<string, Design['nodes'][number]>();
  const nameCount = new Map<string, number>();
  for (const n of design.nodes) {
    if (!nodes.has(n.id)) nodes.set(n.id, n);
    nameCount.set(n.name, (nameCount.get(n.name) ?? 0) + 1);
  }
  const edges = new Map<string, Design['edges'][number]>();
  for (const e of design.edges) if (!edges.has(e.id)) edges.set(e.id, e);
  const events = new Map<string, Design['events'][number]>();
  for (const e of design.events) if (!events.has(e.id)) events.set(e.id, e);
  const groups = new Map<string, Design['groups'][number]>();
  for (const g of design.groups) if (!groups.has(g.id)) groups.set(g.id, g);

  const nodeName = (id: string) => nodes.get(id)?.name ?? id;
  // Names may repeat (the schema allows it; a rule reports it): the id keeps the path unique.
  const nodePath = (id: string) => {
    const name = nodeName(id);
    return (nameCount.get(name) ?? 0) > 1 ? `${name}#${id}` : name;
  };

  return (id) => {
    if (id === DESIGN_TARGET) return { id, name: design.name, fullyQualifiedName: 'design', kind: 'design' };
    const node = nodes.get(id);
    if (node) return { id, name: node.name, fullyQualifiedName: `nodes/${nodePath(id)}`, kind: node.kind };
    const edge = edges.get(id);
    if (edge) {
      return {
        id,
        name: `${nodeName(edge.source)} → ${nodeName(edge.target)}`,
        fullyQualifiedName: `edges/${nodePath(edge.source)}->${nodePath(edge.target)}#${id}`,
        kind: edge.kind,
        endpoints: [edge.source, edge.target],
      };
    }
    const event = events.get(id);
    if (event) return { id, name: `${event.name} v${event.version}`, fullyQualifiedName: `events/${event.name}/v${event.version}`, kind: 'event' };
    const group = groups.get(id);
    if (group) return { id, name: group.name, fullyQualifiedName: `groups/${group.name}`, kind: 'group' };
    return { id, name: id, fullyQualifiedName: id, kind: 'unknown' };
  };
}

/**
 * Names for a finding's targets without repeats: an edge "a → b" already names a and b, so they
 * (and edges between elements already named) are not listed again.
 */
export function distinctNames(refs: readonly ElementRef[]): string[] {
  const named = new Set<string>();
  const out: string[] = [];
  for (const ref of refs) {
    if (named.has(ref.id)) continue;
    if (ref.endpoints && out.length > 0 && named.has(ref.endpoints[0]) && named.has(ref.endpoints[1])) continue;
    out.push(ref.name);
    named.add(ref.id);
    if (ref.endpoints) ref.endpoints.forEach((id) => named.add(id));
  }
  return out;
}
