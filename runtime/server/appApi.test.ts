import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryFileSource } from '../../core/app/fileSource';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import { createAppHandler } from './appApi';
import { memoryStorage } from './storage';
import { type RunningServer, startServer } from './testServer';

const json = (value: unknown) => JSON.stringify(value, null, 2);

const metadata = {
  id: 'acme/permit',
  org: 'acme',
  title: { nb: 'Løyve' },
  partyTypesAllowed: { person: false, organisation: false, subUnit: false, bankruptcyEstate: false },
  dataTypes: [
    { id: 'ref-data-as-pdf', allowedContentTypes: ['application/pdf'], minCount: 0, maxCount: 0 },
    { id: 'permit', taskId: 'Task_1', maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Permit' } },
    { id: 'other', taskId: 'Task_2', maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Other' } },
    { id: 'start', maxCount: 0, appLogic: { classRef: 'Altinn.App.Models.Start' } },
  ],
  onEntry: { show: 'start' },
};
const layoutSets = {
  sets: [
    { id: 'form', dataType: 'permit', tasks: ['Task_1'] },
    { id: 'start', dataType: 'start' },
  ],
};
const page1 = { data: { layout: [{ id: 'name', type: 'Input', dataModelBindings: { simpleBinding: 'name' } }] } };
const page2 = { data: { layout: [{ id: 'country', type: 'Dropdown', optionsId: 'countries' }] } };
const settings = { pages: { order: ['Page1', 'Page2'] } };
const nb = { language: 'nb', resources: [{ id: 'appName', value: 'Løyve' }] };
const en = { language: 'en', resources: [{ id: 'appName', value: 'Permit' }] };
const countries = [{ value: 'NO', label: 'Norway' }];
const schema = { type: 'object', properties: { name: { type: 'string' } } };
const validation = { validations: { name: ['required-name'] }, definitions: {} };
const prefill = { allowOverwrite: true, QueryParameters: { ref: 'meta.reference', who: 'applicant' } };
const footer = { footer: [{ type: 'Text', title: 'footer.text' }] };
const appsettings = { FrontEndSettings: { homeUrl: 'https://example.org', theme: 'a' } };
const devSettings = { FrontEndSettings: { theme: 'b' } };
const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:altinn="http://altinn.no/process">
  <bpmn:process id="P" isExecutable="false">
    <bpmn:task id="Task_2" name="Second"><bpmn:extensionElements><altinn:taskExtension><altinn:taskType>data</altinn:taskType></altinn:taskExtension></bpmn:extensionElements></bpmn:task>
    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:task id="Task_1" name="First"><bpmn:extensionElements><altinn:taskExtension><altinn:taskType>data</altinn:taskType></altinn:taskExtension></bpmn:extensionElements></bpmn:task>
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_1" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task_1" targetRef="Task_2" />
    <bpmn:sequenceFlow id="F3" sourceRef="Task_2" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

const files: Record<string, string> = {
  'App/config/applicationmetadata.json': json(metadata),
  'App/config/process/process.bpmn': bpmn,
  'App/config/texts/resource.nb.json': json(nb),
  'App/config/texts/resource.en.json': json(en),
  'App/ui/layout-sets.json': json(layoutSets),
  'App/ui/form/layouts/Page1.json': json(page1),
  'App/ui/form/layouts/Page2.json': json(page2),
  'App/ui/form/Settings.json': json(settings),
  'App/ui/start/layouts/Start.json': json(page1),
  'App/ui/footer.json': json(footer),
  'App/options/countries.json': json(countries),
  'App/models/permit.schema.json': json(schema),
  'App/models/permit.validation.json': json(validation),
  'App/models/start.schema.json': json(schema),
  'App/models/start.prefill.json': json(prefill),
  'App/appsettings.json': json(appsettings),
  'App/appsettings.Development.json': json(devSettings),
};

let server: RunningServer;
let base: string;

beforeAll(async () => {
  const app = await loadAppModel(memoryFileSource(files));
  server = await startServer(createAppHandler({ app, org: 'acme', appName: 'permit', storage: memoryStorage(), maxBodyBytes: 4096 }));
  base = `${server.url}/acme/permit`;
});
afterAll(() => server.close());

async function get(path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${base}/${path}`);
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

async function send(method: string, path: string, body?: string): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(`${base}/${path}`, { method, body, headers: { 'Content-Type': 'application/json' } });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined, headers: res.headers };
}

const message = (body: unknown) => (body as { message: string }).message;

describe('static resources', () => {
  it('serves the metadata with the fields the backend adds', async () => {
    const { status, body } = await get('api/v1/applicationmetadata');
    expect(status).toBe(200);
    expect(body).toMatchObject({ ...metadata, altinnNugetVersion: expect.stringMatching(/^8\./) as unknown, features: { footer: true } });
  });

  it('serves layout sets, layouts by page name and settings', async () => {
    expect(await get('api/layoutsets')).toEqual({ status: 200, body: layoutSets });
    expect(await get('api/layouts/form')).toEqual({ status: 200, body: { Page1: page1, Page2: page2 } });
    expect(await get('api/layoutsettings/form')).toEqual({ status: 200, body: settings });
    expect((await get('api/layoutsettings/start')).status).toBe(204);
  });

  it('serves texts, falls back to nb, and lists the languages', async () => {
    expect(await get('api/v1/texts/en')).toEqual({ status: 200, body: { id: 'acme-permit-en', org: 'acme', language: 'en', resources: en.resources } });
    expect(await get('api/v1/texts/de')).toEqual({ status: 200, body: { id: 'acme-permit-nb', org: 'acme', language: 'nb', resources: nb.resources } });
    const languages = await get('api/v1/applicationlanguages');
    expect(languages.status).toBe(200);
    expect(languages.body).toEqual([{ language: 'nb' }, { language: 'en' }]);
  });

  it('serves options, schemas, validation configs, footer and frontend settings', async () => {
    expect(await get('api/options/countries')).toEqual({ status: 200, body: countries });
    expect(await get('api/jsonschema/permit')).toEqual({ status: 200, body: schema });
    expect(await get('api/validationconfig/permit')).toEqual({ status: 200, body: validation });
    expect((await get('api/validationconfig/start')).status).toBe(204);
    expect(await get('api/v1/footer')).toEqual({ status: 200, body: footer });
    expect(await get('api/v1/applicationsettings')).toEqual({ status: 200, body: { homeUrl: 'https://example.org', theme: 'b' } });
  });

  it('answers 404 naming what is missing', async () => {
    const cases: [string, string][] = [
      ['api/layouts/nope', 'layout set "nope"'],
      ['api/layoutsettings/nope', 'layout set "nope"'],
      ['api/options/nope', 'code list "nope"'],
      ['api/jsonschema/nope', 'data type "nope"'],
      ['api/validationconfig/nope', 'data type "nope"'],
      ['api/unknown/route', 'no app API route'],
    ];
    for (const [path, expected] of cases) {
      const { status, body } = await get(path);
      expect(status, path).toBe(404);
      expect(message(body), path).toContain(expected);
    }
    const other = await fetch(`${server.url}/other/app/api/layoutsets`);
    expect(other.status).toBe(404);
  });

  it('answers 405 with Allow for a wrong method', async () => {
    const { status, headers, body } = await send('DELETE', 'api/layoutsets');
    expect(status).toBe(405);
    expect(headers.get('allow')).toBe('GET');
    expect(message(body)).toContain('DELETE');
  });
});

describe('stateless data', () => {
  it('returns a fresh model with only declared query-parameter prefill', async () => {
    const prefillParam = encodeURIComponent(JSON.stringify({ ref: 'R-1', who: 'me', undeclared: 'x' }));
    expect(await get(`v1/data?dataType=start&prefill=${prefillParam}`)).toEqual({ status: 200, body: { meta: { reference: 'R-1' }, applicant: 'me' } });
    expect(await get('v1/data?dataType=start')).toEqual({ status: 200, body: {} });
  });

  it('echoes a posted model', async () => {
    const model = { name: 'Kari', rows: [1, 2] };
    const { status, body } = await send('POST', 'v1/data?dataType=start', JSON.stringify(model));
    expect(status).toBe(200);
    expect(body).toEqual(model);
  });

  it('rejects unknown types, bad JSON and oversized bodies', async () => {
    expect((await get('v1/data?dataType=nope')).status).toBe(404);
    expect((await get('v1/data')).status).toBe(400);
    expect((await get('v1/data?dataType=start&prefill=%7Bbad')).status).toBe(400);
    const bad = await send('POST', 'v1/data?dataType=start', '{"name": ');
    expect(bad.status).toBe(400);
    expect(message(bad.body)).toContain('not valid JSON');
    const big = await send('POST', 'v1/data?dataType=start', JSON.stringify({ text: 'x'.repeat(10_000) }));
    expect(big.status).toBe(413);
  });
});

describe('instances', () => {
  it('round-trips an instance: create, read data, replace data, delete', async () => {
    const created = await send('POST', 'instances?instanceOwnerPartyId=501337');
    expect(created.status).toBe(201);
    const instance = created.body as { id: string; appId: string; data: { id: string; dataType: string }[]; process: { currentTask: { elementId: string } } };
    expect(instance.appId).toBe('acme/permit');
    expect(instance.id).toMatch(/^501337\/[0-9a-f-]{36}$/);
    // Only the auto-created type of the first task (Task_1, reached from the start event) gets an element.
    expect(instance.data.map((d) => d.dataType)).toEqual(['permit']);
    expect(instance.process.currentTask.elementId).toBe('Task_1');

    expect(await get(`instances/${instance.id}`)).toEqual({ status: 200, body: instance });
    const dataPath = `instances/${instance.id}/data/${instance.data[0]!.id}`;
    expect(await get(dataPath)).toEqual({ status: 200, body: {} });
    const model = { name: 'Ola' };
    expect(await send('PUT', dataPath, JSON.stringify(model))).toMatchObject({ status: 200, body: model });
    expect(await get(dataPath)).toEqual({ status: 200, body: model });
    expect((await send('PUT', dataPath, '[1')).status).toBe(400);

    expect((await send('DELETE', `instances/${instance.id}`)).status).toBe(200);
    const gone = await get(`instances/${instance.id}`);
    expect(gone.status).toBe(404);
    expect(message(gone.body)).toContain(instance.id);
    expect((await get(dataPath)).status).toBe(404);
  });

  it('takes the party from an instance template and rejects a missing party', async () => {
    const created = await send('POST', 'instances', JSON.stringify({ instanceOwner: { partyId: '42' } }));
    expect(created.status).toBe(201);
    expect((created.body as { instanceOwner: { partyId: string } }).instanceOwner.partyId).toBe('42');
    expect((await send('POST', 'instances')).status).toBe(400);
    expect((await send('POST', 'instances?instanceOwnerPartyId=1', '{oops')).status).toBe(400);
  });

  it('answers 404 for unknown instances and data elements', async () => {
    const missing = await get('instances/1/00000000-0000-0000-0000-000000000000');
    expect(missing.status).toBe(404);
    const created = (await send('POST', 'instances?instanceOwnerPartyId=7')).body as { id: string };
    const noData = await get(`instances/${created.id}/data/nope`);
    expect(noData.status).toBe(404);
    expect(message(noData.body)).toContain('data element "nope"');
    expect((await send('PUT', `instances/${created.id}/data/nope`, '{}')).status).toBe(404);
  });
});
