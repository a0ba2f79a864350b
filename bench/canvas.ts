// Canvas benchmark (DESIGN §7): renders generated designs of N services / 2N edges in the real
// editor and in a bare React Flow page, in headless Chromium, and reports first render time,
// drag and pan frame rates (frames in which the view actually changed) and JS heap.
//
// Frame rates on a shared 2-core machine swing with whatever else runs, so the two pages are
// measured in interleaved pairs (bare, editor, editor, bare, …), each run in a fresh browser
// context, and the result is the median over the pairs of editor ÷ bare measured back to back.
// Next to the frame rates (the target) it reports frames per CPU second of the page's renderer
// and GPU processes: what a frame costs, which other load on the machine barely changes.
//
// Usage: npm run bench:canvas [-- --sizes 100,500,1000,2000 --seconds 4 --repeats 5 --port 3400 --no-server]
//   --repeats  pairs per size (default 5 at 1,000 nodes — the target — and 3 elsewhere)
//   --no-server  measure a server already running on --port (e.g. `npx next start -p 3300`)
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { launchChromium, root, startServer, wiggleDrag } from './server';
import { median } from './stats';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const SIZES = arg('sizes', '100,500,1000,2000').split(',').map(Number);
const SECONDS = Number(arg('seconds', '4'));
const REPEATS = process.argv.includes('--repeats') ? Number(arg('repeats', '5')) : null;
const PORT = Number(arg('port', process.env.BENCH_PORT ?? '3400'));
const OWN_SERVER = !process.argv.includes('--no-server');
const TARGET_N = 1000;
const TARGET_RATIO = 0.9;

type Mode = 'bare' | 'editor';

interface Sample {
  firstRenderMs: number;
  dragFps: number;
  panFps: number;
  /** Changed frames per CPU second of the renderer + GPU processes. */
  dragFramesPerCpuS: number;
  panFramesPerCpuS: number;
  heapMB: number;
  renderedNodes: number;
}

const RATIO_KEYS = ['dragFps', 'panFps', 'dragFramesPerCpuS', 'panFramesPerCpuS', 'firstRender'] as const;
type Ratio = Record<(typeof RATIO_KEYS)[number], number>;

/** CPU seconds used so far by the renderer and GPU processes (the page's drawing). */
async function renderCpu(browserCdp: CDPSession): Promise<number> {
  const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo' as never)) as { processInfo: { type: string; cpuTime: number }[] };
  return processInfo.filter((p) => p.type === 'renderer' || p.type === 'GPU').reduce((s, p) => s + p.cpuTime, 0);
}


/** Counts animation frames in which `selector`'s transform changed while `act` runs: per second and per CPU second. */
async function measureFps(page: Page, browserCdp: CDPSession, selector: string, act: () => Promise<unknown>): Promise<{ fps: number; perCpuS: number }> {
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
  const cpu0 = await renderCpu(browserCdp);
  await act();
  const cpu = (await renderCpu(browserCdp)) - cpu0;
  const r = await page.evaluate(() => {
    const w = window as unknown as { __fps: { changed: number; start: number; run: boolean } };
    w.__fps.run = false;
    return { changed: w.__fps.changed, ms: performance.now() - w.__fps.start };
  });
  return { fps: (r.changed / r.ms) * 1000, perCpuS: r.changed / Math.max(cpu, 0.01) };
}

async function run(browser: Browser, browserCdp: CDPSession, base: string, mode: Mode, n: number): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(`${base}/bench/canvas?mode=${mode}&n=${n}`);
    const firstRenderMs = await page
      .waitForFunction(() => (window as unknown as { __benchReady?: number }).__benchReady, null, { timeout: 120_000, polling: 50 })
      .then((h) => h.jsonValue() as Promise<number>);
    // Let deferred work (editor chrome, schema, validation) land before measuring.
    await page.waitForTimeout(1500);
    const renderedNodes = await page.locator('.react-flow__node').count();

    // Drag: the node closest to the centre of the pane. Pan: from an empty spot of the pane
    // near its bottom-left corner (fitView leaves a margin; panels are avoided).
    const pane = (await page.locator('.react-flow').boundingBox())!;
    const spots = await page.evaluate(
      ({ x, y, w, h }) => {
        let node: { id: string; x: number; y: number; d: number } | null = null;
        for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
          const r = el.getBoundingClientRect();
          const cx = r.left + r.width / 2;
          const cy = r.top + r.height / 2;
          const d = Math.hypot(cx - (x + w / 2), cy - (y + h / 2));
          if (!node || d < node.d) node = { id: el.dataset.id ?? '', x: cx, y: cy, d };
        }
        let empty: { x: number; y: number } | null = null;
        for (const [dx, dy] of [[6, 6], [6, 60], [60, 6], [220, 6], [6, 200], [300, 40]]) {
          const p = { x: x + dx, y: y + h - dy };
          if (document.elementFromPoint(p.x, p.y)?.classList.contains('react-flow__pane')) {
            empty = p;
            break;
          }
        }
        return { node, empty };
      },
      { x: pane.x, y: pane.y, w: pane.width, h: pane.height },
    );
    if (!spots.node) throw new Error('no node rendered');
    if (!spots.empty) throw new Error('no empty spot on the pane to pan from');
    const drag = await measureFps(page, browserCdp, `.react-flow__node[data-id="${spots.node.id}"]`, () => wiggleDrag(page, spots.node!, SECONDS));
    const pan = await measureFps(page, browserCdp, '.react-flow__viewport', () => wiggleDrag(page, spots.empty!, SECONDS));

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    await cdp.detach();
    return { firstRenderMs, dragFps: drag.fps, panFps: pan.fps, dragFramesPerCpuS: drag.perCpuS, panFramesPerCpuS: pan.perCpuS, heapMB: heap / 1048576, renderedNodes };
  } finally {
    await context.close();
  }
}

interface SizeResult {
  pairs: { bare: Sample; editor: Sample; ratio: Ratio }[];
  median: { bare: Sample; editor: Sample; ratio: Ratio };
}

function ratio(editor: Sample, bare: Sample): Ratio {
  return {
    dragFps: editor.dragFps / bare.dragFps,
    panFps: editor.panFps / bare.panFps,
    dragFramesPerCpuS: editor.dragFramesPerCpuS / bare.dragFramesPerCpuS,
    panFramesPerCpuS: editor.panFramesPerCpuS / bare.panFramesPerCpuS,
    firstRender: editor.firstRenderMs / bare.firstRenderMs,
  };
}

function medianSample(xs: Sample[]): Sample {
  return {
    firstRenderMs: median(xs.map((x) => x.firstRenderMs)),
    dragFps: median(xs.map((x) => x.dragFps)),
    panFps: median(xs.map((x) => x.panFps)),
    dragFramesPerCpuS: median(xs.map((x) => x.dragFramesPerCpuS)),
    panFramesPerCpuS: median(xs.map((x) => x.panFramesPerCpuS)),
    heapMB: median(xs.map((x) => x.heapMB)),
    renderedNodes: median(xs.map((x) => x.renderedNodes)),
  };
}

async function main() {
  const server = OWN_SERVER ? await startServer(PORT, '/bench/canvas?n=1') : { base: `http://127.0.0.1:${PORT}`, stop: () => undefined };
  const browser = await launchChromium();
  const browserCdp = await browser.newBrowserCDPSession();
  const load = { start: loadavg()[0], end: 0 };
  const results: Record<string, SizeResult> = {};
  try {
    for (const n of SIZES) {
      const repeats = REPEATS ?? (n === TARGET_N ? 5 : 3);
      const pairs: SizeResult['pairs'] = [];
      for (let r = 0; r < repeats; r++) {
        // Alternate which page goes first, so neither always runs on a warmer (or busier) machine.
        const order: Mode[] = r % 2 ? ['editor', 'bare'] : ['bare', 'editor'];
        const got: Partial<Record<Mode, Sample>> = {};
        for (const mode of order) got[mode] = await run(browser, browserCdp, server.base, mode, n);
        const { bare, editor } = got as Record<Mode, Sample>;
        const q = ratio(editor, bare);
        pairs.push({ bare, editor, ratio: q });
        process.stdout.write(
          `n=${n} pair ${r + 1}/${repeats}: fps ratio drag ${q.dragFps.toFixed(2)}, pan ${q.panFps.toFixed(2)}; per CPU second drag ${q.dragFramesPerCpuS.toFixed(2)}, pan ${q.panFramesPerCpuS.toFixed(2)}\n`,
        );
      }
      results[n] = {
        pairs,
        median: {
          bare: medianSample(pairs.map((p) => p.bare)),
          editor: medianSample(pairs.map((p) => p.editor)),
          ratio: Object.fromEntries(RATIO_KEYS.map((k) => [k, median(pairs.map((p) => p.ratio[k]))])) as Ratio,
        },
      };
    }
  } finally {
    await browser.close();
    server.stop();
    load.end = loadavg()[0];
  }
  const f = (x: number, d = 1) => x.toFixed(d).padStart(8);
  const span = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
  console.log(`\nmedians over interleaved pairs (load average ${load.start.toFixed(1)} → ${load.end.toFixed(1)} on ${SECONDS}s gestures)`);
  console.log('   nodes | page   | first ms | drag fps |  pan fps | drag f/cpu-s | pan f/cpu-s |  heap MB | rendered');
  for (const [n, r] of Object.entries(results)) {
    for (const mode of ['bare', 'editor'] as const) {
      const s = r.median[mode];
      console.log(
        `${n.padStart(8)} | ${mode.padEnd(6)} | ${f(s.firstRenderMs, 0)} | ${f(s.dragFps)} | ${f(s.panFps)} | ${f(s.dragFramesPerCpuS).padStart(12)} | ${f(s.panFramesPerCpuS).padStart(11)} | ${f(s.heapMB)} | ${String(s.renderedNodes).padStart(8)}`,
      );
    }
    const q = r.pairs.map((p) => p.ratio);
    const m = r.median.ratio;
    console.log(
      `${''.padStart(8)} | ratio  | ${f(m.firstRender, 2)} | ${f(m.dragFps, 2)} | ${f(m.panFps, 2)} | ${f(m.dragFramesPerCpuS, 2).padStart(12)} | ${f(m.panFramesPerCpuS, 2).padStart(11)} |`,
    );
    console.log(
      `${''.padStart(8)} | pairs  | fps drag ${span(q.map((x) => x.dragFps))}, pan ${span(q.map((x) => x.panFps))}; per CPU s drag ${span(q.map((x) => x.dragFramesPerCpuS))}, pan ${span(q.map((x) => x.panFramesPerCpuS))}`,
    );
  }
  mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  const out = path.join(root, 'bench', 'results', 'canvas.json');
  writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), seconds: SECONDS, sizes: SIZES, loadAverage: load, method: 'medians over interleaved bare/editor pairs, fresh browser context per run', results }, null, 2)}\n`,
  );
  const t = results[TARGET_N]?.median.ratio;
  console.log(
    `\nwrote ${path.relative(process.cwd(), out)} — target: editor/bare drag and pan ≥ ${TARGET_RATIO} at ${TARGET_N} nodes${
      t
        ? `: fps drag ${t.dragFps.toFixed(2)}, pan ${t.panFps.toFixed(2)} (${t.dragFps >= TARGET_RATIO && t.panFps >= TARGET_RATIO ? 'met' : 'not met'}); per CPU second drag ${t.dragFramesPerCpuS.toFixed(2)}, pan ${t.panFramesPerCpuS.toFixed(2)}`
        : ''
    }`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
