import { expect, test, type Locator, type Page } from '@playwright/test';
import { addFromPalette, button, canvasEdges, canvasNode, collectPageErrors, connect, openEditor, statusBar } from './helpers';

/** The Problems panel. */
const problems = (page: Page): Locator => page.getByRole('region', { name: 'Problems' });

/** The status bar's counts, which show and hide the panel. */
const problemsToggle = (page: Page): Locator => statusBar(page).getByRole('button', { name: /^Problems:/ });

/** A finding row of a rule in the Problems panel (group headers are named by rule title, not id). */
const findingRow = (page: Page, ruleId: string): Locator => problems(page).getByRole('button', { name: new RegExp(`\\b${ruleId} on `) });

/** The validation badge in a node's status corner. */
const badge = (page: Page, node: string): Locator => canvasNode(page, node).getByTestId('node-status').getByRole('img');

/** Two services reading and writing one database: a shared database. */
async function drawSharedDatabase(page: Page): Promise<void> {
  await addFromPalette(page, 'Service');
  await addFromPalette(page, 'Service');
  await addFromPalette(page, 'Database');
  await connect(page, 'service', 'db');
  await connect(page, 'service-2', 'db');
  await expect(canvasEdges(page)).toHaveCount(2);
}

async function openProblems(page: Page): Promise<void> {
  if (!(await problems(page).isVisible())) await problemsToggle(page).click();
  await expect(problems(page)).toBeVisible();
}

test('a shared database is reported live, fixed in one step and comes back on undo', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openEditor(page);
  await drawSharedDatabase(page);

  // An error badge on the database; hovering it shows the message.
  await expect(badge(page, 'db')).toHaveAccessibleName(/1 error/);
  await expect(badge(page, 'db')).toHaveAttribute('title', /Database db is used by 2 services/);
  await expect(canvasNode(page, 'db').locator('[data-severity="error"]').first()).toBeVisible();
  await expect(problemsToggle(page)).toHaveAccessibleName(/1 error/);

  // The status bar count opens the panel, which lists the finding.
  await openProblems(page);
  await expect(problemsToggle(page)).toHaveAttribute('aria-expanded', 'true');
  const row = findingRow(page, 'shared-database');
  await expect(row).toHaveCount(1);

  // Clicking it selects the database (and the services using it) and explains the rule.
  await page.keyboard.press('Escape');
  await expect(canvasNode(page, 'db')).not.toHaveClass(/\bselected\b/);
  await row.click();
  await expect(canvasNode(page, 'db')).toHaveClass(/\bselected\b/);
  const details = problems(page).getByRole('complementary', { name: 'Problem details' });
  await expect(details.getByRole('heading', { name: 'Shared database' })).toBeVisible();
  await expect(details).toContainText('Why it matters');
  await expect(details.getByRole('link', { name: /Database per service/ })).toHaveAttribute('href', /microservices\.io/);

  // The quick fix: one step, announced, and the finding is gone.
  await details.getByRole('button', { name: 'Give each service its own store' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'undo with Ctrl+Z' })).toBeVisible();
  await expect(findingRow(page, 'shared-database')).toHaveCount(0);
  await expect(badge(page, 'db').and(page.locator('[data-severity="error"]'))).toHaveCount(0);
  await expect(problemsToggle(page)).toHaveAccessibleName(/0 errors/);

  // Undo restores the design, and the finding with it.
  await button(page, 'Undo').click();
  await expect(findingRow(page, 'shared-database')).toHaveCount(1);
  await expect(badge(page, 'db')).toHaveAccessibleName(/1 error/);
  await expect(canvasEdges(page)).toHaveCount(2);
  expect(errors.messages).toEqual([]);
});

test('turning a rule off in the Rules dialog hides its findings, and the setting is saved with the design', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openEditor(page);
  await drawSharedDatabase(page);
  await openProblems(page);
  await expect(findingRow(page, 'shared-database')).toHaveCount(1);

  await button(page, 'Rules').click();
  const dialog = page.getByRole('dialog', { name: 'Rules' });
  await expect(dialog).toBeVisible();
  const severity = dialog.getByRole('combobox', { name: 'Shared database severity' });
  await expect(severity).toHaveValue('error');
  await severity.selectOption('off');
  await expect(dialog.getByText('changed', { exact: true })).toBeVisible();
  // Esc closes the dialog.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await expect(findingRow(page, 'shared-database')).toHaveCount(0);
  await expect(badge(page, 'db')).toHaveCount(0);
  await expect(problemsToggle(page)).toHaveAccessibleName(/0 errors/);

  // Reload: the setting lives in the design, so the rule stays off.
  await page.reload();
  await expect(button(page, 'Undo')).toBeVisible({ timeout: 30_000 });
  await expect(canvasNode(page, 'db')).toBeVisible();
  await expect(problemsToggle(page)).toHaveAccessibleName(/0 errors, \d+ warnings?/);
  await expect(badge(page, 'db')).toHaveCount(0);
  await button(page, 'Rules').click();
  await expect(page.getByRole('dialog', { name: 'Rules' }).getByRole('combobox', { name: 'Shared database severity' })).toHaveValue('off');

  // Back to the profile's defaults: the finding returns.
  await page.getByRole('dialog', { name: 'Rules' }).getByRole('button', { name: 'Reset to profile defaults' }).click();
  await page.keyboard.press('Escape');
  await expect(badge(page, 'db')).toHaveAccessibleName(/1 error/);
  expect(errors.messages).toEqual([]);
});

test('a finding can be suppressed with a reason, listed as suppressed and unsuppressed', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openEditor(page);
  await drawSharedDatabase(page);
  await openProblems(page);
  await findingRow(page, 'shared-database').click();
  const details = problems(page).getByRole('complementary', { name: 'Problem details' });
  await details.getByRole('button', { name: 'Suppress with a reason…' }).click();

  // A reason is required.
  const dialog = page.getByRole('dialog', { name: 'Suppress with a reason' });
  await dialog.getByRole('button', { name: 'Suppress', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('reason');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: /Reason/ }).fill('Reporting reads a replica until it consumes order events.');
  await dialog.getByRole('button', { name: 'Suppress', exact: true }).click();
  await expect(dialog).toBeHidden();

  // Hidden from the list and the canvas, kept with its reason.
  await expect(findingRow(page, 'shared-database')).toHaveCount(0);
  await expect(badge(page, 'db')).toHaveCount(0);
  await expect(details).toContainText('Reporting reads a replica until it consumes order events.');
  const showSuppressed = problems(page).getByRole('button', { name: 'Suppressed (1)' });
  await showSuppressed.click();
  await expect(showSuppressed).toHaveAttribute('aria-pressed', 'true');
  await expect(problems(page).getByRole('list', { name: 'Suppressed problems' })).toContainText('Reporting reads a replica');

  // It survives a reload (the suppression is in the design file).
  await page.reload();
  await expect(button(page, 'Undo')).toBeVisible({ timeout: 30_000 });
  await expect(problemsToggle(page)).toHaveAccessibleName(/0 errors/);
  await openProblems(page);
  await problems(page).getByRole('button', { name: 'Suppressed (1)' }).click();
  await problems(page).getByRole('list', { name: 'Suppressed problems' }).getByRole('button', { name: /shared-database on db/ }).click();
  await problems(page).getByRole('button', { name: 'Unsuppress' }).click();
  await expect(findingRow(page, 'shared-database').first()).toBeVisible();
  await expect(badge(page, 'db')).toHaveAccessibleName(/1 error/);
  await expect(problems(page).getByRole('button', { name: 'Suppressed (0)' })).toBeVisible();
  expect(errors.messages).toEqual([]);
});

test('F8 and Shift+F8 step through the problems and focus them', async ({ page }) => {
  await openEditor(page);
  await drawSharedDatabase(page);
  await expect(problemsToggle(page)).toHaveAccessibleName(/1 error/);
  await page.keyboard.press('Escape');

  // The first problem is the error: the panel opens on it and its elements are selected.
  await page.keyboard.press('F8');
  await expect(problems(page)).toBeVisible();
  const first = findingRow(page, 'shared-database');
  await expect(first).toBeFocused();
  await expect(first).toHaveAttribute('aria-current', 'true');
  await expect(canvasNode(page, 'db')).toHaveClass(/\bselected\b/);

  await page.keyboard.press('F8');
  await expect(first).not.toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Shift+F8');
  await expect(first).toBeFocused();
  await expect(first).toHaveAttribute('aria-current', 'true');

  // Severity toggles and the text filter narrow the list.
  await problems(page).getByRole('button', { name: /^Errors/ }).click();
  await expect(findingRow(page, 'shared-database')).toHaveCount(0);
  await problems(page).getByRole('button', { name: /^Errors/ }).click();
  await problems(page).getByRole('searchbox', { name: 'Filter problems' }).fill('service-2');
  await expect(findingRow(page, 'shared-database')).toHaveCount(1);
  await problems(page).getByRole('searchbox', { name: 'Filter problems' }).fill('no such text');
  await expect(problems(page)).toContainText('No problem matches the filter');

  // The panel closes from its own button and the status bar count.
  await problems(page).getByRole('button', { name: 'Close Problems panel' }).click();
  await expect(problems(page)).toBeHidden();
  await expect(problemsToggle(page)).toHaveAttribute('aria-expanded', 'false');
});
