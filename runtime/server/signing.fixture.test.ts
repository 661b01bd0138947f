import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import { fixtureAppsDir } from '../../core/testing/fixtureApps';
import { createAppHandler } from './appApi';
import { diskAppSource } from './appSource';
import { userFromRequest } from './authorization';
import { defaultPeople } from './people';
import { memoryStorage } from './storage';
import { type RunningServer, startServer } from './testServer';

const dir = join(fixtureAppsDir, 'signing-test');

// The real signing-test app (simple signing, §9): Task_1 form → Task_2 signing (DAGL signs or rejects) → gateway → Task_3 signing.
// Its gateway's flows name a source ("GW_From_Task_2") that is not in the process; the gateway lists them as its outgoing flows, which is what Altinn follows.
describe.skipIf(!existsSync(dir))('signing in the signing-test fixture app', () => {
  let server: RunningServer;
  let base: string;
  beforeAll(async () => {
    const app = await loadAppModel(await diskAppSource(dir));
    // Task_3's signers hold A0237 or A0238 (the policy); the registry gives A0238 to the person with no roles.
    const defaults = defaultPeople();
    const people = { ...defaults, roles: [...defaults.roles, { userId: 1004, partyId: '50101', roles: ['A0238'] }] };
    server = await startServer(createAppHandler({ app, org: 'ttd', appName: 'signing-test', storage: memoryStorage(), services: { people }, userOf: (req) => userFromRequest(req, people, 1002) }));
    base = `${server.url}/ttd/signing-test`;
  });
  afterAll(() => server.close());

  const call = async (method: string, path: string, persona = '1002', body?: unknown) => {
    const res = await fetch(`${base}/${path}`, { method, headers: { 'x-studio-persona': persona, Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    return { status: res.status, body: text ? (JSON.parse(text) as any) : undefined, bytes };
  };

  it('lets the DAGL sign Task_2 once with the hash of the form as stored, refuses others, moves through the gateway to Task_3, where a second signee signs and the process ends', async () => {
    const created = await call('POST', 'instances?instanceOwnerPartyId=50101', '1002', {});
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const dataId = created.body.data.find((d: { dataType: string }) => d.dataType === 'data').id as string;
    expect((await call('PUT', `instances/${id}/data/${dataId}`, '1002', { form: { name: 'Testbedrift AS', orgNumber: '310000001', year: 2025, income: 1000 } })).status).toBe(200);
    const toSign = await call('PUT', `instances/${id}/process/next`);
    expect(toSign.body?.validationIssues ?? toSign.body?.message).toBe(undefined);
    expect(toSign.status).toBe(200);
    expect(toSign.body.currentTask).toMatchObject({ elementId: 'Task_2', altinnTaskType: 'signing', actions: { sign: true, reject: true } });

    const signees = await call('GET', `instances/${id}/signing`);
    expect(signees.body.signeeStates).toEqual([expect.objectContaining({ name: 'Kari Dagny Leder', organization: 'Testbedrift AS', signedTime: null })]);
    // Per Regnskap holds REGNA and A0239, which the policy gives only read in Task_1 and sign in Task_3.
    expect((await call('POST', `instances/${id}/actions`, '1003', { action: 'sign' })).status).toBe(403);

    const signed = await call('POST', `instances/${id}/actions`, '1002', { action: 'sign' });
    expect(signed.status).toBe(200);
    const element = signed.body.instance.data.find((d: { dataType: string }) => d.dataType === 'signature1');
    const form = signed.body.instance.data.find((d: { dataType: string }) => d.dataType === 'data');
    const document = (await call('GET', `instances/${id}/data/${element.id}`)).body;
    const formBytes = (await call('GET', `instances/${id}/data/${form.id}`)).bytes;
    expect(document.dataElementSignatures).toEqual([{ dataElementId: form.id, sha256Hash: createHash('sha256').update(formBytes).digest('hex'), signed: true }]);
    expect((await call('POST', `instances/${id}/actions`, '1002', { action: 'sign' })).status).toBe(409);

    const toSecond = await call('PUT', `instances/${id}/process/next`, '1002', { action: 'sign' });
    expect(toSecond.status).toBe(200);
    expect(toSecond.body.currentTask).toMatchObject({ elementId: 'Task_3', altinnTaskType: 'signing' });
    expect((await call('POST', `instances/${id}/actions`, '1002', { action: 'sign' })).status).toBe(403);
    const second = await call('POST', `instances/${id}/actions`, '1004', { action: 'sign' });
    expect(second.status).toBe(200);
    const ended = await call('PUT', `instances/${id}/process/next`, '1004', { action: 'sign' });
    expect(ended.status).toBe(200);
    expect(ended.body.ended).toBeTruthy();
    expect((await call('GET', `instances/${id}/process`)).body.currentTask).toBeFalsy();
  });
});
