import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';
import { LayoutPage } from '../pages/LayoutPage';
import { ShellPage } from '../pages/ShellPage';
import { StartPage } from '../pages/StartPage';

test.use({ locale: 'en-US' });

interface LayoutFile {
  data: { layout: { id: string; type: string; textResourceBindings?: Record<string, string> }[] };
}

const layoutsDir = (appDir: string) => path.join(appDir, 'App/ui/form/layouts');

test('a page file changed or deleted by another program reaches the Layout area without a reload', async ({ page, studio }) => {
  const start = new StartPage(page);
  await start.goto(studio.url);
  await start.createApp({ org: 'ttd', name: 'outside-app', title: 'Outside changes', location: studio.workDir });
  await new ShellPage(page).expectOpen('outside-app');
  const layout = new LayoutPage(page);
  await layout.open();
  const appDir = path.join(studio.workDir, 'outside-app');
  // Marks the document: a reload of the page would lose it.
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  // Another program (an editor, git) changes Side1: a label becomes literal text and a component is added.
  await expect(layout.item('applicant-name')).toBeVisible();
  const side1 = path.join(layoutsDir(appDir), 'Side1.json');
  const changed = JSON.parse(readFileSync(side1, 'utf8')) as LayoutFile;
  const input = changed.data.layout.find((c) => c.id === 'applicant-name')!;
  input.textResourceBindings = { ...input.textResourceBindings, title: 'Name, as changed outside the studio' };
  changed.data.layout.splice(2, 0, { id: 'outside-paragraph', type: 'Paragraph', textResourceBindings: { title: 'Written by another program' } });
  writeFileSync(side1, `${JSON.stringify(changed, null, 2)}\n`);
  await expect(layout.item('outside-paragraph')).toBeVisible();
  await expect(layout.item('applicant-name')).toContainText('Name, as changed outside the studio');
  expect(await layout.topIds()).toEqual(['start-heading', 'start-intro', 'outside-paragraph', 'applicant-name', 'submit-button']);

  // A second page, made in the studio, then deleted from outside: it leaves the page list.
  await layout.pages.getByRole('button', { name: 'Add page' }).click();
  await expect(layout.pageButton('Side2')).toBeVisible();
  const side2 = path.join(layoutsDir(appDir), 'Side2.json');
  await expect.poll(() => existsSync(side2)).toBe(true);
  await layout.pageButton('Side1').click();
  // Deleted once the studio has written everything of the new page (a write still on its way would rightly put it back).
  await expect(page.locator('.statusbar .status-saving')).toHaveCount(0);
  rmSync(side2);
  await expect(layout.pageButton('Side2')).toHaveCount(0);
  await expect(layout.pageButton('Side1')).toBeVisible();
  await expect(layout.item('outside-paragraph')).toBeVisible();

  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});
