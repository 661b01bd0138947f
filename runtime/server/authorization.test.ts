import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryFileSource } from '../../core/app/fileSource';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import type { AppModel } from '../../core/app/model/types';
import { createAppHandler } from './appApi';
import { actionsFor, authorizeAction, judgeAction, userFromRequest } from './authorization';
import { HttpError } from './http';
import { defaultPeople } from './people';
import type { RuntimeUser } from './services';
import { type Instance, memoryStorage } from './storage';
import { type RunningServer, startServer } from './testServer';

const json = (value: unknown) => JSON.stringify(value, null, 2);
const people = defaultPeople();
// Ola 1001 (party 50001, private), Kari 1002 (DAGL of 50101 and sub-unit 50102), Per 1003 (REGNA of 50101), Siri 1004 (level 1).

const m = (value: string, category: string, id: string, fn = 'urn:oasis:names:tc:xacml:1.0:function:string-equal') =>
  `<xacml:Match MatchId="${fn}"><xacml:AttributeValue DataType="http://www.w3.org/2001/XMLSchema#string">${value}</xacml:AttributeValue><xacml:AttributeDesignator AttributeId="${id}" Category="${category}" DataType="http://www.w3.org/2001/XMLSchema#string" MustBePresent="false"/></xacml:Match>`;
const S = 'urn:oasis:names:tc:xacml:1.0:subject-category:access-subject';
const R = 'urn:oasis:names:tc:xacml:3.0:attribute-category:resource';
const A = 'urn:oasis:names:tc:xacml:3.0:attribute-category:action';
const roles = (...codes: string[]) => `<xacml:AnyOf>${codes.map((c) => `<xacml:AllOf>${m(c, S, 'urn:altinn:rolecode', 'urn:oasis:names:tc:xacml:3.0:function:string-equal-ignore-case')}</xacml:AllOf>`).join('')}</xacml:AnyOf>`;
const where = (task?: string) => `<xacml:AnyOf><xacml:AllOf>${m('[ORG]', R, 'urn:altinn:org')}${m('[APP]', R, 'urn:altinn:app')}${task ? m(task, R, 'urn:altinn:task') : ''}</xacml:AllOf></xacml:AnyOf>`;
const actions = (...ids: string[]) => `<xacml:AnyOf>${ids.map((id) => `<xacml:AllOf>${m(id, A, 'urn:oasis:names:tc:xacml:1.0:action:action-id')}</xacml:AllOf>`).join('')}</xacml:AnyOf>`;
const rule = (id: string, ...parts: string[]) => `<xacml:Rule RuleId="${id}" Effect="Permit"><xacml:Target>${parts.join('')}</xacml:Target></xacml:Rule>`;
const policy = `<?xml version="1.0" encoding="utf-8"?>
<xacml:Policy xmlns:xacml="urn:oasis:names:tc:xacml:3.0:core:schema:wd-17" PolicyId="p" Version="1.0" RuleCombiningAlgId="urn:oasis:names:tc:xacml:3.0:rule-combining-algorithm:deny-overrides">
  <xacml:Target/>
  ${rule('start', roles('PRIV', 'DAGL'), where(), actions('instantiate', 'read'))}
  ${rule('fill', roles('PRIV', 'DAGL'), where('Task_1'), actions('read', 'write'))}
  ${rule('sign', roles('DAGL'), where('Task_2'), actions('read', 'sign', 'reject'))}
  <xacml:ObligationExpressions><xacml:ObligationExpression FulfillOn="Permit" ObligationId="o1"><xacml:AttributeAssignmentExpression AttributeId="a1" Category="urn:altinn:minimum-authenticationlevel"><xacml:AttributeValue DataType="http://www.w3.org/2001/XMLSchema#integer">2</xacml:AttributeValue></xacml:AttributeAssignmentExpression></xacml:ObligationExpression></xacml:ObligationExpressions>
</xacml:Policy>`;
const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:altinn="http://altinn.no/process">
  <bpmn:process id="P" isExecutable="false">
    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:task id="Task_1" name="Fill"><bpmn:extensionElements><altinn:taskExtension><altinn:taskType>data</altinn:taskType>
      <altinn:actions><altinn:action type="serverAction">lookup</altinn:action></altinn:actions></altinn:taskExtension></bpmn:extensionElements></bpmn:task>
    <bpmn:task id="Task_2" name="Sign"><bpmn:extensionElements><altinn:taskExtension><altinn:taskType>signing</altinn:taskType>
      <altinn:actions><altinn:action>sign</altinn:action><altinn:action>reject</altinn:action></altinn:actions></altinn:taskExtension></bpmn:extensionElements></bpmn:task>
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_1" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task_1" targetRef="Task_2" />
    <bpmn:sequenceFlow id="F3" sourceRef="Task_2" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;

const metadataWith = (partyTypesAllowed: Record<string, boolean>, extra: Record<string, unknown> = {}) => ({
  id: 'acme/permit',
  org: 'acme',
  title: { nb: 'Løyve' },
  partyTypesAllowed,
  dataTypes: [{ id: 'permit', taskId: 'Task_1', maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Permit' } }],
  ...extra,
});
const everyone = { person: false, organisation: false, subUnit: false, bankruptcyEstate: false };

async function appOf(files: { metadata?: unknown; policy?: string | null }): Promise<AppModel> {
  return loadAppModel(
    memoryFileSource({
      'App/config/applicationmetadata.json': json(files.metadata ?? metadataWith(everyone)),
      'App/config/process/process.bpmn': bpmn,
      ...(files.policy === null ? {} : { 'App/config/authorization/policy.xml': files.policy ?? policy }),
      'App/models/permit.schema.json': json({ type: 'object', properties: { name: { type: 'string' } } }),
    }),
  );
}

async function serve(app: AppModel): Promise<{ server: RunningServer; call: (method: string, path: string, persona?: string, body?: unknown) => Promise<{ status: number; body: unknown }> }> {
  const server = await startServer(createAppHandler({ app, org: 'acme', appName: 'permit', storage: memoryStorage(), services: { people }, userOf: (req) => userFromRequest(req, people) }));
  const call = async (method: string, path: string, persona?: string, body?: unknown) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (persona) headers.Cookie = `studio-persona=${persona}`;
    const res = await fetch(`${server.url}/acme/permit/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  return { server, call };
}

const message = (body: unknown) => (body as { message: string }).message;

describe('central enforcement over HTTP', () => {
  let running: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    running = await serve(await appOf({}));
  });
  afterAll(() => running.server.close());

  it('creates instances only for those the policy lets instantiate, saying why otherwise', async () => {
    const { call } = running;
    const anonymous = await call('POST', 'instances?instanceOwnerPartyId=50001');
    expect(anonymous.status).toBe(401);
    expect(message(anonymous.body)).toMatch(/Nobody is logged in/);
    expect((await call('POST', 'instances?instanceOwnerPartyId=50001', '1001')).status).toBe(201);
    // Kari is DAGL of Testbedrift AS; the party comes from the JSON body here.
    expect((await call('POST', 'instances', '1002', { instanceOwner: { partyId: '50101' } })).status).toBe(201);
    const accountant = await call('POST', 'instances?instanceOwnerPartyId=50101', '1003');
    expect(accountant.status).toBe(403);
    expect(message(accountant.body)).toMatch(/Per Regnskap \(user 1003\) may not "instantiate" an instance of acme\/permit for Testbedrift AS \(party 50101\)/);
    expect(message(accountant.body)).toMatch(/holds REGNA, A0239 for Testbedrift AS.*gives "instantiate" to PRIV, DAGL/);
    // Ola holds no role for someone else's party.
    expect((await call('POST', 'instances?instanceOwnerPartyId=50002', '1001')).status).toBe(403);
    const lowLevel = await call('POST', 'instances?instanceOwnerPartyId=50004', '1004');
    expect(lowLevel.status).toBe(403);
    expect(message(lowLevel.body)).toMatch(/authentication level 2.*level 1/);
  });

  it('checks instance actions in the current task', async () => {
    const { call } = running;
    const created = await call('POST', 'instances?instanceOwnerPartyId=50101', '1002');
    const instance = created.body as Instance;
    const [partyId, guid] = instance.id.split('/');
    expect((await call('GET', `instances/${partyId}/${guid}`, '1002')).status).toBe(200);
    const stranger = await call('GET', `instances/${partyId}/${guid}`, '1001');
    expect(stranger.status).toBe(403);
    expect(message(stranger.body)).toMatch(/Ola Privatperson \(user 1001\) may not "read" instance 50101\/[0-9a-f-]+ in task Task_1: no rule permits it; the user holds no role for Testbedrift AS/);
    // Delete is given to nobody by this policy.
    const deleted = await call('DELETE', `instances/${partyId}/${guid}`, '1002');
    expect(deleted.status).toBe(403);
    expect(message(deleted.body)).toMatch(/gives "delete" in task Task_1 to nobody/);
  });
});

describe('policy decisions outside HTTP', () => {
  const ola = userFromRequest({ headers: { cookie: 'studio-persona=1001' } }, people)!;
  const kari = userFromRequest({ headers: { 'x-studio-persona': '1002' } }, people)!;
  const owner = userFromRequest({ headers: { cookie: 'a=b; studio-persona=org:310000099' } }, people)!;
  const ctxFor = (app: AppModel, user: RuntimeUser | null) => ({ app, org: 'acme', appName: 'permit', user, services: { people }, identifies: true });
  const instanceIn = (task: string | null, ended?: string): Instance => ({
    id: '50101/1e0f9a43-7f2a-4a8e-9d4b-6c7f0e2a1b3c',
    instanceOwner: { partyId: '50101' },
    appId: 'acme/permit',
    org: 'acme',
    process: { started: '2026-01-01T00:00:00Z', currentTask: task ? { elementId: task, name: task, altinnTaskType: 'data', flow: 2, started: '2026-01-01T00:00:00Z' } : null, ...(ended ? { ended: '2026-01-02T00:00:00Z', endEvent: ended } : {}) },
    status: { isArchived: false, isSoftDeleted: false, isHardDeleted: false, readStatus: 'Read' },
    data: [],
    created: '2026-01-01T00:00:00Z',
    lastChanged: '2026-01-01T00:00:00Z',
  });

  it('names personas by cookie or header, and nobody for unknown ones', () => {
    expect(ola).toMatchObject({ userId: 1001, partyId: '50001', name: 'Ola Privatperson', authenticationLevel: 2 });
    expect(kari.name).toBe('Kari Dagny Leder');
    expect(owner).toMatchObject({ organisationNumber: '310000099', partyId: '50199' });
    expect(userFromRequest({ headers: { cookie: 'studio-persona=9999' } }, people)).toBeNull();
    expect(userFromRequest({ headers: {} }, people)).toBeNull();
    expect(userFromRequest({ headers: {} }, people, 1003)?.userId).toBe(1003);
  });

  it('gives the process state actions and userActions per task (what authContext reads)', async () => {
    const app = await appOf({});
    expect(actionsFor(ctxFor(app, kari), instanceIn('Task_1'), 'Task_1')).toEqual({
      read: true,
      write: true,
      actions: { read: true, write: true },
      userActions: [
        { id: 'read', authorized: true, type: 'ProcessAction' },
        { id: 'write', authorized: true, type: 'ProcessAction' },
        { id: 'lookup', authorized: false, type: 'ServerAction' },
      ],
    });
    expect(actionsFor(ctxFor(app, kari), instanceIn('Task_2'), 'Task_2').actions).toEqual({ read: true, write: false, sign: true, reject: true });
    expect(actionsFor(ctxFor(app, ola), instanceIn('Task_2'), 'Task_2').actions).toEqual({ read: false, write: false, sign: false, reject: false });
    expect(actionsFor(ctxFor(app, null), instanceIn('Task_1'), 'Task_1').read).toBe(false);
  });

  it('refuses everything without policy.xml, and says what to do', async () => {
    const app = await appOf({ policy: null });
    expect(() => authorizeAction(ctxFor(app, kari), instanceIn('Task_1'), 'read')).toThrow(HttpError);
    expect(judgeAction(ctxFor(app, kari), instanceIn('Task_1'), 'read').reason).toMatch(/no App\/config\/authorization\/policy.xml.*add the policy/);
  });

  it('checks partyTypesAllowed and disallowUserInstantiation on instantiate', async () => {
    const personsOnly = await appOf({ metadata: metadataWith({ ...everyone, person: true }) });
    expect(judgeAction(ctxFor(personsOnly, kari), null, 'instantiate', { partyId: '50002' }).allowed).toBe(true);
    const forOrg = judgeAction(ctxFor(personsOnly, kari), null, 'instantiate', { partyId: '50101' });
    expect(forOrg).toMatchObject({ allowed: false, status: 403 });
    expect(forOrg.reason).toMatch(/partyTypesAllowed does not include organisation/);
    const orgsOnly = await appOf({ metadata: metadataWith({ ...everyone, organisation: true }) });
    expect(judgeAction(ctxFor(orgsOnly, kari), null, 'instantiate', { partyId: '50101' }).allowed).toBe(true);
    expect(judgeAction(ctxFor(orgsOnly, kari), null, 'instantiate', { partyId: '50102' }).reason).toMatch(/subUnit/);
    const ownerOnly = await appOf({ metadata: metadataWith(everyone, { disallowUserInstantiation: true }) });
    expect(judgeAction(ctxFor(ownerOnly, kari), null, 'instantiate', { partyId: '50101' }).reason).toMatch(/disallowUserInstantiation/);
  });

  it('lets the service owner act where the policy names its org, and lets anonymous users only into allowed stateless pages', async () => {
    const ownerPolicy = policy.replace('<xacml:Target/>', '<xacml:Target/>' + rule('owner', `<xacml:AnyOf><xacml:AllOf>${m('[org]', S, 'urn:altinn:org')}</xacml:AllOf></xacml:AnyOf>`, where(), actions('write', 'complete')));
    const app = await appOf({ policy: ownerPolicy });
    // The registry's service owner is "ttd", not "acme".
    expect(judgeAction(ctxFor(app, owner), instanceIn('Task_2'), 'write').allowed).toBe(false);
    const acmePeople = { ...people, organisations: people.organisations.map((o) => (o.serviceOwner ? { ...o, serviceOwner: 'acme' } : o)) };
    expect(judgeAction({ ...ctxFor(app, owner), services: { people: acmePeople } }, instanceIn('Task_2'), 'write').allowed).toBe(true);
    expect(judgeAction({ ...ctxFor(app, owner), services: { people: acmePeople } }, instanceIn(null, 'End'), 'complete').allowed).toBe(true);
    expect(judgeAction(ctxFor(app, null), null, 'read')).toMatchObject({ allowed: false, status: 401 });
    const anonymousApp = await appOf({ metadata: metadataWith(everyone, { dataTypes: [{ id: 'start', maxCount: 0, appLogic: { classRef: 'S', allowAnonymousOnStateless: true } }] }) });
    expect(judgeAction(ctxFor(anonymousApp, null), null, 'read').allowed).toBe(true);
    expect(judgeAction(ctxFor(anonymousApp, null), instanceIn('Task_1'), 'read').allowed).toBe(false);
  });
});
