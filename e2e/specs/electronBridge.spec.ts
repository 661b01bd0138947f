import path from 'node:path';
import { expect, test } from '../fixtures';
import { ShellPage } from '../pages/ShellPage';
import { StartPage } from '../pages/StartPage';

test.use({ locale: 'en-US' });

// Electron cannot run here, so a stand-in for the preload's `window.studio` forwards to the browser
// host; it answers `studio:info` as the desktop app and `dialog:pickFolder` with a chosen folder.
test('with the Electron bridge, the renderer uses it and Open app folder uses the native folder dialog', async ({ page, studio }) => {
  const start = new StartPage(page);
  const shell = new ShellPage(page);
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: 'native', title: 'Native', location: studio.workDir });
  await shell.close();

  const picked = path.join(studio.workDir, 'native');
  await page.addInitScript(
    ({ token, picked }) => {
      const calls: string[] = [];
      (globalThis as unknown as { bridgeCalls: string[] }).bridgeCalls = calls;
      const forward = async (channel: string, args: unknown) => {
        const response = await fetch(`/api/invoke/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Studio-Token': token },
          body: JSON.stringify(args ?? {}),
        });
        return (await response.json()) as { ok: boolean; value?: Record<string, unknown> };
      };
      (globalThis as unknown as { studio: unknown }).studio = Object.freeze({
        invoke: async (channel: string, args: unknown) => {
          calls.push(channel);
          if (channel === 'dialog:pickFolder') return { ok: true, value: picked };
          const envelope = await forward(channel, args);
          return channel === 'studio:info' && envelope.ok ? { ok: true, value: { ...envelope.value, host: 'electron' } } : envelope;
        },
        on: () => () => undefined,
      });
    },
    { token: studio.token, picked },
  );
  await page.goto(studio.origin);
  await expect(start.heading).toBeVisible();
  await expect(page.getByText('Desktop app')).toBeVisible();
  await page.getByRole('button', { name: /^Open app folder/ }).click();
  await shell.expectOpen('native');
  await expect(start.openDialog).toHaveCount(0);
  const calls = await page.evaluate(() => (globalThis as unknown as { bridgeCalls: string[] }).bridgeCalls);
  expect(calls).toEqual(expect.arrayContaining(['studio:info', 'workspace:current', 'dialog:pickFolder', 'workspace:open']));
});
