import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';
import { PreviewPage } from '../pages/PreviewPage';
import { ShellPage } from '../pages/ShellPage';
import { StartPage } from '../pages/StartPage';

test.use({ locale: 'en-US' });

test('the Preview acts as a chosen test person, and a person added in the People editor is saved to people.json and offered', async ({ page, studio }) => {
  const start = new StartPage(page);
  const shell = new ShellPage(page);
  const preview = new PreviewPage(page);
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: 'people-app', title: 'People app', location: studio.workDir });
  await shell.showArea('Preview');

  // The default people: someone who holds a role for a party acts first, and the frame says who.
  await expect(preview.persona).toHaveValue('1002');
  expect(await preview.chosenPersonaLabel()).toBe('Kari Dagny Leder — DAGL for Testbedrift AS; DAGL for Testbedrift AS avd. Bergen');
  await preview.expectFramePersona('1002');
  const before = await preview.frameUrl();
  await page.screenshot({ path: 'e2e/screenshots/preview-persona.png' });

  // Choosing another persona reloads the frame as them (the rest of the address kept).
  await preview.persona.selectOption({ label: 'Per Regnskap — REGNA, A0239 for Testbedrift AS' });
  await preview.expectFramePersona('1003');
  const after = await preview.frameUrl();
  expect(after.searchParams.get('token')).toBe(before.searchParams.get('token'));
  expect(after.searchParams.get('lang')).toBe('en');
  // An organisation, by keyboard: focus the picker and step to the last option.
  await preview.persona.focus();
  await preview.persona.selectOption('org:310000099');
  await preview.expectFramePersona('org:310000099');
  expect(await preview.chosenPersonaLabel()).toBe('Testdepartementet (organisation 310000099, ORGL)');

  // The choice is kept for the app while the session lasts.
  await shell.showArea('Overview');
  await shell.showArea('Preview');
  await expect(preview.persona).toHaveValue('org:310000099');
  await preview.expectFramePersona('org:310000099');

  // Add a person; saving with a problem says what and where, and keeps what was typed.
  const dialog = await preview.openPeopleEditor();
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog.getByLabel('First name', { exact: true })).toBeFocused();
  await dialog.getByLabel('First name', { exact: true }).fill('Nora');
  await dialog.getByLabel('Last name', { exact: true }).fill('Nordmann');
  await dialog.getByLabel('Person number', { exact: true }).fill('0505');
  await dialog.getByRole('button', { name: 'Save people' }).click();
  const summary = dialog.getByRole('alert');
  await expect(summary).toContainText('Correct 1 thing before saving:');
  await expect(summary).toContainText('Nora Nordmann, Person number: 11 digits');
  await expect(dialog.getByLabel('Person number', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: 'e2e/screenshots/preview-people-editor.png' });
  await expect(dialog.getByText('11 digits', { exact: true })).toBeVisible();
  await page.screenshot({ path: path.join(test.info().outputDir, 'people-problems.png') });
  await dialog.getByLabel('Person number', { exact: true }).fill('05059912345');
  await expect(dialog.getByLabel('First name', { exact: true })).toHaveValue('Nora');

  // Give her a role: general manager of Testbedrift AS.
  await preview.tab('Roles').click();
  await dialog.getByRole('button', { name: 'Add role assignment' }).click();
  // The new row starts with the person just added.
  const row = dialog.getByRole('listitem', { name: 'Nora Nordmann' });
  await expect(row.getByRole('combobox', { name: 'Person', exact: true })).toHaveValue(/.+/);
  await expect(row.getByRole('combobox', { name: 'Person', exact: true }).locator('option:checked')).toHaveText('Nora Nordmann');
  await row.getByRole('combobox', { name: 'For party' }).selectOption({ label: 'Testbedrift AS' });
  const code = row.getByRole('combobox', { name: 'New role code for Nora Nordmann' });
  await code.fill('dagl');
  await code.press('Enter');
  await expect(row.getByRole('button', { name: 'Remove role DAGL' })).toBeVisible();
  await page.screenshot({ path: path.join(test.info().outputDir, 'people-editor.png') });
  await dialog.getByRole('button', { name: 'Save people' }).click();
  await expect(dialog).toBeHidden();

  // She is offered in the picker with her role, and the studio's people.json holds her.
  const nora = 'Nora Nordmann — DAGL for Testbedrift AS';
  await expect(preview.persona.locator('option', { hasText: nora })).toHaveCount(1);
  await preview.persona.selectOption({ label: nora });
  await preview.expectFramePersona('1005');
  expect(await preview.chosenPersonaLabel()).toBe(nora);
  await page.screenshot({ path: path.join(test.info().outputDir, 'persona-picker.png') });
  const saved = JSON.parse(readFileSync(path.join(studio.configDir, 'people.json'), 'utf8')) as {
    persons: { userId: number; firstName: string; lastName: string; personNumber: string }[];
    roles: { userId: number; partyId: string; roles: string[] }[];
  };
  expect(saved.persons).toContainEqual(expect.objectContaining({ userId: 1005, firstName: 'Nora', lastName: 'Nordmann', personNumber: '05059912345' }));
  expect(saved.roles).toContainEqual({ userId: 1005, partyId: '50101', roles: ['DAGL'] });
  // The people the studio started with are all still there.
  expect(saved.persons).toHaveLength(5);
});
