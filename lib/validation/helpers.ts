import type { NodeKind, ServiceNode } from '@/lib/model';
import { NODE_KIND_CODE, type Adjacency, type DesignGraph, type NodeEntry } from '@/lib/graph';

// Imported bindings are getter calls once transpiled to CommonJS (tsx, vitest): loops read
// these module-level copies instead.
const { service: SERVICE, gateway: GATEWAY } = NODE_KIND_CODE;

/** Kinds whose outgoing calls Archwright generates code or config for (clients are outside). */
export function isManagedCaller(kind: NodeKind | undefined): boolean {
  return kind === 'service' || kind === 'gateway';
}

/** True when the node has data edges or declared ownership of a store: it has data of its own. */
export function hasOwnData(graph: DesignGraph, entry: NodeEntry): boolean {
  return graph.hasData[entry.index] === 1;
}

const regexCache = new Map<string, RegExp | null>();

/** Compiles a user-supplied pattern once; an invalid pattern yields null instead of throwing. */
export function safeRegex(pattern: string, flags = 'i'): RegExp | null {
  const key = `${flags}/${pattern}`;
  if (!regexCache.has(key)) {
    let re: RegExp | null = null;
    try {
      re = pattern ? new RegExp(pattern, flags) : null;
    } catch {
      re = null;
    }
    // Bounded: patterns come from a handful of rule options.
    if (regexCache.size > 256) regexCache.clear();
    regexCache.set(key, re);
  }
  return regexCache.get(key)!;
}

/** Finds a service by id or technical name (option values may use either). */
export function findService(graph: DesignGraph, idOrName: string): NodeEntry<ServiceNode> | undefined {
  if (!idOrName) return undefined;
  const i = graph.indexOf(idOrName);
  if (i !== -1 && graph.nodeList[i].kind === 'service') return graph.nodeList[i] as NodeEntry<ServiceNode>;
  return graph.services.find((s) => s.name === idOrName);
}

/** "1 replica" / "2 replicas". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** How many edges a node has in one adjacency slot (no allocation). */
export function degree(adj: Adjacency, index: number): number {
  return adj.offsets[index + 1] - adj.offsets[index];
}

/** `isManagedCaller` for a `NodeFacts.kind` code. */
export function isManagedCode(kind: number): boolean {
  return kind === SERVICE || kind === GATEWAY;
}
