// Scratch profiling harness (not the benchmark): `npx tsx bench/_prof.ts <build|full|rules> <profile> <runs>`,
// or bundle with esbuild and run under `node --cpu-prof`. Prints wall time and GC time per run.
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { generateDesign } from './validate-core';
import { buildGraph } from '@/lib/graph';
import { validateDetailed } from '@/lib/validation';

const design = generateDesign(Number(process.env.N ?? 10000));
const mode = process.argv[2] ?? 'build';
const profile = (process.argv[3] ?? 'recommended') as never;
const runs = Number(process.argv[4] ?? 200);
const prebuilt = buildGraph(design);
const gc = { minor: 0, major: 0, count: 0 };
let on = false;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (!on) continue;
    const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind;
    gc.count++;
    if (kind === 1) gc.minor += e.duration;
    else gc.major += e.duration;
  }
}).observe({ entryTypes: ['gc'] });
const times: number[] = [];
for (let i = 0; i < runs + 20; i++) {
  on = i >= 20;
  const d = { ...design };
  const t0 = performance.now();
  if (mode === 'build') buildGraph(d);
  else if (mode === 'rules') validateDetailed(d, { profile, reuse: false, graph: prebuilt });
  else validateDetailed(d, { profile, reuse: false });
  if (on) times.push(performance.now() - t0);
}
setTimeout(() => {
  times.sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(2);
  console.log(`${mode} ${profile} median ${f(times[runs >> 1])} min ${f(times[0])} | gc/run: ${f(gc.count / runs)} minor ${f(gc.minor / runs)} ms, major ${f(gc.major / runs)} ms`);
}, 50);
