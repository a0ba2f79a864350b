import { expect, test } from '@playwright/test';
import {
  addFromPalette,
  boxOf,
  button,
  canvas,
  canvasEdges,
  canvasGroup,
  canvasNode,
  canvasNodeNames,
  center,
  collectPageErrors,
  connect,
  dragBy,
  inspector,
  openEditor,
  overlaps,
  statusBar,
} from './helpers';

/** Palette title → the name a new node of that kind gets. */
const KINDS: readonly [title: string, name: string][] = [
  ['Service', 'service'],
  ['Database', 'db'],
  ['Message broker', 'broker'],
  ['API gateway', 'gateway'],
  ['Cache', 'cache'],
  ['External system', 'external'],
  ['Client', 'client'],
];

test.describe('palette', () => {
  test('clicking each palette item adds a node of that kind, without stacking', async ({ page }) => {
    const errors = collectPageErrors(page);
    await openEditor(page);
    for (const [title, name] of KINDS) {
      await addFromPalette(page, title);
      await expect(canvasNode(page, name)).toBeVisible();
    }
    expect(await canvasNodeNames(page)).toEqual(KINDS.map(([, n]) => n).sort());
    // Each node shows its kind, and no two nodes added by clicking cover each other.
    await expect(canvasNode(page, 'broker')).toContainText('Message broker');
    await expect(canvasNode(page, 'gateway')).toContainText('API gateway');
    const boxes = await Promise.all(KINDS.map(([, n]) => boxOf(canvasNode(page, n))));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j]), `${KINDS[i][1]} overlaps ${KINDS[j][1]}`).toBe(false);
    await expect(statusBar(page)).toHaveText(/^7 nodes · 0 connections/);
    expect(errors.messages).toEqual([]);
  });

  test('dragging palette items onto the canvas drops nodes where they were dropped', async ({ page }) => {
    await openEditor(page);
    const pane = canvas(page).locator('.react-flow__pane');
    const paneBox = await boxOf(pane);

    // A real HTML5 drag with the mouse (Chromium's native drag and drop).
    const first = { x: 220, y: 160 };
    await page.getByRole('button', { name: 'Database', exact: true }).dragTo(pane, { targetPosition: first });
    const db = canvasNode(page, 'db');
    await expect(db).toBeVisible();
    const dbCenter = center(await boxOf(db));
    // Snapping to the 16px grid may shift it a little; never more than a grid step.
    expect(Math.abs(dbCenter.x - (paneBox.x + first.x))).toBeLessThanOrEqual(16);
    expect(Math.abs(dbCenter.y - (paneBox.y + first.y))).toBeLessThanOrEqual(16);

    // The same gesture as synthetic events carrying one DataTransfer, dropped far from the first.
    const second = { x: paneBox.x + 560, y: paneBox.y + 380 };
    const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
    const item = page.getByRole('button', { name: 'Cache', exact: true });
    await item.dispatchEvent('dragstart', { dataTransfer });
    await pane.dispatchEvent('dragenter', { dataTransfer, clientX: second.x, clientY: second.y });
    await pane.dispatchEvent('dragover', { dataTransfer, clientX: second.x, clientY: second.y });
    await pane.dispatchEvent('drop', { dataTransfer, clientX: second.x, clientY: second.y });
    await item.dispatchEvent('dragend', { dataTransfer });
    const cache = canvasNode(page, 'cache');
    await expect(cache).toBeVisible();
    const cacheCenter = center(await boxOf(cache));
    expect(Math.abs(cacheCenter.x - second.x)).toBeLessThanOrEqual(16);
    expect(Math.abs(cacheCenter.y - second.y)).toBeLessThanOrEqual(16);

    // A drop of something that is not a palette item adds nothing.
    const foreign = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.setData('text/plain', 'service');
      return dt;
    });
    await pane.dispatchEvent('dragover', { dataTransfer: foreign, clientX: second.x - 200, clientY: second.y });
    await pane.dispatchEvent('drop', { dataTransfer: foreign, clientX: second.x - 200, clientY: second.y });
    await expect(statusBar(page)).toHaveText(/^2 nodes · 0 connections/);
    expect(await canvasNodeNames(page)).toEqual(['cache', 'db']);

    // A new blank design (opened after one with nodes) takes drops where they land too.
    await button(page, 'Designs').click();
    await page.getByRole('dialog', { name: 'Designs' }).getByRole('button', { name: 'New design', exact: true }).click();
    await page.getByRole('dialog', { name: 'New design' }).getByRole('button', { name: 'Blank', exact: true }).click();
    await expect(statusBar(page)).toHaveText(/^0 nodes · 0 connections/);
    const third = { x: 300, y: 420 };
    await page.getByRole('button', { name: 'Client', exact: true }).dragTo(pane, { targetPosition: third });
    const client = canvasNode(page, 'client');
    await expect(client).toBeVisible();
    const clientCenter = center(await boxOf(client));
    expect(Math.abs(clientCenter.x - (paneBox.x + third.x))).toBeLessThanOrEqual(16);
    expect(Math.abs(clientCenter.y - (paneBox.y + third.y))).toBeLessThanOrEqual(16);
  });
});

test('dragging from a service handle to a database draws a data connection', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openEditor(page);
  await addFromPalette(page, 'Service');
  await addFromPalette(page, 'Database');
  await connect(page, 'service', 'db');

  const edge = canvas(page).getByRole('group', { name: /^data from service to db: reads\/writes$/ });
  await expect(edge).toHaveCount(1);
  await expect(canvasEdges(page)).toHaveCount(1);
  await expect(canvas(page).getByText('reads/writes', { exact: true })).toBeVisible();

  // Deselect, then select the edge with the mouse: the inspector shows a data connection.
  await page.keyboard.press('Escape');
  await expect(inspector(page).getByLabel('Kind', { exact: true })).toHaveCount(0);
  await edge.locator('.react-flow__edge-interaction').click();
  const kind = inspector(page).getByLabel('Kind', { exact: true });
  await expect(kind).toHaveValue('data');
  await expect(kind.locator('option:checked')).toHaveText('Data access');
  await expect(inspector(page).getByRole('heading', { name: 'service → db' })).toBeVisible();
  await expect(inspector(page).getByLabel('Access', { exact: true })).toHaveValue('read-write');

  // Dropping a connection back onto the node it started from adds nothing.
  const handle = center(await boxOf(canvasNode(page, 'service').locator('.react-flow__handle.source')));
  const target = center(await boxOf(canvasNode(page, 'service').locator('.react-flow__handle.target')));
  await page.mouse.move(handle.x, handle.y);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 8 });
  await page.mouse.up();
  await expect(canvasEdges(page)).toHaveCount(1);
  expect(errors.messages).toEqual([]);
});

test.describe('history', () => {
  test('undo and redo from the toolbar and the keyboard; a node drag is one step', async ({ page }) => {
    await openEditor(page);
    const undo = button(page, 'Undo');
    const redo = button(page, 'Redo');
    await expect(undo).toBeDisabled();
    await addFromPalette(page, 'Service');
    const node = canvasNode(page, 'service');
    await expect(node).toBeVisible();
    const start = await boxOf(node);

    await dragBy(page, node, 240, 120);
    await expect.poll(async () => (await boxOf(node)).x).toBeGreaterThan(start.x + 200);
    const moved = await boxOf(node);
    expect(moved.y).toBeGreaterThan(start.y + 90);

    // Toolbar: one Undo puts the node back where it was (not at some point along the drag).
    await undo.click();
    await expect.poll(async () => (await boxOf(node)).x).toBeCloseTo(start.x, 0);
    expect((await boxOf(node)).y).toBeCloseTo(start.y, 0);
    await expect(redo).toBeEnabled();
    await redo.click();
    await expect.poll(async () => (await boxOf(node)).x).toBeCloseTo(moved.x, 0);
    expect((await boxOf(node)).y).toBeCloseTo(moved.y, 0);
    await expect(redo).toBeDisabled();

    // Keyboard: Ctrl+Z / Ctrl+Shift+Z do the same.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await boxOf(node)).x).toBeCloseTo(start.x, 0);
    expect((await boxOf(node)).y).toBeCloseTo(start.y, 0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await boxOf(node)).x).toBeCloseTo(moved.x, 0);

    // Two undos: the drag, then the add. The design is empty again and nothing is left to undo.
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect(node).toHaveCount(0);
    await expect(undo).toBeDisabled();
    await page.keyboard.press('Control+y');
    await expect(node).toBeVisible();
  });

  test('typing a name is one undo step', async ({ page }) => {
    await openEditor(page);
    await addFromPalette(page, 'Service');
    const name = inspector(page).getByLabel('Name', { exact: true });
    await name.click();
    await name.press('Control+a');
    await name.pressSequentially('orders');
    await expect(canvasNode(page, 'orders')).toBeVisible();
    await button(page, 'Undo').click();
    await expect(canvasNode(page, 'service')).toBeVisible();
    await expect(canvasNode(page, 'orders')).toHaveCount(0);
    await expect(canvasNode(page, 'o')).toHaveCount(0);
  });
});

test('copy, paste, duplicate and delete with the keyboard', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openEditor(page);
  await addFromPalette(page, 'Service');
  const original = canvasNode(page, 'service');
  await original.click();

  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(canvasNode(page, 'service-2')).toBeVisible();
  // The paste lands beside the original, not on top of it.
  const a = await boxOf(original);
  const b = await boxOf(canvasNode(page, 'service-2'));
  expect(b.x - a.x).toBeGreaterThan(20);
  expect(b.y - a.y).toBeGreaterThan(20);

  await original.click();
  await page.keyboard.press('Control+d');
  await expect(canvasNode(page, 'service-3')).toBeVisible();
  expect(await canvasNodeNames(page)).toEqual(['service', 'service-2', 'service-3']);

  // The duplicate is selected: Delete removes it.
  await page.keyboard.press('Delete');
  await expect(canvasNode(page, 'service-3')).toHaveCount(0);
  await canvasNode(page, 'service-2').click();
  await page.keyboard.press('Backspace');
  await expect(canvasNode(page, 'service-2')).toHaveCount(0);
  expect(await canvasNodeNames(page)).toEqual(['service']);

  // Backspace while typing in a field edits the field, never the design.
  await original.click();
  const name = inspector(page).getByLabel('Name', { exact: true });
  await name.click();
  await name.press('End');
  await name.press('Backspace');
  await expect(name).toHaveValue('servic');
  await expect(canvasNode(page, 'servic')).toBeVisible();
  expect(errors.messages).toEqual([]);
});

test('grouping two nodes into a bounded context; the group moves its members', async ({ page }) => {
  await openEditor(page);
  await addFromPalette(page, 'Service');
  await addFromPalette(page, 'Database');
  await addFromPalette(page, 'Cache');
  const service = canvasNode(page, 'service');
  const db = canvasNode(page, 'db');
  const cache = canvasNode(page, 'cache');

  await service.click();
  await db.click({ modifiers: ['Shift'] });
  await expect(inspector(page).getByRole('heading', { name: '2 elements selected' })).toBeVisible();
  await page.keyboard.press('Control+g');

  const group = canvasGroup(page, 'Bounded context');
  await expect(group).toBeVisible();
  await expect(group).toContainText('Bounded context');
  await expect(statusBar(page)).toHaveText(/^3 nodes · 0 connections · 1 context/);

  // Both members sit inside the group's box; the third node does not.
  const inside = (outer: { x: number; y: number; width: number; height: number }, inner: typeof outer) =>
    inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;
  const g0 = await boxOf(group);
  const s0 = await boxOf(service);
  const d0 = await boxOf(db);
  const c0 = await boxOf(cache);
  expect(inside(g0, s0)).toBe(true);
  expect(inside(g0, d0)).toBe(true);
  expect(inside(g0, c0)).toBe(false);
  // The inspector lists the new context on a member.
  await service.click();
  await expect(inspector(page).getByLabel('Bounded context')).toHaveValue(/^grp_/);
  await expect(inspector(page).getByLabel('Bounded context').locator('option:checked')).toHaveText('Bounded context');

  // Drag the group by its title bar: the members move with it, the other node stays.
  await dragBy(page, group, 160, 96, { x: 12, y: 12 });
  await expect.poll(async () => (await boxOf(group)).x - g0.x).toBeGreaterThan(120);
  const g1 = await boxOf(group);
  const dx = g1.x - g0.x;
  const dy = g1.y - g0.y;
  expect(dy).toBeGreaterThan(60);
  const s1 = await boxOf(service);
  const d1 = await boxOf(db);
  expect(s1.x - s0.x).toBeCloseTo(dx, 0);
  expect(s1.y - s0.y).toBeCloseTo(dy, 0);
  expect(d1.x - d0.x).toBeCloseTo(dx, 0);
  expect(d1.y - d0.y).toBeCloseTo(dy, 0);
  const c1 = await boxOf(cache);
  expect(c1.x).toBeCloseTo(c0.x, 0);
  expect(c1.y).toBeCloseTo(c0.y, 0);

  // Moving the group was one step: Undo puts group and members back.
  await button(page, 'Undo').click();
  await expect.poll(async () => (await boxOf(group)).x).toBeCloseTo(g0.x, 0);
  expect((await boxOf(service)).x).toBeCloseTo(s0.x, 0);
});
