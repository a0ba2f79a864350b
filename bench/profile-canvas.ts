// Where the main thread's time goes while dragging a node and panning, in the editor and in the
// bare React Flow page (a diagnostic for bench/canvas.ts, not a benchmark of its own): a Chrome
// trace of each gesture, summed by event name (thread time, so other load on the machine matters less).
// Usage: npx tsx bench/profile-canvas.ts [--n 1000] [--seconds 3] [--port 3401] [--no-server] [--top 14] [--cpu]
//   [--editor-query '&canvasOnly=1&minimap=0']  (diagnostics: the editor's canvas alone, no minimap)
import type { Browser } from '@playwright/test';
import { launchChromium, startServer, wiggleDrag } from './server';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const N = Number(arg('n', '1000'));
const SECONDS = Number(arg('seconds', '3'));
const PORT = Number(arg('port', process.env.BENCH_PORT ?? '3401'));
const TOP = Number(arg('top', '14'));
const OWN_SERVER = !process.argv.includes('--no-server');
const EDITOR_QUERY = arg('editor-query', '');
/** Also take a JS CPU profile of each gesture and list the functions with the most self time. */
const CPU = process.argv.includes('--cpu');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  /** Thread (CPU) time: unlike `dur`, not inflated when other processes hold the CPU. */
  tdur?: number;
  tid: number;
  pid: number;
  args?: { data?: { frame?: string } };
}

async function profile(browser: Browser, base: string, mode: string) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${base}/bench/canvas?mode=${mode}&n=${N}${mode === 'editor' ? EDITOR_QUERY : ''}`);
  await page.waitForFunction(() => (window as unknown as { __benchReady?: number }).__benchReady, null, { timeout: 120_000 });
  await page.waitForTimeout(1500);
  const pane = (await page.locator('.react-flow').boundingBox())!;
  const node = await page.evaluate(({ cx, cy }) => {
    let best: { x: number; y: number; d: number } | null = null;
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const r = el.getBoundingClientRect();
      const d = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
      if (!best || d < best.d) best = { x: r.left + r.width / 2, y: r.top + r.height / 2, d };
    }
    return best!;
  }, { cx: pane.x + pane.width / 2, cy: pane.y + pane.height / 2 });
  const out: Record<string, { events: number; totals: Map<string, number>; cpu?: [string, number][] }> = {};
  const cdp = CPU ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  }
  for (const [what, from] of [
    ['drag', node],
    ['pan', { x: pane.x + 6, y: pane.y + pane.height - 6 }],
  ] as const) {
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc'] });
    if (cdp) await cdp.send('Profiler.start');
    const events = await wiggleDrag(page, from, SECONDS);
    const prof = cdp ? ((await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } }).profile : null;
    const buf = await browser.stopTracing();
    let cpu: [string, number][] | undefined;
    if (prof) {
      const byId = new Map(prof.nodes.map((n) => [n.id, n]));
      const self = new Map<string, number>();
      prof.samples.forEach((id, i) => {
        const f = byId.get(id)!.callFrame;
        const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
        self.set(key, (self.get(key) ?? 0) + (prof.timeDeltas[i] ?? 0) / 1000);
      });
      cpu = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
    }
    const trace = JSON.parse(buf.toString()) as { traceEvents: TraceEvent[] };
    // Only the renderer's main thread: the thread with the most FunctionCall/EventDispatch events.
    const counts = new Map<string, number>();
    for (const e of trace.traceEvents) if (e.name === 'FunctionCall' || e.name === 'EventDispatch') counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
    const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    const totals = new Map<string, number>();
    for (const e of trace.traceEvents) {
      const d = e.tdur ?? e.dur;
      if (e.ph !== 'X' || !d || `${e.pid}:${e.tid}` !== main) continue;
      totals.set(e.name, (totals.get(e.name) ?? 0) + d / 1000);
    }
    out[what] = { events, totals, cpu };
  }
  await page.close();
  return out;
}

async function main() {
  const server = OWN_SERVER ? await startServer(PORT, '/bench/canvas?n=1') : { base: `http://127.0.0.1:${PORT}`, stop: () => undefined };
  const browser = await launchChromium();
  try {
    const results: Record<string, Awaited<ReturnType<typeof profile>>> = {};
    for (const mode of ['bare', 'editor']) results[mode] = await profile(browser, server.base, mode);
    for (const what of ['drag', 'pan'] as const) {
      const names = new Set<string>();
      for (const m of Object.values(results)) for (const [k, v] of m[what].totals) if (v > 20) names.add(k);
      const rows = [...names].map((k) => ({ k, bare: results.bare[what].totals.get(k) ?? 0, editor: results.editor[what].totals.get(k) ?? 0 }));
      rows.sort((a, b) => Math.max(b.bare, b.editor) - Math.max(a.bare, a.editor));
      console.log(`\n${what} (${SECONDS}s, n=${N}; bare ${results.bare[what].events} / editor ${results.editor[what].events} mouse events) — main-thread CPU ms (thread time)`);
      console.log(`${'event'.padEnd(34)}${'bare'.padStart(9)}${'editor'.padStart(9)}${'per ev b'.padStart(10)}${'per ev e'.padStart(10)}`);
      for (const mode of CPU ? ['bare', 'editor'] : []) {
        console.log(`  JS self time, ${mode}:`);
        for (const [k, v] of results[mode][what].cpu ?? []) if (!k.startsWith('(idle)') && !k.startsWith('(program)')) console.log(`    ${v.toFixed(0).padStart(6)} ms  ${k}`);
      }
      for (const r of rows.slice(0, TOP)) {
        console.log(
          `${r.k.slice(0, 33).padEnd(34)}${r.bare.toFixed(0).padStart(9)}${r.editor.toFixed(0).padStart(9)}${(r.bare / results.bare[what].events).toFixed(2).padStart(10)}${(r.editor / results.editor[what].events).toFixed(2).padStart(10)}`,
        );
      }
    }
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
