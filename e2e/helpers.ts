import { expect, type ConsoleMessage, type Locator, type Page } from '@playwright/test';

const CLEARED_FLAG = '__archwright_e2e_storage_cleared__';

/**
 * Starts the test from an empty design: clears localStorage for the app's origin once
 * (before any app script runs), then opens `/`. Later reloads in the same test keep
 * whatever the app saved, so persistence can be tested with `page.reload()`.
 */
export async function freshPage(page: Page, path = '/'): Promise<void> {
  await page.addInitScript((flag: string) => {
    try {
      if (window.sessionStorage.getItem(flag)) return;
      window.localStorage.clear();
      window.sessionStorage.setItem(flag, '1');
    } catch {
      // Opaque origins (about:blank, data:) have no storage: nothing to clear.
    }
  }, CLEARED_FLAG);
  await page.goto(path);
}

export interface PageErrors {
  /** Uncaught exceptions (`pageerror`) and `console.error` messages, in order. */
  readonly messages: string[];
  /** Stops recording. */
  dispose(): void;
}

/**
 * Records uncaught page exceptions and console errors from now on, so a test can end with
 * `expect(errors.messages).toEqual([])`. Messages matching an `ignore` pattern are dropped.
 */
export function collectPageErrors(page: Page, ignore: RegExp[] = []): PageErrors {
  const messages: string[] = [];
  const record = (text: string) => {
    if (!ignore.some((re) => re.test(text))) messages.push(text);
  };
  const onPageError = (error: Error) => record(`pageerror: ${error.message}`);
  const onConsole = (msg: ConsoleMessage) => {
    if (msg.type() !== 'error') return;
    const { url, lineNumber } = msg.location();
    record(`console.error: ${msg.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
  };
  page.on('pageerror', onPageError);
  page.on('console', onConsole);
  return {
    messages,
    dispose() {
      page.off('pageerror', onPageError);
      page.off('console', onConsole);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Designer helpers. Everything is found the way a user (or a screen reader) finds it: canvas
// nodes by their accessible name (the node's technical name), buttons and fields by label.
// ---------------------------------------------------------------------------------------------

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The React Flow canvas. */
export const canvas = (page: Page): Locator => page.getByTestId('canvas');

/** A node on the canvas, by its exact name (its accessible name). */
export const canvasNode = (page: Page, name: string): Locator => canvas(page).getByRole('group', { name, exact: true });

/** A bounded context on the canvas, by its name. */
export const canvasGroup = (page: Page, name: string): Locator => canvas(page).getByRole('group', { name: `Bounded context: ${name}`, exact: true });

/** Every connection drawn on the canvas. */
export const canvasEdges = (page: Page): Locator => canvas(page).locator('[aria-roledescription="edge"]');

/** The inspector panel on the right. */
export const inspector = (page: Page): Locator => page.getByRole('complementary', { name: 'Inspector' });

/** A toolbar (or any) button by its exact accessible name. */
export const button = (page: Page, name: string): Locator => page.getByRole('button', { name, exact: true });

/** Names of the (non-group) nodes on the canvas, sorted. */
export async function canvasNodeNames(page: Page): Promise<string[]> {
  const names = await canvas(page)
    .locator('[aria-roledescription="node"]:not(.react-flow__node-group)')
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  return names.sort();
}

/** Opens the designer on an empty design (fresh storage) and waits until it is interactive. */
export async function openEditor(page: Page): Promise<void> {
  await freshPage(page);
  await expect(button(page, 'Undo')).toBeVisible({ timeout: 30_000 });
  await expect(canvas(page).locator('.react-flow__pane')).toBeVisible();
}

/** Clicks a palette item ("Service", "Database", …). */
export async function addFromPalette(page: Page, kind: string): Promise<void> {
  await page.getByRole('complementary', { name: 'Palette' }).getByRole('button', { name: kind, exact: true }).click();
}

/** "Designs" → "New design" → the template's button; waits until the dialog has closed. */
export async function openTemplate(page: Page, title: string): Promise<void> {
  await button(page, 'Designs').click();
  await page.getByRole('dialog', { name: 'Designs' }).getByRole('button', { name: 'New design', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New design' });
  await dialog.getByRole('button', { name: title, exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
}

/** The element's on-screen box (fails the test if it is not rendered). */
export async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`No bounding box for ${locator.toString()}`);
  return box;
}

export const center = (b: Box): { x: number; y: number } => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** True when two boxes share some area (touching edges do not count). */
export const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/** Drags with the real mouse from the middle of `locator` by (dx, dy) screen pixels. */
export async function dragBy(page: Page, locator: Locator, dx: number, dy: number, grip?: { x: number; y: number }): Promise<void> {
  const b = await boxOf(locator);
  const from = grip ? { x: b.x + grip.x, y: b.y + grip.y } : center(b);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx / 2, from.y + dy / 2, { steps: 5 });
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 5 });
  await page.mouse.up();
}

/** Draws a connection by dragging from one node's source handle to another's target handle. */
export async function connect(page: Page, from: string, to: string): Promise<void> {
  const source = await boxOf(canvasNode(page, from).locator('.react-flow__handle.source'));
  const target = await boxOf(canvasNode(page, to).locator('.react-flow__handle.target'));
  const a = center(source);
  const b = center(target);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 20, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
}

/**
 * Canvas (flow) positions of all nodes and groups, by accessible name, as React Flow placed
 * them: independent of zoom and pan, so layouts can be compared across a view change.
 */
export async function flowPositions(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return canvas(page)
    .locator('[aria-roledescription="node"]')
    .evaluateAll((els) => {
      const out: Record<string, { x: number; y: number }> = {};
      for (const el of els) {
        const m = /translate\(\s*(-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec((el as HTMLElement).style.transform);
        if (m) out[el.getAttribute('aria-label') ?? ''] = { x: Number(m[1]), y: Number(m[2]) };
      }
      return out;
    });
}

/** On-screen boxes of every (non-group) node, by name, once they stop moving (fit-view animations). */
export async function stableNodeBoxes(page: Page): Promise<Record<string, Box>> {
  const read = () =>
    canvas(page)
      .locator('[aria-roledescription="node"]:not(.react-flow__node-group)')
      .evaluateAll((els) => {
        const out: Record<string, { x: number; y: number; width: number; height: number }> = {};
        for (const el of els) {
          const r = el.getBoundingClientRect();
          out[el.getAttribute('aria-label') ?? ''] = { x: r.x, y: r.y, width: r.width, height: r.height };
        }
        return out;
      });
  let last: string | null = null;
  await expect
    .poll(
      async () => {
        const now = JSON.stringify(await read());
        const same = now === last;
        last = now;
        return same;
      },
      { intervals: [200, 200, 250, 300], timeout: 10_000, message: 'node boxes keep changing' },
    )
    .toBe(true);
  return JSON.parse(last!) as Record<string, Box>;
}

/** The status bar at the bottom ("3 nodes · 1 connection · Saved"). */
export const statusBar = (page: Page): Locator => page.getByRole('contentinfo');
