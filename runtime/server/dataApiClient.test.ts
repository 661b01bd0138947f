import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryFileSource } from '../../core/app/fileSource';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import { createDataApi, type Transport, UploadError } from '../client/api/dataApi';
import { createAppHandler } from './appApi';
import { memoryStorage } from './storage';
import { type RunningServer, startServer } from './testServer';

// The form app's data API (runtime/client/api/dataApi.ts) against the real routes over HTTP.
const json = (value: unknown) => JSON.stringify(value);
const files: Record<string, string> = {
  'App/config/applicationmetadata.json': json({
    id: 'acme/up',
    org: 'acme',
    title: { nb: 'Up' },
    partyTypesAllowed: {},
    dataTypes: [{ id: 'docs', taskId: 'Task_1', allowedContentTypes: ['application/pdf'], maxCount: 1, enableFileScan: true }],
  }),
  'App/config/process/process.bpmn': `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="P">
    <bpmn:startEvent id="S"/><bpmn:task id="Task_1" name="One"/><bpmn:endEvent id="E"/>
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Task_1"/><bpmn:sequenceFlow id="F2" sourceRef="Task_1" targetRef="E"/></bpmn:process></bpmn:definitions>`,
  'App/ui/layout-sets.json': json({ sets: [] }),
};

let server: RunningServer;
const progress: number[] = [];
/** fetch as the transport (no upload progress in Node: reported as done when the response comes). */
const fetchTransport: Transport = async ({ method, url, headers, body, onProgress }) => {
  const res = await fetch(`${server.url}${url}`, { method, headers, ...(body !== undefined ? { body: body as RequestInit['body'] } : {}) });
  onProgress?.(1);
  return { status: res.status, text: await res.text() };
};

beforeAll(async () => {
  const app = await loadAppModel(memoryFileSource(files));
  server = await startServer(createAppHandler({ app, org: 'acme', appName: 'up', storage: memoryStorage() }));
});
afterAll(() => server.close());

describe('the form app data API', () => {
  it('uploads with the file name (RFC 6266), lists, tags and deletes; refusals carry Altinn codes', async () => {
    const api = createDataApi('/acme/up/', null, fetchTransport);
    const created = await fetch(`${server.url}/acme/up/instances?instanceOwnerPartyId=1`, { method: 'POST' });
    const instanceId = ((await created.json()) as { id: string }).id;
    expect((await api.dataTypes()).map((t) => t.id)).toEqual(['docs']);
    const pdf = new File([new Uint8Array([37, 80, 68, 70])], 'Søknad «1».pdf', { type: 'application/pdf' });
    const element = await api.upload(instanceId, 'docs', pdf, (f) => progress.push(f));
    expect(element).toMatchObject({ dataType: 'docs', filename: 'Søknad «1».pdf', size: 4, fileScanResult: 'NotApplicable' });
    expect(progress).toEqual([1]);
    expect((await api.setTags(instanceId, element.id, ['kart'])).tags).toEqual(['kart']);
    expect((await api.elements(instanceId)).map((e) => [e.filename, e.tags])).toEqual([['Søknad «1».pdf', ['kart']]]);
    const tooMany = await api.upload(instanceId, 'docs', pdf).catch((e: unknown) => e);
    expect(tooMany).toBeInstanceOf(UploadError);
    expect(tooMany).toMatchObject({ status: 409, message: 'Cannot create more than 1 data elements of type docs' });
    await api.remove(instanceId, element.id);
    const wrong = await api.upload(instanceId, 'docs', new File(['x'], 'notes.txt', { type: 'text/plain' })).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ status: 400, codes: ['ContentTypeNotAllowed'] });
    expect(await api.elements(instanceId)).toEqual([]);
  });
});
