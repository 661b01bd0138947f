/**
 * The real signing-test app (../shared/fixtures/apps) walked as people walk it in the preview: the
 * general manager fills the income report and sends it to confirmation, signs in the first signing
 * task (an accountant sees the app's "no access" page instead), and the auditor — a person the
 * registry gives the app's Task_3 role — signs the second; the process ends with its receipt. The
 * gateway after the first signing is left by the flows it lists as outgoing, as Altinn does.
 */
import { expect, test } from '@playwright/test';
import { defaultPeople } from '../../runtime/server/people';
import { pageErrorsOf, serveFixtureApp, type ServedApp } from '../runtimeApps';

let app: ServedApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

test('signing-test: fill, sign as the general manager, the accountant has no access, the auditor signs, receipt', async ({ page }) => {
  test.setTimeout(120_000);
  // The app's policy gives Task_3's sign to A0237/A0238 (auditors); the default registry has none, so Ola (1004) gets A0238 for Testbedrift AS.
  const defaults = defaultPeople();
  app = await serveFixtureApp('signing-test', { people: { ...defaults, roles: [...defaults.roles, { userId: 1004, partyId: '50101', roles: ['A0238'] }] } });
  const served = app;
  const as = (persona: number, instanceId?: string) => `${served.url}&persona=${persona}${instanceId ? `#/instance/${instanceId}` : ''}`;
  const problems = pageErrorsOf(page);

  // Kari Dagny Leder (1002), general manager of Testbedrift AS, fills the report.
  await page.goto(as(1002));
  await expect(page.getByRole('heading', { name: 'Inntektsrapportering' })).toBeVisible({ timeout: 30_000 });
  // Name and organisation number are read-only, prefilled from the Central Coordinating Register (ER) for the party.
  await expect(page.getByRole('textbox', { name: 'Navn', exact: true })).toHaveValue('Testbedrift AS');
  await expect(page.getByRole('textbox', { name: 'Org. nr.' })).toHaveValue('310000001');
  await page.getByRole('textbox', { name: 'Inntektsår', exact: true }).fill('2025');
  await page.getByRole('textbox', { name: 'Inntekt', exact: true }).fill('1000');
  await page.getByRole('button', { name: 'Send til bekreftelse' }).click();
  await expect(page.getByText('Daglig leders bekreftelse')).toBeVisible({ timeout: 30_000 });
  const instanceId = /#\/instance\/(\d+\/[0-9a-f-]{36})/.exec(page.url())![1]!;

  // Per Regnskap (1003, accountant) may not sign here: the app shows its "no access" page, no Sign button.
  await page.goto(as(1003, instanceId));
  await expect(page.getByText('Du kan ikke bekrefte skjemaet')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Signer' })).toHaveCount(0);

  // Kari signs: the gateway sends the instance on to the auditor's confirmation.
  await page.goto(as(1002, instanceId));
  await page.getByRole('button', { name: 'Signer' }).click();
  await expect(page.getByText('Skjemaet er sendt til revisor')).toBeVisible({ timeout: 30_000 });

  // Ola (1004, auditor) confirms with his signature; the process ends.
  await page.goto(as(1004, instanceId));
  await expect(page.getByText('Revisors bekreftelse')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Signer' }).click();
  await expect(page.getByRole('heading', { name: 'Skjemaet er sendt inn' })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'e2e/screenshots/runtime-fixture-signing-receipt.png' });

  const headers = { ...served.headers, 'x-studio-persona': '1004' };
  const instance = (await (await fetch(`${served.base}instances/${instanceId}`, { headers })).json()) as { process: { ended?: string }; data: { dataType: string; createdBy?: string }[] };
  expect(instance.process.ended).toBeTruthy();
  const types = instance.data.map((d) => d.dataType);
  expect(types).toEqual(expect.arrayContaining(['data', 'signature1', 'signature2']));
  expect(problems).toEqual([]);
});
