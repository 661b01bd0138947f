import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '../fixtures';
import { ShellPage } from '../pages/ShellPage';
import { StartPage } from '../pages/StartPage';

test.use({ locale: 'en-US' });

const fixtureApps = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures/apps');

test('opens an app folder through the folder browser, and marks and removes a missing recent app', async ({ page, studio }) => {
  const start = new StartPage(page);
  const shell = new ShellPage(page);
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: 'browse-me', title: 'Browse me', location: studio.workDir });
  await shell.close();

  await start.openFolderDialog();
  const dialog = start.openDialog;
  await dialog.getByLabel('Folder', { exact: true }).fill(studio.workDir);
  await dialog.getByRole('button', { name: 'Show' }).click();
  const appFolder = dialog.getByRole('button', { name: /browse-me/ });
  await expect(appFolder).toContainText('App');
  await appFolder.click();
  await expect(dialog).toContainText('This folder is an Altinn app.');
  await dialog.getByRole('button', { name: 'Up one level' }).click();
  await expect(dialog.getByLabel('Folder', { exact: true })).toHaveValue(studio.workDir);
  await appFolder.click();
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await shell.expectOpen('browse-me');
  await shell.close();

  // An error keeps the dialog and what was typed.
  await start.openFolderDialog();
  await dialog.getByLabel('Folder', { exact: true }).fill(studio.workDir);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('is not an Altinn app');
  await expect(dialog.getByLabel('Folder', { exact: true })).toHaveValue(studio.workDir);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  rmSync(path.join(studio.workDir, 'browse-me'), { recursive: true, force: true });
  await page.reload();
  const missing = start.recentItem('browse-me');
  await expect(missing).toContainText('Missing');
  await missing.getByRole('button', { name: 'Remove browse-me from the list' }).click();
  await expect(start.recentItem('browse-me')).toHaveCount(0);
  await expect(page.getByText('No apps opened yet.')).toBeVisible();
});

test('studio serve APP_DIR shows the shell directly, and the file tree follows saved files', async ({ page, studio }) => {
  const start = new StartPage(page);
  await start.goto(studio.url);
  await start.createApp({ org: 'ttd', name: 'served', title: 'Served', location: studio.workDir });
  const shell = new ShellPage(page);
  await shell.expectOpen('served');

  const served = await studio.restart(path.join(studio.workDir, 'served'));
  await page.goto(served.url);
  await shell.expectOpen('served');

  const response = await page.request.post(`${served.origin}/api/invoke/workspace:writeFile`, {
    headers: { 'X-Studio-Token': served.token },
    data: { path: 'App/ui/form/layouts/Extra.json', content: '{"data": {"layout": []}}\n' },
  });
  expect((await response.json()).ok).toBe(true);
  await expect(await shell.reveal('App/ui/form/layouts/Extra.json')).toBeVisible();
  await expect(shell.layoutSetRow('form').getByRole('list', { name: 'Pages: form' })).toContainText('Extra');
});

test('the file tree and the areas are keyboard usable', async ({ page, studio }) => {
  const start = new StartPage(page);
  const shell = new ShellPage(page);
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: 'keys', title: 'Keys', location: studio.workDir });

  const app = shell.treeItem('App');
  await app.focus();
  await expect(app).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(app).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(shell.treeItem('App/config')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(shell.treeItem('App/config')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(shell.treeItem('App/config/authorization')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(shell.treeItem('App/config')).toBeFocused();

  const layout = shell.nav.getByRole('button', { name: 'Layout' });
  await layout.focus();
  await page.keyboard.press('Enter');
  await expect(layout).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('layout-area')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(shell.nav.getByRole('button', { name: 'Code' })).toBeFocused();
});

test.describe('real Altinn apps', () => {
  test.skip(!existsSync(fixtureApps), 'the shared fixtures are not here');

  test('shows the overview of an app with several layout sets and a custom receipt', async ({ page, studio }) => {
    const dir = path.join(studio.workDir, 'multiple-datamodels-test');
    cpSync(path.join(fixtureApps, 'multiple-datamodels-test'), dir, { recursive: true });
    const served = await studio.restart(dir);
    const shell = new ShellPage(page);
    await page.goto(served.url);
    await shell.expectOpen('multiple-datamodels-test');
    await expect(shell.section('Layout sets').locator('tbody tr')).toHaveCount(3);
    await expect(shell.layoutSetRow('receipt')).toContainText('CustomReceipt');
    await expect(shell.layoutSetRow('form').getByRole('list', { name: 'Pages: form' }).getByRole('listitem')).toHaveCount(6);
    await expect(shell.section('Data models').locator('tbody tr')).toHaveCount(4);
    await expect(shell.taskRow('Task_2')).toContainText('Utfylling 2');
  });
});
