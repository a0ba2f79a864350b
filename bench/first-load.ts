// First-load JS of the editor route (DESIGN §7: ≤ 200 KB gzip before Monaco/generators load).
// Next 16 no longer prints route sizes, so this loads `/` in Chromium (fresh profile: a first
// visit) and sums the gzip sizes of the scripts the page requested before the canvas became
// interactive: the `archwright:canvas-interactive` User Timing mark, set when React Flow has
// initialised with the editor's handlers attached (components/canvas/interactive.ts). Scripts
// requested after it (the schema, validation, the inspector…) are listed as deferred.
//
// A second load proves the mark means what it says: every script requested after it is blocked,
// and adding a node from the palette must still work.
//
// Usage: npm run bench:first-load [-- --port 3401 --no-server]
//   --no-server  measure a server already running on --port (e.g. `npx next start -p 3300`)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { launchChromium, root, startServer } from './server';

const BUDGET_KB = 200;
const MARK = 'archwright:canvas-interactive';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const PORT = Number(arg('port', process.env.BENCH_PORT ?? '3401'));
const OWN_SERVER = !process.argv.includes('--no-server');

interface Script {
  url: string;
  raw: number;
  gzip: number;
  /** Request start, ms since navigation. */
  startMs: number;
  deferred: boolean;
}

async function waitInteractive(page: Page): Promise<number> {
  const h = await page.waitForFunction((m) => performance.getEntriesByName(m)[0]?.startTime, MARK, { timeout: 60_000, polling: 20 });
  return (await h.jsonValue()) as number;
}

/** Loads `/`, waits for the mark and then for the network to settle; returns every script. */
async function measure(browser: Browser, base: string): Promise<{ interactiveMs: number; scripts: Script[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies = new Map<string, Promise<{ raw: number; gzip: number } | null>>();
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    bodies.set(
      res.url(),
      res.body().then(
        (b) => ({ raw: b.length, gzip: gzipSync(b, { level: 9 }).length }),
        () => null,
      ),
    );
  });
  try {
    await page.goto(base + '/');
    const interactiveMs = await waitInteractive(page);
    // Deferred loads (schema, validation, inspector) start right after the mark: let them finish.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500);
    const starts = new Map(
      await page.evaluate(() => performance.getEntriesByType('resource').map((e) => [e.name, e.startTime] as [string, number])),
    );
    const scripts: Script[] = [];
    for (const [url, body] of bodies) {
      const size = await body;
      if (!size) continue;
      // Scripts in the HTML may predate resource timing's view of them: count them as before.
      const startMs = starts.get(url) ?? 0;
      scripts.push({ url: new URL(url).pathname, ...size, startMs: Math.round(startMs), deferred: startMs > interactiveMs });
    }
    return { interactiveMs, scripts };
  } finally {
    await context.close();
  }
}

/** Blocks every script requested after the mark, then adds a node from the palette. */
async function interactiveWithoutMoreScripts(browser: Browser, base: string): Promise<boolean> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(base + '/');
    await waitInteractive(page);
    await page.route('**/*', (route) => (route.request().resourceType() === 'script' ? route.abort() : route.continue()));
    const before = await page.locator('.react-flow__node').count();
    await page.getByRole('button', { name: 'Service', exact: true }).click();
    await page.locator('.react-flow__node').nth(before).waitFor({ timeout: 10_000 });
    return true;
  } catch (e) {
    console.error('interactivity check failed:', e instanceof Error ? e.message : e);
    return false;
  } finally {
    await context.close();
  }
}

async function main() {
  const server = OWN_SERVER ? await startServer(PORT) : { base: `http://127.0.0.1:${PORT}`, stop: () => undefined };
  const browser = await launchChromium();
  let result: Awaited<ReturnType<typeof measure>>;
  let verified: boolean;
  try {
    result = await measure(browser, server.base);
    verified = await interactiveWithoutMoreScripts(browser, server.base);
  } finally {
    await browser.close();
    server.stop();
  }
  const { scripts, interactiveMs } = result;
  scripts.sort((a, b) => Number(a.deferred) - Number(b.deferred) || b.gzip - a.gzip);
  const kb = (xs: Script[], k: 'gzip' | 'raw' = 'gzip') => xs.reduce((s, x) => s + x[k], 0) / 1024;
  const before = scripts.filter((s) => !s.deferred);
  const deferred = scripts.filter((s) => s.deferred);
  console.log('   gzip KB    raw KB  start ms  when       script');
  for (const s of scripts) {
    console.log(`${(s.gzip / 1024).toFixed(1).padStart(10)}${(s.raw / 1024).toFixed(1).padStart(10)}${String(s.startMs).padStart(10)}  ${s.deferred ? 'deferred ' : 'first    '}  ${s.url}`);
  }
  const gz = kb(before);
  console.log(`\ncanvas interactive at ${interactiveMs.toFixed(0)} ms; adding a node without further scripts: ${verified ? 'works' : 'FAILS'}`);
  console.log(`first-load JS for / (before the canvas is interactive): ${gz.toFixed(1)} KB gzip (${kb(before, 'raw').toFixed(1)} KB raw) in ${before.length} scripts — budget ${BUDGET_KB} KB: ${gz <= BUDGET_KB && verified ? 'within' : 'OVER'}`);
  console.log(`deferred (requested after it, until the network settles): ${kb(deferred).toFixed(1)} KB gzip in ${deferred.length} scripts; total ${kb(scripts).toFixed(1)} KB`);
  mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(
    path.join(root, 'bench', 'results', 'first-load.json'),
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        route: '/',
        method: `gzip -9 of each script requested before the "${MARK}" mark, fresh profile (first visit)`,
        gzipKB: +gz.toFixed(1),
        rawKB: +kb(before, 'raw').toFixed(1),
        budgetKB: BUDGET_KB,
        interactiveMs: Math.round(interactiveMs),
        interactiveWithoutMoreScripts: verified,
        deferredGzipKB: +kb(deferred).toFixed(1),
        totalGzipKB: +kb(scripts).toFixed(1),
        scripts,
      },
      null,
      2,
    )}\n`,
  );
  if (!verified) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
