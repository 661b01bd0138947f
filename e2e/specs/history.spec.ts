import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startGitHttpServer, type GitHttpServer } from '../../main/services/git/testing/gitHttpServer';
import { expect, test } from '../fixtures';
import { HistoryPage } from '../pages/HistoryPage';
import { ShellPage } from '../pages/ShellPage';
import { StartPage } from '../pages/StartPage';

test.use({ locale: 'en-US' });

const pagePath = 'App/ui/form/layouts/Side1.json';

let server: GitHttpServer;
test.beforeAll(async () => {
  server = await startGitHttpServer();
});
test.afterAll(async () => {
  await server.stop();
});

const asServerPerson = ['-c', 'user.name=Server Person', '-c', 'user.email=server@example.com'];
/** Native git in `cwd` on local repositories only (it blocks, and the test server runs in this process). */
const git = (cwd: string, ...args: string[]) => execFileSync('git', [...asServerPerson, ...args], { cwd, encoding: 'utf8' });
/** Native git that may talk to the test server, as a person at the server's side would run it. */
const gitAsync = (cwd: string, ...args: string[]) =>
  new Promise<string>((resolve, reject) =>
    execFile('git', [...asServerPerson, ...args], { cwd, encoding: 'utf8' }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
  );

/** Clones `url` with native git, adds `file` with `content`, commits it as the server person and pushes. */
async function commitAtServer(url: string, file: string, content: string, message: string): Promise<void> {
  const other = mkdtempSync(path.join(os.tmpdir(), 'history-server-side-'));
  try {
    await gitAsync(other, 'clone', '-q', url, 'clone');
    const clone = path.join(other, 'clone');
    writeFileSync(path.join(clone, file), content);
    git(clone, 'add', file);
    git(clone, 'commit', '-q', '-m', message);
    await gitAsync(clone, 'push', '-q', 'origin', 'main');
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
}

/** Puts the cursor on the first match of `text` in the Code area's editor, selected, so typing replaces it. */
async function selectInEditor(page: Page, text: string): Promise<void> {
  await page.getByTestId('code-area').locator('.monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+f');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

test('stages one hunk, commits, pushes, pulls a commit made at the server, and keeps a copy over a branch switch', async ({ page, studio, consoleErrors: errors }) => {
  test.setTimeout(180_000);
  const start = new StartPage(page);
  const shell = new ShellPage(page);
  const history = new HistoryPage(page);
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: 'history-app', title: 'History test', location: studio.workDir });
  const appDir = path.join(studio.workDir, 'history-app');
  const file = path.join(appDir, pagePath);

  // A new app is committed already: nothing changed, and the author is asked for before a commit.
  await history.open();
  await expect(page.getByTestId('history-clean')).toBeVisible();
  await history.setAuthor('Ada Designer', 'ada@example.com');

  // Two edits in the Code area, far apart in the page: two hunks.
  await shell.showArea('Code');
  await (await shell.reveal(pagePath)).click();
  await expect(page.getByTestId('code-area').locator('.view-lines')).toContainText('start-heading');
  await selectInEditor(page, 'start-heading');
  await page.keyboard.type('page-title');
  await selectInEditor(page, 'submit-button');
  await page.keyboard.type('send-button');
  await expect.poll(() => readFileSync(file, 'utf8')).toContain('send-button');

  await history.open();
  await history.openFile(pagePath, 'unstaged');
  await expect(history.hunks).toHaveCount(2);
  await expect(history.hunks.first()).toContainText('page-title');
  await history.hunks.first().getByRole('button', { name: 'Stage this part' }).click();
  // The file is now partly staged: its staged side has one hunk, its unstaged side the other.
  await expect(history.file(pagePath, 'staged')).toBeVisible();
  await expect(history.file(pagePath, 'unstaged')).toBeVisible();
  await expect(history.hunks).toHaveCount(1);
  await expect(history.hunks.first()).toContainText('send-button');
  await page.screenshot({ path: 'e2e/screenshots/history-changes.png' });

  await history.makeCommit('Rename the heading');
  const committed = git(appDir, 'show', `HEAD:${pagePath}`);
  expect(committed).toContain('page-title');
  expect(committed).not.toContain('send-button');
  expect(git(appDir, 'log', '-1', '--format=%an <%ae>')).toBe('Ada Designer <ada@example.com>\n');
  await expect(history.file(pagePath, 'staged')).toHaveCount(0);
  await expect(history.file(pagePath, 'unstaged')).toBeVisible();

  await history.tab('History');
  await expect(history.commitRow('Rename the heading')).toContainText('Ada Designer');
  await history.commitRow('Rename the heading').getByRole('button', { name: 'Rename the heading', exact: true }).click();
  await expect(history.commitRow('Rename the heading').getByRole('list')).toContainText(pagePath);

  // Push to the test server.
  const url = server.createRepo('history-app');
  await history.setRemote(url);
  await history.bar.getByRole('button', { name: /^Push/ }).click();
  await expect(history.notice).toContainText('Pushed to the remote.');
  await expect(history.counts).toHaveAttribute('aria-label', '0 commits to push, 0 commits to pull');
  const bare = path.join(server.root, 'history-app.git');
  expect(git(bare, 'log', '-1', '--format=%s', 'main')).toBe('Rename the heading\n');

  // Someone commits at the server; fetch shows it, pull brings it.
  await commitAtServer(url, 'NOTES.md', '# Notes\n\nWritten at the server.\n', 'Add notes at the server');
  await history.bar.getByRole('button', { name: 'Fetch' }).click();
  await expect(history.counts).toHaveAttribute('aria-label', '0 commits to push, 1 commit to pull');
  await history.bar.getByRole('button', { name: 'Pull 1' }).click();
  await expect(history.notice).toContainText("Pulled the remote's new commits.");
  await expect(history.commitRow('Add notes at the server')).toContainText('Server Person');
  expect(readFileSync(path.join(appDir, 'NOTES.md'), 'utf8')).toContain('Written at the server.');
  // The uncommitted edit the pull did not touch is still there.
  expect(readFileSync(file, 'utf8')).toContain('send-button');
  await page.screenshot({ path: 'e2e/screenshots/history-commits.png' });

  // A branch with the button's rename committed on it.
  await history.tab('Changes');
  const dialog = await history.branches();
  await dialog.getByLabel('New branch').fill('rename-button');
  await dialog.getByRole('button', { name: 'Create branch' }).click();
  await expect(history.branchButton).toHaveText('rename-button');
  await history.file(pagePath, 'unstaged').getByRole('button', { name: `Stage ${pagePath}` }).click();
  await history.makeCommit('Rename the button');
  await history.switchTo('main');
  await expect(history.branchButton).toHaveText('main');
  await expect.poll(() => readFileSync(file, 'utf8')).toContain('submit-button');

  // An uncommitted edit of the page on main is in the way of switching back: refused, then kept.
  writeFileSync(file, readFileSync(file, 'utf8').replace('submit-button', 'go-button'));
  await expect(history.file(pagePath, 'unstaged')).toBeVisible();
  await history.switchTo('rename-button');
  await expect(history.problem).toContainText(pagePath);
  await expect(history.branchButton).toHaveText('main');
  expect(readFileSync(file, 'utf8')).toContain('go-button');
  await page.screenshot({ path: 'e2e/screenshots/history-would-overwrite.png' });
  await history.problem.getByRole('button', { name: 'Keep a copy and continue' }).click();
  await expect(history.branchButton).toHaveText('rename-button');
  await expect(history.notice).toContainText('A copy of 1 changed file was kept in the Recovery list.');
  await expect.poll(() => readFileSync(file, 'utf8')).toContain('send-button');

  // Back on main, the kept edit is restored from the recovery list.
  await history.switchTo('main');
  await expect(history.branchButton).toHaveText('main');
  await history.tab('Recovery');
  const entry = history.area.getByRole('list', { name: 'Recovery entries' }).getByRole('listitem').first();
  await expect(entry).toContainText(pagePath);
  await page.screenshot({ path: 'e2e/screenshots/history-recovery.png' });
  await entry.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(history.notice).toContainText('Restored.');
  await expect.poll(() => readFileSync(file, 'utf8')).toContain('go-button');
  expect(errors).toEqual([]);
});

test('an app without a repository starts tracking versions', async ({ page, studio }) => {
  const start = new StartPage(page);
  const shell = new ShellPage(page);
  const history = new HistoryPage(page);
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: 'plain-app', title: 'Plain', location: studio.workDir });
  await shell.close();
  rmSync(path.join(studio.workDir, 'plain-app', '.git'), { recursive: true, force: true });
  await start.openRecent('plain-app');
  await shell.expectOpen('plain-app');

  await history.open();
  await expect(history.area.getByRole('heading', { name: 'This app has no version history yet' })).toBeVisible();
  await history.area.getByRole('button', { name: 'Start tracking versions' }).click();
  await expect(history.branchButton).toHaveText('main');
  await expect(history.file(pagePath, 'unstaged')).toBeVisible();
  await history.area.getByRole('button', { name: 'Stage all' }).click();
  await expect(history.file(pagePath, 'staged')).toBeVisible();
});

test('asks for credentials when the server refuses, and merges when both sides have moved on', async ({ page, studio }) => {
  test.setTimeout(120_000);
  const guarded = await startGitHttpServer({ auth: { username: 'ada', token: 'secret-token' } });
  try {
    const start = new StartPage(page);
    const shell = new ShellPage(page);
    const history = new HistoryPage(page);
    await start.goto(studio.url);
    await start.createApp({ org: 'ttd', name: 'merge-app', title: 'Merge test', location: studio.workDir });
    await shell.expectOpen('merge-app');
    const appDir = path.join(studio.workDir, 'merge-app');
    await history.open();
    await history.setAuthor('Ada Designer', 'ada@example.com');

    // The server wants credentials: the push is refused, the studio asks, and the push goes through.
    const url = guarded.createRepo('merge-app');
    await history.setRemote(url);
    await history.bar.getByRole('button', { name: /^Push/ }).click();
    await expect(history.problem).toContainText('did not accept the credentials');
    await history.problem.getByRole('button', { name: 'Enter credentials…' }).click();
    const credentials = page.getByRole('dialog', { name: 'Credentials for the server' });
    await credentials.getByLabel('Username').fill('ada');
    await credentials.getByLabel('Access token').fill('secret-token');
    await credentials.getByRole('button', { name: 'Save and try again' }).click();
    await expect(history.notice).toContainText('Pushed to the remote.');
    expect(readFileSync(path.join(appDir, '.git', 'config'), 'utf8')).not.toContain('secret-token');

    // A commit at the server and another here: pull says both moved on, Merge joins them.
    await commitAtServer(url.replace('http://', 'http://ada:secret-token@'), 'NOTES.md', 'From the server.\n', 'Notes at the server');
    writeFileSync(path.join(appDir, 'LOCAL.md'), 'Written here.\n');
    await expect(history.file('LOCAL.md', 'unstaged')).toBeVisible();
    await history.file('LOCAL.md', 'unstaged').getByRole('button', { name: 'Stage LOCAL.md' }).click();
    await history.makeCommit('Notes written here');
    await history.bar.getByRole('button', { name: 'Fetch' }).click();
    await expect(history.counts).toHaveAttribute('aria-label', '1 commit to push, 1 commit to pull');
    await history.bar.getByRole('button', { name: /^Pull/ }).click();
    await expect(history.problem).toContainText('Merge them');
    await history.problem.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(history.notice).toContainText('Merged origin/main.');
    await expect(history.counts).toHaveAttribute('aria-label', '2 commits to push, 0 commits to pull');
    expect(readFileSync(path.join(appDir, 'NOTES.md'), 'utf8')).toBe('From the server.\n');
    await history.bar.getByRole('button', { name: /^Push/ }).click();
    await expect(history.notice).toContainText('Pushed to the remote.');
    await history.tab('History');
    await expect(history.commitRow('Notes at the server')).toBeVisible();
    await expect(history.commitRow('Notes written here')).toBeVisible();
  } finally {
    await guarded.stop();
  }
});
