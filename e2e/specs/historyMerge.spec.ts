import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '../fixtures';
import { HistoryPage } from '../pages/HistoryPage';
import { LayoutPage } from '../pages/LayoutPage';
import { StartPage } from '../pages/StartPage';

test.use({ locale: 'en-US' });

const pagePath = 'App/ui/form/layouts/Side1.json';

test('a merge with a true conflict: only that property conflicts, it leads to its component, abort puts everything back, theirs resolves it', async ({ page, studio }) => {
  test.setTimeout(180_000);
  const start = new StartPage(page);
  const history = new HistoryPage(page);
  const layout = new LayoutPage(page);
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: 'merge-app', title: 'Merge app', location: studio.workDir });
  const dir = path.join(studio.workDir, 'merge-app');
  const file = path.join(dir, pagePath);
  const git = (...args: string[]) => promisify(execFile)('git', ['-c', 'user.name=Someone Else', '-c', 'user.email=else@example.com', ...args], { cwd: dir });
  const edit = (from: string, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));

  // Someone else, on a branch: the name field's title, and the heading's size.
  await git('checkout', '-q', '-b', 'feature');
  edit('"title": "start.name.label"', '"title": "feature.name.label"');
  await git('commit', '-q', '-am', 'Feature: the name label');
  await git('checkout', '-q', 'main');
  // Here, on main: the same title differently, and another component's property.
  edit('"title": "start.name.label"', '"title": "main.name.label"');
  edit('"size": "L"', '"size": "M"');
  await git('commit', '-q', '-am', 'Main: the name label and the heading');
  const beforeMerge = readFileSync(file, 'utf8');

  await history.open();
  await history.setAuthor('Kari Nordmann', 'kari@example.no');
  const dialog = await history.branches();
  await dialog.getByRole('button', { name: 'Merge feature into main' }).click();
  const panel = page.getByRole('region', { name: 'Merging feature' });
  await expect(panel).toBeVisible();
  // One conflict, exactly the property both changed; the heading's size merged cleanly.
  await expect(panel.locator('.merge-conflict')).toHaveCount(1);
  const conflict = panel.locator('.merge-conflict').first();
  await expect(conflict).toContainText('Component applicant-name');
  await expect(conflict).toContainText('"main.name.label"');
  await expect(conflict).toContainText('"feature.name.label"');
  await expect(panel.getByRole('status')).toHaveText('1 conflict left');
  await page.screenshot({ path: 'e2e/screenshots/merge-conflict.png' });

  // The conflict leads to its component on the canvas.
  await conflict.getByRole('button', { name: 'Show on the page' }).click();
  await expect(layout.item('applicant-name')).toHaveAttribute('aria-pressed', 'true');
  // The canvas marks it as in conflict (the other components are not).
  await expect(layout.item('applicant-name').getByRole('img', { name: /Merge conflict/ })).toBeVisible();
  await expect(layout.canvas.getByRole('img', { name: /Merge conflict/ })).toHaveCount(1);

  // Abort: the page is back exactly as before the merge.
  await history.open();
  await panel.getByRole('button', { name: 'Abort merge' }).click();
  await panel.getByRole('button', { name: 'Abort the merge' }).click();
  await expect(panel).toBeHidden();
  expect(readFileSync(file, 'utf8')).toBe(beforeMerge);

  // Again, and this time take theirs and conclude.
  const again = await history.branches();
  await again.getByRole('button', { name: 'Merge feature into main' }).click();
  await expect(panel).toBeVisible();
  await panel.locator('.merge-conflict').first().getByRole('button', { name: 'Take theirs' }).click();
  await expect(panel.getByRole('status')).toHaveText('Every conflict is resolved: conclude the merge.');
  await panel.getByRole('button', { name: 'Conclude merge' }).click();
  await expect(panel).toBeHidden();
  const merged = readFileSync(file, 'utf8');
  expect(merged).toContain('"title": "feature.name.label"');
  expect(merged).toContain('"size": "M"');
  const parents = (await git('rev-list', '--parents', '-n', '1', 'HEAD')).stdout.trim().split(' ');
  expect(parents).toHaveLength(3);
  const { stdout: log } = await git('log', '-1', '--format=%an|%s');
  expect(log.trim()).toBe('Kari Nordmann|Merge feature into main');
  // The canvas shows the merged page, no longer marked.
  await layout.open();
  await expect(layout.item('applicant-name')).toBeVisible();
  await expect(layout.canvas.getByRole('img', { name: /Merge conflict/ })).toHaveCount(0);
});

test('tags a commit from the history, annotated with a message, and shows the tag on it', async ({ page, studio }) => {
  test.setTimeout(120_000);
  const start = new StartPage(page);
  const history = new HistoryPage(page);
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: 'tag-app', title: 'Tag app', location: studio.workDir });
  await history.open();
  await history.setAuthor('Kari Nordmann', 'kari@example.no');
  await history.tab('History');
  const row = history.commits.locator('.history-commit-row').first();
  await row.getByRole('button', { name: /^Tag / }).click();
  const dialog = page.getByRole('dialog', { name: 'Tag this commit' });
  await dialog.getByLabel('Tag name').fill('v1.0.0');
  await dialog.getByLabel('Message (optional: makes an annotated tag)').fill('First version for test');
  await dialog.getByRole('button', { name: 'Create tag' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.locator('.badge', { hasText: 'v1.0.0' })).toBeVisible();
  const dir = path.join(studio.workDir, 'tag-app');
  const { stdout } = await promisify(execFile)('git', ['tag', '-n1', '--format=%(refname:short)|%(contents:subject)|%(taggername)'], { cwd: dir });
  expect(stdout.trim()).toBe('v1.0.0|First version for test|Kari Nordmann');
});
