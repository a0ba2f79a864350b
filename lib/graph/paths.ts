import type { Csr } from './scc';

export interface LongestPathResult {
  readonly hops: number;
  /** Node indices along the path. */
  readonly nodes: number[];
  /** CSR slots of the edges along the path. */
  readonly slots: number[];
}

/**
 * Longest weighted path over the condensation DAG, starting from the best of `entries`.
 * Edges inside a component are free (a cycle is collapsed to one step), so the result is finite.
 * `componentOf` must come from `stronglyConnectedComponents` (ascending ids = sinks first). O(V + E).
 */
export function longestPathFrom(
  g: Csr,
  weights: Uint8Array,
  componentOf: Int32Array,
  componentCount: number,
  entries: readonly number[],
): LongestPathResult {
  const n = g.nodeCount;
  const { offsets, targets } = g;
  // Members grouped by component (counting sort) so components are processed sinks first.
  const start = new Int32Array(componentCount + 1);
  for (let v = 0; v < n; v++) start[componentOf[v] + 1]++;
  for (let c = 0; c < componentCount; c++) start[c + 1] += start[c];
  const fill = start.slice(0, componentCount);
  const members = new Int32Array(n);
  for (let v = 0; v < n; v++) members[fill[componentOf[v]]++] = v;

  const best = new Int32Array(componentCount);
  const bestSlot = new Int32Array(componentCount).fill(-1);
  for (let c = 0; c < componentCount; c++) {
    for (let m = start[c]; m < start[c + 1]; m++) {
      const u = members[m];
      for (let slot = offsets[u]; slot < offsets[u + 1]; slot++) {
        const cw = componentOf[targets[slot]];
        if (cw === c) continue;
        const candidate = weights[slot] + best[cw];
        if (candidate > best[c] || bestSlot[c] === -1) {
          best[c] = candidate;
          bestSlot[c] = slot;
        }
      }
    }
  }

  let from = -1;
  for (const e of entries) if (from === -1 || best[componentOf[e]] > best[componentOf[from]]) from = e;
  if (from === -1) return { hops: 0, nodes: [], slots: [] };

  // Source node of each slot, needed only along the path: find it by binary search on offsets.
  const sourceOf = (slot: number): number => {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (offsets[mid] <= slot) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const nodes = [from];
  const slots: number[] = [];
  for (let c = componentOf[from]; bestSlot[c] !== -1; ) {
    const slot = bestSlot[c];
    const src = sourceOf(slot);
    if (src !== nodes[nodes.length - 1]) nodes.push(src);
    nodes.push(targets[slot]);
    slots.push(slot);
    c = componentOf[targets[slot]];
  }
  return { hops: best[componentOf[from]], nodes, slots };
}
