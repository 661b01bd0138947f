import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';
import { LayoutPage } from '../pages/LayoutPage';
import { ShellPage } from '../pages/ShellPage';
import { StartPage } from '../pages/StartPage';

test.use({ locale: 'en-US' });

const pageFile = (appDir: string, page = 'Side1') => path.join(appDir, 'App/ui/form/layouts', `${page}.json`);
const layoutIds = (file: string): string[] => (JSON.parse(readFileSync(file, 'utf8')) as { data: { layout: { id: string }[] } }).data.layout.map((c) => c.id);

async function openLayout(page: import('@playwright/test').Page, studio: { url: string; workDir: string }, name: string) {
  const start = new StartPage(page);
  await start.goto(studio.url);
  await start.createApp({ org: 'ttd', name, title: 'Layout test', location: studio.workDir });
  await new ShellPage(page).expectOpen(name);
  const layout = new LayoutPage(page);
  await layout.open();
  return { layout, appDir: path.join(studio.workDir, name) };
}

test('drags a component from the palette onto the page with the mouse', async ({ page, studio }) => {
  const { layout, appDir } = await openLayout(page, studio, 'drag-app');
  await expect(layout.canvas.getByRole('button', { name: /^Input: / })).toHaveCount(1);
  await page.screenshot({ path: 'e2e/screenshots/layout-area.png' });
  await layout.drag(layout.paletteItem('Short answer'), layout.item('submit-button'), 0.2);
  await expect(layout.indicator()).toBeVisible();
  await layout.drop();
  await expect(layout.canvas.getByRole('button', { name: /^Input: / })).toHaveCount(2);
  await expect.poll(() => layoutIds(pageFile(appDir))).toEqual(['start-heading', 'start-intro', 'applicant-name', expect.any(String), 'submit-button']);
});
