import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';
import { LayoutPage } from '../pages/LayoutPage';
import { ShellPage } from '../pages/ShellPage';
import { StartPage } from '../pages/StartPage';

test.use({ locale: 'en-US' });

const pageFile = (appDir: string, page = 'Side1') => path.join(appDir, 'App/ui/form/layouts', `${page}.json`);
const layoutIds = (file: string): string[] => (JSON.parse(readFileSync(file, 'utf8')) as { data: { layout: { id: string }[] } }).data.layout.map((c) => c.id);

async function openLayout(page: import('@playwright/test').Page, studio: { url: string; workDir: string }, name: string) {
  const start = new StartPage(page);
  await start.goto(studio.url);
  await start.createApp({ org: 'ttd', name, title: 'Layout test', location: studio.workDir });
  await new ShellPage(page).expectOpen(name);
  const layout = new LayoutPage(page);
  await layout.open();
  return { layout, appDir: path.join(studio.workDir, name) };
}

test('drags a component from the palette onto the page with the mouse', async ({ page, studio }) => {
  const { layout, appDir } = await openLayout(page, studio, 'drag-app');
  await expect(layout.canvas.getByRole('button', { name: /^Input: / })).toHaveCount(1);
  await page.screenshot({ path: 'e2e/screenshots/layout-area.png' });
  await layout.drag(layout.paletteItem('Short answer'), layout.item('submit-button'), 0.2);
  await expect(layout.indicator()).toBeVisible();
  await layout.drop();
  await expect(layout.canvas.getByRole('button', { name: /^Input: / })).toHaveCount(2);
  await expect.poll(() => layoutIds(pageFile(appDir))).toEqual(['start-heading', 'start-intro', 'applicant-name', expect.any(String), 'submit-button']);
});

test('reorders, moves into a repeating group (a button group refuses an input, shown as refused) and out to another page', async ({ page, studio }) => {
  const { layout, appDir } = await openLayout(page, studio, 'move-app');
  const file = pageFile(appDir);

  // Reorder: the input before the heading.
  await layout.drag(layout.item('applicant-name'), layout.item('start-heading'), 0.2);
  await layout.drop();
  await expect.poll(() => layoutIds(file)).toEqual(['applicant-name', 'start-heading', 'start-intro', 'submit-button']);
  expect(await layout.topIds()).toEqual(['applicant-name', 'start-heading', 'start-intro', 'submit-button']);

  // Containers from the palette, by keyboard (Enter adds after the selection, the new one is selected).
  await layout.search.fill('repeating');
  await layout.paletteItem('Repeating group').press('Enter');
  await layout.search.fill('button group');
  await layout.paletteItem('Button group').press('Enter');
  await layout.search.fill('');
  const group = layout.canvas.locator('[data-lc-type="RepeatingGroup"]');
  const buttons = layout.canvas.locator('[data-lc-type="ButtonGroup"]');
  const groupId = (await group.getAttribute('data-lc-item'))!;
  const buttonGroupId = (await buttons.getAttribute('data-lc-item'))!;
  expect(groupId).not.toBe(buttonGroupId);
  const before = readFileSync(file, 'utf8');

  // An input over the button group: the indicator says why not, and the drop does nothing.
  await layout.drag(layout.item('applicant-name'), buttons.locator('.lc-zone').first(), 0.5);
  await expect(layout.indicator()).toHaveClass(/is-invalid/);
  await expect(layout.indicator()).toContainText('Cannot drop here');
  await page.screenshot({ path: 'e2e/screenshots/layout-invalid-drop.png' });
  await layout.drop();
  await expect(layout.indicator()).toBeHidden();
  expect(readFileSync(file, 'utf8')).toBe(before);

  // Into the repeating group.
  await layout.drag(layout.item('applicant-name'), group.locator('.lc-zone').first(), 0.5);
  await expect(layout.indicator()).not.toHaveClass(/is-invalid/);
  await layout.drop();
  await expect.poll(() => (JSON.parse(readFileSync(file, 'utf8')) as { data: { layout: { id: string; children?: string[] }[] } }).data.layout.find((c) => c.id === groupId)?.children).toEqual([
    'applicant-name',
  ]);
  await expect(layout.item(groupId).locator('[data-lc-item="applicant-name"]')).toBeVisible();

  // A new page, then the heading dragged onto it in the page list.
  await layout.pages.getByRole('button', { name: 'Add page' }).click();
  await expect(layout.pageButton('Side2')).toHaveAttribute('aria-current', 'page');
  await layout.pageButton('Side1').click();
  await layout.drag(layout.item('start-heading'), layout.pageButton('Side2'), 0.5);
  await layout.drop();
  await expect.poll(() => layoutIds(pageFile(appDir, 'Side2'))).toEqual(['start-heading']);
  expect(layoutIds(file)).not.toContain('start-heading');
  await page.screenshot({ path: 'e2e/screenshots/layout-containers.png' });
});

test('copy, paste, duplicate and delete with the reference warning; keyboard drag with announcements; undo all and redo', async ({ page, studio }) => {
  const { layout, appDir } = await openLayout(page, studio, 'edit-app');
  const file = pageFile(appDir);
  const settings = path.join(appDir, 'App/ui/form/Settings.json');
  // The button hides by an expression that reads the input (written while the app is closed, then opened again).
  await new ShellPage(page).close();
  writeFileSync(file, readFileSync(file, 'utf8').replace('"type": "Button",', '"type": "Button",\n        "hidden": ["equals", ["component", "applicant-name"], ["component", "applicant-name"]],'));
  await new StartPage(page).openRecent('edit-app');
  await layout.open();
  await expect(layout.item('submit-button').locator('.lc-hidden-badge')).toHaveText('Hidden');
  const start = { page: readFileSync(file, 'utf8'), settings: readFileSync(settings, 'utf8') };

  // Copy and paste after the selection; the pasted one is selected. Duplicate it.
  await layout.item('applicant-name').click();
  await page.keyboard.press('Control+C');
  await page.keyboard.press('Control+V');
  await expect.poll(() => layoutIds(file).length).toBe(5);
  const pasted = layoutIds(file)[3]!;
  await expect(layout.item(pasted)).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Control+D');
  await expect.poll(() => layoutIds(file).length).toBe(6);

  // Delete with references: the dialog lists them first; Cancel keeps everything.
  await layout.item('applicant-name').click();
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('dialog', { name: 'Delete components?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('broken-references')).toContainText('applicant-name');
  await page.screenshot({ path: 'e2e/screenshots/layout-delete-references.png' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(layoutIds(file)).toContain('applicant-name');
  await layout.item('applicant-name').click();
  await page.keyboard.press('Delete');
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect.poll(() => layoutIds(file)).not.toContain('applicant-name');

  // Keyboard drag: Space picks the heading up, arrows move it, Space drops it; each step is announced.
  await layout.item('start-heading').focus();
  await page.keyboard.press('Space');
  await expect(layout.announcements).toContainText('Picked up Header');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(layout.announcements).toContainText('Header: Velkommen goes before Input: Navn');
  await page.screenshot({ path: 'e2e/screenshots/layout-keyboard-drag.png' });
  await page.keyboard.press('Space');
  await expect(layout.announcements).toContainText('was dropped');
  await expect.poll(() => layoutIds(file)[0]).toBe('start-intro');
  const end = readFileSync(file, 'utf8');

  // Undo everything: the page file is byte for byte what it was; redo brings the end state back.
  const undo = page.getByRole('button', { name: /^Undo/ });
  while (await undo.isEnabled()) {
    await undo.click();
    await page.waitForTimeout(50);
  }
  await expect.poll(() => readFileSync(file, 'utf8')).toBe(start.page);
  expect(readFileSync(settings, 'utf8')).toBe(start.settings);
  const redo = page.getByRole('button', { name: /^Redo/ });
  while (await redo.isEnabled()) {
    await redo.click();
    await page.waitForTimeout(50);
  }
  await expect.poll(() => readFileSync(file, 'utf8')).toBe(end);
});

test('the live preview shows beside the canvas, and the studio keeps its own look around the form components', async ({ page, studio }) => {
  const start = new StartPage(page);
  await start.goto(studio.url);
  await page.screenshot({ path: 'e2e/screenshots/layout-start-screen.png' });
  const { layout } = await openLayout(page, studio, 'preview-app');
  await layout.area.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(layout.area.getByRole('button', { name: 'Preview', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(layout.area.getByTestId('preview-area')).toBeVisible();
  await expect(page.frameLocator('.preview-frame').getByRole('heading', { name: 'Layout test' })).toBeVisible({ timeout: 30_000 });
  await layout.item('applicant-name').click();
  await page.screenshot({ path: 'e2e/screenshots/layout-with-preview.png' });
  // The studio's own text keeps its face and size: Designsystemet's styles stay on the page canvas.
  const studioFont = await page.getByTestId('app-name').evaluate((el) => getComputedStyle(el).fontFamily);
  expect(studioFont).not.toContain('Inter');
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Overview' }).click();
  await page.screenshot({ path: 'e2e/screenshots/layout-shell-overview.png' });
});

test('pages: add, rename (the order follows), move with the keyboard, duplicate, and delete after a confirmation', async ({ page, studio }) => {
  const { layout, appDir } = await openLayout(page, studio, 'pages-app');
  const settings = () => (JSON.parse(readFileSync(path.join(appDir, 'App/ui/form/Settings.json'), 'utf8')) as { pages: { order: string[] } }).pages.order;
  await layout.pages.getByRole('button', { name: 'Add page' }).click();
  await expect.poll(settings).toEqual(['Side1', 'Side2']);
  await layout.pages.getByRole('button', { name: 'Rename' }).click();
  await layout.pages.getByLabel('New name of page Side2').fill('Details');
  await page.keyboard.press('Enter');
  await expect(layout.pageButton('Details')).toHaveAttribute('aria-current', 'page');
  await expect.poll(settings).toEqual(['Side1', 'Details']);
  // The page file and Settings.json are written one after the other in one change.
  await expect.poll(() => existsSync(pageFile(appDir, 'Details'))).toBe(true);
  await expect.poll(() => existsSync(pageFile(appDir, 'Side2'))).toBe(false);

  await layout.pageButton('Details').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(settings).toEqual(['Details', 'Side1']);

  await layout.pages.getByRole('button', { name: 'Duplicate' }).click();
  await expect.poll(() => settings().length).toBe(3);
  await layout.pageButton('Side1').click();
  await layout.pages.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete page Side1?' });
  await expect(dialog).toContainText('The page file and the components on it are deleted');
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect.poll(() => existsSync(pageFile(appDir, 'Side1'))).toBe(false);
  await expect.poll(settings).not.toContain('Side1');

  // The palette filters as you type and says when nothing matches.
  await layout.search.fill('zzz');
  await expect(layout.palette).toContainText('No component matches "zzz".');
  await layout.search.fill('date');
  await expect(layout.paletteItem('Date picker')).toBeVisible();
});
