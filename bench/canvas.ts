// Canvas benchmark (DESIGN §7): renders generated designs of N services / 2N edges in the real
// editor and in a bare React Flow page, in headless Chromium, and reports first render time,
// drag and pan frame rates (frames in which the view actually changed) and JS heap.
// Usage: npm run bench:canvas [-- --sizes 100,500 --seconds 2]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchChromium, root, startServer } from './server';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const SIZES = arg('sizes', '100,500,1000,2000').split(',').map(Number);
const SECONDS = Number(arg('seconds', '2'));
const PORT = Number(process.env.BENCH_PORT ?? 3400);
let BASE = '';

interface Sample {
  firstRenderMs: number;
  dragFps: number;
  panFps: number;
  heapMB: number;
  renderedNodes: number;
}

/** Counts animation frames in which `selector`'s transform changed while `act` runs. */
async function measureFps(page: Page, selector: string, act: () => Promise<void>): Promise<number> {
  // Passed as source text: tsx would otherwise wrap named inner functions in a helper the page lacks.
  await page.evaluate(`(() => {
    const sel = ${JSON.stringify(selector)};
    window.__fps = { changed: 0, start: performance.now(), run: true };
    let last = '';
    const tick = () => {
      if (!window.__fps.run) return;
      const el = document.querySelector(sel);
      const t = el ? el.style.transform : '';
      if (t !== last) window.__fps.changed++;
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await act();
  const r = await page.evaluate(() => {
    const w = window as unknown as { __fps: { changed: number; start: number; run: boolean } };
    w.__fps.run = false;
    return { changed: w.__fps.changed, ms: performance.now() - w.__fps.start };
  });
  return (r.changed / r.ms) * 1000;
}

/** Moves the mouse with the button held for SECONDS, as fast as the page accepts events. */
async function dragFor(page: Page, from: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const t0 = Date.now();
  let i = 0;
  while (Date.now() - t0 < SECONDS * 1000) {
    i++;
    const dx = Math.sin(i / 15) * 120;
    const dy = Math.cos(i / 20) * 60;
    await page.mouse.move(from.x + dx, from.y + dy);
  }
  await page.mouse.up();
}

async function run(page: Page, mode: 'editor' | 'bare', n: number): Promise<Sample> {
  await page.goto(`${BASE}/bench/canvas?mode=${mode}&n=${n}`);
  const firstRenderMs = await page.waitForFunction(() => (window as unknown as { __benchReady?: number }).__benchReady, null, { timeout: 120_000, polling: 50 }).then((h) => h.jsonValue() as Promise<number>);
  await page.waitForTimeout(500);
  const renderedNodes = await page.locator('.react-flow__node').count();

  // Drag: the node closest to the centre of the pane.
  const pane = (await page.locator('.react-flow').boundingBox())!;
  const target = await page.evaluate(({ cx, cy }) => {
    let best: { id: string; x: number; y: number; d: number } | null = null;
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const d = Math.hypot(x - cx, y - cy);
      if (!best || d < best.d) best = { id: el.dataset.id ?? '', x, y, d };
    }
    return best;
  }, { cx: pane.x + pane.width / 2, cy: pane.y + pane.height / 2 });
  if (!target) throw new Error('no node rendered');
  const dragFps = await measureFps(page, `.react-flow__node[data-id="${target.id}"]`, () => dragFor(page, target));

  // Pan: drag on empty pane near the left edge (fitView leaves a margin there).
  const panFps = await measureFps(page, '.react-flow__viewport', () => dragFor(page, { x: pane.x + 6, y: pane.y + pane.height - 6 }));

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  await cdp.detach();
  return { firstRenderMs, dragFps, panFps, heapMB: heap / 1048576, renderedNodes };
}

async function main() {
  const server = await startServer(PORT, '/bench/canvas?n=1');
  BASE = server.base;
  const browser = await launchChromium();
  const results: Record<string, { editor: Sample; bare: Sample; ratio: { dragFps: number; panFps: number; firstRender: number } }> = {};
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    for (const n of SIZES) {
      // Alternate the order per size so neither page always runs on a warmer browser.
      const bare = await run(page, 'bare', n);
      const editor = await run(page, 'editor', n);
      results[n] = {
        editor,
        bare,
        ratio: { dragFps: editor.dragFps / bare.dragFps, panFps: editor.panFps / bare.panFps, firstRender: editor.firstRenderMs / bare.firstRenderMs },
      };
      console.log(`n=${n} done`);
    }
  } finally {
    await browser.close();
    server.stop();
  }
  const f = (x: number, d = 1) => x.toFixed(d).padStart(8);
  console.log('\n   nodes | page   | first ms | drag fps |  pan fps |  heap MB | rendered');
  for (const [n, r] of Object.entries(results)) {
    for (const mode of ['bare', 'editor'] as const) {
      const s = r[mode];
      console.log(`${n.padStart(8)} | ${mode.padEnd(6)} | ${f(s.firstRenderMs, 0)} | ${f(s.dragFps)} | ${f(s.panFps)} | ${f(s.heapMB)} | ${String(s.renderedNodes).padStart(8)}`);
    }
    console.log(`${''.padStart(8)} | ratio  | ${f(r.ratio.firstRender, 2)} | ${f(r.ratio.dragFps, 2)} | ${f(r.ratio.panFps, 2)} |          |`);
  }
  mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  const out = path.join(root, 'bench', 'results', 'canvas.json');
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), seconds: SECONDS, sizes: SIZES, results }, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), out)} — target: editor/bare drag and pan ratio ≥ 0.90 at 1000 nodes`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
