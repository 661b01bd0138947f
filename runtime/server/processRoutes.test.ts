import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryFileSource } from '../../core/app/fileSource';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import { createAppHandler } from './appApi';
import type { RuntimeUser } from './services';
import { memoryStorage, type Instance, type RuntimeStorage } from './storage';
import { type RunningServer, startServer } from './testServer';

const json = (value: unknown) => JSON.stringify(value, null, 2);
const str = 'http://www.w3.org/2001/XMLSchema#string';
const task = (id: string, type: string, extra = '') =>
  `<bpmn:task id="${id}" name="${id} name"><bpmn:extensionElements><altinn:taskExtension><altinn:taskType>${type}</altinn:taskType>${extra}</altinn:taskExtension></bpmn:extensionElements></bpmn:task>`;
const flow = (id: string, from: string, to: string, condition?: string) =>
  condition ? `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression>${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>` : `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

// Fill → (kind = "review") Review → Confirm → End; Review may reject back to Fill.
const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:altinn="http://altinn.no/process">
  <bpmn:process id="P">
    <bpmn:startEvent id="Start" />
    ${task('Task_Fill', 'data')}
    <bpmn:exclusiveGateway id="GW_Review"><bpmn:extensionElements><altinn:gatewayExtension><altinn:connectedDataTypeId>form</altinn:connectedDataTypeId></altinn:gatewayExtension></bpmn:extensionElements></bpmn:exclusiveGateway>
    ${task('Task_Review', 'data', '<altinn:actions><altinn:action>reject</altinn:action><altinn:action type="serverAction">lookup</altinn:action></altinn:actions>')}
    <bpmn:exclusiveGateway id="GW_Back" default="toConfirm" />
    ${task('Task_Confirm', 'confirmation')}
    <bpmn:endEvent id="End" />
    ${flow('f1', 'Start', 'Task_Fill')}
    ${flow('f2', 'Task_Fill', 'GW_Review')}
    ${flow('toReview', 'GW_Review', 'Task_Review', '["equals", ["dataModel", "kind"], "review"]')}
    ${flow('skipReview', 'GW_Review', 'Task_Confirm', '["notEquals", ["dataModel", "kind"], "review"]')}
    ${flow('f3', 'Task_Review', 'GW_Back')}
    ${flow('back', 'GW_Back', 'Task_Fill', '["equals", ["gatewayAction"], "reject"]')}
    ${flow('toConfirm', 'GW_Back', 'Task_Confirm', '["notEquals", ["gatewayAction"], "reject"]')}
    ${flow('f4', 'Task_Confirm', 'End')}
  </bpmn:process>
</bpmn:definitions>`;

const metadata = {
  id: 'acme/flow',
  org: 'acme',
  dataTypes: [
    { id: 'ref-data-as-pdf', allowedContentTypes: ['application/pdf'], minCount: 0, maxCount: 0 },
    { id: 'form', taskId: 'Task_Fill', minCount: 1, maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Form' } },
    { id: 'review', taskId: 'Task_Review', minCount: 1, maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Review' } },
  ],
};
const layoutSets = {
  sets: [
    { id: 'fill', dataType: 'form', tasks: ['Task_Fill'] },
    { id: 'review', dataType: 'review', tasks: ['Task_Review'] },
  ],
};
const fillPage = {
  data: {
    layout: [
      { id: 'name', type: 'Input', required: true, dataModelBindings: { simpleBinding: 'name' } },
      { id: 'kind', type: 'Input', dataModelBindings: { simpleBinding: 'kind' } },
      { id: 'secret', type: 'Input', required: true, hidden: true, dataModelBindings: { simpleBinding: 'secret' } },
    ],
  },
};
const reviewPage = { data: { layout: [{ id: 'verdict', type: 'Input', required: true, dataModelBindings: { simpleBinding: 'verdict' } }] } };
const formSchema = { type: 'object', properties: { name: { type: 'string', maxLength: 5 }, kind: { type: 'string' }, secret: { type: 'string' } } };

// PRIV (the owner party itself) may do what the flow needs, except sign.
const permit = (actions: string[]) =>
  `<xacml:Rule RuleId="r" Effect="Permit"><xacml:Target>` +
  `<xacml:AnyOf><xacml:AllOf><xacml:Match MatchId="urn:oasis:names:tc:xacml:3.0:function:string-equal-ignore-case"><xacml:AttributeValue DataType="${str}">PRIV</xacml:AttributeValue><xacml:AttributeDesignator AttributeId="urn:altinn:rolecode" Category="urn:oasis:names:tc:xacml:1.0:subject-category:access-subject" DataType="${str}" MustBePresent="false"/></xacml:Match></xacml:AllOf></xacml:AnyOf>` +
  `<xacml:AnyOf><xacml:AllOf>${['[ORG]:urn:altinn:org', '[APP]:urn:altinn:app'].map((pair) => { const [value, id] = pair.split(/:(.*)/); return `<xacml:Match MatchId="urn:oasis:names:tc:xacml:1.0:function:string-equal"><xacml:AttributeValue DataType="${str}">${value}</xacml:AttributeValue><xacml:AttributeDesignator AttributeId="${id}" Category="urn:oasis:names:tc:xacml:3.0:attribute-category:resource" DataType="${str}" MustBePresent="false"/></xacml:Match>`; }).join('')}</xacml:AllOf></xacml:AnyOf>` +
  `<xacml:AnyOf>${actions.map((a) => `<xacml:AllOf><xacml:Match MatchId="urn:oasis:names:tc:xacml:1.0:function:string-equal"><xacml:AttributeValue DataType="${str}">${a}</xacml:AttributeValue><xacml:AttributeDesignator AttributeId="urn:oasis:names:tc:xacml:1.0:action:action-id" Category="urn:oasis:names:tc:xacml:3.0:attribute-category:action" DataType="${str}" MustBePresent="false"/></xacml:Match></xacml:AllOf>`).join('')}</xacml:AnyOf>` +
  `</xacml:Target></xacml:Rule>`;
const policy = `<?xml version="1.0" encoding="utf-8"?>
<xacml:Policy xmlns:xacml="urn:oasis:names:tc:xacml:3.0:core:schema:wd-17" PolicyId="p" Version="1.0" RuleCombiningAlgId="urn:oasis:names:tc:xacml:3.0:rule-combining-algorithm:deny-overrides">
  <xacml:Target/>${permit(['instantiate', 'read', 'write', 'delete', 'confirm', 'reject'])}
</xacml:Policy>`;

const files: Record<string, string> = {
  'App/config/authorization/policy.xml': policy,
  'App/config/applicationmetadata.json': json(metadata),
  'App/config/process/process.bpmn': bpmn,
  'App/config/texts/resource.nb.json': json({ language: 'nb', resources: [] }),
  'App/ui/layout-sets.json': json(layoutSets),
  'App/ui/fill/layouts/Fill.json': json(fillPage),
  'App/ui/fill/Settings.json': json({ pages: { order: ['Fill'] } }),
  'App/ui/review/layouts/Review.json': json(reviewPage),
  'App/models/form.schema.json': json(formSchema),
};

let server: RunningServer;
let base: string;
let storage: RuntimeStorage;

beforeAll(async () => {
  const app = await loadAppModel(memoryFileSource(files));
  storage = memoryStorage();
  // The owner of party 501 by default; header x-test-party names another person's party.
  const userOf = (req: IncomingMessage): RuntimeUser => {
    const party = String(req.headers['x-test-party'] ?? '501');
    return { userId: Number(party), partyId: party, name: `Person ${party}`, authenticationLevel: 2 };
  };
  server = await startServer(createAppHandler({ app, org: 'acme', appName: 'flow', storage, userOf }));
  base = `${server.url}/acme/flow`;
});
afterAll(() => server.close());

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}/${path}`, { method, headers: { ...headers, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function created(): Promise<Instance> {
  const res = await call('POST', 'instances?instanceOwnerPartyId=501', {});
  expect(res.status).toBe(201);
  return res.body as Instance;
}

const elementOf = (instance: Instance, dataType: string) => instance.data.find((d) => d.dataType === dataType)!;
const putForm = async (instance: Instance, data: unknown) => expect((await call('PUT', `instances/${instance.id}/data/${elementOf(instance, 'form').id}`, data)).status).toBe(200);
const eventTypes = async (instance: Instance) => (await storage.listEvents(instance.id)).map((e) => e.eventType);

describe('the process routes', () => {
  it('a new instance starts in the first task with its data created, recorded as events', async () => {
    const instance = await created();
    expect(instance.process).toMatchObject({ startEvent: 'Start', currentTask: { elementId: 'Task_Fill', altinnTaskType: 'data', flow: 2 } });
    expect(instance.data.map((d) => d.dataType)).toEqual(['form']);
    expect(await eventTypes(instance)).toEqual(['process_StartEvent', 'process_StartTask']);
    const state = await call('GET', `instances/${instance.id}/process`);
    expect(state.status).toBe(200);
    expect(state.body).toMatchObject({ currentTask: { elementId: 'Task_Fill', elementType: 'Task', write: true }, ended: null });
    expect(state.body.processTasks.map((t: { elementId: string }) => t.elementId)).toEqual(['Task_Fill', 'Task_Review', 'Task_Confirm']);
  });

  it('refuses to leave a data task with validation errors (409 with the issues); hidden fields do not count', async () => {
    const instance = await created();
    await putForm(instance, { name: 'far too long' });
    const res = await call('PUT', `instances/${instance.id}/process/next`);
    expect(res.status).toBe(409);
    expect(res.body.validationIssues).toEqual([
      expect.objectContaining({ severity: 1, source: 'DataAnnotations', field: 'name', code: 'maxLength', dataElementId: elementOf(instance, 'form').id }),
    ]);
    await putForm(instance, {});
    const missing = await call('PUT', `instances/${instance.id}/process/next`);
    expect(missing.body.validationIssues).toEqual([expect.objectContaining({ severity: 1, source: 'Required', field: 'name' })]);
    expect((await call('GET', `instances/${instance.id}/process`)).body.currentTask.elementId).toBe('Task_Fill');
  });

  it('moves through the gateway by form data, locks the left task data, creates the next, and rejects back without validation', async () => {
    const instance = await created();
    await putForm(instance, { name: 'Ada', kind: 'review' });
    const moved = await call('PUT', `instances/${instance.id}/process/next`, {});
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ currentTask: { elementId: 'Task_Review', flow: 3, userActions: expect.arrayContaining([{ id: 'reject', authorized: true, type: 'ProcessAction' }, { id: 'lookup', authorized: false, type: 'ServerAction' }]) } });
    let stored = (await storage.getInstance(instance.id))!;
    expect(elementOf(stored, 'form').locked).toBe(true);
    expect(elementOf(stored, 'review').locked).toBe(false);

    const server = await call('PUT', `instances/${instance.id}/process/next`, { action: 'lookup' });
    expect(server.status).toBe(400);
    expect(server.body.message).toMatch(/server action.*C#|C#.*server action/i);

    // The review's required verdict is empty: a reject does not validate.
    const rejected = await call('PUT', `instances/${instance.id}/process/next`, { action: 'reject' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.currentTask.elementId).toBe('Task_Fill');
    stored = (await storage.getInstance(instance.id))!;
    expect(elementOf(stored, 'form').locked).toBe(false);
    expect(elementOf(stored, 'review').locked).toBe(true);
    expect(stored.data.filter((d) => d.dataType === 'form')).toHaveLength(1);
    expect(await eventTypes(instance)).toEqual(['process_StartEvent', 'process_StartTask', 'process_EndTask', 'process_StartTask', 'process_EndTask', 'process_StartTask']);
  });

  it('confirms to the end: ended, archived, Submited; nothing moves afterwards and it leaves the active list', async () => {
    const instance = await created();
    await putForm(instance, { name: 'Bo', kind: 'quick' });
    expect((await call('PUT', `instances/${instance.id}/process/next`)).body.currentTask.elementId).toBe('Task_Confirm');
    expect((await call('GET', 'instances/501/active')).body.map((i: { id: string }) => i.id)).toContain(instance.id);
    const wrong = await call('PUT', `instances/${instance.id}/process/next`, { action: 'sign' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain('not allowed in confirmation task');
    const done = await call('PUT', `instances/${instance.id}/process/next`);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ currentTask: null, endEvent: 'End', ended: expect.any(String) });
    const stored = (await storage.getInstance(instance.id))!;
    expect(stored.status.isArchived).toBe(true);
    expect((await eventTypes(instance)).slice(-3)).toEqual(['process_EndTask', 'process_EndEvent', 'Submited']);
    const again = await call('PUT', `instances/${instance.id}/process/next`);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('ended');
    expect((await call('GET', 'instances/501/active')).body.map((i: { id: string }) => i.id)).not.toContain(instance.id);
    const history = await call('GET', `instances/${instance.id}/process/history`);
    expect(history.body.processHistory.map((h: { eventType: string; elementId: string }) => `${h.eventType}:${h.elementId}`)).toEqual([
      'process_StartEvent:Start',
      'process_StartTask:Task_Fill',
      'process_EndTask:Task_Fill',
      'process_StartTask:Task_Confirm',
      'process_EndTask:Task_Confirm',
      'process_EndEvent:End',
    ]);
  });

  it('asks the policy for the action: another party may not move or list the instance', async () => {
    const instance = await created();
    await putForm(instance, { name: 'Cy', kind: 'quick' });
    const stranger = await call('PUT', `instances/${instance.id}/process/next`, undefined, { 'x-test-party': '777' });
    expect(stranger.status).toBe(403);
    expect(stranger.body.message).toContain('"write"');
    expect((await call('GET', 'instances/501/active', undefined, { 'x-test-party': '777' })).status).toBe(403);
    expect((await call('GET', `instances/${instance.id}/process`)).body.currentTask).toMatchObject({ elementId: 'Task_Fill', read: true, write: true });
  });

  it('answers 400 to a malformed body and 404 to an unknown instance', async () => {
    const instance = await created();
    expect((await call('PUT', `instances/${instance.id}/process/next`, { action: 7 })).status).toBe(400);
    expect((await call('PUT', 'instances/501/00000000-0000-0000-0000-000000000000/process/next')).status).toBe(404);
    expect((await call('GET', 'instances/abc/active')).status).toBe(400);
  });
});
