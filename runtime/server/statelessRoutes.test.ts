/**
 * Stateless and anonymous use (§6.4) over HTTP, with identity: data without an instance, prefill from
 * query parameters and the registers for the party in the `party` header, anonymous only where the
 * data type allows it; then `instances/create` taking the stateless form's values into the instance;
 * and the C# listing route.
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryFileSource } from '../../core/app/fileSource';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import { fixtureAppsDir } from '../../core/testing/fixtureApps';
import { createAppHandler } from './appApi';
import { diskAppSource } from './appSource';
import { userFromRequest } from './authorization';
import { defaultPeople } from './people';
import { flow, json, permitRule, policyXml, task } from './testing/processEngineTestApp';
import { memoryStorage, type RuntimeStorage } from './storage';
import { type RunningServer, startServer } from './testServer';

const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:altinn="http://altinn.no/process">
  <bpmn:process id="P"><bpmn:startEvent id="Start" />${task('Task_1', 'data')}<bpmn:endEvent id="End" />${flow('f1', 'Start', 'Task_1')}${flow('f2', 'Task_1', 'End')}</bpmn:process>
</bpmn:definitions>`;

const metadata = {
  id: 'acme/open',
  org: 'acme',
  onEntry: { show: 'start' },
  dataTypes: [
    { id: 'start', maxCount: 0, appLogic: { classRef: 'Altinn.App.Models.Start', allowAnonymousOnStateless: false } },
    { id: 'public', maxCount: 0, appLogic: { classRef: 'Altinn.App.Models.Public', allowAnonymousOnStateless: true } },
    { id: 'message', taskId: 'Task_1', maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Message' } },
    { id: 'attachment', taskId: 'Task_1', maxCount: 3 },
  ],
};
const dataProcessor = `public class Calc : IDataProcessor { }
public class Countries : IAppOptionsProvider { public string Id { get; set; } = "countries"; }`;

const files: Record<string, string> = {
  'App/config/applicationmetadata.json': json(metadata),
  'App/config/process/process.bpmn': bpmn,
  'App/config/authorization/policy.xml': policyXml(permitRule('owner', 'PRIV', ['instantiate', 'read', 'write']), permitRule('dagl', 'DAGL', ['instantiate', 'read', 'write'])),
  'App/ui/layout-sets.json': json({ sets: [{ id: 'start', dataType: 'start' }, { id: 'form', dataType: 'message', tasks: ['Task_1'] }] }),
  'App/models/start.schema.json': json({ type: 'object', properties: { job: { type: 'string' }, person: { type: 'object', properties: { name: { type: 'string' } } } } }),
  'App/models/start.prefill.json': json({ allowOverwrite: false, DSF: { FirstName: 'person.name' }, QueryParameters: { jobTitle: 'job' } }),
  'App/models/public.schema.json': json({ type: 'object', properties: { q: { type: 'string' } } }),
  'App/models/public.prefill.json': json({ QueryParameters: { q: 'q' } }),
  'App/models/message.schema.json': json({ type: 'object', properties: { name: { type: 'string' }, job: { type: 'string' }, rows: { type: 'array' } } }),
  'App/models/message.prefill.json': json({ UserProfile: { 'Party.Name': 'name' } }),
  'App/logic/DataProcessor.cs': dataProcessor,
};

const people = defaultPeople();
// Ola (1001, party 50001) by default; header x-who: anonymous → nobody; a number → that user.
const userOf = (req: IncomingMessage) => (req.headers['x-who'] === 'anonymous' ? null : userFromRequest({ headers: { 'x-studio-persona': String(req.headers['x-who'] ?? '1001') } }, people));

let server: RunningServer;
let base: string;
let storage: RuntimeStorage;

beforeAll(async () => {
  const app = await loadAppModel(memoryFileSource(files));
  storage = memoryStorage();
  server = await startServer(createAppHandler({ app, org: 'acme', appName: 'open', storage, userOf, services: { people } }));
  base = `${server.url}/acme/open/`;
});
afterAll(() => server.close());

async function call(method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(base + path, {
    method,
    headers: { ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...options.headers },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const prefillQuery = (values: Record<string, string>) => `&prefill=${encodeURIComponent(JSON.stringify(values))}`;

describe('stateless data', () => {
  it('makes a model from query parameters and the registers of the logged-in person', async () => {
    const res = await call('GET', `v1/data?dataType=start&includeRowId=true${prefillQuery({ jobTitle: 'Smith', ignored: 'x' })}`);
    expect(res).toEqual({ status: 200, body: { job: 'Smith', person: { name: 'Ola' } } });
  });

  it('prefills for the party in the party header (partyid:, person:), after asking the policy', async () => {
    const kari = people.persons.find((p) => p.userId === 1002)!;
    const own = await call('GET', 'v1/data?dataType=start', { headers: { 'x-who': '1002', party: `person:${kari.personNumber}` } });
    expect(own).toEqual({ status: 200, body: { person: { name: 'Kari' } } });
    const other = await call('GET', 'v1/data?dataType=start', { headers: { party: `partyid:${kari.partyId}` } });
    expect(other.status).toBe(403);
    expect(other.body.message).toContain('read');
  });

  it('refuses a malformed or unknown party header and a data type that is no form model', async () => {
    for (const party of ['nonsense', 'partyid:abc', 'org:000000000', 'partyid:1, partyid:2']) {
      const res = await call('GET', 'v1/data?dataType=start', { headers: { party } });
      expect(res.status, party).toBe(400);
      expect(res.body.message, party).toMatch(/party/i);
    }
    expect((await call('GET', 'v1/data?dataType=attachment')).status).toBe(400);
    expect((await call('GET', 'v1/data?dataType=nope')).status).toBe(404);
  });

  it('needs a login to act for a party, and for v1/data of a data type that does not allow anonymous use', async () => {
    const res = await call('GET', 'v1/data?dataType=start', { headers: { 'x-who': 'anonymous', party: 'partyid:50001' } });
    expect(res.status).toBe(401);
    const closed = await call('GET', 'v1/data?dataType=start', { headers: { 'x-who': 'anonymous' } });
    expect(closed.status).toBe(401);
    expect(closed.body.message).toContain('allowAnonymousOnStateless');
    expect((await call('POST', 'v1/data?dataType=start', { body: {}, headers: { 'x-who': 'anonymous' } })).status).toBe(401);
    expect(await call('GET', 'v1/data?dataType=public', { headers: { 'x-who': 'anonymous' } })).toEqual({ status: 200, body: {} });
  });

  it('serves v1/data/anonymous only for a data type with allowAnonymousOnStateless, without register prefill', async () => {
    const open = await call('GET', `v1/data/anonymous?dataType=public${prefillQuery({ q: 'hello' })}`, { headers: { 'x-who': 'anonymous' } });
    expect(open).toEqual({ status: 200, body: { q: 'hello' } });
    const posted = await call('POST', 'v1/data/anonymous?dataType=public', { body: { q: 'edited' }, headers: { 'x-who': 'anonymous' } });
    expect(posted).toEqual({ status: 200, body: { q: 'edited' } });
    const closed = await call('GET', 'v1/data/anonymous?dataType=start', { headers: { 'x-who': 'anonymous' } });
    expect(closed.status).toBe(403);
    expect(closed.body.message).toContain('allowAnonymousOnStateless');
    expect((await call('POST', 'v1/data/anonymous?dataType=start', { body: {}, headers: { 'x-who': 'anonymous' } })).status).toBe(403);
  });

  it('echoes a posted model for a logged-in user', async () => {
    expect(await call('POST', 'v1/data?dataType=start', { body: { job: 'x' } })).toEqual({ status: 200, body: { job: 'x' } });
    expect((await call('POST', 'v1/data?dataType=start', { body: [1] })).status).toBe(400);
  });
});

describe('set-query-params', () => {
  it('sends the browser to the app with the parameters a prefill file declares, and drops the others', async () => {
    const res = await fetch(`${base}set-query-params?jobTitle=Utvikler&q=hei&evil=%3Cscript%3E`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!, base);
    expect(location.pathname).toBe('/acme/open/');
    expect(JSON.parse(location.searchParams.get('queryParams')!)).toEqual({ jobTitle: 'Utvikler', q: 'hei' });
    const none = await fetch(`${base}set-query-params?evil=1`, { redirect: 'manual' });
    expect(none.headers.get('location')).toBe('/acme/open/');
  });
});

describe('instances/create', () => {
  it('creates the instance with the mapped stateless values after the register prefill', async () => {
    const res = await call('POST', 'instances/create', { body: { instanceOwner: { partyId: '50001' }, prefill: { job: 'Smith', 'rows[1].x': 2 } } });
    expect(res.status).toBe(201);
    expect(res.body.process.currentTask.elementId).toBe('Task_1');
    const element = res.body.data.find((d: { dataType: string }) => d.dataType === 'message');
    const stored = await storage.readData(res.body.id, element.id);
    expect(stored!.content).toEqual({ name: 'Ola Privatperson', job: 'Smith', rows: [undefined, { x: 2 }] });
  });

  it('finds the owner by person number and, without one named, acts for the user', async () => {
    const kari = people.persons.find((p) => p.userId === 1002)!;
    const byNumber = await call('POST', 'instances/create', { body: { instanceOwner: { personNumber: kari.personNumber } }, headers: { 'x-who': '1002' } });
    expect(byNumber.status).toBe(201);
    expect(byNumber.body.instanceOwner.partyId).toBe(kari.partyId);
    const own = await call('POST', 'instances/create', { body: {} });
    expect(own.status).toBe(201);
    expect(own.body.instanceOwner.partyId).toBe('50001');
  });

  it('refuses a bad body, an unknown owner, and another party the policy gives nothing', async () => {
    expect((await call('POST', 'instances/create', { body: { prefill: 'name=x' } })).status).toBe(400);
    expect((await call('POST', 'instances/create', { body: { instanceOwner: { personNumber: '99999999999' } } })).status).toBe(400);
    expect((await call('POST', 'instances/create', { body: { instanceOwner: { partyId: '50002' } } })).status).toBe(403);
    expect((await call('POST', 'instances/create', { body: {}, headers: { 'x-who': 'anonymous' } })).status).toBe(401);
  });
});

describe('api/preview/csharp', () => {
  it('lists the app C# with what the preview does instead', async () => {
    const res = await call('GET', 'api/preview/csharp');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({ kind: 'dataProcessor', className: 'Calc', file: 'App/logic/DataProcessor.cs', line: 1 }),
      expect.objectContaining({ kind: 'optionsProvider', className: 'Countries', id: 'countries', line: 2 }),
    ]);
  });
});

const statelessApp = join(fixtureAppsDir, 'stateless-app');

describe.skipIf(!existsSync(statelessApp))('the stateless-app fixture: stateless start page, then an instance from its InstantiationButton', () => {
  it('prefills the stateless model from query parameters and creates the instance with the mapped values', async () => {
    const app = await loadAppModel(await diskAppSource(statelessApp));
    const registry = defaultPeople();
    const fixture = await startServer(createAppHandler({ app, org: 'ttd', appName: 'stateless-app', storage: memoryStorage(), services: { people: registry }, userOf: (req) => userFromRequest(req, registry, 1002) }));
    try {
      const at = `${fixture.url}/ttd/stateless-app/`;
      const model = (await (await fetch(`${at}v1/data?dataType=stateless&includeRowId=true${prefillQuery({ jobTitle: 'Developer' })}`)).json()) as Record<string, unknown>;
      expect(model.JobTitle).toBe('Developer');
      // The button's own mapping, from the fixture's layout.
      const page = JSON.parse(app.texts.get('App/ui/stateless/layouts/1.json')!.replace(/^\uFEFF/, '')) as { data: { layout: { id: string; mapping?: Record<string, string> }[] } };
      const mapping = page.data.layout.find((c) => c.id === 'instantiation-button-query-param')!.mapping!;
      expect(mapping.JobTitle).toBe('JobTitle');
      const prefill = Object.fromEntries(Object.entries(mapping).flatMap(([from, to]) => (model[from] !== undefined ? [[to, model[from]]] : [])));
      // Kari (1002) creates it for the organisation she is DAGL of, as the policy lets her.
      const organisation = registry.roles.find((r) => r.userId === 1002 && r.roles.includes('DAGL'))!.partyId;
      const res = await fetch(`${at}instances/create`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ instanceOwner: { partyId: organisation }, prefill }) });
      const instance = (await res.json()) as { id: string; process: { currentTask: { elementId: string } }; data: { id: string; dataType: string }[] };
      expect(res.status, JSON.stringify(instance)).toBe(201);
      expect(instance.process.currentTask.elementId).toBe('Task_1');
      const message = instance.data.find((d) => d.dataType === 'message')!;
      const data = (await (await fetch(`${at}instances/${instance.id}/data/${message.id}`, { headers: { Accept: 'application/json' } })).json()) as Record<string, unknown>;
      expect(data.JobTitle).toBe('Developer');
    } finally {
      await fixture.close();
    }
  });
});
