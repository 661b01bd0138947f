/**
 * The real payment-test app (../shared/fixtures/apps) walked as people walk it in the preview: the
 * general manager of Testbedrift AS fills the trademark application (its one required answer), goes
 * to payment (the payment task's page from the app's "custom-receipt" layout set), pays with the
 * local test provider and comes back to the receipt, which shows the order as paid.
 */
import { expect, test } from '@playwright/test';
import { defaultPeople } from '../../runtime/server/people';
import { pageErrorsOf, serveFixtureApp, type ServedApp } from '../runtimeApps';

let app: ServedApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

test('payment-test: fill, go to payment, pay with the test provider, see the paid order on the receipt', async ({ page }) => {
  test.setTimeout(120_000);
  app = await serveFixtureApp('payment-test', { people: defaultPeople() });
  const served = app;
  const problems = pageErrorsOf(page);

  await page.goto(`${served.url}&persona=1002`);
  await expect(page.getByRole('heading', { name: 'Kontaktinformasjon for søknaden' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('textbox', { name: 'Navn', exact: true }).fill('Kari Dagny Leder');
  await page.getByRole('radio', { name: /Jeg fyller ut skjemaet som søker/ }).check();
  const instanceId = /#\/instance\/(\d+\/[0-9a-f-]{36})/.exec(page.url())?.[1];
  // Past the applicant's page with the app's own "next" button, then straight to the last page by the navigation bar.
  await page.getByRole('button', { name: 'next', exact: true }).first().click();
  await expect(page.getByRole('heading', { name: 'Opplysninger om søkeren' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Sider i skjemaet' }).getByRole('button', { name: /Betalning/ }).click();
  await page.getByRole('button', { name: 'Til betaling' }).click();

  // The payment task: the order and the Pay button; the local provider; back, paid.
  const pay = page.getByRole('main').getByRole('button', { name: 'Betal', exact: true });
  await expect(pay).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('main').getByRole('cell', { name: 'Gebyr' })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/runtime-fixture-payment.png' });
  await pay.click();
  await page.getByRole('button', { name: /^Pay / }).click();
  await expect(page.getByRole('heading', { name: 'Skjemaet er sendt inn' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^Betalt: /)).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Gebyr' })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/runtime-fixture-payment-receipt.png' });

  const id = instanceId ?? /#\/instance\/(\d+\/[0-9a-f-]{36})/.exec(page.url())![1]!;
  const headers = { ...served.headers, 'x-studio-persona': '1002' };
  const instance = (await (await fetch(`${served.base}instances/${id}`, { headers })).json()) as { process: { ended?: string } };
  expect(instance.process.ended).toBeTruthy();
  const payment = (await (await fetch(`${served.base}instances/${id}/payment?taskId=Task_2`, { headers })).json()) as { status: string };
  expect(payment.status).toBe('Paid');
  expect(problems).toEqual([]);
});
