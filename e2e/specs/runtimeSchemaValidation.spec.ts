/**
 * Schema errors in the form app: the page's CSP forbids ajv's code generation, so the runtime server
 * checks the form data against the data model's schema and the form app shows the answer as Altinn's
 * frontend does. A person types a name longer than `maxLength` and a postcode breaking `pattern`,
 * sees Altinn's messages under the fields, is kept on the page by Next, fixes both and moves on.
 */
import { expect, test } from '@playwright/test';
import { json, oneTaskProcess, type ServedApp, serveAppFiles } from '../runtimeApps';

const page1 = {
  data: {
    layout: [
      { id: 'name', type: 'Input', dataModelBindings: { simpleBinding: 'applicant.name' }, textResourceBindings: { title: 'Navn' } },
      { id: 'postcode', type: 'Input', dataModelBindings: { simpleBinding: 'applicant.postcode' }, textResourceBindings: { title: 'Postnummer' } },
      { id: 'nav1', type: 'NavigationButtons', validateOnNext: { page: 'current', show: ['All'] } },
    ],
  },
};
const page2 = { data: { layout: [{ id: 'done', type: 'Header', size: 'L', textResourceBindings: { title: 'Takk' } }] } };
const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  info: { rootNode: '#/$defs/Permit' },
  $defs: {
    Permit: {
      type: 'object',
      properties: {
        applicant: {
          type: 'object',
          properties: { name: { type: 'string', maxLength: 5 }, postcode: { type: 'string', pattern: '^[0-9]{4}$' } },
        },
      },
    },
  },
};
const files: Record<string, string> = {
  'App/config/applicationmetadata.json': json({
    id: 'acme/schema-check',
    org: 'acme',
    title: { nb: 'Skjemasjekk' },
    dataTypes: [{ id: 'permit', taskId: 'Task_1', maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Permit' } }],
  }),
  'App/config/process/process.bpmn': oneTaskProcess,
  'App/config/texts/resource.nb.json': json({ language: 'nb', resources: [{ id: 'appName', value: 'Skjemasjekk' }] }),
  'App/ui/layout-sets.json': json({ sets: [{ id: 'form', dataType: 'permit', tasks: ['Task_1'] }] }),
  'App/ui/form/layouts/Page1.json': json(page1),
  'App/ui/form/layouts/Page2.json': json(page2),
  'App/ui/form/Settings.json': json({ pages: { order: ['Page1', 'Page2'] } }),
  'App/models/permit.schema.json': json(schema),
};

let server: ServedApp;

test.beforeAll(async () => {
  server = await serveAppFiles(files);
});
test.afterAll(() => server?.close());

test('a person breaks maxLength and pattern, sees the messages under the fields, fixes them and moves on', async ({ page }) => {
  const shell = await page.goto(server.url);
  // Schema validation works without weakening the CSP.
  expect(shell?.headers()['content-security-policy']).not.toContain('unsafe-eval');
  await expect(page.getByRole('heading', { level: 1, name: 'Skjemasjekk' })).toBeVisible();

  const name = page.getByRole('textbox', { name: 'Navn' });
  const postcode = page.getByRole('textbox', { name: 'Postnummer' });
  await name.fill('Kari Nordmann');
  await postcode.fill('12a');
  // Schema errors are in the default visibility mask: they show as the person types.
  await expect(name).toHaveAccessibleDescription(/Bruk 5 eller færre tegn/);
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(postcode).toHaveAccessibleDescription(/Feil format eller verdi/);

  // Next decides on the server's answer for what is typed now, and keeps the person here.
  await page.getByRole('button', { name: 'Neste' }).click();
  await expect(page.getByTestId('error-report')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Takk' })).toHaveCount(0);

  await name.fill('Kari');
  await expect(name).not.toHaveAccessibleDescription(/Bruk 5 eller færre tegn/);
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await expect(postcode).toHaveAccessibleDescription(/Feil format eller verdi/);

  // Fixing the last one and pressing Next at once: navigation waits for the check, then moves on.
  await postcode.fill('0150');
  await page.getByRole('button', { name: 'Neste' }).click();
  await expect(page.getByRole('heading', { name: 'Takk' })).toBeVisible();
  await expect(page.getByTestId('error-report')).toHaveCount(0);
});
