/**
 * Repeating groups in the runtime form app: a person adds three rows (focus lands in the new row),
 * meets a required error inside a row on save, edits one row, deletes another (with a confirm), and
 * the saved rows are read back through the app API. Other containers render on the same page.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { json, oneTaskProcess, type ServedApp, serveAppFiles } from '../runtimeApps';

const root = path.resolve(import.meta.dirname, '..', '..');
const shots = path.join(root, 'e2e', 'screenshots');

const layout = {
  data: {
    layout: [
      { id: 'title', type: 'Header', size: 'L', textResourceBindings: { title: 'Husstanden' } },
      {
        id: 'people',
        type: 'RepeatingGroup',
        dataModelBindings: { group: 'people' },
        children: ['name', 'role', 'age'],
        tableHeaders: ['name', 'role'],
        maxCount: 1001,
        validateOnSaveRow: ['All'],
        edit: { alertOnDelete: true },
        textResourceBindings: { title: 'people.title', add_button: 'person' },
      },
      { id: 'name', type: 'Input', required: true, dataModelBindings: { simpleBinding: 'people.name' }, textResourceBindings: { title: 'Navn' } },
      {
        id: 'role',
        type: 'Dropdown',
        dataModelBindings: { simpleBinding: 'people.role' },
        textResourceBindings: { title: 'Rolle' },
        options: [{ value: 'adult', label: 'Voksen' }, { value: 'child', label: 'Barn' }],
      },
      { id: 'age', type: 'Input', dataModelBindings: { simpleBinding: 'people.age' }, textResourceBindings: { title: 'Alder' } },
      { id: 'nav1', type: 'NavigationButtons' },
    ],
  },
};
const overview = {
  data: {
    layout: [
      { id: 'ov-title', type: 'Header', size: 'L', textResourceBindings: { title: 'Oversikt' } },
      {
        id: 'survey',
        type: 'Likert',
        dataModelBindings: { questions: 'survey', answer: 'survey.answer' },
        textResourceBindings: { title: 'Hvor enig er du?', questions: 'survey.q' },
        options: [{ value: '1', label: 'Uenig' }, { value: '2', label: 'Enig' }],
      },
      { id: 'tabs', type: 'Tabs', tabs: [{ id: 't1', title: 'Første fane', children: ['note'] }, { id: 't2', title: 'Andre fane', children: ['acc'] }] },
      { id: 'note', type: 'Paragraph', textResourceBindings: { title: 'Innhold i første fane' } },
      { id: 'acc', type: 'Accordion', children: ['accText'], textResourceBindings: { title: 'Mer informasjon' } },
      { id: 'accText', type: 'Paragraph', textResourceBindings: { title: 'Skjult tekst' } },
      { id: 'grid', type: 'Grid', rows: [{ header: true, cells: [{ text: 'Post' }, { text: 'Beløp' }] }, { cells: [{ text: 'Lønn' }, { component: 'salary' }] }] },
      { id: 'salary', type: 'Input', dataModelBindings: { simpleBinding: 'salary' }, textResourceBindings: { title: 'Lønn' } },
      { id: 'summary', type: 'Summary2', target: { type: 'layoutSet' } },
    ],
  },
};
const nb = {
  language: 'nb',
  resources: [
    { id: 'appName', value: 'Husstandsskjema' },
    { id: 'people.title', value: 'Personer i husstanden' },
    { id: 'q1', value: 'Skjemaet er enkelt' },
    { id: 'q2', value: 'Skjemaet er raskt' },
  ],
};
const metadata = {
  id: 'acme/household',
  org: 'acme',
  title: { nb: 'Husstand' },
  dataTypes: [{ id: 'household', taskId: 'Task_1', maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Household' } }],
};
const schema = {
  type: 'object',
  properties: {
    people: {
      type: 'array',
      items: { type: 'object', properties: { altinnRowId: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, age: { type: 'string' } } },
    },
    survey: { type: 'array', items: { type: 'object', properties: { q: { type: 'string' }, answer: { type: 'string' } } } },
    salary: { type: 'string' },
  },
};
const files: Record<string, string> = {
  'App/config/applicationmetadata.json': json(metadata),
  'App/config/process/process.bpmn': oneTaskProcess,
  'App/config/texts/resource.nb.json': json(nb),
  'App/ui/layout-sets.json': json({ sets: [{ id: 'form', dataType: 'household', tasks: ['Task_1'] }] }),
  'App/ui/form/layouts/People.json': json(layout),
  'App/ui/form/layouts/Overview.json': json(overview),
  'App/ui/form/Settings.json': json({ pages: { order: ['People', 'Overview'] } }),
  'App/models/household.schema.json': json(schema),
};

let server: ServedApp;

// The real runtime host, as the studio's preview runs it (token and all).
test.beforeAll(async () => {
  server = await serveAppFiles(files);
});
test.afterAll(() => server?.close());

test('a person adds, fills, edits and deletes rows of a repeating group, and the rows are saved', async ({ page, request }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Husstanden' })).toBeVisible();
  const add = page.getByRole('button', { name: 'Legg til ny person' });
  const group = page.getByRole('group', { name: 'Personer i husstanden' });
  const name = group.getByRole('textbox', { name: 'Navn' });

  // Row 1: focus lands in its first field.
  await add.click();
  await expect(name).toBeFocused();
  await name.fill('Kari');
  await group.getByRole('combobox', { name: 'Rolle' }).selectOption('adult');
  await page.getByRole('button', { name: 'Lagre og lukk rad 1' }).click();

  // Row 2: saving it empty shows the required error inside the row and keeps it open.
  await add.click();
  await expect(name).toBeFocused();
  await page.getByRole('button', { name: 'Lagre og lukk rad 2' }).click();
  const editRow = page.getByRole('group', { name: 'Rediger rad 2' });
  await expect(editRow.getByText('Du må fylle ut navn')).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await name.fill('Ola');
  await expect(editRow.getByText('Du må fylle ut navn')).toHaveCount(0);
  await page.getByRole('button', { name: 'Lagre og lukk rad 2' }).click();

  // Row 3.
  await add.click();
  await expect(name).toBeFocused();
  await name.fill('Per');
  await group.getByRole('combobox', { name: 'Rolle' }).selectOption('child');
  await page.getByRole('button', { name: 'Lagre og lukk rad 3' }).click();

  const table = group.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Navn', 'Rolle', 'Handlinger']);
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row').nth(3).getByRole('cell').nth(1)).toHaveText('Barn');

  // Edit row 2.
  await page.getByRole('button', { name: 'Rediger rad 2' }).click();
  await expect(name).toHaveValue('Ola');
  await name.fill('Ola Nordmann');
  await page.getByRole('button', { name: 'Lagre og lukk rad 2' }).click();
  await expect(table.getByRole('row').nth(2).getByRole('cell').first()).toHaveText('Ola Nordmann');

  // Delete row 1 after confirming.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Slett rad 1' }).click();
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('Ola Nordmann');

  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'runtime-repeating.png'), fullPage: true });

  // The saved rows, read back through the app API.
  const [, partyId, guid] = /#\/instance\/(\d+)\/([0-9a-f-]+)\//.exec(page.url())!;
  const instance = (await (await request.get(`${server.base}instances/${partyId}/${guid}`, { headers: server.headers })).json()) as { data: { id: string }[] };
  await expect
    .poll(async () => (await request.get(`${server.base}instances/${partyId}/${guid}/data/${instance.data[0]!.id}`, { headers: server.headers })).json())
    .toMatchObject({ people: [{ name: 'Ola Nordmann' }, { name: 'Per', role: 'child' }] });
  const saved = (await (await request.get(`${server.base}instances/${partyId}/${guid}/data/${instance.data[0]!.id}`, { headers: server.headers })).json()) as { people: { altinnRowId: string }[] };
  expect(saved.people).toHaveLength(2);
  for (const row of saved.people) expect(row.altinnRowId).toMatch(/^[0-9a-f-]{36}$/);
});

/** The instance's data URL, taken from the page's hash route. */
async function dataUrl(page: Page, request: APIRequestContext): Promise<string> {
  await expect(page).toHaveURL(/#\/instance\/\d+\/[0-9a-f-]+\//);
  const [, partyId, guid] = /#\/instance\/(\d+)\/([0-9a-f-]+)\//.exec(page.url())!;
  const instance = (await (await request.get(`${server.base}instances/${partyId}/${guid}`, { headers: server.headers })).json()) as { data: { id: string }[] };
  return `${server.base}instances/${partyId}/${guid}/data/${instance.data[0]!.id}`;
}

/** Opens the form with `seed` as the new instance's data (the first data load answers with it). */
async function openWith(page: Page, seed: unknown): Promise<void> {
  let seeded = false;
  await page.route('**/instances/*/*/data/*', async (route) => {
    if (route.request().method() !== 'GET' || seeded) return route.continue();
    seeded = true;
    await route.fulfill({ json: seed });
  });
  await page.goto(server.url);
}

test('the other containers render: Likert, Tabs, Accordion, Grid and a Summary2 with a way back', async ({ page, request }) => {
  await openWith(page, { people: [{ altinnRowId: 'r1', name: 'Kari', role: 'adult' }], survey: [{ q: 'q1' }, { q: 'q2' }] });
  const url = await dataUrl(page, request);
  await page.getByRole('button', { name: 'Neste' }).click();
  await expect(page.getByRole('heading', { name: 'Oversikt' })).toBeVisible();

  const likert = page.getByRole('table', { name: 'Hvor enig er du?' });
  await expect(likert.getByRole('columnheader')).toHaveText(['Hvor enig er du?', 'Uenig', 'Enig']);
  await likert.getByRole('radio', { name: 'Skjemaet er raskt: Enig' }).check();

  await expect(page.getByText('Innhold i første fane')).toBeVisible();
  await page.getByRole('tab', { name: 'Andre fane' }).click();
  await page.getByRole('tabpanel', { name: 'Andre fane' }).getByRole('heading', { name: 'Mer informasjon' }).click();
  await expect(page.getByText('Skjult tekst')).toBeVisible();

  await page.locator('[data-componentid="grid"]').getByRole('textbox', { name: 'Lønn' }).fill('50000');
  const summary = page.locator('[data-componentid="summary"]');
  await expect(summary.getByText('Kari')).toBeVisible();
  await expect(summary.getByText('Voksen')).toBeVisible();
  await expect(summary.getByText('50000')).toBeVisible();
  await expect.poll(async () => (await request.get(url, { headers: server.headers })).json()).toMatchObject({ survey: [{ q: 'q1' }, { q: 'q2', answer: '2' }], salary: '50000' });
  await page.screenshot({ path: path.join(shots, 'runtime-containers.png'), fullPage: true });

  await summary.getByRole('button', { name: 'Endre: Lønn' }).click();
  await expect(page.locator('[data-componentid="grid"]').getByRole('textbox', { name: 'Lønn' })).toBeFocused();
});

// How long this takes is a figure of bench/runtimeRender.mjs; tests never assert wall-clock times.
test('a 1,000-row group renders the rows in view, follows scrolling, and a new row gets focus', async ({ page }) => {
  const people = Array.from({ length: 1000 }, (_, i) => ({ altinnRowId: `row-${i}`, name: `Person ${i + 1}` }));
  await openWith(page, { people });
  const group = page.getByRole('group', { name: 'Personer i husstanden' });
  const table = group.getByRole('table');
  // Assistive technology is told the real size; only rows near the view are in the DOM.
  await expect(table).toHaveAttribute('aria-rowcount', '1001');
  await expect(table.getByRole('cell', { name: 'Person 1', exact: true })).toBeVisible();
  expect(await table.getByRole('row').count()).toBeLessThan(200);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(table.getByRole('cell', { name: 'Person 1000', exact: true })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Person 1000' })).toHaveAttribute('aria-rowindex', '1001');
  await page.getByRole('button', { name: 'Legg til ny person' }).click();
  await expect(group.getByRole('textbox', { name: 'Navn' })).toBeFocused();
  // The header, 1,001 data rows and the new row's open edit row.
  await expect(table).toHaveAttribute('aria-rowcount', '1003');
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(table.getByRole('cell', { name: 'Person 1', exact: true })).toBeVisible();
});
