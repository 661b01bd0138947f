import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';
import { ShellPage } from '../pages/ShellPage';
import { StartPage } from '../pages/StartPage';

test.use({ locale: 'en-US' });

const shots = path.resolve(import.meta.dirname, '..', 'screenshots');

test('creates an app, shows its overview and files, closes it and reopens it from recent apps', async ({ page, studio }) => {
  const start = new StartPage(page);
  const shell = new ShellPage(page);
  await start.goto(studio.url);
  // The token leaves the address bar; the session keeps it.
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);

  await start.createAndOpen({ org: 'ttd', name: 'e2e-app', title: 'E2E-app', location: studio.workDir });
  await expect(shell.appDir).toContainText(path.join(studio.workDir, 'e2e-app'));

  await expect(page.getByTestId('overview-app-id')).toHaveText('ttd/e2e-app');
  await expect(page.getByTestId('overview-org')).toHaveText('ttd');
  const form = shell.layoutSetRow('form');
  await expect(form).toContainText('model');
  await expect(form).toContainText('Task_1');
  await expect(form.getByRole('list', { name: 'Pages: form' }).getByRole('listitem')).not.toHaveCount(0);
  await expect(shell.dataModelRow('model')).toContainText('Form data');
  await expect(shell.languageCodes()).toHaveText([/^nb/, /^nn/, /^en/]);
  await expect(shell.taskRow('Task_1')).toContainText('data');
  await expect(shell.section('Problems')).toContainText('No problems found.');

  const metadata = await shell.reveal('App/config/applicationmetadata.json');
  await expect(metadata).toBeVisible();
  await expect(metadata).toHaveAccessibleName('applicationmetadata.json');
  await page.screenshot({ path: path.join(shots, 'overview.png') });

  await shell.close();
  await expect(start.heading).toBeVisible();
  await expect(start.recentItem('e2e-app')).toContainText(path.join(studio.workDir, 'e2e-app'));
  await expect(start.recentItem('e2e-app')).toContainText(/Opened/);
  await page.screenshot({ path: path.join(shots, 'start.png') });
  await start.openRecent('e2e-app');
  await shell.expectOpen('e2e-app');
});

test('the page exposes no require, process or ipcRenderer', async ({ page, studio }) => {
  await new StartPage(page).goto(studio.url);
  const globals = await page.evaluate(() => {
    const w = globalThis as unknown as Record<string, unknown>;
    return { require: typeof w.require, process: typeof w.process, ipcRenderer: typeof w.ipcRenderer, module: typeof w.module };
  });
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', ipcRenderer: 'undefined', module: 'undefined' });
});

test('an invalid app name shows the validation message and nothing is created', async ({ page, studio }) => {
  const start = new StartPage(page);
  await start.goto(studio.url);
  await page.getByRole('button', { name: /^New app/ }).click();
  await expect(start.newAppDialog.getByLabel('Organisation', { exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(start.newAppDialog).toHaveCount(0);
  await start.fillNewApp({ org: 'ttd', name: 'My App', title: 'Mi app', location: studio.workDir });
  const name = start.newAppDialog.getByLabel('App name', { exact: true });
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/may only contain lowercase letters, digits and hyphens/);
  await start.newAppDialog.getByRole('button', { name: 'Create app' }).click();
  await expect(start.newAppDialog).toBeVisible();
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('My App');
  await name.fill('1-app');
  await expect(start.newAppDialog).toContainText('must start with a letter');
  expect(readdirSync(studio.workDir)).toEqual([]);

  // A server-side refusal keeps everything typed: the folder already holds something.
  await name.fill('taken');
  mkdirSync(path.join(studio.workDir, 'taken'));
  writeFileSync(path.join(studio.workDir, 'taken', 'keep.txt'), 'x');
  await start.newAppDialog.getByRole('button', { name: 'Create app' }).click();
  await expect(start.newAppDialog.getByRole('alert')).toContainText('The app was not created.');
  await expect(name).toHaveValue('taken');
  await expect(start.newAppDialog.getByLabel('Title', { exact: true })).toHaveValue('Mi app');
  expect(readdirSync(path.join(studio.workDir, 'taken'))).toEqual(['keep.txt']);
});

test('the language switch shows Norwegian texts and is kept after a reload', async ({ page, studio }) => {
  const start = new StartPage(page);
  await start.goto(studio.url);
  await start.languageSelect.selectOption('nb');
  await expect(page.getByRole('heading', { name: 'Nylig åpnede apper' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Åpne appmappe/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await page.reload();
  await expect(page.getByRole('button', { name: /^Ny app/ })).toBeVisible();
  await page.getByRole('button', { name: /^Ny app/ }).click();
  await page.getByRole('dialog', { name: 'Ny app' }).getByLabel('Appnavn', { exact: true }).fill('Feil');
  await expect(page.getByRole('dialog', { name: 'Ny app' })).toContainText('Appnavnet «Feil» kan bare inneholde små bokstaver, sifre og bindestrek');
});

test('when the host refuses the studio, it says what happened and what to do, and can try again', async ({ page, studio }) => {
  // What a stale or wrong token looks like to the renderer: every request answered 401 with an envelope.
  const refuse = { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong studio token. Open the address that `studio serve` printed.' } };
  await page.route('**/api/invoke/**', (route) => route.fulfill({ status: 401, json: refuse }));
  await page.goto(studio.url);
  await expect(page.getByRole('heading', { name: 'The studio cannot talk to its host' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Missing or wrong studio token');
  await page.unroute('**/api/invoke/**');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(new StartPage(page).heading).toBeVisible();
});
