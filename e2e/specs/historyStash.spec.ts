import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '../fixtures';
import { HistoryPage } from '../pages/HistoryPage';
import { StartPage } from '../pages/StartPage';

test.use({ locale: 'en-US' });

const pagePath = 'App/ui/form/layouts/Side1.json';

test('a refused switch stashes the work and switches; the stash comes back on the other branch merged with its changes', async ({ page, studio }) => {
  test.setTimeout(120_000);
  const start = new StartPage(page);
  const history = new HistoryPage(page);
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: 'stash-app', title: 'Stash app', location: studio.workDir });
  const dir = path.join(studio.workDir, 'stash-app');
  const file = path.join(dir, pagePath);
  const git = (...args: string[]) => promisify(execFile)('git', ['-c', 'user.name=Someone Else', '-c', 'user.email=else@example.com', ...args], { cwd: dir });
  const edit = (from: string, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));

  // Another branch changed the heading's size on the same page.
  await git('checkout', '-q', '-b', 'feature');
  edit('"size": "L"', '"size": "M"');
  await git('commit', '-q', '-am', 'Feature: a smaller heading');
  await git('checkout', '-q', 'main');
  // Unfinished work here: the name field's label, and a new file.
  edit('"title": "start.name.label"', '"title": "mine.name.label"');
  mkdirSync(path.join(dir, 'docs'), { recursive: true });
  writeFileSync(path.join(dir, 'docs/notes.md'), '# Notes\n');

  await history.open();
  await history.setAuthor('Kari Nordmann', 'kari@example.no');
  await expect(history.file(pagePath, 'unstaged')).toBeVisible();
  await history.switchTo('feature');
  await expect(history.problem).toContainText(pagePath);
  await history.problem.getByRole('button', { name: 'Stash changes and continue' }).click();
  await expect(history.branchButton).toContainText('feature');
  await expect(history.problem).toBeHidden();
  // The work is aside: the page is feature's, the new file is gone until the stash comes back.
  expect(readFileSync(file, 'utf8')).toContain('"title": "start.name.label"');
  expect(existsSync(path.join(dir, 'docs/notes.md'))).toBe(false);
  expect((await git('stash', 'list')).stdout).toMatch(/^stash@\{0\}: WIP on main: /);

  await history.area.getByRole('tab', { name: /^Stashes/ }).click();
  const stashes = history.area.getByRole('list', { name: 'Stashes' });
  await expect(stashes.getByRole('listitem').filter({ hasText: 'WIP on main' }).first()).toContainText('2 files');
  await expect(stashes).toContainText('docs/notes.md');
  await page.screenshot({ path: 'e2e/screenshots/history-stashes.png' });
  await stashes.getByRole('button', { name: /^Apply and delete stash WIP on main/ }).click();
  await expect(history.notice).toContainText('The stash is back: 2 files written, 1 merged with changes made since. Your versions from before are kept in the Recovery list.');
  await expect(history.area.getByText('No stashes.')).toBeVisible();

  const merged = readFileSync(file, 'utf8');
  expect(merged).toContain('"title": "mine.name.label"');
  expect(merged).toContain('"size": "M"');
  expect(readFileSync(path.join(dir, 'docs/notes.md'), 'utf8')).toBe('# Notes\n');
  expect((await git('stash', 'list')).stdout).toBe('');
  // The page as it was before the merge is kept in the recovery list.
  await history.notice.getByRole('button', { name: 'Show Recovery list' }).click();
  await expect(history.area.getByRole('list', { name: 'Recovery entries' })).toContainText('apply stash');

  // A commit made in a terminal shows in the History without a reload, and the changes are gone.
  await git('add', '-A');
  await git('commit', '-q', '-m', 'From the terminal');
  await history.tab('History');
  await expect(history.commitRow('From the terminal')).toBeVisible();
  await history.tab('Changes');
  await expect(history.area.getByTestId('history-clean')).toBeVisible();
});
