import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';
import { ShellPage } from '../pages/ShellPage';
import { StartPage } from '../pages/StartPage';

test.use({ locale: 'en-US' });

test('the Preview area frames the open app from its own sandboxed 127.0.0.1 origin', async ({ page, studio }) => {
  const start = new StartPage(page);
  const shell = new ShellPage(page);
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: 'preview-app', title: 'Preview app', location: studio.workDir });
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

test('the Preview area shows the form data as it is typed and moves the frame to a picked page', async ({ page, studio }) => {
  const start = new StartPage(page);
  const shell = new ShellPage(page);
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: 'bridge-app', title: 'Bridge app', location: studio.workDir });
  // A second page, added on disk before the preview starts (the host reads the app when it starts).
  const ui = path.join(studio.workDir, 'bridge-app', 'App', 'ui', 'form');
  writeFileSync(
    path.join(ui, 'layouts', 'Side2.json'),
    JSON.stringify({ data: { layout: [{ id: 'second-text', type: 'Paragraph', textResourceBindings: { title: 'This is the second page' } }] } }),
  );
  const settings = JSON.parse(readFileSync(path.join(ui, 'Settings.json'), 'utf8')) as { pages: { order: string[] } };
  settings.pages.order = ['Side1', 'Side2'];
  writeFileSync(path.join(ui, 'Settings.json'), JSON.stringify(settings, null, 2));
  await shell.showArea('Preview');

  const frame = page.getByTitle('Preview of the app');
  expect(new URL((await frame.getAttribute('src')) ?? '').searchParams.get('studio')).toBe(new URL(studio.url).origin);
  const content = page.frameLocator('iframe[title="Preview of the app"]');
  const pagePicker = page.getByRole('combobox', { name: 'Page' });
  // The first preview of an app opens its instance store (PGlite), which on a loaded machine takes many seconds.
  await expect(pagePicker).toBeEnabled({ timeout: 30_000 });
  await expect(pagePicker).toHaveValue('Side1');
  await expect(page.getByRole('combobox', { name: 'Layout set' })).toHaveValue('form');

  await content.getByRole('textbox', { name: /Name/ }).fill('Ada Lovelace');
  const data = page.getByTestId('preview-form-data');
  await expect(data).toContainText('"applicantName": "Ada Lovelace"');
  await expect(data).toHaveAttribute('aria-live', 'off');
  await page.screenshot({ path: path.join(test.info().outputDir, 'preview-form-data.png') });

  await pagePicker.selectOption('Side2');
  await expect(content.getByText('This is the second page')).toBeVisible();
  await expect(pagePicker).toHaveValue('Side2');
  // The data stays, and the panel can be folded away.
  await expect(data).toContainText('Ada Lovelace');
  await page.getByText('Form data', { exact: true }).click();
  await expect(data).toBeHidden();
});
