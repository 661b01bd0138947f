import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';
import { ShellPage } from '../pages/ShellPage';
import { StartPage } from '../pages/StartPage';

test.use({ locale: 'en-US' });

test('the Preview area frames the open app from its own sandboxed 127.0.0.1 origin', async ({ page, studio }) => {
  const start = new StartPage(page);
  const shell = new ShellPage(page);
  await start.goto(studio.url);
  await start.createApp({ org: 'ttd', name: 'preview-app', title: 'Preview app', location: studio.workDir });
  await shell.expectOpen('preview-app');
  await shell.showArea('Preview');

  const frame = page.getByTitle('Preview of the app');
  await expect(frame).toHaveAttribute('sandbox', 'allow-scripts allow-forms allow-same-origin');
  const src = new URL((await frame.getAttribute('src')) ?? '');
  expect(src.origin).not.toBe(new URL(studio.url).origin);
  expect(src.pathname).toBe('/ttd/preview-app/');
  expect(src.searchParams.get('lang')).toBe('en');
  // The frame loaded through the studio's CSP (frame-src): it shows the form app, or says to build it.
  const content = page.frameLocator('iframe[title="Preview of the app"]');
  await expect(content.locator('body')).not.toBeEmpty();
  await expect(content.locator('body')).not.toContainText('preview token');
  // With the form app built, its script ran: it came through the token cookie and the preview's CSP.
  if (existsSync(path.resolve(import.meta.dirname, '../../out/runtime-client/index.html'))) await expect(content.locator('#root')).not.toBeEmpty();

  await page.getByRole('button', { name: 'Phone' }).click();
  await expect(frame).toHaveCSS('width', '375px');
  await page.getByRole('combobox', { name: 'Form language' }).selectOption('nb');
  await expect(frame).toHaveAttribute('src', /lang=nb/);
  await page.getByRole('button', { name: 'Reset data' }).click();
  await expect(frame).not.toHaveAttribute('src', src.toString());
});
