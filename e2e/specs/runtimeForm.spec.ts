/**
 * The runtime form app as an end user meets it: the runtime server serves the built client at
 * /{org}/{app}/ and the app API beside it; a person fills the form, meets a required error in the
 * error report, fixes it, moves on, and the saved data is checked through the API.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { json, oneTaskProcess, type ServedApp, serveAppFiles } from '../runtimeApps';

const root = path.resolve(import.meta.dirname, '..', '..');
const shots = path.join(root, 'e2e', 'screenshots');

const page1 = {
  data: {
    layout: [
      { id: 'intro-title', type: 'Header', size: 'L', textResourceBindings: { title: 'intro.title' } },
      { id: 'intro-text', type: 'Paragraph', textResourceBindings: { title: 'intro.body' } },
      { id: 'name', type: 'Input', required: true, dataModelBindings: { simpleBinding: 'applicant.name' }, textResourceBindings: { title: 'name.title', description: 'name.desc' } },
      {
        id: 'kind',
        type: 'RadioButtons',
        dataModelBindings: { simpleBinding: 'applicant.kind' },
        textResourceBindings: { title: 'kind.title' },
        options: [{ value: 'person', label: 'kind.person' }, { value: 'company', label: 'kind.company' }],
      },
      { id: 'orgnr', type: 'Input', hidden: ['notEquals', ['dataModel', 'applicant.kind'], 'company'], dataModelBindings: { simpleBinding: 'applicant.orgnr' }, textResourceBindings: { title: 'Organisasjonsnummer' } },
      { id: 'country', type: 'Dropdown', optionsId: 'countries', sortOrder: 'asc', dataModelBindings: { simpleBinding: 'applicant.country' }, textResourceBindings: { title: 'country.title' } },
      { id: 'nav1', type: 'NavigationButtons', validateOnNext: { page: 'current', show: ['All'] } },
    ],
  },
};
const page2 = {
  data: {
    layout: [
      { id: 'more-title', type: 'Header', size: 'L', textResourceBindings: { title: 'more.title' } },
      { id: 'greeting', type: 'Text', value: ['concat', 'Hei, ', ['dataModel', 'applicant.name']], textResourceBindings: { title: 'Oppsummert' } },
      { id: 'topics', type: 'Checkboxes', dataModelBindings: { simpleBinding: 'topics' }, textResourceBindings: { title: 'topics.title' }, options: [{ value: 'a', label: 'Skatt' }, { value: 'b', label: 'Helse' }] },
      { id: 'start', type: 'Datepicker', dataModelBindings: { simpleBinding: 'startDate' }, textResourceBindings: { title: 'Startdato' } },
      { id: 'map', type: 'Map', textResourceBindings: { title: 'Kart' } },
      { id: 'nav2', type: 'NavigationButtons', showBackButton: true },
      { id: 'send', type: 'Button', textResourceBindings: { title: 'Send inn' } },
    ],
  },
};
const nb = {
  language: 'nb',
  resources: [
    { id: 'appName', value: 'Søknad om løyve' },
    { id: 'intro.title', value: 'Om deg' },
    { id: 'intro.body', value: '**Merk:** les [veiledningen](https://example.org/guide) først. <img src="x" onerror="window.__xss=1">' },
    { id: 'name.title', value: 'Navn' },
    { id: 'name.desc', value: 'Fullt navn slik det står i folkeregisteret' },
    { id: 'kind.title', value: 'Hvem søker?' },
    { id: 'kind.person', value: 'Privatperson' },
    { id: 'kind.company', value: 'Virksomhet' },
    { id: 'country.title', value: 'Land' },
    { id: 'more.title', value: 'Mer om søknaden, {0}', variables: [{ key: 'applicant.name', dataSource: 'dataModel.default' }] },
    { id: 'topics.title', value: 'Tema' },
  ],
};
const metadata = {
  id: 'acme/permit',
  org: 'acme',
  title: { nb: 'Løyve' },
  dataTypes: [{ id: 'permit', taskId: 'Task_1', maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Permit' } }],
};
const schema = {
  type: 'object',
  properties: {
    applicant: { type: 'object', properties: { name: { type: 'string', maxLength: 60 }, kind: { type: 'string' }, orgnr: { type: 'string' }, country: { type: 'string' } } },
    topics: { type: 'string' },
    startDate: { type: 'string' },
  },
};
const files: Record<string, string> = {
  'App/config/applicationmetadata.json': json(metadata),
  'App/config/process/process.bpmn': oneTaskProcess,
  'App/config/texts/resource.nb.json': json(nb),
  'App/ui/layout-sets.json': json({ sets: [{ id: 'form', dataType: 'permit', tasks: ['Task_1'] }] }),
  'App/ui/form/layouts/Page1.json': json(page1),
  'App/ui/form/layouts/Page2.json': json(page2),
  'App/ui/form/Settings.json': json({ pages: { order: ['Page1', 'Page2'] } }),
  'App/options/countries.json': json([{ value: 'SE', label: 'Sverige' }, { value: 'NO', label: 'Norge' }, { value: 'DK', label: 'Danmark' }]),
  'App/models/permit.schema.json': json(schema),
};

let server: ServedApp;

// The real runtime host, as the studio's preview runs it (token and all).
test.beforeAll(async () => {
  server = await serveAppFiles(files);
});
test.afterAll(() => server?.close());

test('a person fills the form, fixes a required error from the error report, and the data is saved', async ({ page, request }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Søknad om løyve' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Om deg' })).toBeVisible();

  // App texts are Markdown, sanitised: the link opens safely and the injected handler is gone.
  const link = page.getByRole('link', { name: 'veiledningen' });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(page.locator('.rt-markdown img[onerror]')).toHaveCount(0);
  expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();

  const name = page.getByRole('textbox', { name: 'Navn' });
  await expect(name).toHaveAccessibleDescription(/Fullt navn/);
  await expect(page.getByRole('textbox', { name: 'Organisasjonsnummer' })).toHaveCount(0);

  // Next without a name: navigation is blocked and the error report links to the field.
  await page.getByRole('button', { name: 'Neste' }).click();
  const report = page.getByTestId('error-report');
  await expect(report).toBeVisible();
  const errorLink = report.getByRole('link', { name: 'Du må fylle ut navn' });
  await errorLink.click();
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/Du må fylle ut navn/);

  await name.fill('Kari Nordmann');
  await expect(report).toHaveCount(0);
  await page.getByRole('radio', { name: 'Virksomhet' }).check();
  await expect(page.getByRole('textbox', { name: 'Organisasjonsnummer' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Organisasjonsnummer' }).fill('123456789');
  const country = page.getByRole('combobox', { name: 'Land' });
  await expect(country.locator('option')).toHaveText(['Velg …', 'Danmark', 'Norge', 'Sverige']);
  await country.selectOption('NO');

  await page.getByRole('button', { name: 'Neste' }).click();
  const heading = page.getByRole('heading', { name: 'Mer om søknaden, Kari Nordmann' });
  await expect(heading).toBeFocused();
  await expect(page).toHaveURL(/#\/instance\/50000000\/[0-9a-f-]+\/Task_1\/Page2$/);
  await expect(page.getByText('Hei, Kari Nordmann')).toBeVisible();
  await expect(page.locator('[data-placeholder="Map"]')).toContainText('Map');
  await page.getByRole('checkbox', { name: 'Helse' }).check();
  await page.getByRole('checkbox', { name: 'Skatt' }).check();
  await page.getByLabel('Startdato').fill('2026-12-24');
  await page.getByRole('button', { name: 'Send inn' }).click();
  await expect(page.getByTestId('sent')).toBeVisible();

  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'runtime-form.png'), fullPage: true });

  // The saved data, read back through the app API.
  const [, partyId, guid] = /#\/instance\/(\d+)\/([0-9a-f-]+)\//.exec(page.url())!;
  const instance = (await (await request.get(`${server.base}instances/${partyId}/${guid}`, { headers: server.headers })).json()) as { data: { id: string }[] };
  await expect
    .poll(async () => (await request.get(`${server.base}instances/${partyId}/${guid}/data/${instance.data[0]!.id}`, { headers: server.headers })).json())
    .toMatchObject({ applicant: { name: 'Kari Nordmann', kind: 'company', orgnr: '123456789', country: 'NO' }, topics: 'a,b', startDate: '2026-12-24' });
});
