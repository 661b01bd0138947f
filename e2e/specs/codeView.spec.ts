import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { LayoutPage } from '../pages/LayoutPage';
import { ShellPage } from '../pages/ShellPage';
import { StartPage } from '../pages/StartPage';

test.use({ locale: 'en-US' });

const pagePath = 'App/ui/form/layouts/Side1.json';
const layoutIds = (file: string): string[] => (JSON.parse(readFileSync(file, 'utf8')) as { data: { layout: { id: string }[] } }).data.layout.map((c) => c.id);

/** Selects the first match of `text` in the focused Monaco editor (find widget, then Escape keeps the selection). */
async function selectInEditor(page: Page, text: string): Promise<void> {
  await page.locator('.monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+f');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

test('edits a layout page as JSON in two-way sync with the Layout canvas', async ({ page, studio, consoleErrors: errors }) => {
  // Several area switches, each mounting Monaco or the canvas again: about 40 s on two busy cores.
  test.setTimeout(120_000);
  const start = new StartPage(page);
  const shell = new ShellPage(page);
  const layout = new LayoutPage(page);
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: 'code-app', title: 'Code test', location: studio.workDir });
  const file = path.join(studio.workDir, 'code-app', pagePath);

  await shell.showArea('Code');
  const area = page.getByTestId('code-area');
  await (await shell.reveal(pagePath)).click();
  await expect(area.getByRole('tab', { name: 'Side1.json' })).toHaveAttribute('aria-selected', 'true');
  const lines = area.locator('.view-lines');
  await expect(lines).toContainText('applicant-name');
  await page.screenshot({ path: 'e2e/screenshots/code-area.png' });

  // A valid edit reaches the disk and the canvas.
  await selectInEditor(page, 'applicant-name');
  await page.keyboard.type('full-name');
  await expect.poll(() => layoutIds(file)).toEqual(['start-heading', 'start-intro', 'full-name', 'submit-button']);
  await layout.open();
  await expect(layout.item('full-name')).toBeVisible();

  // Invalid JSON: a banner with the position; the canvas keeps the last valid state; the text stays.
  await shell.showArea('Code');
  await expect(lines).toContainText('full-name');
  await selectInEditor(page, '"submit-button"');
  await page.keyboard.press('End');
  await page.keyboard.type(' oops');
  await expect(area.getByRole('alert')).toContainText(/line \d+, column \d+/);
  await expect(area.getByRole('tab', { name: /Side1\.json/ }).getByRole('img', { name: 'Not valid, not saved' })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/code-area-invalid.png' });
  await layout.open();
  await expect(layout.item('submit-button')).toBeVisible();
  expect(readFileSync(file, 'utf8')).not.toContain('oops');
  await shell.showArea('Code');
  await expect(lines).toContainText('oops');
  await expect(area.getByRole('alert')).toBeVisible();
  // Fix it: the banner goes, and the file is written again with the fix.
  await page.locator('.monaco-editor textarea').first().focus();
  await selectInEditor(page, ' oops');
  await page.keyboard.press('Backspace');
  await expect(area.getByRole('alert')).toHaveCount(0);
  await expect(lines).not.toContainText('oops');

  // A visual edit: the editor follows it.
  await layout.open();
  await layout.drag(layout.item('full-name'), layout.item('start-heading'), 0.2);
  await layout.drop();
  await expect.poll(() => layoutIds(file)).toEqual(['full-name', 'start-heading', 'start-intro', 'submit-button']);
  await shell.showArea('Code');
  await expect(area.getByRole('tab', { name: 'Side1.json' })).toBeVisible();
  const text = await lines.innerText();
  expect(text.indexOf('full-name')).toBeLessThan(text.indexOf('start-heading'));
  expect(errors.filter((e) => !e.includes('favicon'))).toEqual([]);
});

test('completes text keys, shows the studio check as markers, and goes to a text from its key', async ({ page, studio }) => {
  test.setTimeout(120_000);
  const start = new StartPage(page);
  const shell = new ShellPage(page);
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: 'smart-app', title: 'Smart test', location: studio.workDir });
  await shell.showArea('Code');
  const area = page.getByTestId('code-area');
  await (await shell.reveal(pagePath)).click();
  const lines = area.locator('.view-lines');
  await expect(lines).toContainText('start.heading');

  // A broken text key: the studio's own check marks it in the file (a squiggle with the message on hover).
  await selectInEditor(page, 'start.heading');
  await page.keyboard.type('missing.key');
  await expect(area.locator('.squiggly-warning, .squiggly-error, .squiggly-info').first()).toBeVisible();

  // Completion offers the app's text keys with their text.
  await selectInEditor(page, 'missing.key');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('start.');
  await page.keyboard.press('Control+Space');
  const suggest = page.locator('.suggest-widget');
  await expect(suggest).toBeVisible();
  await expect(suggest).toContainText('start.intro');
  await page.screenshot({ path: 'e2e/screenshots/code-completion.png' });
  await page.keyboard.press('Escape');

  // Go to definition from a key (F12) shows its text in every language file.
  await selectInEditor(page, 'start.intro');
  await page.keyboard.press('F12');
  const peek = area.locator('.peekview-widget');
  await expect(peek).toContainText('Definitions (3)');
  for (const language of ['en', 'nb', 'nn']) await expect(peek).toContainText(`resource.${language}.json`);
  await page.screenshot({ path: 'e2e/screenshots/code-definitions.png' });
});

test('shows the working file against the last commit in a diff editor', async ({ page, studio }) => {
  test.setTimeout(120_000);
  const start = new StartPage(page);
  const shell = new ShellPage(page);
  await start.goto(studio.url);
  // A new app starts with a first commit, so HEAD has the page as the template wrote it.
  await start.createAndOpen({ org: 'ttd', name: 'diff-app', title: 'Diff test', location: studio.workDir });
  await shell.showArea('Code');
  const area = page.getByTestId('code-area');
  await (await shell.reveal(pagePath)).click();
  await expect(area.locator('.view-lines')).toContainText('applicant-name');
  await selectInEditor(page, 'applicant-name');
  await page.keyboard.type('full-name');
  await expect.poll(() => layoutIds(path.join(studio.workDir, 'diff-app', pagePath))).toContain('full-name');

  await area.getByRole('button', { name: 'Changes since last commit' }).click();
  const diff = area.locator('.monaco-diff-editor');
  await expect(diff).toBeVisible();
  // Left: the committed text; right: the working text.
  await expect(diff.locator('.editor.original .view-lines')).toContainText('applicant-name');
  await expect(diff.locator('.editor.modified .view-lines')).toContainText('full-name');
  await page.screenshot({ path: 'e2e/screenshots/code-committed-diff.png' });
  await area.getByRole('button', { name: 'Changes since last commit' }).click();
  await expect(diff).toHaveCount(0);
});

test('a large page typed in the Code area reaches the disk, sent by the invoke worker', async ({ page, studio, consoleErrors: errors }) => {
  test.setTimeout(120_000);
  const start = new StartPage(page);
  const shell = new ShellPage(page);
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: 'large-app', title: 'Large page', location: studio.workDir });
  const file = path.join(studio.workDir, 'large-app', pagePath);
  // About 700 KB: over the size the page hands to its worker (256 K characters).
  const layout = Array.from({ length: 3000 }, (_, i) => ({ id: `field${i}`, type: 'Input', dataModelBindings: { simpleBinding: 'applicantName' }, textResourceBindings: { title: `Field number ${i}` } }));
  writeFileSync(file, `${JSON.stringify({ data: { layout } }, null, 2)}\n`);

  await shell.showArea('Code');
  const area = page.getByTestId('code-area');
  await (await shell.reveal(pagePath)).click();
  await expect(area.locator('.view-lines')).toContainText('"field0"');
  await selectInEditor(page, 'field0');
  await page.keyboard.type('first-field');
  await expect.poll(() => layoutIds(file).slice(0, 2), { timeout: 20_000 }).toEqual(['first-field', 'field1']);
  expect(layoutIds(file)).toHaveLength(3000);
  expect(page.workers().map((w) => w.url()).some((url) => url.includes('invoke.worker'))).toBe(true);
  expect(errors.filter((e) => !e.includes('favicon'))).toEqual([]);
});
