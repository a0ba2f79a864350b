import path from 'node:path';
import { expect, test } from '@playwright/test';
import { canvasNode, openEditor, openTemplate, stableNodeBoxes } from './helpers';

// Regenerates docs/screenshot.png (the e-commerce template, light theme, 1440x900):
//   E2E_SCREENSHOT=1 npx playwright test e2e/screenshot.spec.ts
test.skip(!process.env.E2E_SCREENSHOT, 'set E2E_SCREENSHOT=1 to regenerate docs/screenshot.png');
test.use({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });

test('screenshot of the e-commerce template', async ({ page }) => {
  await openEditor(page);
  await openTemplate(page, 'E-commerce');
  await expect(canvasNode(page, 'orders')).toBeVisible();
  // Let the success toast go and the view settle.
  await expect(page.getByRole('status').filter({ hasText: 'from the E-commerce template' })).toBeHidden({ timeout: 10_000 });
  await stableNodeBoxes(page);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(__dirname, '..', 'docs', 'screenshot.png'), fullPage: true });
});
