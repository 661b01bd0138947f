/**
 * A person fills real Altinn apps from ../shared/fixtures/apps, served by the preview host and
 * opened in the form app; what they did is read back through the app API with the preview token.
 * - `component-library` (one component type per page): they type into an Input, pick a radio
 *   button, two checkboxes and a dropdown option, add three repeating-group rows and delete one,
 *   moving with the NavigationBar, the NavigationButtons and the URL hash. The app has one
 *   language (nb): the language list is asserted and the switch is noted in an annotation.
 * - `expression-validation-test` (CV page, `validateOnNext`): "Next" with an empty form puts the
 *   required errors in the error report; its link leads to the field, filling it clears the error;
 *   an expression validation error on the e-mail appears on typing and goes when it is fixed.
 * Schema errors are not part of it: they are covered by runtimeSchemaValidation.spec.ts (the
 * runtime server checks the data, since the page's CSP forbids ajv's code generation).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { startRuntimeHost, type RuntimeHost } from '../../runtime/server/runtimeHost';
import { ensureBuilt } from '../../scripts/ensureBuilt.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const clientDir = path.join(root, 'out', 'runtime-client');
const fixtures = path.resolve(root, '..', 'shared', 'fixtures', 'apps');
const appDir = path.join(fixtures, 'component-library');
const cvAppDir = path.join(fixtures, 'expression-validation-test');
const shots = path.join(root, 'e2e', 'screenshots');

let host: RuntimeHost | undefined;

test.beforeAll(() => {
  if (existsSync(fixtures) && !existsSync(path.join(clientDir, 'index.html'))) {
    // One build at a time, through the project's build (a lock keeps parallel workers apart).
    ensureBuilt({ quiet: true });
  }
});

test.afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** Goes to `page` by the hash route the form app keeps (`#/instance/{party}/{guid}/{page}`). */
async function goByHash(page: Page, target: string): Promise<void> {
  await page.evaluate((name) => {
    window.location.hash = window.location.hash.replace(/[^/]*$/, encodeURIComponent(name));
  }, target);
  await expect(page.locator(`main.rt-page[data-page="${target}"]`)).toBeVisible();
}

interface Opened {
  readonly base: string;
  readonly headers: Record<string, string>;
  /** The saved form data of the instance's `dataType` element, read through the app API. */
  readonly saved: () => Promise<Record<string, unknown>>;
  readonly problems: string[];
}

/** Serves `dir`, opens the form app with the token and finds the instance's data element from the hash route. */
async function openApp(page: Page, request: APIRequestContext, dir: string, dataType: string): Promise<Opened> {
  host = await startRuntimeHost({ appDir: dir, clientDir });
  const base = `http://127.0.0.1:${host.port}/${host.org}/${host.appName}/`;
  const headers = { 'x-preview-token': host.token, accept: 'application/json' };
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(host.url);
  await expect(page.locator('main.rt-page')).toBeVisible();
  await expect(page).toHaveURL(/#\/instance\/\d+\/[0-9a-f-]+\/Task_1\/[^/]+$/);
  const [, partyId, guid] = /#\/instance\/(\d+)\/([0-9a-f-]+)\//.exec(page.url())!;
  const instanceRes = await request.get(`${base}instances/${partyId}/${guid}`, { headers });
  expect(instanceRes.ok(), `GET instance: ${instanceRes.status()}`).toBe(true);
  const instance = (await instanceRes.json()) as { data: { id: string; dataType: string }[] };
  const element = instance.data.find((d) => d.dataType === dataType);
  expect(element, `the instance has a \`${dataType}\` data element`).toBeDefined();
  const dataUrl = `${base}instances/${partyId}/${guid}/data/${element!.id}`;
  const saved = async (): Promise<Record<string, unknown>> => {
    const res = await request.get(dataUrl, { headers });
    return res.ok() ? ((await res.json()) as Record<string, unknown>) : { status: res.status() };
  };
  return { base, headers, saved, problems };
}

test('a person fills the component-library app: inputs, options, repeating rows, pages', async ({ page, request }) => {
  test.skip(!existsSync(path.join(appDir, 'App')), `no fixture app at ${appDir}`);
  test.setTimeout(90_000);
  const { base, headers, saved, problems } = await openApp(page, request, appDir, 'model');
  const main = page.locator('main.rt-page');
  await expect(main).toHaveAttribute('data-page', 'InputPage');

  // Language: the app ships one text resource file, so there is nothing to switch to.
  const languages = (await (await request.get(`${base}api/v1/applicationlanguages`, { headers })).json()) as { language: string }[];
  expect(languages.map((l) => l.language)).toEqual(['nb']);
  await expect(page.getByRole('combobox', { name: 'Språk' })).toHaveCount(0);
  test.info().annotations.push({
    type: 'language switch not exercised',
    description: 'component-library has only resource.nb.json (api/v1/applicationlanguages = [nb]); the form app shows no language choice for one language',
  });

  // Typing into an Input (the other Inputs on the page share its binding and follow it).
  await expect(page.getByRole('heading', { name: 'Kort svar', level: 2 })).toBeVisible();
  const input = page.getByRole('textbox', { name: 'Eksempel på kort svar komponent', exact: true });
  await input.click();
  await input.pressSequentially('Kari Nordmann', { delay: 10 });
  await expect(page.getByRole('textbox', { name: 'Enda et eksempel på kort svar komponent med grid' })).toHaveValue('Kari Nordmann');
  await expect.poll(saved).toMatchObject({ shortAnswerInput: 'Kari Nordmann' });

  // NavigationBar to the radio buttons.
  const navBar = page.getByRole('navigation');
  await navBar.getByRole('button', { name: /^\d+\. Radioknapper$/ }).click();
  await expect(main).toHaveAttribute('data-page', 'RadioButtonsPage');
  await expect(page).toHaveURL(/\/RadioButtonsPage$/);
  const vehicles = page.getByRole('group', { name: 'Hva slags kjøretøy har du?' });
  await vehicles.getByRole('radio', { name: 'Traktor' }).check();
  await expect(vehicles.getByRole('radio', { name: 'Traktor' })).toBeChecked();

  // NavigationButtons to the checkboxes (the next page in order).
  await page.getByRole('button', { name: 'Neste' }).click();
  await expect(main).toHaveAttribute('data-page', 'CheckboxesPage');
  const uses = page.getByRole('group', { name: 'Hva skal kjøretøyet brukes til?' }).first();
  await uses.getByRole('checkbox', { name: 'Kjøre til hytta på fjellet' }).check();

  await uses.getByRole('checkbox', { name: 'Kjøring i skogen' }).check();
  await expect.poll(saved).toMatchObject({ radioButtonInput: 'traktor', checkboxesInput: 'kjoreTilHyttaPaaFjellet,kjoringISkogen' });

  // The dropdown, by the hash route.
  await goByHash(page, 'DropdownPage');
  await page.getByRole('combobox', { name: 'Hva slags kjøretøy har du?' }).selectOption({ label: 'Båt' });
  await expect.poll(saved).toMatchObject({ dropdown: 'baat' });

  // The repeating group: three rows added, the middle one deleted.
  await goByHash(page, 'RepeatingGroupPage');
  const group = page.getByRole('group', { name: 'Repeterende Gruppe Beskrivelse av repeterende gruppe', exact: true });
  const add = group.getByRole('button', { name: /^Legg til ny/ });
  for (const [name, points] of [['Per', '10'], ['Pål', '20'], ['Espen', '30']] as const) {
    await add.click();
    const nameField = group.getByRole('textbox', { name: 'Navn', exact: true });
    await expect(nameField).toBeFocused();
    await nameField.pressSequentially(name, { delay: 10 });
    await group.getByRole('textbox', { name: 'Poeng', exact: true }).fill(points);
    await group.getByRole('button', { name: /^Lagre og lukk/ }).click();
  }
  // `points` is an integer in the schema, so what was typed is saved as a number, as Altinn does.
  await expect.poll(saved).toMatchObject({ repeatingGroup: [{ name: 'Per', points: 10 }, { name: 'Pål', points: 20 }, { name: 'Espen', points: 30 }] });
  await group.getByRole('button', { name: 'Slett rad 2' }).click();
  await expect.poll(async () => ((await saved()).repeatingGroup as unknown[] | undefined)?.length).toBe(2);

  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'runtime-fixture-form.png'), fullPage: true });

  // Everything the person did, read back through the app API.
  const data = await saved();
  expect(data).toMatchObject({
    shortAnswerInput: 'Kari Nordmann',
    radioButtonInput: 'traktor',
    checkboxesInput: 'kjoreTilHyttaPaaFjellet,kjoringISkogen',
    dropdown: 'baat',
    repeatingGroup: [{ name: 'Per', points: 10 }, { name: 'Espen', points: 30 }],
  });
  expect(problems).toEqual([]);
});

test('a person meets required and expression errors in expression-validation-test and fixes them', async ({ page, request }) => {
  test.skip(!existsSync(path.join(cvAppDir, 'App')), `no fixture app at ${cvAppDir}`);
  test.setTimeout(90_000);
  const { saved, problems } = await openApp(page, request, cvAppDir, 'skjema');
  const main = page.locator('main.rt-page');
  await expect(main).toHaveAttribute('data-page', 'CV');
  await expect(page.getByRole('heading', { name: 'CV for Altinn' })).toBeVisible();
  const report = page.getByTestId('error-report');
  await expect(report).toHaveCount(0);

  // "Next" validates the page: the required errors are listed and the person stays on the page.
  await page.getByRole('button', { name: 'Neste (valider)' }).click();
  await expect(report).toBeVisible();
  await expect(main).toHaveAttribute('data-page', 'CV');
  const fornavnError = report.getByRole('link', { name: 'Du må fylle ut fornavn' });
  await expect(fornavnError).toBeVisible();
  await expect(report.getByRole('link', { name: 'Du må fylle ut etternavn' })).toBeVisible();
  await fornavnError.click();
  const fornavn = page.getByRole('textbox', { name: 'Fornavn' });
  await expect(fornavn).toBeFocused();
  await fornavn.pressSequentially('Kari', { delay: 10 });
  await expect(fornavnError).toHaveCount(0);
  await expect(fornavn).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('textbox', { name: 'Etternavn' }).fill('Nordmann');
  await expect(report.getByRole('link', { name: 'Du må fylle ut etternavn' })).toHaveCount(0);

  // The app's own expression validation: the e-mail must end with @altinn.no.
  const epost = page.getByRole('textbox', { name: 'E-post' });
  await epost.fill('kari@example.no');
  await expect(report.getByRole('link', { name: "E-post må slutte med '@altinn.no'" })).toBeVisible();
  await expect(epost).toHaveAttribute('aria-invalid', 'true');
  await epost.fill('kari@altinn.no');
  await expect(report.getByRole('link', { name: "E-post må slutte med '@altinn.no'" })).toHaveCount(0);

  await expect.poll(saved).toMatchObject({ root: { fornavn: 'Kari', etternavn: 'Nordmann', epost: 'kari@altinn.no' } });
  await page.screenshot({ path: path.join(shots, 'runtime-fixture-form-validation.png'), fullPage: true });
  expect(problems).toEqual([]);
});
