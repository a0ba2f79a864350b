/**
 * The validation benchmark's measurements, shared by Node (`bench/validate.ts`) and the browser
 * page `/bench/validate`, which runs the very same code in Chromium, where the editor validates.
 * Browser-safe: no Node imports.
 */
import { createEdge, createNode, designSchema, type Design, type DesignEdge, type DesignNode, type NodeKind } from '@/lib/model';
import { seededRandom } from '@/lib/model/synthetic';
import { buildGraph } from '@/lib/graph';
import { PROFILE_IDS, validateDetailed } from '@/lib/validation';
import { median } from './stats';

// A realistic mix: mostly services and their stores, a few brokers, gateways, clients, sinks.
const MIX: [NodeKind, number][] = [
  ['service', 0.5],
  ['database', 0.18],
  ['cache', 0.06],
  ['broker', 0.04],
  ['external', 0.08],
  ['gateway', 0.03],
  ['client', 0.06],
  ['observability', 0.05],
];

/** A design of `n` nodes and 2n edges whose kinds follow the node kinds they connect. */
export function generateDesign(n: number, seed = 42): Design {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const hex = () => Math.floor(rand() * 0xffffffff).toString(16).padStart(8, '0');
  const byKind = new Map<NodeKind, DesignNode[]>(MIX.map(([k]) => [k, []]));
  const nodes: DesignNode[] = [];
  for (const [kind, share] of MIX) {
    const count = Math.max(1, Math.round(n * share));
    for (let i = 0; i < count && nodes.length < n; i++) {
      const extra: Record<string, unknown> = {};
      if (kind === 'service') Object.assign(extra, { tracing: rand() > 0.05, logging: rand() > 0.05 ? 'json' : 'text', replicas: rand() > 0.1 ? 2 : 1 });
      const node = createNode(kind, { id: `${kind.slice(0, 3)}_${hex()}`, name: `${kind}-${i}`, ...extra } as never);
      nodes.push(node);
      byKind.get(kind)!.push(node);
    }
  }
  const services = byKind.get('service')!;
  for (const db of byKind.get('database')!) if (rand() < 0.7) (db as { ownerId?: string }).ownerId = pick(services).id;

  const edges: DesignEdge[] = [];
  const events = ['OrderPlaced', 'PaymentCaptured', 'StockReserved', 'UserSignedUp', 'InvoiceIssued'];
  const edge = (s: DesignNode, t: DesignNode, props: Record<string, unknown> = {}) => edges.push(createEdge(s, t, { id: `e_${hex()}`, ...props }));
  while (edges.length < 2 * n) {
    const r = rand();
    const svc = pick(services);
    if (r < 0.4) {
      edge(svc, pick(services), {
        timeoutMs: rand() < 0.1 ? undefined : 2000,
        circuitBreaker: rand() < 0.2 ? undefined : { enabled: true },
        operations: rand() < 0.3 ? [{ method: 'POST', path: '/things' }] : [],
        tls: rand() < 0.5,
      });
    } else if (r < 0.6) edge(svc, pick(byKind.get('database')!));
    else if (r < 0.65) edge(svc, pick(byKind.get('cache')!));
    else if (r < 0.75) edge(svc, pick(byKind.get('broker')!), { topic: 'events', event: pick(events) });
    else if (r < 0.85) edge(pick(byKind.get('broker')!), svc, { topic: 'events', event: pick(events) });
    else if (r < 0.9) edge(pick(byKind.get('gateway')!), svc);
    else if (r < 0.93) edge(pick(byKind.get('client')!), pick(byKind.get('gateway')!));
    else edge(svc, pick(byKind.get('external')!));
  }
  return designSchema.parse({ name: `bench-${n}`, nodes, edges });
}

export interface Timing {
  /** Median wall-clock ms: what a user waits. */
  median: number;
  /** Fastest wall-clock run: the cost without preemption by other processes. */
  min: number;
  /** Median CPU ms of this process (user + system, includes V8's GC threads); null where there is no CPU clock (browsers). */
  cpuMedian: number | null;
}

/** Times `fn` over `runs` runs after `warmup` untimed ones; `prepare` runs untimed before each. `cpu`: a CPU clock in ms, where the runtime has one. */
function time<T>(runs: number, warmup: number, prepare: (i: number) => T, fn: (x: T) => unknown, cpu?: () => number): Timing {
  const wall: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const x = prepare(i);
    const c0 = cpu ? cpu() : 0;
    const t0 = performance.now();
    fn(x);
    const dt = performance.now() - t0;
    const c = cpu ? cpu() - c0 : Number.NaN;
    if (i >= warmup) {
      wall.push(dt);
      cpuTimes.push(c);
    }
  }
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { median: r(median(wall)), min: r(Math.min(...wall)), cpuMedian: cpu ? r(median(cpuTimes)) : null };
}

export const ALL_SIZES = [
  { nodes: 100, runs: 400 },
  { nodes: 1_000, runs: 150 },
  { nodes: 10_000, runs: 40 },
];

/** ms budgets per design size (DESIGN §7). */
export const TARGETS: Record<number, number> = { 1000: 2, 10000: 20 };

/** One row of results: a design size, a profile, and how long each kind of run took. */
export interface BenchRow {
  nodes: number;
  edges: number;
  profile: string;
  /** 'tidy': the same topology with every call edge fixed (far fewer findings). */
  variant?: 'tidy';
  runs: number;
  buildGraphMs?: Timing;
  fullMs: Timing;
  rulesMs?: Timing;
  editMs?: Timing;
  moveMs?: Timing;
  findings: number;
}

export const NOTE =
  'fullMs: buildGraph + every rule of the profile + suppressions + ordering, nothing cached. rulesMs: the same on a graph built beforehand (every rule and the engine, no index building). editMs: after a structural edit (one call edge removed or added, alternately) = the engine revalidates the new revision in full (only inert edits reuse results). moveMs: after moving one node (only inert fields changed), where the engine reuses the previous result after an O(nodes + edges) identity check. median = wall-clock median; min = fastest run; cpuMedian = process CPU time (includes V8 GC threads; Node only). The generated designs are deliberately messy (many findings).';

/**
 * Runs the benchmark for `sizes` and calls `onRow` as each row is done (a long run shows
 * progress); returns every row. `cpu` is a CPU clock in ms where the runtime has one.
 */
export function runValidationBench(sizes: readonly { nodes: number; runs: number }[], opts: { cpu?: () => number; onRow?: (row: BenchRow) => void } = {}): BenchRow[] {
  const rows: BenchRow[] = [];
  const emit = (row: BenchRow) => {
    rows.push(row);
    opts.onRow?.(row);
  };
  const { cpu } = opts;
  for (const { nodes, runs } of sizes) {
    const design = generateDesign(nodes);
    const warmup = Math.ceil(runs / 4);
    const build = time(runs, warmup, () => ({ ...design }), (d) => buildGraph(d), cpu);
    const services = design.nodes.flatMap((n, i) => (n.kind === 'service' ? [i] : []));
    const calls = design.edges.flatMap((e, i) => (e.kind === 'call' ? [i] : []));
    const prebuilt = buildGraph(design);
    for (const profile of PROFILE_IDS) {
      // A fresh design object each run defeats the graph cache and reuse is off: buildGraph and
      // every rule run each time.
      const full = time(runs, warmup, () => ({ ...design }), (d) => validateDetailed(d, { profile, reuse: false }), cpu);
      // Every rule on indexes built beforehand (the graph is built once per revision and shared
      // with generators).
      const rules = time(runs, warmup, () => ({ ...design }), (d) => validateDetailed(d, { profile, reuse: false, graph: prebuilt }), cpu);
      // A structural edit as the store makes it (a new edges array): one call removed, or a new
      // call between two services, alternately. The engine revalidates the new revision in full
      // (only inert edits reuse the previous result), so this is the incremental-edit latency.
      const edit = time(
        runs,
        warmup,
        (i) => {
          const edges = design.edges.slice();
          if (i % 2 === 0) edges.splice(calls[i % calls.length], 1);
          else edges.push(createEdge(design.nodes[services[i % services.length]], design.nodes[services[(7 * i) % services.length]], { id: `bench_${i}` }));
          return { ...design, edges };
        },
        (d) => validateDetailed(d, { profile }),
        cpu,
      );
      // A move (or relabel/describe/regroup): only inert fields change, the previous result is reused.
      const move = time(
        runs,
        warmup,
        (i) => {
          const at = services[i % services.length];
          const moved = design.nodes.slice();
          moved[at] = { ...design.nodes[at], position: { x: i, y: i } } as DesignNode;
          return { ...design, nodes: moved };
        },
        (d) => validateDetailed(d, { profile }),
        cpu,
      );
      const findings = validateDetailed(design, { profile, reuse: false }).findings.length;
      emit({ nodes, edges: design.edges.length, profile, runs, buildGraphMs: build, fullMs: full, rulesMs: rules, editMs: edit, moveMs: move, findings });
    }
    // Same topology with every call edge fixed (timeout, breaker, TLS, no unsafe retries): shows
    // how much of the cost is building findings for a messy design.
    const tidy = designSchema.parse({
      ...design,
      edges: design.edges.map((e) => (e.kind === 'call' ? { ...e, timeoutMs: 2000, circuitBreaker: { enabled: true }, tls: true, operations: [] } : e)),
    });
    for (const profile of PROFILE_IDS) {
      const tidyFull = time(runs, warmup, () => ({ ...tidy }), (d) => validateDetailed(d, { profile, reuse: false }), cpu);
      const tidyFindings = validateDetailed(tidy, { profile, reuse: false }).findings.length;
      emit({ nodes, edges: tidy.edges.length, profile, variant: 'tidy', runs, fullMs: tidyFull, findings: tidyFindings });
    }
  }
  return rows;
}

const fmt = (t: Timing | undefined) =>
  t === undefined ? '' : `${t.median.toFixed(2).padStart(7)} (${t.min.toFixed(2)}${t.cpuMedian === null ? '' : ` / ${t.cpuMedian.toFixed(2)}`})`;

/** The table's header line. */
export const TABLE_HEADER =
  'nodes  edges  profile                       buildGraph                full validation           rules (graph built)       after a structural edit   after a move (reuse)      findings';

/** One table line for a row. */
export function formatRow(row: BenchRow): string {
  const name = row.variant ? `${row.profile} (${row.variant})` : row.profile;
  return `${String(row.nodes).padStart(5)}  ${String(row.edges).padStart(5)}  ${name.padEnd(28)}  ${fmt(row.buildGraphMs).padEnd(24)}  ${fmt(row.fullMs).padEnd(24)}  ${fmt(row.rulesMs).padEnd(24)}  ${fmt(row.editMs).padEnd(24)}  ${fmt(row.moveMs).padEnd(24)}  ${String(row.findings).padStart(8)}`;
}

/** Rows over their size's budget (full validation or after an edit; tidy rows included). */
export function overBudget(rows: readonly BenchRow[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const target = TARGETS[r.nodes];
    if (target === undefined) continue;
    for (const [what, t] of [['full validation', r.fullMs], ['after a structural edit', r.editMs]] as const) {
      if (t && t.median > target) out.push(`${r.nodes} nodes, ${r.profile}${r.variant ? ` (${r.variant})` : ''}, ${what}: ${t.median} ms > ${target} ms`);
    }
  }
  return out;
}
