import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFlowServer } from './testing/processEngineTestApp';
import type { Instance, RuntimeStorage } from './storage';
import type { RunningServer } from './testServer';

let server: RunningServer;
let base: string;
let storage: RuntimeStorage;

beforeAll(async () => {
  ({ server, storage } = await startFlowServer());
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
