// Export benchmark (DESIGN §7: 50 services generated and zipped ≤ 300 ms in the browser, off the
// main thread). Generates and zips synthetic systems of 10, 50 and 100 services in Node, then the
// same through the Export dialog's Web Worker in Chromium; prints medians and writes
// bench/results/export.json. Run: npm run bench:export
// `npx tsx bench/export.ts --node-only` times Node alone (no Next build) and writes nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateProject, resolveOptions } from '@/lib/generators';
import { loadTemplatesFromDisk } from '@/lib/export/node';
import { zipFiles } from '@/lib/export/zip';
import { syntheticSystem } from '@/lib/model/syntheticSystem';
import { launchChromium, root, startServer } from './server';
import { median } from './stats';
import type { ExportBenchRun } from '@/components/bench/ExportBench';

const SIZES = [10, 50, 100];
const NODE_ONLY = process.argv.includes('--node-only') || !!process.env.BENCH_NODE_ONLY;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TARGET_MS = 300;

const r1 = (x: number) => Math.round(x * 10) / 10;

async function node() {
  const templates = loadTemplatesFromDisk(path.join(root, 'templates'));
  const rows = [];
  for (const services of SIZES) {
    const design = syntheticSystem(services);
    const options = resolveOptions(design, { date: '2026-01-01' });
    const gen: number[] = [];
    const zip: number[] = [];
    let bytes = 0;
    let files = 0;
    for (let r = 0; r < RUNS + 1; r++) {
      const t0 = performance.now();
      const out = generateProject(design, options, templates);
      const t1 = performance.now();
      const z = await zipFiles(out, { date: options.date });
      const t2 = performance.now();
      if (r === 0) continue; // warm-up
      gen.push(t1 - t0);
      zip.push(t2 - t1);
      bytes = z.length;
      files = out.length;
    }
    const total = gen.map((g, i) => g + zip[i]);
    // The minimum shows the cost without other load on a shared machine.
    rows.push({ services, files, zipKB: r1(bytes / 1024), generateMs: r1(median(gen)), zipMs: r1(median(zip)), totalMs: r1(median(total)), totalMinMs: r1(Math.min(...total)) });
  }
  return rows;
}

async function browser() {
  const server = await startServer(Number(process.env.BENCH_PORT ?? 3402), '/bench/export?sizes=1&runs=1');
  const chromium = await launchChromium();
  try {
    const page = await chromium.newPage();
    await page.goto(`${server.base}/bench/export?sizes=${SIZES.join(',')}&runs=${RUNS}`);
    await page.waitForFunction('window.__exportBench && window.__exportBench.done', undefined, { timeout: 600_000 });
    const result = (await page.evaluate('window.__exportBench')) as { runs: ExportBenchRun[]; error?: string };
    if (result.error) throw new Error(`browser export failed: ${result.error}`);
    return SIZES.map((services) => {
      const runs = result.runs.filter((r) => r.services === services);
      return {
        services,
        files: runs[0]?.files ?? 0,
        zipKB: r1((runs[0]?.zipBytes ?? 0) / 1024),
        generateMs: r1(median(runs.map((r) => r.generateMs))),
        zipMs: r1(median(runs.map((r) => r.zipMs))),
        totalMs: r1(median(runs.map((r) => r.totalMs))),
        // Time outside generation and zipping: messages to and from the worker (the files list is
        // structured-cloned back to the main thread for the file tree).
        overheadMs: r1(median(runs.map((r) => r.totalMs - r.generateMs - r.zipMs))),
        longestMainThreadTaskMs: r1(Math.max(0, ...runs.map((r) => r.longestTaskMs))),
      };
    });
  } finally {
    await chromium.close();
    server.stop();
  }
}

async function main() {
  const nodeRows = await node();
  console.log(`Node (median of ${RUNS}):`);
  console.table(nodeRows);
  if (NODE_ONLY) return;
  const browserRows = await browser();
  if (browserRows.length) {
    console.log(`Chromium, through the export Web Worker (median of ${RUNS}; end to end = request → zip bytes on the main thread):`);
    console.table(browserRows);
    const at50 = browserRows.find((r) => r.services === 50);
    if (at50) console.log(`50 services end to end in the browser: ${at50.totalMs} ms — target ≤ ${TARGET_MS} ms: ${at50.totalMs <= TARGET_MS ? 'met' : 'MISSED'}`);
  }
  mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(
    path.join(root, 'bench', 'results', 'export.json'),
    `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, targetMs: TARGET_MS, node: nodeRows, browser: browserRows }, null, 2)}\n`,
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
