import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { addFromPalette, button, canvasEdges, collectPageErrors, connect, openEditor, openTemplate, statusBar } from './helpers';

test('export: browse the generated tree, preview a file in Monaco, download the zip', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openEditor(page);
  await openTemplate(page, 'E-commerce');
  await button(page, 'Export').click();

  const dialog = page.getByRole('dialog', { name: 'Export project' });
  await expect(dialog).toBeVisible();
  // The template has open errors? Then the download waits for "Export anyway".
  const tree = dialog.getByRole('tree', { name: 'Generated files' });
  await expect(tree).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByRole('status').filter({ hasText: /files · .* zipped/ })).toBeVisible({ timeout: 60_000 });

  // Browse: top-level folders start open; open services/orders and its Dockerfile.
  const item = (path: string) => tree.locator(`[role="treeitem"][data-path="${path}"]`);
  await expect(item('services')).toHaveAttribute('aria-expanded', 'true');
  const orders = item('services/orders');
  await orders.locator('> button').click();
  await expect(orders).toHaveAttribute('aria-expanded', 'true');
  await item('services/orders/Dockerfile').locator('> button').click();

  const preview = dialog.getByTestId('code-preview');
  await expect(preview).toHaveAttribute('data-path', 'services/orders/Dockerfile');
  // Monaco loads on demand from /monaco; its view shows the file's first instruction.
  await expect(preview).toHaveAttribute('data-ready', 'monaco', { timeout: 30_000 });
  await expect(preview.locator('.view-lines')).toContainText('FROM');

  // Compose file preview: YAML, read-only.
  await item('docker-compose.yml').locator('> button').click();
  await expect(preview).toHaveAttribute('data-path', 'docker-compose.yml');
  await expect(preview.locator('.view-lines')).toContainText('services');

  const anyway = dialog.getByRole('checkbox', { name: 'Export anyway' });
  if (await anyway.isVisible()) await anyway.check();
  const downloadButton = dialog.getByRole('button', { name: 'Download .zip' });
  await expect(downloadButton).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent('download'), downloadButton.click()]);
  expect(download.suggestedFilename()).toBe('E-commerce.zip');
  const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
  const entries = Object.keys(zip.files).filter((n) => !n.endsWith('/'));
  for (const expected of ['README.md', 'docker-compose.yml', 'services/orders/Dockerfile', 'services/orders/package.json', 'contracts/asyncapi.yaml']) {
    expect(entries, `zip has ${expected}`).toContain(expected);
  }
  expect(entries.some((e) => e.startsWith('k8s/'))).toBe(true);
  expect(entries.some((e) => /^docs\/adr\/0001-.*\.md$/.test(e))).toBe(true);
  expect(errors.messages).toEqual([]);
});

test('export: changing a service stack regenerates that service in the new stack', async ({ page }) => {
  await openEditor(page);
  await openTemplate(page, 'E-commerce');
  await button(page, 'Export').click();
  const dialog = page.getByRole('dialog', { name: 'Export project' });
  const tree = dialog.getByRole('tree', { name: 'Generated files' });
  await expect(tree).toBeVisible({ timeout: 60_000 });
  const item = (path: string) => tree.locator(`[role="treeitem"][data-path="${path}"]`);
  await item('services/orders').locator('> button').click();
  await expect(item('services/orders/package.json')).toHaveCount(1);
  const stack = dialog.getByRole('combobox', { name: 'Stack of orders' });
  await stack.selectOption('fastapi');
  await expect(stack).toHaveValue('fastapi');
  await expect(item('services/orders/requirements.txt')).toHaveCount(1, { timeout: 30_000 });
  await expect(item('services/orders/package.json')).toHaveCount(0);
});

test('open errors from live validation are listed, and the download waits for "Export anyway"', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openEditor(page);
  // Two services on one database: a shared-database error.
  await addFromPalette(page, 'Service');
  await addFromPalette(page, 'Service');
  await addFromPalette(page, 'Database');
  await connect(page, 'service', 'db');
  await connect(page, 'service-2', 'db');
  await expect(canvasEdges(page)).toHaveCount(2);
  await expect(statusBar(page).getByRole('button', { name: /^Problems:/ })).toContainText(/[1-9]/);

  await button(page, 'Export').click();
  const dialog = page.getByRole('dialog', { name: 'Export project' });
  const open = dialog.getByRole('region', { name: 'Open errors' });
  await expect(open).toContainText('shared-database');
  await expect(dialog.getByRole('status').filter({ hasText: /files · .* zipped/ })).toBeVisible({ timeout: 60_000 });
  const download = dialog.getByRole('button', { name: 'Download .zip' });
  await expect(download).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'Export anyway' }).check();
  await expect(download).toBeEnabled();
  expect(errors.messages).toEqual([]);
});
