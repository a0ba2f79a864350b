/**
 * Validation benchmark (DESIGN §7: all rules ≤ 2 ms at 1,000 nodes, ≤ 20 ms at 10,000).
 * Runs the same measurements (bench/validate-core.ts) in Node and then in Chromium on the
 * production build's `/bench/validate` page, on the main thread where the editor validates.
 * Run: npm run bench:validate   → prints both tables and writes bench/results/validate.json
 * `--sizes 1000,10000` runs a subset and `--node-only` skips the browser; either writes nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ALL_SIZES, NOTE, TABLE_HEADER, TARGETS, formatRow, overBudget, runValidationBench, type BenchRow } from './validate-core';
import { launchChromium, root, startServer } from './server';

const sizeArg = process.argv.indexOf('--sizes');
const SIZES = sizeArg === -1 ? ALL_SIZES : ALL_SIZES.filter((s) => process.argv[sizeArg + 1]?.split(',').includes(String(s.nodes)));
const NODE_ONLY = process.argv.includes('--node-only');

function report(label: string, rows: readonly BenchRow[]): void {
  const over = overBudget(rows);
  console.log(over.length === 0 ? `${label}: every target met.` : `${label}: over budget:\n  ${over.join('\n  ')}`);
}

/** Runs the page in headless Chromium and returns its rows. */
async function browser(): Promise<{ rows: BenchRow[]; crossOriginIsolated: boolean; chromium: string }> {
  const server = await startServer(Number(process.env.BENCH_PORT ?? 3403), '/bench/validate?sizes=none');
  const chromium = await launchChromium();
  try {
    const page = await chromium.newPage();
    await page.goto(`${server.base}/bench/validate?sizes=${SIZES.map((s) => s.nodes).join(',')}`);
    await page.waitForFunction('window.__validateBench && window.__validateBench.done', undefined, { timeout: 900_000, polling: 1000 });
    const result = (await page.evaluate('window.__validateBench')) as { rows: BenchRow[]; crossOriginIsolated: boolean; error?: string };
    if (result.error) throw new Error(`browser benchmark failed: ${result.error}`);
    return { rows: result.rows, crossOriginIsolated: result.crossOriginIsolated, chromium: chromium.version() };
  } finally {
    await chromium.close();
    server.stop();
  }
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  console.log('Node — median ms (min wall / median CPU)');
  console.log(TABLE_HEADER);
  const cpu = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  const nodeRows = runValidationBench(SIZES, { cpu, onRow: (row) => console.log(formatRow(row)) });
  report('Node', nodeRows);
  let browserResult: Awaited<ReturnType<typeof browser>> | undefined;
  if (!NODE_ONLY) {
    console.log('\nChromium, main thread, production build — median ms (min wall); this is where live validation runs');
    browserResult = await browser();
    console.log(TABLE_HEADER);
    for (const row of browserResult.rows) console.log(formatRow(row));
    if (!browserResult.crossOriginIsolated) console.log('(not cross-origin isolated: timer resolution is 0.1 ms)');
    report('Chromium', browserResult.rows);
  }
  const loadAfter = os.loadavg();
  const r2 = (x: number) => Math.round(x * 100) / 100;
  console.log(`load average before/after: ${loadBefore.map(r2).join(' ')} / ${loadAfter.map(r2).join(' ')}`);
  if (SIZES.length !== ALL_SIZES.length || !browserResult) return;
  const out = {
    benchmark: 'validate',
    note: NOTE,
    targets: TARGETS,
    environment: {
      node: process.version,
      chromium: browserResult.chromium,
      crossOriginIsolated: browserResult.crossOriginIsolated,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      platform: `${os.platform()} ${os.arch()}`,
      loadavgBefore: loadBefore.map(r2),
      loadavgAfter: loadAfter.map(r2),
    },
    node: { results: nodeRows, overBudget: overBudget(nodeRows) },
    browser: { results: browserResult.rows, overBudget: overBudget(browserResult.rows) },
  };
  const dir = path.join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'validate.json'), JSON.stringify(out, null, 2) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), path.join(dir, 'validate.json'))}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
