// Register prefill (models/<type>.prefill.json) whenever a task creates its data: a plain POST instances
// (the form app's way to instantiate) and entering a later task with an auto-created model, as app-lib does;
// for a person the registry does not list, from the register person her login derives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryFileSource } from '../../core/app/fileSource';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import { createAppHandler } from './appApi';
import { userFromRequest } from './authorization';
import { personUser } from './auth';
import { defaultPeople, loginIds } from './people';
import { memoryStorage } from './storage';
import { permitRule, policyXml } from './testing/processEngineTestApp';
import { type RunningServer, startServer } from './testServer';

const task = (id: string) => `<bpmn:task id="${id}"><bpmn:extensionElements><altinn:taskExtension><altinn:taskType>data</altinn:taskType></altinn:taskExtension></bpmn:extensionElements></bpmn:task>`;
const bpmn = `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:altinn="http://altinn.no/process"><bpmn:process id="P">
<bpmn:startEvent id="S" />${task('Task_1')}${task('Task_2')}<bpmn:endEvent id="E" />
<bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Task_1" /><bpmn:sequenceFlow id="f2" sourceRef="Task_1" targetRef="Task_2" /><bpmn:sequenceFlow id="f3" sourceRef="Task_2" targetRef="E" />
</bpmn:process></bpmn:definitions>`;
const modelOf = (id: string, taskId: string) => ({ id, taskId, maxCount: 1, appLogic: { autoCreate: true, classRef: `Altinn.App.Models.${id}` } });
const schema = { type: 'object', properties: { company: { type: 'object', properties: { name: { type: 'string' }, orgNo: { type: 'string' } } }, signer: { type: 'string' } } };

describe('register prefill of auto-created models', () => {
  let server: RunningServer;
  let base: string;
  beforeAll(async () => {
    const app = await loadAppModel(
      memoryFileSource({
        'App/config/applicationmetadata.json': JSON.stringify({ id: 'ttd/report', org: 'ttd', title: {}, dataTypes: [modelOf('report', 'Task_1'), modelOf('approval', 'Task_2')] }),
        'App/config/process/process.bpmn': bpmn,
        'App/config/authorization/policy.xml': policyXml(permitRule('manager', 'DAGL', ['instantiate', 'read', 'write'])),
        'App/models/report.schema.json': JSON.stringify(schema),
        'App/models/report.prefill.json': JSON.stringify({ ER: { Name: 'company.name', OrgNumber: 'company.orgNo' } }),
        'App/models/approval.schema.json': JSON.stringify(schema),
        'App/models/approval.prefill.json': JSON.stringify({ UserProfile: { 'Party.Name': 'signer' } }),
      }),
    );
    const people = defaultPeople();
    server = await startServer(createAppHandler({ app, org: 'ttd', appName: 'report', storage: memoryStorage(), services: { people }, userOf: (req) => userFromRequest(req, people, 1002) }));
    base = `${server.url}/ttd/report`;
  });
  afterAll(() => server.close());

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}/${path}`, { method, headers: { 'x-studio-persona': '1002', Accept: 'application/json', 'Content-Type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('fills the first task’s model from ER on POST instances, and the next task’s from the user profile when it is entered', async () => {
    const created = await call('POST', 'instances?instanceOwnerPartyId=50101', {});
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const report = created.body.data.find((d: { dataType: string }) => d.dataType === 'report');
    expect((await call('GET', `instances/${id}/data/${report.id}`)).body).toEqual({ company: { name: 'Testbedrift AS', orgNo: '310000001' } });

    const moved = await call('PUT', `instances/${id}/process/next`);
    expect(moved.status).toBe(200);
    const instance = (await call('GET', `instances/${id}`)).body;
    const approval = instance.data.find((d: { dataType: string }) => d.dataType === 'approval');
    expect((await call('GET', `instances/${id}/data/${approval.id}`)).body).toEqual({ signer: 'Kari Dagny Leder' });
  });
});

describe('register prefill for a person the people registry does not list', () => {
  let server: RunningServer;
  let base: string;
  beforeAll(async () => {
    const personSchema = { type: 'object', properties: { person: { type: 'object', properties: { first: { type: 'string' }, last: { type: 'string' }, ssn: { type: 'string' } } }, signer: { type: 'string' }, party: { type: 'string' } } };
    const app = await loadAppModel(
      memoryFileSource({
        'App/config/applicationmetadata.json': JSON.stringify({ id: 'ttd/report', org: 'ttd', title: {}, dataTypes: [modelOf('report', 'Task_1'), modelOf('approval', 'Task_2')] }),
        'App/config/process/process.bpmn': bpmn,
        'App/config/authorization/policy.xml': policyXml(permitRule('citizen', 'PRIV', ['instantiate', 'read', 'write'])),
        'App/models/report.schema.json': JSON.stringify(personSchema),
        'App/models/report.prefill.json': JSON.stringify({ DSF: { FirstName: 'person.first', LastName: 'person.last', SSN: 'person.ssn' } }),
        'App/models/approval.schema.json': JSON.stringify(personSchema),
        'App/models/approval.prefill.json': JSON.stringify({ UserProfile: { 'Party.Name': 'signer', PartyId: 'party' } }),
      }),
    );
    const people = defaultPeople();
    // As the host's login gives her (auth/users.ts): not in the registry, so derived from the login, with the ids the host assigned her.
    const nora = personUser(people, { pid: '12037512345', givenName: 'Nora', familyName: 'Borgersen', ids: loginIds(7) });
    server = await startServer(createAppHandler({ app, org: 'ttd', appName: 'report', storage: memoryStorage(), services: { people }, userOf: () => nora }));
    base = `${server.url}/ttd/report`;
  });
  afterAll(() => server.close());

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}/${path}`, { method, headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('fills DSF from her own party and the user profile from her login', async () => {
    const created = await call('POST', 'instances?instanceOwnerPartyId=900000000007', {});
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const report = created.body.data.find((d: { dataType: string }) => d.dataType === 'report');
    expect((await call('GET', `instances/${id}/data/${report.id}`)).body).toEqual({ person: { first: 'Nora', last: 'Borgersen', ssn: '12037512345' } });

    expect((await call('PUT', `instances/${id}/process/next`)).status).toBe(200);
    const instance = (await call('GET', `instances/${id}`)).body;
    const approval = instance.data.find((d: { dataType: string }) => d.dataType === 'approval');
    expect((await call('GET', `instances/${id}/data/${approval.id}`)).body).toEqual({ signer: 'Nora Borgersen', party: '900000000007' });
  });
});
