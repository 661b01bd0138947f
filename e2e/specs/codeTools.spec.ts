import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { LayoutPage } from '../pages/LayoutPage';
import { ShellPage } from '../pages/ShellPage';
import { StartPage } from '../pages/StartPage';

test.use({ locale: 'en-US' });

const pagePath = 'App/ui/form/layouts/Side1.json';

/** Selects the first match of `text` in the Monaco editor inside `scope` (find widget, then Escape keeps the selection). */
async function selectInEditor(page: Page, scope: Locator, text: string): Promise<void> {
  await scope.locator('.monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+f');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

// Written before the app is opened: a 4-space file and a tab file, each with lines out of place.
const spaces = '{\n    "name": "Zebra crossing",\n        "items": [1,\n  2],\n    "nested": {"deep": true}\n}\n';
const spacesFormatted = '{\n    "name": "Zebra crossing",\n    "items": [\n        1,\n        2\n    ],\n    "nested": {\n        "deep": true\n    }\n}\n';
const tabs = '{\r\n\t"title": "A zebra CROSSING here",\r\n\t"list": [\r\n\t\t"a"\r\n\t],\r\n      "more": {"x": 1}\r\n}\r\n';
const tabsFormatted = '{\r\n\t"title": "A zebra CROSSING here",\r\n\t"list": [\r\n\t\t"a"\r\n\t],\r\n\t"more": {\r\n\t\t"x": 1\r\n\t}\r\n}\r\n';

test('formats a file in its own indentation and searches every file', async ({ page, studio, consoleErrors: errors }) => {
  test.setTimeout(120_000);
  const start = new StartPage(page);
  const shell = new ShellPage(page);
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: 'tools-app', title: 'Tools test', location: studio.workDir });
  await shell.close();
  const appDir = path.join(studio.workDir, 'tools-app');
  const spacesFile = path.join(appDir, 'App/config/spaces.json');
  const tabsFile = path.join(appDir, 'App/config/tabs.json');
  writeFileSync(spacesFile, spaces);
  writeFileSync(tabsFile, tabs);
  await start.openRecent('tools-app');
  await shell.expectOpen('tools-app');

  await shell.showArea('Code');
  const area = page.getByTestId('code-area');
  const lines = area.locator('.view-lines');

  // The Format button: four spaces stay four spaces.
  await (await shell.reveal('App/config/spaces.json')).click();
  await expect(area.getByRole('tab', { name: 'spaces.json' })).toHaveAttribute('aria-selected', 'true');
  await expect(lines).toContainText('Zebra crossing');
  await area.getByRole('button', { name: 'Format' }).click();
  await expect.poll(() => readFileSync(spacesFile, 'utf8')).toBe(spacesFormatted);

  // Shift+Alt+F in the editor: tabs and CRLF stay; Ctrl+Z takes the whole format back in one step.
  await (await shell.reveal('App/config/tabs.json')).click();
  await expect(area.getByRole('tab', { name: 'tabs.json' })).toHaveAttribute('aria-selected', 'true');
  await expect(lines).toContainText('zebra CROSSING');
  // A click puts the focus in the editor itself (Monaco's textarea is only for IME input).
  await lines.click();
  await page.keyboard.press('Shift+Alt+F');
  await expect.poll(() => readFileSync(tabsFile, 'utf8')).toBe(tabsFormatted);
  await page.keyboard.press('Control+z');
  await expect.poll(() => readFileSync(tabsFile, 'utf8')).toBe(tabs);
  await page.keyboard.press('Shift+Alt+F');
  await expect.poll(() => readFileSync(tabsFile, 'utf8')).toBe(tabsFormatted);

  // Search across files: case-insensitive, grouped by file; a click opens the file at the match.
  await page.keyboard.press('Control+Shift+F');
  const search = page.getByTestId('code-search');
  const box = search.getByRole('searchbox', { name: 'Search every file' });
  await expect(box).toBeFocused();
  await box.fill('zebra crossing');
  await expect(search.getByRole('status')).toHaveText('2 matches in 2 files');
  await expect(search.locator('.code-search-file')).toHaveCount(2);
  await page.screenshot({ path: 'e2e/screenshots/code-search.png' });
  // A bad regular expression says so.
  await search.getByRole('checkbox', { name: 'Regular expression' }).check();
  await box.fill('zebra(');
  await expect(search.getByRole('alert')).toContainText('Not a valid regular expression');
  await box.fill('zebra\\s+cross');
  await expect(search.getByRole('status')).toHaveText('2 matches in 2 files');
  await search.locator('.code-search-file[data-path="App/config/spaces.json"]').getByRole('button', { name: /^Line 2:/ }).click();
  await expect(area.getByRole('tab', { name: 'spaces.json' })).toHaveAttribute('aria-selected', 'true');
  // The match is selected: typing replaces it.
  await page.keyboard.type('Zebra walk');
  await expect.poll(() => readFileSync(spacesFile, 'utf8')).toContain('"name": "Zebra walking"');

  // Unsaved text (not valid yet) and the file changes on disk: Compare shows the difference until a choice.
  await page.keyboard.press('End');
  await page.keyboard.type(',,');
  await expect(area.getByRole('tab', { name: /spaces\.json/ }).getByRole('img', { name: 'Not valid, not saved' })).toBeVisible();
  writeFileSync(spacesFile, '{\n    "name": "Changed outside"\n}\n');
  await area.getByRole('button', { name: 'Compare' }).click();
  const diff = area.getByTestId('code-diff');
  await expect(diff).toContainText('Changed outside');
  await expect(diff).toContainText('Zebra walking');
  await expect(area.locator('.code-editor')).toBeHidden();
  await page.screenshot({ path: 'e2e/screenshots/code-compare.png' });
  await area.getByRole('button', { name: 'Take the new version' }).click();
  await expect(diff).toHaveCount(0);
  await expect(lines).toContainText('Changed outside');
  expect(errors.filter((e) => !e.includes('favicon'))).toEqual([]);
});

test('split view: the page JSON beside the canvas follows the selection and drives the canvas', async ({ page, studio, consoleErrors: errors }) => {
  test.setTimeout(120_000);
  // Canvas, JSON and properties side by side want a desktop-sized window.
  await page.setViewportSize({ width: 1600, height: 900 });
  const start = new StartPage(page);
  const shell = new ShellPage(page);
  const layout = new LayoutPage(page);
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: 'split-app', title: 'Split test', location: studio.workDir });
  const file = path.join(studio.workDir, 'split-app', pagePath);
  await layout.open();

  await layout.area.getByRole('toolbar').getByRole('button', { name: 'JSON' }).click();
  const split = page.getByTestId('code-split');
  await expect(split.locator('.view-lines')).toContainText('applicant-name');

  // Selecting a component puts the cursor at its "id".
  await layout.item('applicant-name').click();
  const idLine = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('"id": "applicant-name"')) + 1;
  const idColumn = readFileSync(file, 'utf8').split('\n')[idLine - 1]!.indexOf('"id"') + 1;
  await expect(split.getByTestId('code-split-cursor')).toHaveText(`Line ${idLine}, column ${idColumn}`);
  await layout.item('submit-button').click();
  const submitLine = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('"id": "submit-button"')) + 1;
  await expect(split.getByTestId('code-split-cursor')).toHaveText(new RegExp(`^Line ${submitLine},`));
  await layout.item('applicant-name').click();
  await expect(split.getByTestId('code-split-cursor')).toHaveText(`Line ${idLine}, column ${idColumn}`);

  // Editing the label in the JSON: the canvas follows (after the pause), and the file is written.
  await selectInEditor(page, split, 'start.name.label');
  await page.keyboard.type('Full legal name');
  await expect(layout.item('applicant-name')).toContainText('Full legal name');
  await expect.poll(() => readFileSync(file, 'utf8')).toContain('"title": "Full legal name"');

  // Moving the cursor in the JSON into another component selects it on the canvas; the cursor stays put.
  const cursorLine = Number(/^Line (\d+),/.exec((await split.getByTestId('code-split-cursor').textContent()) ?? '')?.[1]);
  const targetLine = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('"id": "submit-button"')) + 1;
  expect(targetLine).toBeGreaterThan(cursorLine);
  for (let line = cursorLine; line < targetLine; line++) await page.keyboard.press('ArrowDown');
  await expect(layout.item('submit-button')).toHaveAttribute('aria-pressed', 'true');
  await expect(layout.item('applicant-name')).toHaveAttribute('aria-pressed', 'false');
  const clicked = await split.getByTestId('code-split-cursor').textContent();
  await page.waitForTimeout(400);
  await expect(split.getByTestId('code-split-cursor')).toHaveText(clicked!);
  await page.screenshot({ path: 'e2e/screenshots/code-split.png' });

  // The same model as the Code area: the edit is there too, with nothing unsaved.
  await shell.showArea('Code');
  await (await shell.reveal(pagePath)).click();
  await expect(page.getByTestId('code-area').locator('.view-lines')).toContainText('Full legal name');
  expect(errors.filter((e) => !e.includes('favicon'))).toEqual([]);
});

test('a code edit of a file with mixed line endings keeps them on every line it did not touch', async ({ page, studio }) => {
  test.setTimeout(90_000);
  const start = new StartPage(page);
  const shell = new ShellPage(page);
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: 'endings-app', title: 'Endings', location: studio.workDir });
  await shell.close();
  await expect(start.recentItem('endings-app')).toBeVisible();
  const file = path.join(studio.workDir, 'endings-app', 'App/config/mixed.json');
  // Windows and Unix lines in one file, as happens when two editors have worked on it.
  writeFileSync(file, '{\r\n  "first": "windows",\n  "second": "unix",\r\n  "third": "windows"\n}\n');
  await start.openRecent('endings-app');
  await shell.expectOpen('endings-app');
  await shell.showArea('Code');
  const area = page.getByTestId('code-area');
  await (await shell.reveal('App/config/mixed.json')).click();
  await expect(area.locator('.view-lines')).toContainText('"second": "unix"');
  await selectInEditor(page, area, 'unix');
  await page.keyboard.type('linux');
  await expect.poll(() => readFileSync(file, 'utf8')).toBe('{\r\n  "first": "windows",\n  "second": "linux",\r\n  "third": "windows"\n}\n');
  // Saved: nothing is left unsaved by the endings the editor shows differently.
  await expect(area.getByRole('tab', { name: 'mixed.json' }).getByRole('img')).toHaveCount(0);
});
