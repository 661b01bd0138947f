/**
 * The whole deployment loop on one machine, with real parts: a git HTTP server, PostgreSQL, a local
 * OpenID provider and two runtime host replicas on one database. The designer makes an app in the
 * studio, creates a version and deploys it from the Deploy area; a person logs in through the
 * provider's own pages, fills the form on one replica and sends it from the other; a second version
 * deploys while the first serves; the studio rolls back; a broken version is refused with its
 * findings shown in the studio.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startGitHttpServer, type GitHttpServer } from '../../main/services/git/testing/gitHttpServer';
import { createAuth } from '../../runtime/server/auth';
import { startAppHost, type AppHost } from '../../runtime/server/host/appHost';
import { defaultPeople } from '../../runtime/server/people';
import { hostClient, startOidcTestProvider, type OidcTestProvider } from '../../runtime/server/testing/oidcTestProvider';
import { startPostgres, type PostgresServer } from '../../runtime/server/testing/postgresServer';
import { expect, test } from '../fixtures';
import { DeployPage } from '../pages/DeployPage';
import { HistoryPage } from '../pages/HistoryPage';
import { StartPage } from '../pages/StartPage';

test.use({ locale: 'en-US' });

const appName = 'deploy-walk';
const appPath = `/ttd/${appName}/`;
const pagePath = 'App/ui/form/layouts/Side1.json';
const textsPath = 'App/config/texts/resource.nb.json';
const adminToken = 'e2e-admin-token';

/** A free port on 127.0.0.1 (the provider must know the login callback before the host starts). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

let server: GitHttpServer;
let postgres: PostgresServer;
let oidc: OidcTestProvider;
let replicaA: AppHost;
let replicaB: AppHost;
let hostData: string;

test.beforeAll(async () => {
  [server, postgres] = await Promise.all([startGitHttpServer(), startPostgres()]);
  const port = await freePort();
  // The address people reach the app at (here replica A; behind a load balancer, its address).
  const publicUrl = `http://127.0.0.1:${port}`;
  oidc = await startOidcTestProvider({ redirectUri: `${publicUrl}/auth/callback`, audience: `${publicUrl}/`, machineScope: 'altinn:instances.read' });
  const people = defaultPeople();
  const replica = (dataDir: string, replicaPort?: number) =>
    startAppHost({
      dataDir,
      ...(replicaPort ? { port: replicaPort } : {}),
      database: postgres.connectionString,
      blobDir: path.join(hostData, 'blobs'),
      adminToken,
      envName: 'test',
      refreshMs: 300,
      // Both replicas share the session secret, so a login made on one is known on the other.
      auth: createAuth({ secret: 'an e2e host secret of thirty-two or more characters', people, login: { issuer: oidc.url, ...hostClient, redirectUrl: `${publicUrl}/auth/callback` } }),
      services: { people },
      log: () => undefined,
    });
  hostData = mkdtempSync(path.join(os.tmpdir(), 'studio-e2e-walk-'));
  replicaA = await replica(path.join(hostData, 'a'), port);
  replicaB = await replica(path.join(hostData, 'b'));
});

test.afterAll(async () => {
  await Promise.all([replicaA?.close(), replicaB?.close()]);
  await Promise.all([oidc?.close(), server?.stop()]);
  await postgres?.stop();
  if (hostData) rmSync(hostData, { recursive: true, force: true });
});

const asPerson = ['-c', 'user.name=Ada Designer', '-c', 'user.email=ada@example.com'];
/** Native git in the app folder, as a person at a terminal would run it (local operations only). */
const git = (cwd: string, ...args: string[]) => execFileSync('git', [...asPerson, ...args], { cwd, encoding: 'utf8' });
const gitAsync = (cwd: string, ...args: string[]) =>
  new Promise<void>((resolve, reject) => execFile('git', [...asPerson, ...args], { cwd }, (error) => (error ? reject(error) : resolve())));

/** Changes the app's texts at a terminal and commits them. */
function commitHeading(appDir: string, heading: string): void {
  const file = path.join(appDir, textsPath);
  const texts = JSON.parse(readFileSync(file, 'utf8')) as { resources: { id: string; value: string }[] };
  texts.resources.find((r) => r.id === 'start.heading')!.value = heading;
  writeFileSync(file, `${JSON.stringify(texts, null, 2)}\n`);
  git(appDir, 'commit', '-q', '-a', '-m', `Heading: ${heading}`);
}

/** The version a replica serves the app at, once it serves it. */
const servedVersion = async (host: AppHost): Promise<string | null> => {
  const res = await fetch(`${host.url}/ready`);
  const body = (await res.json()) as { apps: { app: string; version: string }[] };
  return body.apps.find((a) => a.app === `ttd/${appName}`)?.version ?? null;
};

/** Opens the app as a person already logged in: a new instance, for her company when she is asked. */
async function startForm(person: Page, host: AppHost): Promise<void> {
  await person.goto(`${host.url}${appPath}`);
  const partyPrompt = person.getByRole('heading', { name: 'Hvem vil du sende inn for?' });
  const form = person.getByRole('textbox', { name: 'Navn' });
  await expect(partyPrompt.or(form)).toBeVisible({ timeout: 30_000 });
  if (await partyPrompt.isVisible()) await person.getByRole('button', { name: /^Testbedrift AS\b/ }).first().click();
  await expect(form).toBeVisible({ timeout: 30_000 });
}

test('the studio deploys an app that a person logs in to and sends; the next version deploys while it serves, rolls back, and a broken one is refused', async ({ page, studio, browser }) => {
  test.setTimeout(240_000);
  const start = new StartPage(page);
  const history = new HistoryPage(page);
  const deploy = new DeployPage(page);

  // The designer makes an app and pushes it to the team's remote.
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: appName, title: 'Deploy walk', location: studio.workDir });
  const appDir = path.join(studio.workDir, appName);
  await history.open();
  await history.setAuthor('Ada Designer', 'ada@example.com');
  await history.setRemote(server.createRepo(appName));
  await history.bar.getByRole('button', { name: /^Push/ }).click();
  await expect(history.notice).toContainText('Pushed to the remote.');

  // The test environment: the runtime host's address and admin token.
  await deploy.open();
  await expect(deploy.area.getByText('Deploy the app')).toBeVisible();
  await deploy.addEnvironment('test', replicaA.url, adminToken);
  await expect(deploy.notice).toHaveText('Environment test saved.');
  await expect(deploy.status).toHaveText('The host answers; this app is not deployed there yet.');

  // Version 1: checked, tagged, pushed, deployed.
  await deploy.createVersion();
  await expect(deploy.notice).toHaveText('Version v1.0.0 created and pushed to the remote.');
  expect(execFileSync('git', ['tag', '-l'], { cwd: path.join(server.root, `${appName}.git`), encoding: 'utf8' })).toContain('v1.0.0');
  await deploy.deploy('v1.0.0', 'test');
  await expect(deploy.notice).toHaveText('v1.0.0 is deployed to test.', { timeout: 60_000 });
  await expect(deploy.historyRow('v1.0.0')).toContainText('Succeeded');
  await expect(deploy.status).toHaveText('Serving v1.0.0');
  await expect(page.getByTestId('deploy-open-app')).toHaveAttribute('href', `${replicaA.url}${appPath}`);
  // The other replica reads the new version from the database.
  await expect.poll(() => servedVersion(replicaB), { timeout: 10_000 }).toBe('v1.0.0');

  // A person opens the app: nobody anonymous may use it, so she goes through the provider's pages.
  const personContext = await browser.newContext({ locale: 'nb-NO' });
  const person = await personContext.newPage();
  await person.goto(`${replicaA.url}${appPath}`);
  await expect(person).toHaveURL(new RegExp(`^${oidc.url}/`), { timeout: 30_000 });
  await person.locator('input[name="login"]').fill('kari');
  await person.locator('input[name="password"]').fill('any');
  await person.locator('button[type="submit"]').click();
  await person.locator('button[type="submit"]').click();
  await expect(person.getByRole('heading', { name: 'Hvem vil du sende inn for?' })).toBeVisible({ timeout: 30_000 });
  await person.getByRole('button', { name: /^Testbedrift AS\b/ }).first().click();
  await expect(person.getByRole('heading', { name: 'Velkommen' })).toBeVisible({ timeout: 30_000 });
  await expect(person.locator('.rt-session')).toContainText('Kari Dagny Leder');

  // She fills the form on replica A (it saves), and carries on at replica B: same instance, same data.
  const saved = person.waitForResponse((r) => r.request().method() === 'PUT' && /\/data\//.test(r.url()) && r.ok());
  await person.getByRole('textbox', { name: 'Navn' }).fill('Kari Dagny Leder');
  await saved;
  const onA = new URL(person.url());
  expect(onA.hash).toMatch(/^#\/instance\/50101\//);
  await person.goto(`${replicaB.url}${onA.pathname}${onA.hash}`);
  await expect(person.getByRole('textbox', { name: 'Navn' })).toHaveValue('Kari Dagny Leder', { timeout: 30_000 });

  // Version 2, committed at a terminal, created and deployed from the studio while version 1 serves her.
  commitHeading(appDir, 'Velkommen til versjon 2');
  await deploy.createVersion('1.1.0');
  await expect(deploy.notice).toHaveText('Version v1.1.0 created and pushed to the remote.');
  await deploy.deploy('v1.1.0', 'test');
  expect((await person.request.get(`${replicaB.url}${appPath}api/layoutsets`)).status()).toBe(200);
  await expect(deploy.notice).toHaveText('v1.1.0 is deployed to test.', { timeout: 60_000 });
  await expect(deploy.status).toHaveText('Serving v1.1.0');
  await expect.poll(() => servedVersion(replicaB), { timeout: 10_000 }).toBe('v1.1.0');

  // Her instance was started on version 1: reloaded, it keeps version 1's texts, and she sends it.
  await person.reload();
  await expect(person.getByRole('textbox', { name: 'Navn' })).toHaveValue('Kari Dagny Leder', { timeout: 30_000 });
  await expect(person.getByRole('heading', { name: 'Velkommen', exact: true })).toBeVisible();
  await person.getByRole('button', { name: 'Send inn' }).click();
  await expect(person.getByRole('heading', { name: 'Skjemaet er sendt inn' })).toBeVisible({ timeout: 30_000 });
  await person.screenshot({ path: path.join(test.info().outputDir, 'person-receipt.png') });
  // A new instance gets version 2.
  await startForm(person, replicaB);
  await expect(person.getByRole('heading', { name: 'Velkommen til versjon 2' })).toBeVisible();

  // Rolled back from the studio: both replicas serve version 1 again.
  await deploy.historyRow('v1.0.0').getByRole('button', { name: 'Roll back to v1.0.0' }).click();
  await expect(deploy.status).toHaveText('Serving v1.0.0', { timeout: 30_000 });
  await expect(deploy.historyRow('v1.0.0').first()).toContainText('Rollback');
  await expect.poll(() => servedVersion(replicaB), { timeout: 10_000 }).toBe('v1.0.0');
  await startForm(person, replicaB);
  await expect(person.getByRole('heading', { name: 'Velkommen', exact: true })).toBeVisible();

  // She logs out; the app asks for the login again.
  await person.getByRole('link', { name: 'Logg ut' }).click();
  const session = (await (await person.request.get(`${replicaA.url}${appPath}auth/session`)).json()) as { user: unknown };
  expect(session.user).toBeNull();
  await personContext.close();

  // A broken version (a hidden expression naming a component that does not exist), committed at a terminal.
  const file = path.join(appDir, pagePath);
  const layout = JSON.parse(readFileSync(file, 'utf8')) as { data: { layout: Record<string, unknown>[] } };
  layout.data.layout[2]!.hidden = ['equals', ['component', 'no-such-component'], 'x'];
  writeFileSync(file, `${JSON.stringify(layout, null, 2)}\n`);
  git(appDir, 'commit', '-q', '-a', '-m', 'Hide the name on a missing component');

  // The studio's own check refuses to make it a version, and lists the finding.
  await deploy.createVersion('1.2.0');
  await expect(deploy.refusal).toContainText('v1.2.0 was not created');
  await expect(deploy.refusal.locator('.deploy-diagnostic').first()).toContainText(pagePath);

  // Tagged past the studio, the environment's check refuses it: the real error, file and line, in the studio.
  git(appDir, 'tag', 'v1.2.0');
  await gitAsync(appDir, 'push', '-q', 'origin', 'refs/tags/v1.2.0');
  await deploy.area.getByRole('button', { name: 'Refresh' }).click();
  await deploy.deploy('v1.2.0', 'test');
  await expect(deploy.refusal).toContainText('v1.2.0 was refused by the environment', { timeout: 60_000 });
  const finding = deploy.refusal.locator('.deploy-diagnostic').first();
  await expect(finding).toContainText(new RegExp(`${pagePath.replace(/\./g, '\\.')}:\\d+`));
  await expect(deploy.historyRow('v1.2.0')).toContainText('Failed');
  await expect(deploy.status).toHaveText('Serving v1.0.0');
  expect(await servedVersion(replicaB)).toBe('v1.0.0');
  await page.screenshot({ path: path.join(test.info().outputDir, 'deploy-area.png'), fullPage: true });

  // The finding opens its file in the Code area.
  await finding.click();
  await expect(page.getByTestId('code-area')).toBeVisible();
  await expect(page.getByTestId('code-area').locator('.view-lines')).toContainText('no-such-component');
});
