import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors, openEditor } from './helpers';

async function chooseTheme(page: Page, choice: 'System' | 'Light' | 'Dark') {
  await page.getByRole('button', { name: 'Theme', exact: true }).click();
  await page.getByRole('menuitemradio', { name: choice, exact: true }).click();
  await expect(page.getByRole('menu', { name: 'Theme' })).toBeHidden();
}

const html = (page: Page) => page.locator('html');

test('the theme menu switches dark mode on <html>, and the choice survives a reload', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await openEditor(page);
  await expect(html(page)).not.toHaveClass(/\bdark\b/);

  await chooseTheme(page, 'Dark');
  await expect(html(page)).toHaveClass(/\bdark\b/);
  await expect(page.getByRole('button', { name: 'Theme', exact: true })).toHaveAttribute('title', 'Theme: Dark');
  // The canvas follows the theme.
  await expect(page.locator('.react-flow')).toHaveClass(/\bdark\b/);
  await page.getByRole('button', { name: 'Theme', exact: true }).click();
  await expect(page.getByRole('menuitemradio', { name: 'Dark', exact: true })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeVisible();
  await expect(html(page)).toHaveClass(/\bdark\b/);

  await chooseTheme(page, 'Light');
  await expect(html(page)).not.toHaveClass(/\bdark\b/);
  await expect(page.locator('.react-flow')).not.toHaveClass(/\bdark\b/);
  expect(errors.messages).toEqual([]);
});

test('"System" follows the operating system, also while the page is open', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openEditor(page);
  // No choice stored yet: System, which is dark here.
  await expect(html(page)).toHaveClass(/\bdark\b/);
  await chooseTheme(page, 'Light');
  await expect(html(page)).not.toHaveClass(/\bdark\b/);
  await chooseTheme(page, 'System');
  await expect(html(page)).toHaveClass(/\bdark\b/);

  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html(page)).not.toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html(page)).toHaveClass(/\bdark\b/);

  // An explicit choice wins over the system.
  await chooseTheme(page, 'Light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeVisible();
  await expect(html(page)).not.toHaveClass(/\bdark\b/);
});
