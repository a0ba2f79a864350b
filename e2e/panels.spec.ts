import { expect, test, type Locator, type Page } from '@playwright/test';
import { boxOf, collectPageErrors, inspector, openEditor, statusBar } from './helpers';

const handle = (page: Page, name: string): Locator => page.getByRole('separator', { name });
const openProblems = async (page: Page): Promise<void> => {
  const panel = page.getByRole('region', { name: 'Problems' });
  if (!(await panel.isVisible())) await statusBar(page).getByRole('button', { name: /^Problems:/ }).click();
  await expect(panel).toBeVisible();
};
const valueOf = async (l: Locator): Promise<number> => Number(await l.getAttribute('aria-valuenow'));

test('the inspector and the Problems panel resize by drag and by keyboard, and keep their size after a reload', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openEditor(page);

  // Inspector: drag its left edge 100 px to the left, then one arrow step back.
  const edge = handle(page, 'Resize inspector');
  const start = await valueOf(edge);
  const box = await boxOf(edge);
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 100, box.y + 200, { steps: 5 });
  await page.mouse.up();
  await expect(edge).toHaveAttribute('aria-valuenow', String(start + 100));
  expect(Math.round((await boxOf(inspector(page))).width)).toBe(start + 100);
  await edge.focus();
  await page.keyboard.press('ArrowRight');
  await expect(edge).toHaveAttribute('aria-valuenow', String(start + 84));

  // Problems: open it from the status bar, make it taller with the keyboard.
  await openProblems(page);
  const top = handle(page, 'Resize the Problems panel');
  const height = await valueOf(top);
  await top.focus();
  await page.keyboard.press('Shift+ArrowUp');
  await expect(top).toHaveAttribute('aria-valuenow', String(height + 80));
  await page.keyboard.press('End');
  await expect(top).toHaveAttribute('aria-valuenow', '140');

  await page.reload();
  await expect(handle(page, 'Resize inspector')).toHaveAttribute('aria-valuenow', String(start + 84));
  await openProblems(page);
  await expect(handle(page, 'Resize the Problems panel')).toHaveAttribute('aria-valuenow', '140');
  // Double-click resets.
  await handle(page, 'Resize inspector').dblclick();
  await expect(handle(page, 'Resize inspector')).toHaveAttribute('aria-valuenow', String(start));
  expect(errors.messages).toEqual([]);
});
