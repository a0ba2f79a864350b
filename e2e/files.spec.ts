import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { addFromPalette, button, canvas, canvasEdges, canvasNode, canvasNodeNames, collectPageErrors, inspector, openEditor, openTemplate } from './helpers';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

interface SavedFile {
  archwright: number;
  design: { name: string; description: string; nodes: { name: string; label?: string; description: string }[]; edges: { label?: string }[]; groups: { name: string }[] };
}

/** Clicks "Save file" and returns the download's name and parsed YAML. */
async function saveFile(page: Page): Promise<{ fileName: string; text: string; data: SavedFile }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button(page, 'Save file').click()]);
  const file = await download.path();
  const text = await readFile(file, 'utf8');
  return { fileName: download.suggestedFilename(), text, data: parseYaml(text) as SavedFile };
}

/** Chooses a file in the (hidden) input behind "Open file". */
async function openFile(page: Page, fileName: string): Promise<void> {
  await page.getByTestId('open-file-input').setInputFiles(fixture(fileName));
}

const designName = (page: Page) => page.getByRole('textbox', { name: 'Design name' });

test('"Save file" downloads the open design as <name>.archwright.yaml', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openEditor(page);
  await openTemplate(page, 'Restaurant bookings');
  await expect(canvasNode(page, 'bookings-api')).toBeVisible();
  // An edit made just before saving is in the file.
  await addFromPalette(page, 'Cache');
  await expect(canvasNode(page, 'cache')).toBeVisible();

  const { fileName, data } = await saveFile(page);
  expect(fileName).toBe('restaurant-bookings.archwright.yaml');
  expect(data.archwright).toBe(1);
  expect(data.design.name).toBe('Restaurant bookings');
  expect(data.design.nodes.map((n) => n.name).sort()).toEqual(await canvasNodeNames(page));
  expect(data.design.nodes.map((n) => n.name)).toContain('cache');
  expect(data.design.edges).toHaveLength(await canvasEdges(page).count());
  expect(errors.messages).toEqual([]);
});

test('"Open file" opens a valid file as a new design; broken files are refused with the reason', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openEditor(page);
  await addFromPalette(page, 'Service');
  await expect(designName(page)).toHaveValue('Untitled design');

  await openFile(page, 'valid.archwright.yaml');
  await expect(designName(page)).toHaveValue('Fixture shop');
  await expect(page.getByRole('status').filter({ hasText: 'Opened valid.archwright.yaml as a new design' })).toBeVisible();
  const expected = ['cart', 'cart-db', 'checkout', 'events-bus'];
  await expect.poll(() => canvasNodeNames(page)).toEqual(expected);
  await expect(canvasEdges(page)).toHaveCount(3);
  await expect(canvas(page).getByRole('group', { name: 'call from cart to checkout: REST 1.5s' })).toHaveCount(1);
  await expect(canvasNode(page, 'cart')).toContainText('Shopping cart');

  // It is a new design: the one open before is still in the list.
  await button(page, 'Designs').click();
  const list = page.getByRole('list', { name: 'Local designs' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list).toContainText('Untitled design');
  await expect(list).toContainText('Fixture shop');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Designs' })).toBeHidden();

  const refused: [file: string, what: RegExp][] = [
    ['malformed.yaml', /Could not open malformed\.yaml: The file is not valid YAML \(line 10, column \d+\).*Nothing was changed/],
    ['wrong-version.archwright.yaml', /newer Archwright \(design format 99\).*Nothing was changed/],
    ['invalid-node-name.archwright.yaml', /Could not open invalid-node-name\.archwright\.yaml: it is not a valid design \(1 problem\)/],
  ];
  for (const [file, what] of refused) {
    await openFile(page, file);
    const alert = page.getByRole('alert').filter({ hasText: file });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(what);
    if (file.startsWith('invalid-node-name')) {
      // Where: the node (by index and name) and the field.
      await expect(alert.getByRole('listitem')).toHaveText([/design › nodes\[1\] "Bad Name" › name: Names use lowercase letters/]);
    }
    // The open design is untouched.
    await expect(designName(page)).toHaveValue('Fixture shop');
    expect(await canvasNodeNames(page)).toEqual(expected);
    await expect(canvasEdges(page)).toHaveCount(3);
    await alert.getByRole('button', { name: 'Dismiss notification' }).click();
    await expect(alert).toHaveCount(0);
  }

  // No design was created by the refused files.
  await button(page, 'Designs').click();
  await expect(page.getByRole('list', { name: 'Local designs' }).getByRole('listitem')).toHaveCount(2);
  expect(errors.messages).toEqual([]);
});

test('a hostile design file loads, renders its text escaped and saves it back unchanged', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openEditor(page);
  await openFile(page, 'hostile.archwright.yaml');
  await expect.poll(() => canvasNodeNames(page)).toEqual(['paths', 'quotes', 'rtl', 'script']);
  await expect(canvasEdges(page)).toHaveCount(2);
  await expect(designName(page)).toHaveValue(/^Hostile "design" <script>/);

  const source = parseYaml(await readFile(fixture('hostile.archwright.yaml'), 'utf8')) as SavedFile;
  const byName = new Map(source.design.nodes.map((n) => [n.name, n]));
  // Markup shows as the characters typed, not as elements.
  await expect(canvasNode(page, 'script').getByText('<script>window.__pwned=1</script>', { exact: true })).toBeVisible();
  await expect(canvasNode(page, 'quotes').getByText(byName.get('quotes')!.label!, { exact: true })).toBeVisible();
  await expect(canvasNode(page, 'paths').getByText(byName.get('paths')!.label!, { exact: true })).toBeVisible();
  await expect(canvas(page).getByText('<b>bold</b> "quoted" ${edge}', { exact: true })).toBeVisible();
  await expect(canvas(page).getByText(source.design.groups[0].name, { exact: true })).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('svg[onload]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // The 10,000-character description is all there in the inspector.
  await canvasNode(page, 'script').click();
  const description = inspector(page).getByLabel('Description', { exact: true });
  await expect(description).toHaveValue(byName.get('script')!.description);
  // 10,000 characters (code points, as the schema counts them: the emoji are two UTF-16 units each).
  expect([...(await description.inputValue())].length).toBe(10_000);
  await canvasNode(page, 'paths').click();
  await expect(inspector(page).getByLabel('URL', { exact: true })).toHaveValue('javascript:window.__pwned=1');

  // Saved back, every string is byte-for-byte what was loaded.
  const saved = await saveFile(page);
  expect(saved.fileName).toMatch(/^[a-z0-9-]+\.archwright\.yaml$/);
  expect(saved.data.design.name).toBe(source.design.name);
  expect(saved.data.design.description).toBe(source.design.description);
  for (const n of saved.data.design.nodes) {
    expect(n.label).toBe(byName.get(n.name)!.label);
    expect(n.description).toBe(byName.get(n.name)!.description ?? '');
  }
  expect(saved.data.design.edges.map((e) => e.label)).toEqual(source.design.edges.map((e) => e.label));
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(errors.messages).toEqual([]);
});
