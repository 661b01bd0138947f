import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { spawnStudio, type SpawnedStudio } from '../../scripts/spawnServe.mjs';
import { expect, test } from '../fixtures';
import { ShellPage } from '../pages/ShellPage';
import { StartPage } from '../pages/StartPage';

test.use({ locale: 'en-US' });

// Backups are kept by the host in the studio's config folder (never in the app): they come back after a
// reload, and after a crash and a restart of `studio serve` (on any port: the page's origin plays no part).

const pagePath = 'App/ui/form/layouts/Side1.json';
const invalid = ' oops not json';

/** True when a backup in `configDir` holds `typed`. */
function backedUp(configDir: string, typed: string): boolean {
  const root = path.join(configDir, 'code-backups');
  if (!existsSync(root)) return false;
  return readdirSync(root).some((app) => readdirSync(path.join(root, app)).some((file) => file.endsWith('.json') && readFileSync(path.join(root, app, file), 'utf8').includes(typed)));
}

/** Types invalid text after `"submit-button"` in the open Side1.json; waits for its backup. */
async function typeInvalid(page: Page, configDir: string): Promise<void> {
  const area = page.getByTestId('code-area');
  await area.locator('.view-line', { hasText: '"submit-button"' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(invalid);
  await expect(area.getByRole('alert')).toContainText(/line \d+, column \d+/);
  await expect(area.getByRole('tab', { name: /Side1\.json/ }).getByRole('img', { name: 'Not valid, not saved' })).toBeVisible();
  // The backup is written at most once a second: wait for the one holding the whole text (what is
  // typed in the last second before a crash or a reload is not in a backup yet).
  await expect.poll(() => backedUp(configDir, invalid)).toBe(true);
}

/** Shows the Code area and expects Side1.json back in a tab of its own, with the notice, the typed text and its banner. */
async function expectRestored(page: Page): Promise<void> {
  const shell = new ShellPage(page);
  await shell.showArea('Code');
  const area = page.getByTestId('code-area');
  await expect(area.getByRole('tab', { name: /Side1\.json/ })).toHaveAttribute('aria-selected', 'true');
  await expect(area.getByRole('status').filter({ hasText: 'Unsaved text of Side1.json from' })).toContainText('was restored');
  await expect(area.locator('.view-lines')).toContainText('oops not json');
  // Checked as it comes back: the banner names the place, and the file keeps its saved text.
  await expect(area.getByRole('alert')).toContainText(/line \d+, column \d+/);
  await expect(area.getByRole('tab', { name: /Side1\.json/ }).getByRole('img', { name: 'Not valid, not saved' })).toBeVisible();
}

test('unsaved invalid code survives a reload of the page', async ({ page, studio }) => {
  test.setTimeout(120_000);
  const start = new StartPage(page);
  const shell = new ShellPage(page);
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: 'recovery-app', title: 'Recovery', location: studio.workDir });
  const file = path.join(studio.workDir, 'recovery-app', pagePath);
  const before = readFileSync(file, 'utf8');

  await shell.showArea('Code');
  await (await shell.reveal(pagePath)).click();
  await expect(page.getByTestId('code-area').locator('.view-lines')).toContainText('submit-button');
  await typeInvalid(page, studio.configDir);
  expect(readFileSync(file, 'utf8')).toBe(before);

  await page.reload();
  await shell.expectOpen('recovery-app');
  await expectRestored(page);
  expect(readFileSync(file, 'utf8')).toBe(before);
});

/** A port free now, to start `studio serve` on twice. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('unsaved invalid code survives a crash and a restart of studio serve on another port', async ({ page }) => {
  test.setTimeout(120_000);
  const configDir = mkdtempSync(path.join(os.tmpdir(), 'studio-e2e-config-'));
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'studio-e2e-work-'));
  const running: SpawnedStudio[] = [];
  const serve = async (port: number, appDir?: string) => {
    const studio = spawnStudio(['serve', '--no-open', '--port', String(port), ...(appDir ? [appDir] : [])], { STUDIO_CONFIG_DIR: configDir });
    running.push(studio);
    return { studio, url: await studio.url };
  };
  try {
    const firstPort = await freePort();
    const first = await serve(firstPort);
    const start = new StartPage(page);
    const shell = new ShellPage(page);
    await start.goto(first.url);
    await start.createApp({ org: 'ttd', name: 'restart-app', title: 'Restart', location: workDir });
    await shell.expectOpen('restart-app');
    const appDir = path.join(workDir, 'restart-app');
    const before = readFileSync(path.join(appDir, pagePath), 'utf8');
    await shell.showArea('Code');
    await (await shell.reveal(pagePath)).click();
    await expect(page.getByTestId('code-area').locator('.view-lines')).toContainText('submit-button');
    await typeInvalid(page, configDir);

    // The studio goes away (as in a crash: nothing is saved on the way out) and starts again.
    first.studio.child.kill('SIGKILL');
    await first.studio.exited;
    await page.goto('about:blank');
    let secondPort = await freePort();
    while (secondPort === firstPort) secondPort = await freePort();
    const second = await serve(secondPort, appDir);
    expect(new URL(second.url).origin).not.toBe(new URL(first.url).origin);
    await page.goto(second.url);
    await shell.expectOpen('restart-app');
    await expectRestored(page);
    expect(readFileSync(path.join(appDir, pagePath), 'utf8')).toBe(before);
  } finally {
    for (const studio of running) studio.stop();
    await Promise.all(running.map((s) => s.exited));
    rmSync(configDir, { recursive: true, force: true });
    rmSync(workDir, { recursive: true, force: true });
  }
});
