import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { longestPathFrom } from './paths';
import { stronglyConnectedComponents, toCsr } from './scc';

/** Reachability by plain BFS, the slow obvious reference. */
function reach(n: number, edges: [number, number][]): boolean[][] {
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (const [s, t] of edges) adj[s].push(t);
  return adj.map((_, s) => {
    const seen = new Array<boolean>(n).fill(false);
    const queue = [s];
    seen[s] = true;
    while (queue.length) {
      for (const t of adj[queue.shift()!]) {
        if (seen[t]) continue;
        seen[t] = true;
        queue.push(t);
      }
    }
    return seen;
  });
}

const graphArb = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 30 })),
);

describe('stronglyConnectedComponents', () => {
  it('puts two nodes in one component exactly when each reaches the other', () => {
    fc.assert(
      fc.property(graphArb, ([n, edges]) => {
        const csr = toCsr(n, edges.map((e) => e[0]), edges.map((e) => e[1]));
        const { componentOf } = stronglyConnectedComponents(csr);
        const r = reach(n, edges);
        for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) expect(componentOf[a] === componentOf[b]).toBe(r[a][b] && r[b][a]);
      }),
    );
  });

  it('numbers components in reverse topological order', () => {
    fc.assert(
      fc.property(graphArb, ([n, edges]) => {
        const csr = toCsr(n, edges.map((e) => e[0]), edges.map((e) => e[1]));
        const { componentOf } = stronglyConnectedComponents(csr);
        for (const [s, t] of edges) expect(componentOf[t]).toBeLessThanOrEqual(componentOf[s]);
      }),
    );
  });

  it('longest path equals brute force on DAGs', () => {
    const dagArb = fc.integer({ min: 1, max: 9 }).chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 20 }).map((es) => es.filter(([s, t]) => s < t) as [number, number][]),
      ),
    );
    fc.assert(
      fc.property(dagArb, ([n, edges]) => {
        const csr = toCsr(n, edges.map((e) => e[0]), edges.map((e) => e[1]));
        const scc = stronglyConnectedComponents(csr);
        const weights = new Uint8Array(edges.length).fill(1);
        const res = longestPathFrom(csr, weights, scc.componentOf, scc.count, [0]);
        const memo = new Map<number, number>();
        const longest = (v: number): number => {
          if (!memo.has(v)) memo.set(v, Math.max(0, ...edges.filter((e) => e[0] === v).map((e) => 1 + longest(e[1]))));
          return memo.get(v)!;
        };
        expect(res.hops).toBe(longest(0));
        expect(res.slots).toHaveLength(res.hops);
        expect(res.nodes[0]).toBe(0);
      }),
    );
  });
});
