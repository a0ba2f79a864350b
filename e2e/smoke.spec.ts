import { expect, test } from '@playwright/test';
import { collectPageErrors, freshPage } from './helpers';

test('the designer opens with its toolbar', async ({ page }) => {
  await freshPage(page);
  await expect(page).toHaveTitle(/Archwright/);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeVisible();
});

test('the designer loads without page errors', async ({ page }) => {
  const errors = collectPageErrors(page);
  await freshPage(page);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeVisible();
  expect(errors.messages).toEqual([]);
});
