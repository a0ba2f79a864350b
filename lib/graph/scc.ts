/** A directed graph in compressed sparse row form: node v's targets are targets[offsets[v]…offsets[v+1]). */
export interface Csr {
  readonly nodeCount: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

export interface SccResult {
  /** Component id of each node. Ids follow Tarjan's completion order: a component is numbered
   * before every component that reaches it, so ascending ids are a reverse topological order. */
  readonly componentOf: Int32Array;
  readonly count: number;
}

/** Builds CSR adjacency from parallel source/target index arrays (counting sort, stable). */
export function toCsr(nodeCount: number, sources: ArrayLike<number>, targets: ArrayLike<number>, edgeCount = sources.length): Csr & { order: Int32Array } {
  const offsets = new Int32Array(nodeCount + 1);
  for (let i = 0; i < edgeCount; i++) offsets[sources[i] + 1]++;
  for (let v = 0; v < nodeCount; v++) offsets[v + 1] += offsets[v];
  const fill = offsets.slice(0, nodeCount);
  const out = new Int32Array(edgeCount);
  // order[k] is the original edge index stored at CSR slot k, so callers can map back to edges.
  const order = new Int32Array(edgeCount);
  for (let i = 0; i < edgeCount; i++) {
    const slot = fill[sources[i]]++;
    out[slot] = targets[i];
    order[slot] = i;
  }
  return { nodeCount, offsets, targets: out, order };
}

/**
 * Tarjan's strongly connected components, iterative (an explicit stack instead of recursion) so
 * long chains of 10,000+ nodes cannot overflow the call stack. O(V + E).
 */
export function stronglyConnectedComponents(g: Csr): SccResult {
  const n = g.nodeCount;
  const { offsets, targets } = g;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callStack = new Int32Array(n);
  const edgePtr = new Int32Array(n);
  const componentOf = new Int32Array(n).fill(-1);
  let sp = 0;
  let next = 0;
  let count = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    // Nodes without out-edges are singleton components: skip the stack machinery for them.
    if (offsets[root] === offsets[root + 1]) {
      index[root] = next++;
      componentOf[root] = count++;
      continue;
    }
    let csp = 0;
    index[root] = low[root] = next++;
    stack[sp++] = root;
    onStack[root] = 1;
    edgePtr[root] = offsets[root];
    callStack[csp++] = root;
    while (csp > 0) {
      const v = callStack[csp - 1];
      if (edgePtr[v] < offsets[v + 1]) {
        const w = targets[edgePtr[v]++];
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack[sp++] = w;
          onStack[w] = 1;
          edgePtr[w] = offsets[w];
          callStack[csp++] = w;
        } else if (onStack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      csp--;
      if (csp > 0) {
        const u = callStack[csp - 1];
        if (low[v] < low[u]) low[u] = low[v];
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          componentOf[w] = count;
        } while (w !== v);
        count++;
      }
    }
  }
  return { componentOf, count };
}
