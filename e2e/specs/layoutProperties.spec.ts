import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';
import { ShellPage } from '../pages/ShellPage';
import { StartPage } from '../pages/StartPage';

test.use({ locale: 'en-US' });

test('the properties panel binds, labels and makes a component required by an expression, each step on disk, and undo takes it back', async ({ page, studio }) => {
  const start = new StartPage(page);
  const shell = new ShellPage(page);
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: 'props', title: 'Props', location: studio.workDir });
  await shell.showArea('Layout');

  const app = path.join(studio.workDir, 'props', 'App');
  const pageFile = () => readFileSync(path.join(app, 'ui/form/layouts/Side1.json'), 'utf8');
  const texts = (language: string) => readFileSync(path.join(app, `config/texts/resource.${language}.json`), 'utf8');

  await page.locator('[data-lc-item="applicant-name"]').click();
  const panel = page.getByRole('complementary', { name: 'Properties', exact: true });
  await expect(panel.getByLabel('Component id')).toHaveValue('applicant-name');

  // Bind: only fitting fields are offered, with their types.
  const binding = panel.getByRole('combobox', { name: /simpleBinding/ });
  await expect(binding.locator('option', { hasText: 'email — string' })).toHaveCount(1);
  await binding.selectOption('email');
  await expect.poll(pageFile).toContain('"simpleBinding": "email"');

  // A label in both languages, edited in place in the shared key.
  await panel.getByLabel(/^title \(Norwegian Bokmål\)$/).fill('E-post');
  await expect.poll(() => texts('nb')).toContain('"E-post"');
  await panel.getByLabel(/^title \(English\)$/).fill('Email');
  await expect.poll(() => texts('en')).toContain('"Email"');

  // Required by an expression built in the builder.
  const required = panel.locator('[data-property="required"]');
  await required.getByRole('button', { name: 'Expression' }).click();
  await expect.poll(pageFile).toContain('"required": [');
  const builder = required.getByRole('group', { name: 'Expression for required' });
  await builder.getByRole('combobox', { name: 'Data model field' }).selectOption('applicantName');
  await builder.getByRole('textbox', { name: 'Value' }).fill('x');
  await expect.poll(() => JSON.stringify(JSON.parse(pageFile()).data.layout[2].required)).toBe('["equals",["dataModel","applicantName"],"x"]');
  await expect(builder).toContainText('No problems found in this expression.');
  await expect(builder.getByTestId('expression-value')).toContainText('false');
  await page.screenshot({ path: 'e2e/screenshots/properties-expression.png', fullPage: true });

  // Undo takes back the builder edits (one entry: they merge), leaving the expression it started with.
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Control+z');
  await expect.poll(() => JSON.stringify(JSON.parse(pageFile()).data.layout[2].required)).toBe('["equals",["dataModel",""],""]');
  await page.screenshot({ path: 'e2e/screenshots/properties-after-undo.png', fullPage: true });
});
