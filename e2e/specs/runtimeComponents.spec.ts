/**
 * The runtime's form, presentation and action components on an app of their own, served by the
 * preview host: number formatting, time, address, attachments kept in the preview, media, safe
 * links, option labels, the sandboxed IFrame, custom buttons and the navigation bar. A second app
 * has summaries that follow what they show as it is typed, and a repeating group whose table (and
 * its Summary2 with `display: "table"`) has a column from a group nested in the row.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startRuntimeHost, type RuntimeHost } from '../../runtime/server/runtimeHost';
import { ensureBuilt } from '../../scripts/ensureBuilt.mjs';
import { json as appJson, oneTaskProcess, serveAppFiles } from '../runtimeApps';

const root = path.resolve(import.meta.dirname, '..', '..');
const clientDir = path.join(root, 'out', 'runtime-client');
const json = (value: unknown) => JSON.stringify(value, null, 2);
const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:altinn="http://altinn.no/process">
  <bpmn:process id="P" isExecutable="false">
    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:task id="Task_1"><bpmn:extensionElements><altinn:taskExtension><altinn:taskType>data</altinn:taskType></altinn:taskExtension></bpmn:extensionElements></bpmn:task>
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_1" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task_1" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

const kinds = [{ value: 'car', label: 'Personbil' }, { value: 'truck', label: 'Lastebil' }];
const first = [
  { id: 'title1', type: 'Header', size: 'L', textResourceBindings: { title: 'Kjøretøy' } },
  { id: 'nav', type: 'NavigationBar' },
  { id: 'price', type: 'Input', formatting: { currency: 'NOK' }, dataModelBindings: { simpleBinding: 'price' }, textResourceBindings: { title: 'Pris' } },
  { id: 'weight', type: 'Input', formatting: { number: { thousandSeparator: ' ', suffix: ' kg', allowNegative: false } }, dataModelBindings: { simpleBinding: 'weight' }, textResourceBindings: { title: 'Vekt' } },
  { id: 'pickup', type: 'TimePicker', minTime: '08:00', maxTime: '16:00', dataModelBindings: { simpleBinding: 'pickup' }, textResourceBindings: { title: 'Hentetid' } },
  {
    id: 'addr',
    type: 'Address',
    simplified: false,
    dataModelBindings: { address: 'owner.street', zipCode: 'owner.zip', postPlace: 'owner.place', careOf: 'owner.careOf', houseNumber: 'owner.house' },
  },
  { id: 'kind', type: 'RadioButtons', options: kinds, dataModelBindings: { simpleBinding: 'kind' }, textResourceBindings: { title: 'Type' } },
  { id: 'kindLabel', type: 'Option', options: kinds, value: ['dataModel', 'kind'], textResourceBindings: { title: 'Valgt type' } },
  { id: 'docs', type: 'FileUploadWithTag', options: [{ value: 'reg', label: 'Vognkort' }, { value: 'other', label: 'Annet' }], validFileEndings: ['.pdf'], maxNumberOfAttachments: 2, textResourceBindings: { title: 'Dokumenter', tagTitle: 'Dokumenttype' } },
  { id: 'logo', type: 'Image', image: { src: { nb: png }, width: '40px', align: 'center' }, textResourceBindings: { altTextImg: 'Logo for etaten' } },
  { id: 'help', type: 'Link', openInNewTab: true, textResourceBindings: { title: 'Les veiledningen', target: 'https://example.org/guide' } },
  { id: 'bad', type: 'Link', style: 'primary', textResourceBindings: { title: 'Farlig lenke', target: 'javascript:alert(1)' } },
  { id: 'frame', type: 'IFrame', textResourceBindings: { title: '<p>Hei fra rammen</p><script>parent.__framed = 1</script>' } },
  { id: 'fetch', type: 'CustomButton', buttonStyle: 'secondary', actions: [{ type: 'ServerAction', id: 'fetchRegister' }], textResourceBindings: { title: 'Hent fra registeret' } },
  { id: 'toReview', type: 'CustomButton', actions: [{ type: 'ClientAction', id: 'navigateToPage', metadata: { page: 'Review' } }], textResourceBindings: { title: 'Gå til kontroll' } },
];
const review = [
  { id: 'title2', type: 'Header', size: 'L', textResourceBindings: { title: 'Kontroll' } },
  { id: 'nav2', type: 'NavigationBar' },
  { id: 'attachments', type: 'AttachmentList', dataTypeIds: ['docs'], textResourceBindings: { title: 'Vedlagte dokumenter' } },
  { id: 'info', type: 'InstanceInformation', elements: { dateSent: false } },
  { id: 'print', type: 'PrintButton' },
  { id: 'confirm', type: 'ActionButton', action: 'confirm' },
  { id: 'back', type: 'CustomButton', actions: [{ type: 'ClientAction', id: 'previousPage' }], textResourceBindings: { title: 'Forrige side' } },
];
const schema = {
  type: 'object',
  properties: {
    price: { type: 'string' },
    weight: { type: 'string' },
    pickup: { type: 'string' },
    kind: { type: 'string' },
    owner: { type: 'object', properties: { street: { type: 'string' }, zip: { type: 'string' }, place: { type: 'string' }, careOf: { type: 'string' }, house: { type: 'string' } } },
  },
};
const files: Record<string, string> = {
  'App/config/applicationmetadata.json': json({
    id: 'acme/vehicles',
    org: 'acme',
    title: { nb: 'Kjøretøy' },
    dataTypes: [
      { id: 'vehicle', taskId: 'Task_1', maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Vehicle' } },
      { id: 'docs', taskId: 'Task_1', maxCount: 2 },
    ],
  }),
  'App/config/process/process.bpmn': bpmn,
  'App/config/texts/resource.nb.json': json({ language: 'nb', resources: [{ id: 'appName', value: 'Kjøretøyregistrering' }, { id: 'Details', value: 'Detaljer' }, { id: 'Review', value: 'Kontroll' }] }),
  'App/ui/layout-sets.json': json({ sets: [{ id: 'form', dataType: 'vehicle', tasks: ['Task_1'] }] }),
  'App/ui/form/layouts/Details.json': json({ data: { layout: first } }),
  'App/ui/form/layouts/Review.json': json({ data: { layout: review } }),
  'App/ui/form/layouts/Hidden.json': json({ data: { hidden: true, layout: [{ id: 'h', type: 'Paragraph', textResourceBindings: { title: 'Skjult' } }] } }),
  'App/ui/form/Settings.json': json({ pages: { order: ['Details', 'Hidden', 'Review'] } }),
  'App/models/vehicle.schema.json': json(schema),
};

let host: RuntimeHost;
let appDir: string;

test.beforeAll(async () => {
  if (!existsSync(path.join(clientDir, 'index.html'))) {
    // One build at a time, through the project's build (a lock keeps parallel workers apart).
    ensureBuilt({ quiet: true });
  }
  appDir = mkdtempSync(path.join(os.tmpdir(), 'rt-components-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(appDir, rel)), { recursive: true });
    writeFileSync(path.join(appDir, rel), text);
  }
  host = await startRuntimeHost({ appDir, clientDir });
});
test.afterAll(async () => {
  await host?.close();
  if (appDir) rmSync(appDir, { recursive: true, force: true });
});

const spaced = (s: string) => new RegExp(`^${s.replace(/ /g, '[\\s\\u00a0\\u202f]')}$`);

test('components format, validate, upload attachments to the runtime and navigate', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Kjøretøy', level: 2 })).toBeVisible();

  // Navigation bar: the hidden page is skipped, the current page is marked.
  const nav = page.getByRole('navigation', { name: 'Sider i skjemaet' });
  await expect(nav.getByRole('button')).toHaveText(['1. Detaljer', '2. Kontroll']);
  await expect(nav.getByRole('button', { name: '1. Detaljer' })).toHaveAttribute('aria-current', 'page');

  // Number formatting: typed text is kept while editing, formatted after.
  const price = page.getByRole('textbox', { name: 'Pris' });
  await price.fill('1234,5');
  await price.blur();
  await expect(price).toHaveValue(spaced('1 234,5 kr'));
  const weight = page.getByRole('textbox', { name: 'Vekt' });
  await weight.fill('-12345');
  await weight.blur();
  await expect(weight).toHaveValue('12 345 kg');

  const time = page.getByLabel('Hentetid');
  await expect(time).toHaveAttribute('min', '08:00');
  await expect(time).toHaveAttribute('max', '16:00');
  await time.fill('09:30');

  const address = page.getByRole('group', { name: 'Adresse' });
  await address.getByRole('textbox', { name: 'Gateadresse' }).fill('Storgata 1');
  await address.getByRole('textbox', { name: 'Postnr' }).fill('0155');
  await address.getByRole('textbox', { name: 'Poststed' }).fill('Oslo');
  await expect(address.getByRole('textbox', { name: 'C/O eller annen tilleggsadresse' })).toBeVisible();
  await expect(address.getByRole('textbox', { name: 'Bolignummer' })).toBeVisible();

  await page.getByRole('radio', { name: 'Lastebil' }).check();
  await expect(page.locator('[data-componentid="kindLabel"]')).toContainText('Lastebil');

  // Attachments go to the runtime's data routes: wrong ending refused, the list shows name and size, tags and delete work.
  const upload = page.getByLabel('Dokumenter');
  await upload.setInputFiles([
    { name: 'vognkort.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(2048) },
    { name: 'bilde.txt', mimeType: 'text/plain', buffer: Buffer.from('x') },
  ]);
  await expect(page.getByText('bilde.txt er ikke blant de tillatte filtypene.')).toBeVisible();
  const list = page.getByTestId('files-docs');
  await expect(list.getByRole('row').nth(1)).toContainText('vognkort.pdf');
  await expect(list.getByRole('row').nth(1)).toContainText('2.0 KB');
  await list.getByRole('combobox', { name: 'Kategori for vognkort.pdf' }).selectOption('reg');
  await upload.setInputFiles([{ name: 'ekstra.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(10) }]);
  await list.getByRole('button', { name: 'Slett vedlegg ekstra.pdf' }).click();
  await expect(list.getByRole('row')).toHaveCount(2);

  await expect(page.getByRole('img', { name: 'Logo for etaten' })).toHaveAttribute('src', /^data:image\/png/);
  const link = page.getByRole('link', { name: 'Les veiledningen' });
  await expect(link).toHaveAttribute('href', 'https://example.org/guide');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(page.getByRole('link', { name: 'Farlig lenke' })).toHaveCount(0);
  await expect(page.locator('[data-componentid="bad"]')).toContainText('bare http-, https- og mailto-adresser');

  const frame = page.locator('iframe[data-componentid="frame"]');
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(frame).toHaveAttribute('title', 'Innebygd innhold');
  await expect(page.frameLocator('iframe[data-componentid="frame"]').getByText('Hei fra rammen')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __framed?: number }).__framed)).toBeUndefined();

  // A server action is shown but does not run; its tooltip says why.
  const serverButton = page.getByRole('button', { name: 'Hent fra registeret' });
  await expect(serverButton).toHaveAttribute('aria-disabled', 'true');
  await serverButton.hover();
  await expect(page.getByText('Runs on the server; not available in the preview')).toBeVisible();
  await expect(serverButton).toHaveAccessibleDescription('Runs on the server; not available in the preview');

  await page.getByRole('button', { name: 'Gå til kontroll' }).click();
  await expect(page.getByRole('heading', { name: 'Kontroll', level: 2 })).toBeVisible();
  await expect(page).toHaveURL(/\/Review$/);
  await expect(page.getByRole('navigation').getByRole('button', { name: '2. Kontroll' })).toHaveAttribute('aria-current', 'page');
  const attachments = page.locator('[data-componentid="attachments"]');
  await expect(attachments.getByRole('heading', { name: 'Vedlagte dokumenter' })).toBeVisible();
  await expect(attachments.getByRole('listitem')).toHaveText(['vognkort.pdf (2.0 KB)']);
  const guid = /#\/instance\/\d+\/([0-9a-f-]+)\//.exec(page.url())![1]!;
  await expect(page.locator('[data-componentid="info"]')).toContainText(guid.split('-').pop()!);
  await expect(page.locator('[data-componentid="info"]')).not.toContainText('Dato sendt');
  await expect(page.getByRole('button', { name: 'Skriv ut / lagre PDF' })).toBeVisible();
  // An ActionButton whose action this data task does not give (confirm) cannot be pressed.
  await expect(page.getByRole('button', { name: 'Bekreft' })).toBeDisabled();

  await page.getByRole('button', { name: 'Forrige side' }).click();
  await expect(page.getByRole('heading', { name: 'Kjøretøy', level: 2 })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Pris' })).toHaveValue(spaced('1 234,5 kr'));
  await expect(page.getByTestId('files-docs').getByRole('row')).toHaveCount(2);

  // What was saved, read back through the app API (the page's cookie carries the preview token).
  const [, partyId] = /#\/instance\/(\d+)\//.exec(page.url())!;
  const base = new URL(host.url);
  const instanceUrl = `${base.origin}/acme/vehicles/instances/${partyId}/${guid}`;
  const instance = (await (await page.request.get(instanceUrl)).json()) as { data: { id: string; dataType: string }[] };
  const element = instance.data.find((d) => d.dataType === 'vehicle')!;
  await expect
    .poll(async () => (await page.request.get(`${instanceUrl}/data/${element.id}`)).json())
    .toMatchObject({ price: '1234.5', weight: '12345', pickup: '09:30', kind: 'truck', owner: { street: 'Storgata 1', zip: '0155', place: 'Oslo' } });
  expect(errors).toEqual([]);
});

const peopleApp: Record<string, string> = {
  'App/config/applicationmetadata.json': appJson({
    id: 'acme/people',
    org: 'acme',
    title: { nb: 'Personer' },
    dataTypes: [{ id: 'people', taskId: 'Task_1', maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.People' } }],
  }),
  'App/config/process/process.bpmn': oneTaskProcess,
  'App/config/texts/resource.nb.json': appJson({ language: 'nb', resources: [{ id: 'appName', value: 'Personer' }] }),
  'App/ui/layout-sets.json': appJson({ sets: [{ id: 'form', dataType: 'people', tasks: ['Task_1'] }] }),
  'App/ui/form/Settings.json': appJson({ pages: { order: ['People'] } }),
  'App/ui/form/layouts/People.json': appJson({
    data: {
      layout: [
        { id: 'contact', type: 'Input', dataModelBindings: { simpleBinding: 'contact' }, textResourceBindings: { title: 'Kontaktperson' } },
        { id: 'persons', type: 'RepeatingGroup', dataModelBindings: { group: 'persons' }, tableHeaders: ['pname', 'pcity'], children: ['pname', 'address'], textResourceBindings: { title: 'Personer' } },
        { id: 'pname', type: 'Input', dataModelBindings: { simpleBinding: 'persons.name' }, textResourceBindings: { title: 'Navn' } },
        { id: 'address', type: 'Group', children: ['pcity'], textResourceBindings: { title: 'Adresse' } },
        { id: 'pcity', type: 'Input', dataModelBindings: { simpleBinding: 'persons.city' }, textResourceBindings: { title: 'By' } },
        { id: 'sumContact', type: 'Summary2', target: { type: 'component', id: 'contact' } },
        { id: 'sumPersons', type: 'Summary2', target: { type: 'component', id: 'persons' }, overrides: [{ componentId: 'persons', display: 'table' }] },
      ],
    },
  }),
  'App/models/people.schema.json': appJson({
    type: 'object',
    properties: { contact: { type: 'string' }, persons: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, city: { type: 'string' } } } } },
  }),
};

test('summaries follow what they show; a column from a nested group shows in the table and its table summary', async ({ page }) => {
  const served = await serveAppFiles(peopleApp);
  try {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(served.url);
    const contactSummary = page.locator('[data-componentid="sumContact"]');
    await page.getByRole('textbox', { name: 'Kontaktperson' }).fill('Kari');
    await expect(contactSummary).toContainText('Kari');

    const group = page.getByRole('group', { name: 'Personer' });
    await page.getByRole('button', { name: /^Legg til ny/ }).click();
    await group.getByRole('textbox', { name: 'Navn' }).fill('Per');
    await group.getByRole('textbox', { name: 'By' }).fill('Oslo');

    // The Summary2 of the group is a table with the group's columns, following each keystroke.
    const summaryTable = page.locator('[data-componentid="sumPersons"]').getByRole('table', { name: 'Personer' });
    await expect(summaryTable.getByRole('columnheader')).toHaveText(['Navn', 'By']);
    await expect(summaryTable.getByRole('row').nth(1).getByRole('cell')).toHaveText(['Per', 'Oslo']);
    await group.getByRole('textbox', { name: 'By' }).fill('Bergen');
    await expect(summaryTable.getByRole('row').nth(1).getByRole('cell')).toHaveText(['Per', 'Bergen']);

    // The group's own table: the city cell comes from the nested Address group.
    await group.getByRole('button', { name: /^Lagre og lukk/ }).click();
    const table = group.locator('table.rt-rg-table');
    await expect(table.getByRole('row').nth(1).getByRole('cell').nth(0)).toHaveText('Per');
    await expect(table.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText('Bergen');
    mkdirSync(path.join(root, 'e2e', 'screenshots'), { recursive: true });
    await page.screenshot({ path: path.join(root, 'e2e', 'screenshots', 'runtime-summary-table.png'), fullPage: true });
    expect(errors).toEqual([]);
  } finally {
    await served.close();
  }
});
