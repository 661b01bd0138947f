// Altinn's party selection in the form app: a person who may act for several parties chooses which one
// the new instance is for (filter, sub-units under their parent, birth numbers masked), changes party
// from the header; an organisation-only app lists no persons; someone with no allowed party is told so.
import path from 'node:path';
import { defaultPeople } from '../../runtime/server/people';
import { expect, test } from '../fixtures';
import { json, oneTaskProcess, serveAppFiles, type ServedApp } from '../runtimeApps';

const str = 'http://www.w3.org/2001/XMLSchema#string';
const match = (category: string, id: string, value: string) =>
  `<xacml:Match MatchId="urn:oasis:names:tc:xacml:1.0:function:string-equal"><xacml:AttributeValue DataType="${str}">${value}</xacml:AttributeValue><xacml:AttributeDesignator AttributeId="${id}" Category="${category}" DataType="${str}" MustBePresent="false"/></xacml:Match>`;
const rule = (role: string) =>
  `<xacml:Rule RuleId="${role}" Effect="Permit"><xacml:Target><xacml:AnyOf><xacml:AllOf>${match('urn:oasis:names:tc:xacml:1.0:subject-category:access-subject', 'urn:altinn:rolecode', role)}</xacml:AllOf></xacml:AnyOf><xacml:AnyOf>${['instantiate', 'read', 'write']
    .map((a) => `<xacml:AllOf>${match('urn:oasis:names:tc:xacml:3.0:attribute-category:action', 'urn:oasis:names:tc:xacml:1.0:action:action-id', a)}</xacml:AllOf>`)
    .join('')}</xacml:AnyOf></xacml:Target></xacml:Rule>`;
// Persons for themselves (PRIV) and general managers (DAGL) may start and fill the app.
const policy = `<?xml version="1.0" encoding="utf-8"?>
<xacml:Policy xmlns:xacml="urn:oasis:names:tc:xacml:3.0:core:schema:wd-17" PolicyId="p" Version="1.0" RuleCombiningAlgId="urn:oasis:names:tc:xacml:3.0:rule-combining-algorithm:deny-overrides"><xacml:Target/>${rule('PRIV')}${rule('DAGL')}</xacml:Policy>`;

/** A one-page app; `metadata` adds to its applicationmetadata (partyTypesAllowed, promptForParty). */
function appFiles(name: string, metadata: Record<string, unknown>): Record<string, string> {
  return {
    'App/config/authorization/policy.xml': policy,
    'App/config/applicationmetadata.json': json({
      id: `ttd/${name}`,
      org: 'ttd',
      title: { nb: 'Melding om endring' },
      dataTypes: [{ id: 'form', taskId: 'Task_1', minCount: 1, maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Form' } }],
      ...metadata,
    }),
    'App/config/process/process.bpmn': oneTaskProcess,
    'App/config/texts/resource.nb.json': json({ language: 'nb', resources: [{ id: 'appName', value: 'Melding om endring' }] }),
    'App/ui/layout-sets.json': json({ sets: [{ id: 'form', dataType: 'form', tasks: ['Task_1'] }] }),
    'App/ui/form/layouts/Side1.json': json({ data: { layout: [{ id: 'what', type: 'Input', dataModelBindings: { simpleBinding: 'what' }, textResourceBindings: { title: 'Hva er endret?' } }] } }),
    'App/models/form.schema.json': json({ type: 'object', properties: { what: { type: 'string' } } }),
  };
}

let anyParty: ServedApp;
let orgOnly: ServedApp;
test.beforeAll(async () => {
  // promptForParty "always": the preview's persona picker has chosen Kari's party, which otherwise counts as "do not ask".
  anyParty = await serveAppFiles(appFiles('endring', { partyTypesAllowed: { person: false, organisation: false, subUnit: false, bankruptcyEstate: false }, promptForParty: 'always' }), { people: defaultPeople() });
  orgOnly = await serveAppFiles(appFiles('virksomhet', { partyTypesAllowed: { person: false, organisation: true, subUnit: false, bankruptcyEstate: false } }), { people: defaultPeople() });
});
test.afterAll(async () => {
  await anyParty?.close();
  await orgOnly?.close();
});

const as = (app: ServedApp, persona: number, hash = '') => `${app.url}&persona=${persona}${hash}`;
/** The instance the address names (`#/instance/{partyId}/{guid}/…`). */
const instanceOf = (url: string) => /#\/instance\/(\d+\/[0-9a-f-]{36})/.exec(url)?.[1] ?? null;

test('Kari chooses which party to send in for: filters the list, picks Testbedrift AS, and changes party from the header', async ({ page }) => {
  await page.goto(as(anyParty, 1002));
  const selection = page.getByTestId('party-selection');
  await expect(selection.getByRole('heading', { name: 'Hvem vil du sende inn for?' })).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(/#\/party-selection\/explained$/);
  const kari = selection.getByRole('button', { name: /Kari Dagny Leder/ });
  const testbedrift = selection.getByRole('button', { name: /^Testbedrift AS\s*org\.nr\. 310000001/ });
  const bergen = selection.getByRole('button', { name: /Testbedrift AS avd\. Bergen/ });
  // Her own name with the birth number masked, the company, and its sub-unit listed under it.
  await expect(kari).toContainText('personnr. 020280 *****');
  await expect(kari).not.toContainText('02028012345');
  await expect(testbedrift).toContainText('virksomhet (AS)');
  await expect(selection.getByRole('listitem').filter({ hasText: 'org.nr. 310000001' }).getByRole('list', { name: '1 underenhet' }).getByRole('button')).toContainText('underenhet (BEDR)');
  await expect(selection.getByText('Denne appen er satt opp til å alltid spørre om aktør.')).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/runtime-party-selection.png', fullPage: true });

  // The filter narrows the list by name.
  await selection.getByLabel('Søk etter aktør').fill('testbedrift');
  await expect(kari).toHaveCount(0);
  await expect(testbedrift).toBeVisible();
  await expect(bergen).toBeVisible();
  await selection.getByLabel('Søk etter aktør').fill('ingen slik');
  await expect(selection.getByText('Ingen av aktørene dine passer søket.')).toBeVisible();
  await selection.getByLabel('Søk etter aktør').fill('Testbedrift');

  await testbedrift.click();
  await expect(page.getByLabel('Hva er endret?')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => instanceOf(page.url())).toMatch(/^50101\//);
  const instanceId = instanceOf(page.url())!;
  const instance = (await (await fetch(`${anyParty.base}instances/${instanceId}`, { headers: { ...anyParty.headers, 'x-studio-persona': '1002' } })).json()) as { instanceOwner: { partyId: string } };
  expect(instance.instanceOwner.partyId).toBe('50101');

  // "Skift aktør" in the header leads back to the list; choosing herself starts an instance for her.
  await page.screenshot({ path: path.join(test.info().outputDir, 'change-party-header.png') });
  await page.getByRole('button', { name: 'Skift aktør' }).click();
  await expect(page).toHaveURL(/#\/party-selection$/);
  await page.getByTestId('party-selection').getByRole('button', { name: /Kari Dagny Leder/ }).click();
  await expect(page.getByLabel('Hva er endret?')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => instanceOf(page.url())).toMatch(/^50002\//);
});

test('an organisation-only app goes straight on for Kari’s one company, and its party list shows no persons', async ({ page }) => {
  await page.goto(as(orgOnly, 1002));
  await expect(page.getByLabel('Hva er endret?')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => instanceOf(page.url())).toMatch(/^50101\//);
  // One party to choose from: no "change party".
  await expect(page.getByRole('button', { name: 'Skift aktør' })).toHaveCount(0);

  // Altinn's address of the list shows it anyway: the company only (neither Kari nor the sub-unit is allowed).
  await page.goto(as(orgOnly, 1002, '#/party-selection'));
  await page.reload();
  const selection = page.getByTestId('party-selection');
  await expect(selection.getByRole('button', { name: /^Testbedrift AS\s*org\.nr/ })).toBeVisible({ timeout: 30_000 });
  await expect(selection.getByRole('button')).toHaveCount(1);
  await expect(selection.getByText('Kari Dagny Leder')).toHaveCount(0);
});

test('Ola, a private person with no organisation, is told the organisation-only app is not for him', async ({ page }) => {
  await page.goto(as(orgOnly, 1001));
  const screen = page.getByTestId('no-valid-party');
  await expect(screen.getByRole('heading', { name: 'Dette er en tjeneste for virksomhet' })).toBeVisible({ timeout: 30_000 });
  await expect(screen).toContainText('Det ser ut som du ikke har tilgang til en aktør som har lov til å starte Melding om endring.');
  await expect(screen).toContainText('må du ha tilganger som knytter deg til en virksomhet');
  await expect(page).toHaveURL(/#\/party-selection\/403$/);
  await page.screenshot({ path: path.join(test.info().outputDir, 'no-valid-party.png') });
  await expect(page.getByLabel('Hva er endret?')).toHaveCount(0);
});
