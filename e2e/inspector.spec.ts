import { expect, test } from '@playwright/test';
import { addFromPalette, canvas, canvasNode, canvasNodeNames, collectPageErrors, inspector, openEditor } from './helpers';

test('renaming a node in the inspector renames it on the canvas; an invalid name is refused inline', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openEditor(page);
  await addFromPalette(page, 'Service');
  await addFromPalette(page, 'Database');
  await canvasNode(page, 'service').click();

  const name = inspector(page).getByLabel('Name', { exact: true });
  await expect(name).toHaveValue('service');
  await name.fill('orders');
  await expect(canvasNode(page, 'orders')).toBeVisible();
  await expect(canvasNode(page, 'service')).toHaveCount(0);
  await expect(inspector(page).getByRole('heading', { name: 'orders' })).toBeVisible();

  // Not a DNS label: the field says why, the node keeps its last valid name.
  await name.fill('Bad Name');
  const alert = inspector(page).getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/lowercase/i);
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveValue('Bad Name');
  await expect(canvasNode(page, 'orders')).toBeVisible();
  await expect(canvas(page).getByRole('group', { name: 'Bad Name' })).toHaveCount(0);

  // A name another node already has is refused too.
  await name.fill('db');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/db/);
  expect(await canvasNodeNames(page)).toEqual(['db', 'orders']);

  // Fixing it clears the error and renames.
  await name.fill('orders-api');
  await expect(inspector(page).getByRole('alert')).toHaveCount(0);
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  expect(await canvasNodeNames(page)).toEqual(['db', 'orders-api']);

  // Selecting another node and coming back shows the stored name, not a stale draft.
  await canvasNode(page, 'db').click();
  await expect(name).toHaveValue('db');
  await canvasNode(page, 'orders-api').click();
  await expect(name).toHaveValue('orders-api');
  expect(errors.messages).toEqual([]);
});

const HOSTILE = [
  `She said "hi" & it's fine`,
  '${process.env.SECRET} {{x}} %s',
  '../../../etc/passwd',
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  'emoji 🚀🙈 👩‍👩‍👧‍👦',
];

test('typing hostile text into the inspector never throws and renders as plain text', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openEditor(page);
  await addFromPalette(page, 'Service');
  const label = inspector(page).getByLabel('Display label', { exact: true });
  const description = inspector(page).getByLabel('Description', { exact: true });
  const name = inspector(page).getByLabel('Name', { exact: true });

  for (const text of HOSTILE) {
    await label.fill('');
    await label.pressSequentially(text);
    await expect(label).toHaveValue(text);
    // The node shows the label as text (its accessible name stays the technical name).
    await expect(canvasNode(page, 'service').getByText(text, { exact: true })).toBeVisible();
  }

  const long = `multi\nline\n${'<b>x</b> ${y} ../ 🚀 '.repeat(600)}`.slice(0, 10_000);
  await description.fill(long);
  await expect(description).toHaveValue(long);

  // Hostile names are refused with an explanation, never applied.
  for (const text of HOSTILE) {
    await name.fill(text);
    await expect(inspector(page).getByRole('alert')).toBeVisible();
  }
  await name.fill('service');
  await expect(inspector(page).getByRole('alert')).toHaveCount(0);
  expect(await canvasNodeNames(page)).toEqual(['service']);

  // The design name takes any text too.
  const designName = page.getByRole('textbox', { name: 'Design name' });
  await designName.fill(HOSTILE.join(' '));
  await designName.press('Enter');

  // Nothing was interpreted as markup or script, and it all survives a reload.
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await page.reload();
  const last = HOSTILE[HOSTILE.length - 1];
  await expect(canvasNode(page, 'service').getByText(last, { exact: true })).toBeVisible();
  await expect(designName).toHaveValue(HOSTILE.join(' '));
  await canvasNode(page, 'service').click();
  await expect(description).toHaveValue(long);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(errors.messages).toEqual([]);
});
