import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';
import { ShellPage } from '../pages/ShellPage';
import { StartPage } from '../pages/StartPage';

test.use({ locale: 'en-US' });

// Both files name Altinn's schema in `$schema`, as real apps do; the studio answers with its own, offline.
const validation = `{
  "$schema": "https://altinncdn.no/toolkits/altinn-app-frontend/4/schemas/json/validation/validation.schema.v1.json",
  "validations": {
    "amount": [{ "message": "Too much", "condition": ["greaterThan", ["dataModel", ["argv", 0]], 1000] }]
  },
  "definitions": {}
}
`;
const prefill = `{
  "$schema": "https://altinncdn.no/schemas/json/prefill/prefill.schema.v1.json",
  "allowOverwrite": "yes",
  "UserProfile": { "Email": "email" }
}
`;

test('completes data model fields as validation keys and flags a wrong type in a prefill file', async ({ page, studio }) => {
  test.setTimeout(120_000);
  const start = new StartPage(page);
  const shell = new ShellPage(page);
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: 'schemas-app', title: 'Schemas test', location: studio.workDir });
  await shell.close();
  const models = path.join(studio.workDir, 'schemas-app', 'App/models');
  writeFileSync(path.join(models, 'model.validation.json'), validation);
  writeFileSync(path.join(models, 'model.prefill.json'), prefill);
  await start.openRecent('schemas-app');
  await shell.expectOpen('schemas-app');
  await shell.showArea('Code');
  const area = page.getByTestId('code-area');
  const lines = area.locator('.view-lines');

  // A validation key is a field of the file's model: completion offers the model's fields.
  await (await shell.reveal('App/models/model.validation.json')).click();
  await expect(lines).toContainText('Too much');
  // A double click selects the word inside the quotes.
  await lines.locator('span', { hasText: /^"amount"$/ }).dblclick();
  await page.keyboard.type('applic');
  await page.keyboard.press('Control+Space');
  const suggest = page.locator('.suggest-widget');
  await expect(suggest).toContainText('applicantName');
  await page.keyboard.press('Enter');
  await expect.poll(() => readFileSync(path.join(models, 'model.validation.json'), 'utf8')).toContain('"applicantName": [{ "message": "Too much"');

  // allowOverwrite must be true or false: the schema's warning is in the editor, with its message on hover.
  await (await shell.reveal('App/models/model.prefill.json')).click();
  await expect(lines).toContainText('allowOverwrite');
  await expect(area.locator('.squiggly-warning').first()).toBeVisible();
  // The squiggle is drawn under the text, so the pointer goes to the value it marks.
  await lines.locator('span', { hasText: /^"yes"$/ }).last().hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: 'Incorrect type' }).first()).toContainText('boolean');
});
