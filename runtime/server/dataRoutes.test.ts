import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryFileSource } from '../../core/app/fileSource';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import type { AppModel } from '../../core/app/model/types';
import { createAppHandler } from './appApi';
import { dataElementIssues } from './dataElementRules';
import type { FileScanner } from './services';
import { type DataElement, type Instance, memoryStorage, type RuntimeStorage } from './storage';
import { type RunningServer, startServer } from './testServer';

const json = (value: unknown) => JSON.stringify(value, null, 2);
const metadata = {
  id: 'acme/docs',
  org: 'acme',
  title: { nb: 'Dokumenter' },
  partyTypesAllowed: {},
  dataTypes: [
    { id: 'model', taskId: 'Task_1', allowedContentTypes: ['application/xml'], minCount: 1, maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Model' } },
    { id: 'plans', taskId: 'Task_1', allowedContentTypes: ['application/pdf', 'image/png'], maxSize: 1, minCount: 1, maxCount: 2, enableFileScan: true, validationErrorOnPendingFileScan: true },
    { id: 'any', taskId: 'Task_1', maxCount: 0 },
    { id: 'later', taskId: 'Task_2', maxCount: 0 },
  ],
};
const schema = {
  '@xsdRootElement': 'Model',
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer' }, kids: { type: 'array', items: { type: 'object', properties: { n: { type: 'string' } } } } },
};
const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:altinn="http://altinn.no/process">
  <bpmn:process id="P" isExecutable="false">
    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:task id="Task_1" name="Fill"><bpmn:extensionElements><altinn:taskExtension><altinn:taskType>data</altinn:taskType></altinn:taskExtension></bpmn:extensionElements></bpmn:task>
    <bpmn:task id="Task_2" name="More"><bpmn:extensionElements><altinn:taskExtension><altinn:taskType>data</altinn:taskType></altinn:taskExtension></bpmn:extensionElements></bpmn:task>
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_1" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task_1" targetRef="Task_2" />
    <bpmn:sequenceFlow id="F3" sourceRef="Task_2" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;
const files: Record<string, string> = {
  'App/config/applicationmetadata.json': json(metadata),
  'App/config/process/process.bpmn': bpmn,
  'App/config/texts/resource.nb.json': json({ language: 'nb', resources: [] }),
  'App/ui/layout-sets.json': json({ sets: [{ id: 'form', dataType: 'model', tasks: ['Task_1'] }] }),
  'App/ui/form/layouts/Page1.json': json({ data: { layout: [{ id: 'plans', type: 'FileUpload' }] } }),
  'App/models/model.schema.json': json(schema),
};

/** A scanner whose answers the test gives: each scan waits until the test releases it. */
function controlledScanner() {
  const waiting: { filename: string; answer: (r: 'Clean' | 'Infected') => void }[] = [];
  const scanner: FileScanner = { scan: (_content, filename) => new Promise((answer) => waiting.push({ filename, answer })) };
  return { scanner, waiting };
}

let app: AppModel;
let storage: RuntimeStorage;
let plain: RuntimeStorage;
let server: RunningServer;
let noScanServer: RunningServer;
const scans = controlledScanner();

beforeAll(async () => {
  app = await loadAppModel(memoryFileSource(files));
  storage = memoryStorage();
  plain = memoryStorage();
  // The handler's general body limit (1 MiB) stands: uploads get their own from the data types.
  const options = { app, org: 'acme', appName: 'docs' };
  server = await startServer(createAppHandler({ ...options, storage, services: { scanner: scans.scanner } }));
  noScanServer = await startServer(createAppHandler({ ...options, storage: plain }));
});
afterAll(async () => {
  await server.close();
  await noScanServer.close();
});

interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
  bytes: Uint8Array;
}
async function call(method: string, path: string, body?: string | Uint8Array, headers: Record<string, string> = {}, on = server): Promise<Answer> {
  const res = await fetch(`${on.url}/acme/docs/${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  let parsed: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text) as unknown;
  return { status: res.status, body: parsed, headers: res.headers, bytes };
}
const pdf = new TextEncoder().encode('%PDF-1.4 test');
const upload = (instanceId: string, type: string, name: string, contentType: string, content: Uint8Array = pdf, on = server) =>
  call('POST', `instances/${instanceId}/data?dataType=${type}`, content, { 'Content-Type': contentType, 'Content-Disposition': `attachment; filename="${name}"` }, on);
async function newInstance(on = server): Promise<Instance> {
  return (await call('POST', 'instances?instanceOwnerPartyId=501', '{}', { 'Content-Type': 'application/json' }, on)).body as Instance;
}
const messageOf = (a: Answer) => (a.body as { message?: string }).message ?? '';
const codesOf = (a: Answer) => ((a.body as { uploadValidationIssues?: { code: string }[] }).uploadValidationIssues ?? []).map((i) => i.code);

describe('upload size', () => {
  it('takes attachments over the general 1 MiB body limit, up to the data types\' own maxSize, and names maxSize when over it', async () => {
    const instance = await newInstance();
    const big = new Uint8Array(2 * 1024 * 1024).fill(7);
    const taken = await upload(instance.id, 'any', 'big.bin', 'application/octet-stream', big);
    expect(taken.status).toBe(201);
    const stored = await call('GET', `instances/${instance.id}/data/${(taken.body as { id: string }).id}`);
    expect(stored.bytes.length).toBe(big.length);
    const tooBig = await upload(instance.id, 'plans', 'plan.pdf', 'application/pdf', new Uint8Array(1536 * 1024).fill(1));
    expect(tooBig.status).toBe(400);
    expect(codesOf(tooBig)).toEqual(['DataElementTooLarge']);
  });
});

describe('form data', () => {
  it('reads and replaces form data as JSON and as XML, and creates form data elements from XML', async () => {
    const instance = await newInstance();
    const path = `instances/${instance.id}/data/${instance.data[0]!.id}`;
    expect((await call('PUT', path, JSON.stringify({ name: 'Kari', age: 40 }), { 'Content-Type': 'application/json' })).body).toEqual({ name: 'Kari', age: 40 });
    const xml = await call('GET', path, undefined, { Accept: 'application/xml' });
    expect(xml.headers.get('content-type')).toContain('application/xml');
    expect(xml.body).toContain('<Model xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"');
    expect(xml.body).toContain('<age>40</age>');
    const put = await call('PUT', path, '<Model><name>Ola &amp; Eva</name><kids><n>a</n></kids><kids><n>b</n></kids></Model>', { 'Content-Type': 'application/xml' });
    expect(put.body).toEqual({ name: 'Ola & Eva', kids: [{ n: 'a' }, { n: 'b' }] });
    expect((await call('GET', path)).body).toEqual({ name: 'Ola & Eva', kids: [{ n: 'a' }, { n: 'b' }] });
    const bad = await call('PUT', path, '<Model><age>old</age></Model>', { 'Content-Type': 'application/xml' });
    expect(bad.status).toBe(400);
    expect(messageOf(bad)).toContain('"old" is not an integer');
    // maxCount 1: the auto-created element is the only one allowed.
    const more = await call('POST', `instances/${instance.id}/data?dataType=model`, '<Model><name>x</name></Model>', { 'Content-Type': 'application/xml' });
    expect(more.status).toBe(409);
    expect(messageOf(more)).toBe('Cannot create more than 1 data elements of type model');
    expect((await call('DELETE', path)).status).toBe(400);
  });
});

describe('attachments', () => {
  it('stores bytes with content type and file name, serves them back, replaces and deletes them', async () => {
    const instance = await newInstance();
    const created = await call('POST', `instances/${instance.id}/data?dataType=any`, pdf, { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="x.pdf"; filename*=UTF-8''S%C3%B8knad%20%C3%A6.pdf` });
    expect(created.status).toBe(201);
    const element = created.body as DataElement;
    expect(element).toMatchObject({ dataType: 'any', contentType: 'application/pdf', filename: 'Søknad æ.pdf', size: pdf.byteLength, fileScanResult: 'NotApplicable' });
    const got = await call('GET', `instances/${instance.id}/data/${element.id}`);
    expect(got.bytes).toEqual(pdf);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toBe(`attachment; filename="S_knad _.pdf"; filename*=UTF-8''S%C3%B8knad%20%C3%A6.pdf`);
    const png = new Uint8Array([137, 80, 78, 71]);
    const replaced = await call('PUT', `instances/${instance.id}/data/${element.id}`, png, { 'Content-Type': 'image/png', 'Content-Disposition': 'attachment; filename=plan.png' });
    expect(replaced.status).toBe(201);
    expect((await call('GET', `instances/${instance.id}/data/${element.id}`)).bytes).toEqual(png);
    expect((await call('GET', `instances/${instance.id}`)).body).toMatchObject({ data: [{ dataType: 'model' }, { id: element.id, contentType: 'image/png', filename: 'plan.png', size: 4 }] });
    expect((await call('DELETE', `instances/${instance.id}/data/${element.id}`)).status).toBe(200);
    expect((await call('GET', `instances/${instance.id}/data/${element.id}`)).status).toBe(404);
  });

  it('answers the v8 POST data/{dataType} with the new element id and the instance', async () => {
    const instance = await newInstance();
    const res = await call('POST', `instances/${instance.id}/data/any`, pdf, { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="a.pdf"' });
    const body = res.body as { newDataElementId: string; instance: Instance; validationIssues: unknown[] };
    expect(res.status).toBe(200);
    expect(body.instance.data.map((d) => d.id)).toContain(body.newDataElementId);
  });

  it("refuses what applicationmetadata does not allow, with Altinn's codes and messages", async () => {
    const instance = await newInstance();
    const wrongType = await upload(instance.id, 'plans', 'notes.txt', 'text/plain');
    expect(wrongType.status).toBe(400);
    expect(codesOf(wrongType)).toEqual(['ContentTypeNotAllowed']);
    expect(messageOf(wrongType)).toBe('Invalid data provided. Error: Invalid content type: text/plain. Please try another file. Permitted content types include: application/pdf, image/png');
    // The ending decides: a .txt sent as application/pdf does not match, nor is it allowed.
    expect(codesOf(await upload(instance.id, 'plans', 'notes.txt', 'application/pdf'))).toEqual(['ContentTypeNotAllowed', 'ContentTypeNotAllowed']);
    // octet-stream stands for "whatever the ending says".
    expect((await upload(instance.id, 'plans', 'scan.PDF', 'application/octet-stream')).status).toBe(201);
    expect(codesOf(await upload(instance.id, 'plans', 'noending', 'application/pdf'))).toContain('InvalidFileNameFormat');
    const noDisposition = await call('POST', `instances/${instance.id}/data?dataType=plans`, pdf, { 'Content-Type': 'application/pdf' });
    expect(messageOf(noDisposition)).toBe('Invalid data provided. Error: The request must include a Content-Disposition header');
    const big = await upload(instance.id, 'plans', 'big.pdf', 'application/pdf', new Uint8Array(1024 * 1024 + 1));
    expect(codesOf(big)).toEqual(['DataElementTooLarge']);
    expect(messageOf(await upload(instance.id, 'any', 'empty.pdf', 'application/pdf', new Uint8Array(0)))).toBe('Invalid data provided. Error: The file is zero bytes.');
    expect((await upload(instance.id, 'plans', 'two.png', 'image/png')).status).toBe(201);
    const third = await upload(instance.id, 'plans', 'three.png', 'image/png');
    expect(third.status).toBe(409);
    expect(messageOf(third)).toBe('Cannot create more than 2 data elements of type plans');
    expect((await upload(instance.id, 'nope', 'a.pdf', 'application/pdf')).status).toBe(400);
    expect((await call('POST', `instances/${instance.id}/data`, pdf)).status).toBe(400);
    expect((await upload('501/00000000-0000-0000-0000-000000000000', 'any', 'a.pdf', 'application/pdf')).status).toBe(404);
  });

  it('only writes data types of the current task, and never locked elements or ended processes', async () => {
    const instance = await newInstance();
    const wrongTask = await upload(instance.id, 'later', 'a.pdf', 'application/pdf');
    expect(wrongTask.status).toBe(403);
    expect(messageOf(wrongTask)).toContain('can only be changed in task Task_2');
    const element = (await upload(instance.id, 'any', 'a.pdf', 'application/pdf')).body as DataElement;
    // What the process engine does when Task_1 ends: lock its elements and move on.
    await storage.updateInstance(instance.id, (i) => ({ ...i, process: { ...i.process, currentTask: { ...i.process.currentTask!, elementId: 'Task_2' } }, data: i.data.map((d) => ({ ...d, locked: true })) }));
    const put = await call('PUT', `instances/${instance.id}/data/${element.id}`, pdf, { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename=b.pdf' });
    expect(put.status).toBe(409);
    expect(messageOf(put)).toBe(`Data element ${element.id} is locked and cannot be updated`);
    expect((await call('DELETE', `instances/${instance.id}/data/${element.id}`)).status).toBe(409);
    expect((await call('PUT', `instances/${instance.id}/data/${element.id}/tags`, '["a"]', { 'Content-Type': 'application/json' })).status).toBe(409);
    expect((await call('GET', `instances/${instance.id}/data/${element.id}`)).bytes).toEqual(pdf);
    expect((await upload(instance.id, 'later', 'a.pdf', 'application/pdf')).status).toBe(201);
    await storage.updateInstance(instance.id, (i) => ({ ...i, process: { ...i.process, currentTask: null, ended: new Date().toISOString() } }));
    expect((await upload(instance.id, 'later', 'a.pdf', 'application/pdf')).status).toBe(409);
  });

  it('keeps tags: replace, add, remove, read; only letters, - and _', async () => {
    const instance = await newInstance();
    const element = (await upload(instance.id, 'any', 'a.pdf', 'application/pdf')).body as DataElement;
    const tags = `instances/${instance.id}/data/${element.id}/tags`;
    expect((await call('PUT', tags, '["kart","tegning","kart"]', { 'Content-Type': 'application/json' })).body).toEqual({ tags: ['kart', 'tegning'], validationIssues: [] });
    expect((await call('POST', tags, '"bilde"', { 'Content-Type': 'application/json' })).status).toBe(201);
    expect((await call('DELETE', `${tags}/kart`)).status).toBe(204);
    expect((await call('GET', tags)).body).toEqual({ tags: ['tegning', 'bilde'] });
    expect((await call('PUT', tags, '["no spaces"]', { 'Content-Type': 'application/json' })).status).toBe(400);
    expect((await call('PUT', tags, '{"a":1}', { 'Content-Type': 'application/json' })).status).toBe(400);
    expect((await call('GET', `instances/${instance.id}`)).body).toMatchObject({ data: [{}, { tags: ['tegning', 'bilde'] }] });
  });
});

describe('file scanning and data element issues', () => {
  const instanceOf = async (id: string) => (await call('GET', `instances/${id}`)).body as Instance;
  /** Lets the runtime finish what it does after a scan answers (the write is a few promise turns away). */
  async function until(check: () => Promise<boolean>): Promise<void> {
    for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setImmediate(r));
  }

  it('answers before the scan ends, then records Clean or Infected; issues follow the scan state', async () => {
    // Scans of the earlier tests' uploads: answered, so only this test's are waiting.
    for (const w of scans.waiting.splice(0)) w.answer('Clean');
    const instance = await newInstance();
    expect(dataElementIssues(app, instance, 'Task_1').map((i) => [i.code, i.field])).toEqual([['TooFewDataElementsOfType', 'plans']]);
    const first = (await upload(instance.id, 'plans', 'clean.pdf', 'application/pdf')).body as DataElement;
    const second = (await upload(instance.id, 'plans', 'virus.png', 'image/png')).body as DataElement;
    expect([first.fileScanResult, second.fileScanResult]).toEqual(['Pending', 'Pending']);
    expect(scans.waiting.map((w) => w.filename)).toEqual(['clean.pdf', 'virus.png']);
    const pending = dataElementIssues(app, await instanceOf(instance.id), 'Task_1');
    expect(pending.map((i) => [i.code, i.dataElementId, i.severity])).toEqual([
      ['DataElementFileScanPending', first.id, 1],
      ['DataElementFileScanPending', second.id, 1],
    ]);
    scans.waiting.shift()!.answer('Clean');
    scans.waiting.shift()!.answer('Infected');
    await until(async () => (await instanceOf(instance.id)).data.every((d) => d.fileScanResult !== 'Pending'));
    const scanned = await instanceOf(instance.id);
    expect(scanned.data.filter((d) => d.dataType === 'plans').map((d) => d.fileScanResult)).toEqual(['Clean', 'Infected']);
    expect(dataElementIssues(app, scanned, 'Task_1').map((i) => [i.code, i.dataElementId])).toEqual([['DataElementFileInfected', second.id]]);
    expect(dataElementIssues(app, scanned, 'Task_2')).toEqual([]);
    // A replaced file is scanned again.
    await call('PUT', `instances/${instance.id}/data/${second.id}`, pdf, { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename=fixed.pdf' });
    expect((await instanceOf(instance.id)).data.find((d) => d.id === second.id)?.fileScanResult).toBe('Pending');
    scans.waiting.shift()!.answer('Clean');
    await until(async () => (await instanceOf(instance.id)).data.every((d) => d.fileScanResult !== 'Pending'));
    expect(dataElementIssues(app, await instanceOf(instance.id), 'Task_1')).toEqual([]);
  });

  it('reports too many elements and keeps files NotApplicable without a scanner', async () => {
    const instance = await newInstance(noScanServer);
    const element = (await upload(instance.id, 'plans', 'a.pdf', 'application/pdf', pdf, noScanServer)).body as DataElement;
    expect(element.fileScanResult).toBe('NotApplicable');
    const stored = (await call('GET', `instances/${instance.id}`, undefined, {}, noScanServer)).body as Instance;
    expect(dataElementIssues(app, stored, 'Task_1')).toEqual([]);
    const tooMany = { ...stored, data: [...stored.data, element, element] };
    expect(dataElementIssues(app, tooMany, 'Task_1')).toEqual([
      { severity: 1, code: 'TooManyDataElementsOfType', description: 'TooManyDataElementsOfType', field: 'plans', source: 'Altinn.App.Core.Features.Validation.Default.DefaultTaskValidator' },
    ]);
  });
});
