import type { ServiceNode } from '@/lib/model';
import type { Adjacency, DesignGraph, NodeEntry } from '@/lib/graph';

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

