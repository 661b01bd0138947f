/**
 * A deployed app on the runtime host, used as its users use it: a person opens the app, is sent to a
 * local OpenID provider (its own login and consent pages, as ID-porten's), comes back, chooses the
 * company she acts for, fills the form and sends it; the receipt follows, and she logs out. While her
 * form is open, a second version is deployed and becomes active: her instance, made on the first,
 * still shows the first's form after a reload. In the end the second version is rolled back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createAuth } from '../../runtime/server/auth';
import { startAppHost, type AppHost } from '../../runtime/server/host/appHost';
import { defaultPeople } from '../../runtime/server/people';
import { addRequiredEmail, hostTestApp, hostTestOrg, startHostTestRepo, type HostTestRepo } from '../../runtime/server/testing/hostTestRepo';
import { hostClient, startOidcTestProvider, type OidcTestProvider } from '../../runtime/server/testing/oidcTestProvider';
import { ensureBuilt } from '../../scripts/ensureBuilt.mjs';

const adminToken = 'e2e-admin-token';
const appPath = `/${hostTestOrg}/${hostTestApp}/`;

/** A free port on 127.0.0.1 (the provider must know the host's callback before the host starts). */
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

let repo: HostTestRepo;
let oidc: OidcTestProvider;
let host: AppHost;
let dataDir: string;

test.beforeAll(async () => {
  ensureBuilt({ quiet: true });
  repo = await startHostTestRepo();
  await repo.tag('v1');
  await repo.tag('v2', addRequiredEmail);
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  oidc = await startOidcTestProvider({ redirectUri: `${publicUrl}/auth/callback`, audience: `${publicUrl}/`, machineScope: 'altinn:instances.read' });
  const people = defaultPeople();
  const auth = createAuth({ secret: 'an e2e host secret of thirty-two or more characters', people, login: { issuer: oidc.url, ...hostClient, redirectUrl: `${publicUrl}/auth/callback` } });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'studio-e2e-host-'));
  host = await startAppHost({ dataDir, port, adminToken, envName: 'test', refreshMs: 200, auth, services: { people }, log: () => undefined });
});

test.afterAll(async () => {
  await host?.close();
  await oidc?.close();
  await repo?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const admin = async (method: string, rel: string, body?: unknown) => {
  const res = await fetch(`${host.url}${rel}`, { method, headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, body: (await res.json()) as { active?: { version?: string } } };
};

test('a person logs in through the provider, acts for her company and sends the deployed app; a second version deploys while the first serves, her instance keeps the first, then it rolls back', async ({ page }) => {
  test.setTimeout(120_000);
  expect((await admin('POST', '/admin/deployments', { org: hostTestOrg, app: hostTestApp, ref: 'v1', remote: repo.remote, by: 'designer@example.com' })).status).toBe(201);

  // Not logged in: the app's policy lets nobody anonymous in, so the app sends her to the login.
  await page.goto(`${host.url}${appPath}`);
  await expect(page).toHaveURL(new RegExp(`^${oidc.url}/`), { timeout: 30_000 });
  // The provider's own pages: the login form, then consent.
  await page.locator('input[name="login"]').fill('kari');
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click();

  // Back in the app: she may act for herself and two companies, so she is asked which.
  await expect(page.getByRole('heading', { name: 'Hvem vil du sende inn for?' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: /^Testbedrift AS\b/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Velkommen' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.rt-session')).toContainText('Kari Dagny Leder');
  await expect(page).toHaveURL(/#\/instance\/50101\//);

  // v2 (a second, required field labelled "Navn" too) while v1 serves: the app keeps answering, then v2 is active.
  const deploying = admin('POST', '/admin/deployments', { org: hostTestOrg, app: hostTestApp, ref: 'v2', remote: repo.remote, by: 'designer@example.com' });
  expect((await page.request.get(`${host.url}${appPath}api/layoutsets`)).status()).toBe(200);
  expect((await deploying).status).toBe(201);
  await expect.poll(async () => (await admin('GET', `/admin/deployments?org=${hostTestOrg}&app=${hostTestApp}`)).body.active?.version, { timeout: 10_000 }).toBe('v2');
  await expect.poll(async () => JSON.stringify(await (await page.request.get(`${host.url}${appPath}api/layouts/form`)).json()), { timeout: 10_000 }).toContain('applicant-email');
  // Her instance was made on v1: reopened from its address, it shows v1's form (one "Navn"), and v1 accepts it.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Velkommen' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('textbox', { name: 'Navn' })).toHaveCount(1);
  await page.getByRole('textbox', { name: 'Navn' }).fill('Kari Dagny Leder');
  await page.getByRole('button', { name: 'Send inn' }).click();
  await expect(page.getByRole('heading', { name: 'Skjemaet er sendt inn' })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'e2e/screenshots/host-receipt.png' });
  expect(page.url()).toContain('/instance/50101/');
  // Logging out ends the session: the app asks for the login again.
  await page.getByRole('link', { name: 'Logg ut' }).click();
  expect((await page.request.get(`${host.url}${appPath}auth/session`)).ok()).toBe(true);
  expect(((await (await page.request.get(`${host.url}${appPath}auth/session`)).json()) as { user: unknown }).user).toBeNull();

  // A rollback brings v1 back.
  expect((await admin('POST', '/admin/rollback', { org: hostTestOrg, app: hostTestApp, version: 'v1' })).status).toBe(200);
  await expect.poll(async () => (await admin('GET', `/admin/deployments?org=${hostTestOrg}&app=${hostTestApp}`)).body.active?.version, { timeout: 10_000 }).toBe('v1');
});
