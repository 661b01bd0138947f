import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import { fixtureAppsDir } from '../../core/testing/fixtureApps';
import { createAppHandler } from './appApi';
import { diskAppSource } from './appSource';
import { userFromRequest } from './authorization';
import { defaultPeople } from './people';
import { memoryStorage, type RuntimeStorage } from './storage';
import { type RunningServer, startServer } from './testServer';

const appDir = join(fixtureAppsDir, 'payment-test');

describe.skipIf(!existsSync(appDir))('payment-test (the real app): pay → paid → confirm ends the process', () => {
  let server: RunningServer;
  let storage: RuntimeStorage;
  let base: string;

  beforeAll(async () => {
    const app = await loadAppModel(await diskAppSource(appDir));
    const people = defaultPeople();
    storage = memoryStorage();
    // User 1002 is general manager (DAGL) of party 50101: the app's policy lets DAGL pay, confirm and reject in Task_2.
    server = await startServer(createAppHandler({ app, org: 'ttd', appName: 'payment-test', storage, services: { people }, userOf: (req) => userFromRequest(req, people, 1002) }));
    base = `${server.url}/ttd/payment-test`;
  });
  afterAll(() => server.close());

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}/${path}`, { method, redirect: 'manual', ...(body !== undefined ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    return { status: res.status, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text, location: res.headers.get('location') };
  };

  /** Task_1 asks only whether the applicant is their own agent (AgentPerson, required); then process/next enters the payment task. */
  const fillAndLeaveTask1 = async (id: string, data: { id: string; dataType: string }[]) => {
    const model = data.find((d) => d.dataType === 'model')!;
    const current = (await call('GET', `instances/${id}/data/${model.id}`)).body as Record<string, unknown>;
    expect((await call('PUT', `instances/${id}/data/${model.id}`, { ...current, AgentPerson: 'false' })).status).toBe(200);
    const moved = await call('PUT', `instances/${id}/process/next`);
    expect(moved.status).toBe(200);
    expect(moved.body.currentTask).toMatchObject({ elementId: 'Task_2', altinnTaskType: 'payment' });
  };

  it('walks from the form through the payment task to the end as Altinn does', async () => {
    const created = await call('POST', 'instances?instanceOwnerPartyId=50101', {});
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await fillAndLeaveTask1(id, created.body.data);
    const state = await call('GET', `instances/${id}/process`);
    expect(state.body.currentTask.userActions).toEqual(expect.arrayContaining([{ id: 'pay', authorized: true, type: 'ProcessAction' }, { id: 'confirm', authorized: true, type: 'ProcessAction' }]));

    expect((await call('GET', `instances/${id}/payment`)).body).toMatchObject({ taskId: 'Task_2', status: 'Uninitialized', orderDetails: { totalPriceIncVat: 1000 } });
    // The task's default action is pay, which matches neither gateway flow: it starts no move.
    expect((await call('PUT', `instances/${id}/process/next`)).status).toBe(409);
    expect((await call('PUT', `instances/${id}/process/next`, { action: 'confirm' })).body.validationIssues).toEqual([expect.objectContaining({ code: 'PaymentNotCompleted' })]);

    const started = await call('POST', `instances/${id}/actions?language=nb`, { action: 'pay' });
    expect(started.status).toBe(200);
    const page = await fetch(started.body.redirectUrl);
    expect(await page.text()).toContain('Gebyr');
    const paid = await fetch(started.body.redirectUrl, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'outcome=Paid' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`/ttd/payment-test/#/instance/${id}`);
    const stored = (await storage.getInstance(id))!.data.find((d) => d.dataType === 'paymentInformation');
    expect(stored).toMatchObject({ contentType: 'application/json' });
    expect((await call('GET', `instances/${id}/payment`)).body.status).toBe('Paid');

    const done = await call('PUT', `instances/${id}/process/next`, { action: 'confirm' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ currentTask: null, endEvent: 'EndEvent_1' });
  });

  it('reject in the payment task goes back to Task_1 without paying', async () => {
    const created = await call('POST', 'instances?instanceOwnerPartyId=50101', {});
    const id = created.body.id as string;
    await fillAndLeaveTask1(id, created.body.data);
    const back = await call('PUT', `instances/${id}/process/next`, { action: 'reject' });
    expect(back.status).toBe(200);
    expect(back.body.currentTask.elementId).toBe('Task_1');
  });
});
