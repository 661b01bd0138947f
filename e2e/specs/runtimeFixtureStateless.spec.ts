/**
 * The real stateless-app (../shared/fixtures/apps) walked as people walk it in the preview: a link
 * through `set-query-params` prefills the stateless start page (a parameter the app does not declare
 * is dropped), the InstantiationButton starts an instance with the mapped values, two data tasks are
 * filled, the feedback task waits until the service owner moves the process on, and the gateway
 * sends it to the end.
 */
import { expect, test } from '@playwright/test';
import { defaultPeople } from '../../runtime/server/people';
import { pageErrorsOf, serveFixtureApp, type ServedApp } from '../runtimeApps';

let app: ServedApp | undefined;
test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

test('stateless-app: a set-query-params link, the stateless page, an instance, two tasks, feedback from the service owner, the end', async ({ page }) => {
  test.setTimeout(120_000);
  app = await serveFixtureApp('stateless-app', { people: defaultPeople() });
  const served = app;
  const problems = pageErrorsOf(page);

  // The preview first (it keeps the token for the session), then the link as a service would send it.
  await page.goto(`${served.url}&persona=1002`);
  await expect(page.getByRole('button', { name: 'Start instans' }).first()).toBeVisible({ timeout: 30_000 });
  await page.goto(`${served.base}set-query-params?jobTitle=Utvikler&notDeclared=x`);
  await expect(page).not.toHaveURL(/queryParams|notDeclared/);
  const jobTitle = page.getByRole('textbox', { name: 'Job Title' });
  await expect(jobTitle).toHaveValue('Utvikler', { timeout: 30_000 });
  await page.getByRole('textbox', { name: 'Navn' }).fill('Kari');

  // The first button maps the job title into the instance's model.
  await page.getByRole('button', { name: 'Start instans' }).first().click();
  await expect(page.getByRole('heading', { name: /Dette er den statefulle appen/ })).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(/#\/instance\/\d+\/[0-9a-f-]{36}/);
  const instanceId = /#\/instance\/(\d+\/[0-9a-f-]{36})/.exec(page.url())![1]!;
  // The job title went into the instance's model by the button's mapping (the app shows it only when its C# fills another field).
  const headers = { ...served.headers, 'x-studio-persona': '1002' };
  const instance = (await (await fetch(`${served.base}instances/${instanceId}`, { headers })).json()) as { data: { id: string; dataType: string }[] };
  const message = instance.data.find((d) => d.dataType === 'message')!;
  expect(await (await fetch(`${served.base}instances/${instanceId}/data/${message.id}`, { headers })).json()).toMatchObject({ JobTitle: 'Utvikler' });
  await page.getByRole('button', { name: 'Send inn' }).click();

  await page.getByRole('textbox', { name: 'Firmanavn' }).fill('Testbedrift AS');
  await page.getByRole('radio', { name: 'Nei' }).check();
  await page.getByRole('button', { name: 'Send inn' }).click();
  // The feedback screen in the app's own words, its variables read from the data just sent.
  const feedback = page.getByTestId('feedback-screen');
  await expect(feedback.getByRole('heading', { name: 'Videresende via API' })).toBeVisible({ timeout: 30_000 });
  await expect(feedback).toContainText('Firmanavn: Testbedrift AS');
  await expect(feedback).not.toContainText('<br>');
  await page.screenshot({ path: 'e2e/screenshots/runtime-fixture-stateless-feedback.png' });

  // The service owner (Testdepartementet, org ttd) answers the feedback task; the page follows by itself.
  const owner = { ...served.headers, 'x-studio-persona': 'org:310000099', 'content-type': 'application/json' };
  const moved = await fetch(`${served.base}instances/${instanceId}/process/next`, { method: 'PUT', headers: owner, body: '{}' });
  expect(moved.status).toBe(200);
  await expect(page.getByRole('heading', { name: 'Skjemaet er sendt inn' })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'e2e/screenshots/runtime-fixture-stateless-receipt.png' });
  expect(problems).toEqual([]);
});
