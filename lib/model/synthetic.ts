import { blankNode } from './blank';
import { designSchema, type Design, type DesignEdge, type DesignNode } from './schema';

/** Small deterministic PRNG (mulberry32) so generated designs are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A generated design of `services` services on a grid with `edgesPerService` call edges each
 * (to nearby services, so the picture looks like a real system rather than noise). For benchmarks.
 */
export function syntheticDesign(services: number, edgesPerService = 2, seed = 42): Design {
  const rnd = seededRandom(seed);
  const cols = Math.max(1, Math.ceil(Math.sqrt(services * 1.6)));
  const nodes: DesignNode[] = [];
  for (let i = 0; i < services; i++) {
    nodes.push(blankNode('service', { id: `s${i}`, name: `svc-${i}`, position: { x: (i % cols) * 260, y: Math.floor(i / cols) * 140 } }));
  }
  const edges: DesignEdge[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < services && services > 1; i++) {
    for (let k = 0, tries = 0; k < edgesPerService && tries < 20; tries++) {
      const j = Math.min(services - 1, Math.max(0, i + Math.round((rnd() - 0.3) * cols * 2)));
      const key = `${i}>${j}`;
      if (j === i || seen.has(key)) continue;
      seen.add(key);
      k++;
      edges.push({
        id: `e${edges.length}`,
        kind: 'call',
        source: `s${i}`,
        target: `s${j}`,
        description: '',
        protocol: 'rest',
        operations: [],
        timeoutMs: 2000,
        retries: 2,
        idempotencyKey: false,
        tls: false,
        callsPerRequest: 1,
      });
    }
  }
  return designSchema.parse({ name: `Synthetic ${services}`, nodes, edges });
}
