// Shared by the browser benchmarks: a production server on loopback and a headless Chromium.
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';

export const root = path.join(__dirname, '..');

/** Builds if needed, starts `next start` on `port` and resolves once `probe` answers. */
export async function startServer(port: number, probe = '/'): Promise<{ base: string; stop: () => void }> {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    console.log('No production build found: running npm run build…');
    execSync('npm run build', { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  }
  const base = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      server.kill('SIGTERM');
    }
  };
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(base + probe)).ok) return { base, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error('next start did not come up within 60 s');
}

/** Headless Debian Chromium with the flags this sandbox needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * Holds the mouse button down at `from` and moves in a loop for `seconds`, as fast as the page
 * accepts events (a drag on a node, a pan on the background); returns how many moves it made.
 */
export async function wiggleDrag(page: Page, from: { x: number; y: number }, seconds: number): Promise<number> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const t0 = Date.now();
  let i = 0;
  while (Date.now() - t0 < seconds * 1000) {
    i++;
    await page.mouse.move(from.x + Math.sin(i / 15) * 120, from.y + Math.cos(i / 20) * 60);
  }
  await page.mouse.up();
  return i;
}
