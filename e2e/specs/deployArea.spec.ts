// The Deploy area against real parts: a git HTTP server the version's tag is pushed to, and a runtime
// host on 127.0.0.1 (embedded store) that fetches the tag from it, checks it and serves it.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startGitHttpServer, type GitHttpServer } from '../../main/services/git/testing/gitHttpServer';
import { startAppHost, type AppHost } from '../../runtime/server/host/appHost';
import { expect, test } from '../fixtures';
import { DeployPage } from '../pages/DeployPage';
import { HistoryPage } from '../pages/HistoryPage';
import { StartPage } from '../pages/StartPage';

test.use({ locale: 'en-US' });

const pagePath = 'App/ui/form/layouts/Side1.json';
const adminToken = 'e2e-admin-token';
let server: GitHttpServer;
let host: AppHost;
let hostData: string;

test.beforeAll(async () => {
  server = await startGitHttpServer();
  hostData = mkdtempSync(path.join(os.tmpdir(), 'studio-e2e-host-'));
  host = await startAppHost({ dataDir: hostData, adminToken, envName: 'test', refreshMs: 300, log: () => undefined });
});
test.afterAll(async () => {
  await host?.close();
  await server?.stop();
  rmSync(hostData, { recursive: true, force: true });
});

const asPerson = ['-c', 'user.name=Ada Designer', '-c', 'user.email=ada@example.com'];
/** Native git in the app folder, as a person at a terminal would run it (local operations only). */
const git = (cwd: string, ...args: string[]) => execFileSync('git', [...asPerson, ...args], { cwd, encoding: 'utf8' });
const gitAsync = (cwd: string, ...args: string[]) =>
  new Promise<void>((resolve, reject) => execFile('git', [...asPerson, ...args], { cwd }, (error) => (error ? reject(error) : resolve())));

test('adds an environment, creates a version, deploys it, and sees a broken version refused with its findings', async ({ page, studio }) => {
  test.setTimeout(180_000);
  const start = new StartPage(page);
  const history = new HistoryPage(page);
  const deploy = new DeployPage(page);
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: 'deploy-app', title: 'Deploy test', location: studio.workDir });
  const appDir = path.join(studio.workDir, 'deploy-app');

  await history.open();
  await history.setAuthor('Ada Designer', 'ada@example.com');
  const remote = server.createRepo('deploy-app');
  await history.setRemote(remote);
  await history.bar.getByRole('button', { name: /^Push/ }).click();
  await expect(history.notice).toContainText('Pushed to the remote.');

  // An environment: the runtime host's address and its admin token.
  await deploy.open();
  await expect(deploy.area.getByText('Deploy the app')).toBeVisible();
  await deploy.addEnvironment('test', host.url, adminToken);
  await expect(deploy.notice).toHaveText('Environment test saved.');
  await expect(deploy.status).toHaveText('The host answers; this app is not deployed there yet.');

  // A version: checked, tagged and pushed.
  await deploy.createVersion();
  await expect(deploy.notice).toHaveText('Version v1.0.0 created and pushed to the remote.');
  await expect(deploy.version('v1.0.0')).toBeVisible();
  expect(execFileSync('git', ['tag', '-l'], { cwd: path.join(server.root, 'deploy-app.git'), encoding: 'utf8' })).toContain('v1.0.0');

  // Deployed: the history says so, the host serves it, and "Open the app" points there.
  await deploy.deploy('v1.0.0', 'test');
  await expect(deploy.notice).toHaveText('v1.0.0 is deployed to test.', { timeout: 60_000 });
  await expect(deploy.historyRow('v1.0.0')).toContainText('Succeeded');
  await expect(deploy.status).toHaveText('Serving v1.0.0');
  await expect(page.getByTestId('deploy-open-app')).toHaveAttribute('href', `${host.url}/ttd/deploy-app/`);
  expect((await fetch(`${host.url}/ttd/deploy-app/api/v1/applicationmetadata`)).status).toBe(200);

  // A broken version (a hidden expression naming a component that does not exist), committed at a terminal.
  const file = path.join(appDir, pagePath);
  const layout = JSON.parse(readFileSync(file, 'utf8')) as { data: { layout: Record<string, unknown>[] } };
  layout.data.layout[2]!.hidden = ['equals', ['component', 'no-such-component'], 'x'];
  writeFileSync(file, `${JSON.stringify(layout, null, 2)}\n`);
  git(appDir, 'commit', '-q', '-a', '-m', 'Hide the name on a missing component');

  // The studio's own check refuses to make it a version, and lists the finding.
  await deploy.createVersion('1.0.1');
  await expect(deploy.refusal).toContainText('v1.0.1 was not created');
  await expect(deploy.refusal.locator('.deploy-diagnostic').first()).toContainText(pagePath);

  // Tagged past the studio, the environment's check refuses it: the real error, file and line, in the studio.
  git(appDir, 'tag', 'v1.0.1');
  await gitAsync(appDir, 'push', '-q', 'origin', 'refs/tags/v1.0.1');
  await deploy.area.getByRole('button', { name: 'Refresh' }).click();
  await deploy.deploy('v1.0.1', 'test');
  await expect(deploy.refusal).toContainText('v1.0.1 was refused by the environment', { timeout: 60_000 });
  await expect(deploy.refusal).toContainText('error');
  const finding = deploy.refusal.locator('.deploy-diagnostic').first();
  await expect(finding).toContainText(new RegExp(`${pagePath.replace(/\./g, '\\.')}:\\d+`));
  await expect(deploy.historyRow('v1.0.1')).toContainText('Failed');
  await expect(deploy.status).toHaveText('Serving v1.0.0');
  await page.screenshot({ path: path.join(test.info().outputDir, 'deploy-area.png'), fullPage: true });

  // The finding opens its file in the Code area.
  await finding.click();
  await expect(page.getByTestId('code-area')).toBeVisible();
  await expect(page.getByTestId('code-area').locator('.view-lines')).toContainText('no-such-component');
});
