import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { DESIGN_TEMPLATES } from '../templates/designs/catalog';
import {
  addFromPalette,
  boxOf,
  button,
  canvas,
  canvasEdges,
  canvasGroup,
  canvasNode,
  canvasNodeNames,
  collectPageErrors,
  connect,
  flowPositions,
  inspector,
  openEditor,
  openTemplate,
  overlaps,
  stableNodeBoxes,
  statusBar,
} from './helpers';

interface TemplateFile {
  design: { name: string; nodes: { name: string }[]; edges: unknown[]; groups?: { name: string }[] };
}

/** What each template file holds, read from the file itself. */
function templateContents(file: string) {
  const text = readFileSync(path.join(__dirname, '..', 'templates', 'designs', file), 'utf8');
  const { design } = parseYaml(text) as TemplateFile;
  return { name: design.name, nodes: design.nodes.map((n) => n.name).sort(), edges: design.edges.length, groups: (design.groups ?? []).map((g) => g.name) };
}

test('the five templates are offered', () => {
  expect(DESIGN_TEMPLATES.map((t) => t.id).sort()).toEqual(['ecommerce', 'fintech', 'restaurant', 'saas', 'social']);
});

for (const template of DESIGN_TEMPLATES) {
  test(`template "${template.title}" opens with all its nodes, connections and contexts`, async ({ page }) => {
    const expected = templateContents(template.file);
    expect(expected.nodes.length).toBeGreaterThan(5);
    const errors = collectPageErrors(page);
    await openEditor(page);
    await openTemplate(page, template.title);

    await expect(page.getByRole('textbox', { name: 'Design name' })).toHaveValue(expected.name);
    await expect.poll(() => canvasNodeNames(page)).toEqual(expected.nodes);
    await expect(canvasEdges(page)).toHaveCount(expected.edges);
    for (const g of expected.groups) await expect(canvasGroup(page, g)).toBeVisible();
    const contexts = expected.groups.length ? ` · ${expected.groups.length} context${expected.groups.length === 1 ? '' : 's'}` : '';
    await expect(statusBar(page)).toHaveText(new RegExp(`^${expected.nodes.length} nodes · ${expected.edges} connections${contexts}`));
    // The view is fitted: every node is inside the canvas.
    const view = await boxOf(canvas(page));
    for (const [name, box] of Object.entries(await stableNodeBoxes(page))) {
      expect(box.x, name).toBeGreaterThanOrEqual(view.x - 1);
      expect(box.y, name).toBeGreaterThanOrEqual(view.y - 1);
      expect(box.x + box.width, name).toBeLessThanOrEqual(view.x + view.width + 1);
      expect(box.y + box.height, name).toBeLessThanOrEqual(view.y + view.height + 1);
    }
    expect(errors.messages).toEqual([]);
  });
}

test('auto layout rearranges a template without overlaps, as one undo step', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openEditor(page);
  await openTemplate(page, 'E-commerce');
  await expect(canvasNode(page, 'orders')).toBeVisible();
  await stableNodeBoxes(page);
  const before = await flowPositions(page);

  await button(page, 'Auto layout').click();
  await expect.poll(async () => JSON.stringify(await flowPositions(page)) !== JSON.stringify(before), { message: 'positions change' }).toBe(true);
  await expect(button(page, 'Auto layout')).toBeEnabled();
  const boxes = await stableNodeBoxes(page);
  const after = await flowPositions(page);
  const names = Object.keys(boxes);
  expect(names).toHaveLength(20);
  const moved = names.filter((n) => before[n].x !== after[n].x || before[n].y !== after[n].y);
  expect(moved.length).toBeGreaterThan(names.length / 2);
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) expect(overlaps(boxes[names[i]], boxes[names[j]]), `${names[i]} overlaps ${names[j]}`).toBe(false);
  }

  // Bounded contexts do not overlap each other either.
  const groupBoxes = await canvas(page)
    .locator('.react-flow__node-group')
    .evaluateAll((els) => els.map((el) => ({ name: el.getAttribute('aria-label'), ...JSON.parse(JSON.stringify(el.getBoundingClientRect())) as { x: number; y: number; width: number; height: number } })));
  expect(groupBoxes).toHaveLength(6);
  for (let i = 0; i < groupBoxes.length; i++) {
    for (let j = i + 1; j < groupBoxes.length; j++) expect(overlaps(groupBoxes[i], groupBoxes[j]), `${groupBoxes[i].name} overlaps ${groupBoxes[j].name}`).toBe(false);
  }

  // One undo puts every node and context back.
  await button(page, 'Undo').click();
  await expect.poll(() => flowPositions(page)).toEqual(before);
  await button(page, 'Redo').click();
  await expect.poll(() => flowPositions(page)).toEqual(after);
  expect(errors.messages).toEqual([]);
});

test('the design survives a reload', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openEditor(page);
  await addFromPalette(page, 'Service');
  await addFromPalette(page, 'Database');
  await addFromPalette(page, 'Message broker');
  await connect(page, 'service', 'db');
  await expect(canvasEdges(page)).toHaveCount(1);
  await canvasNode(page, 'service').click();
  await inspector(page).getByLabel('Name', { exact: true }).fill('orders');
  await expect(canvasNode(page, 'orders')).toBeVisible();
  await page.getByRole('textbox', { name: 'Design name' }).fill('Persisted shop');
  const positions = await flowPositions(page);

  // Reload straight away: no waiting for the autosave.
  await page.reload();
  await expect(button(page, 'Undo')).toBeVisible();
  await expect.poll(() => canvasNodeNames(page)).toEqual(['broker', 'db', 'orders']);
  await expect(canvasEdges(page)).toHaveCount(1);
  await expect(page.getByRole('group', { name: 'data from orders to db: reads/writes' })).toHaveCount(1);
  await expect(page.getByRole('textbox', { name: 'Design name' })).toHaveValue('Persisted shop');
  expect(await flowPositions(page)).toEqual(positions);

  // A template opened later is a second design; the first is still there after another reload.
  await openTemplate(page, 'Restaurant bookings');
  await expect(canvasNode(page, 'bookings-api')).toBeVisible();
  await page.reload();
  await expect(canvasNode(page, 'bookings-api')).toBeVisible();
  await button(page, 'Designs').click();
  const list = page.getByRole('list', { name: 'Local designs' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await list.getByRole('listitem').filter({ hasText: 'Persisted shop' }).getByRole('button', { name: 'Open' }).click();
  await expect.poll(() => canvasNodeNames(page)).toEqual(['broker', 'db', 'orders']);
  expect(errors.messages).toEqual([]);
});
