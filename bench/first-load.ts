// First-load JS of the editor route (DESIGN §7: ≤ 200 KB gzip before Monaco/generators load).
// Next 16 no longer prints route sizes, so this loads `/` in Chromium, records every script the
// page fetches until the canvas is interactive, and sums their gzip sizes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, root, startServer } from './server';

const BUDGET_KB = 200;

async function main() {
  const server = await startServer(Number(process.env.BENCH_PORT ?? 3401));
  const browser = await launchChromium();
  const scripts: { url: string; raw: number; gzip: number }[] = [];
  try {
    const page = await browser.newPage();
    const pending: Promise<void>[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() !== 'script') return;
      pending.push(
        res.body().then(
          (body) => void scripts.push({ url: new URL(res.url()).pathname, raw: body.length, gzip: gzipSync(body, { level: 9 }).length }),
          () => undefined,
        ),
      );
    });
    await page.goto(server.base + '/');
    // Interactive: the palette can add a node and it shows up on the canvas.
    await page.getByRole('button', { name: 'Service', exact: true }).click();
    await page.locator('.react-flow__node').first().waitFor();
    await Promise.all(pending);
  } finally {
    await browser.close();
    server.stop();
  }
  scripts.sort((a, b) => b.gzip - a.gzip);
  const totalGzip = scripts.reduce((s, x) => s + x.gzip, 0);
  const totalRaw = scripts.reduce((s, x) => s + x.raw, 0);
  for (const s of scripts) console.log(`${(s.gzip / 1024).toFixed(1).padStart(8)} KB gz ${(s.raw / 1024).toFixed(1).padStart(8)} KB  ${s.url}`);
  const kb = totalGzip / 1024;
  console.log(`\nfirst-load JS for /: ${kb.toFixed(1)} KB gzip (${(totalRaw / 1024).toFixed(1)} KB raw) in ${scripts.length} scripts — budget ${BUDGET_KB} KB: ${kb <= BUDGET_KB ? 'within' : 'OVER'}`);
  mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(
    path.join(root, 'bench', 'results', 'first-load.json'),
    `${JSON.stringify({ date: new Date().toISOString(), route: '/', gzipKB: +kb.toFixed(1), rawKB: +(totalRaw / 1024).toFixed(1), budgetKB: BUDGET_KB, scripts }, null, 2)}\n`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
