import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startGitHttpServer, type GitHttpServer } from '../../main/services/git/testing/gitHttpServer';
import { expect, test } from '../fixtures';
import { ShellPage } from '../pages/ShellPage';
import { StartPage } from '../pages/StartPage';

test.use({ locale: 'en-US' });

// A private repository on a real git server (git http-backend on 127.0.0.1) that wants a username and token.
const auth = { username: 'kari', token: 'secret-token-123' };
let server: GitHttpServer;
test.beforeAll(async () => {
  server = await startGitHttpServer({ auth });
});
test.afterAll(async () => {
  await server.stop();
});

test('clones an app from a private repository: a wrong token is refused, the right one opens the app, and the token stays out of the repository', async ({ page, studio }) => {
  test.setTimeout(120_000);
  const start = new StartPage(page);
  const shell = new ShellPage(page);

  // Someone made the app and pushed it to the server.
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: 'shared-app', title: 'Shared app', location: studio.workDir });
  await shell.close();
  const made = path.join(studio.workDir, 'shared-app');
  const url = server.createRepo('shared-app');
  const withAuth = url.replace('http://', `http://${auth.username}:${auth.token}@`);
  // Not execFileSync: the git server runs in this process and must answer while git pushes.
  const git = (...args: string[]) => promisify(execFile)('git', ['-c', 'user.name=Maker', '-c', 'user.email=maker@example.com', ...args], { cwd: made });
  await git('add', '-A');
  await git('commit', '-q', '--allow-empty', '-m', 'The app');
  await git('push', '-q', withAuth, 'HEAD:main');

  // Another person clones it into a folder of their own.
  await page.getByRole('button', { name: /^Clone an app/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Clone an app from its repository' });
  await dialog.getByLabel('Repository address').fill(url);
  await dialog.getByLabel('Username (for a private repository)').fill(auth.username);
  await dialog.getByLabel('Access token').fill('wrong-token');
  await dialog.getByLabel('Folder', { exact: true }).fill(studio.workDir);
  await dialog.getByRole('button', { name: 'Show' }).click();
  await expect(dialog.getByLabel('New folder')).toHaveValue('shared-app');
  await dialog.getByLabel('New folder').fill('my-copy');
  await dialog.getByRole('button', { name: 'Clone', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('did not accept the credentials');
  const target = path.join(studio.workDir, 'my-copy');
  expect(existsSync(target)).toBe(false);

  await dialog.getByLabel('Access token').fill(auth.token);
  await dialog.getByRole('button', { name: 'Clone', exact: true }).click();
  await shell.expectOpen('my-copy');
  expect(readFileSync(path.join(target, 'App/config/applicationmetadata.json'), 'utf8')).toContain('shared-app');
  const config = readFileSync(path.join(target, '.git/config'), 'utf8');
  expect(config).toContain(url);
  expect(config).not.toContain(auth.token);
  await page.screenshot({ path: 'e2e/screenshots/clone-opened.png' });
});
