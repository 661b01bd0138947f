import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSigningServer, type SigningServer } from './testing/signingTestApp';
import type { Instance } from './storage';

let app: SigningServer;
beforeAll(async () => {
  app = await startSigningServer();
});
afterAll(() => app.server.close());

// Personas of the studio's default people: 1002 Kari (DAGL of 50101), 1003 Per (REGNA), 1001 Ola (A0240 here), 1004 Siri (no role).
async function call(method: string, path: string, persona = '1002', body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; bytes: Uint8Array }> {
  const res = await fetch(`${app.base}/${path}`, {
    method,
    headers: { 'x-studio-persona': persona, ...(body !== undefined && typeof body !== 'string' ? { 'Content-Type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed, bytes };
}

const sign = (instance: Instance, persona: string, extra: Record<string, unknown> = {}) => call('POST', `instances/${instance.id}/actions?language=nb`, persona, { action: 'sign', ...extra });
const next = (instance: Instance, persona = '1002', action?: string) => call('PUT', `instances/${instance.id}/process/next?language=nb`, persona, action ? { action } : undefined);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A new instance for Testbedrift AS, its form filled and a text attachment uploaded, moved into Task_Sign. */
async function inSigningTask(): Promise<Instance> {
  const created = await call('POST', 'instances?instanceOwnerPartyId=50101', '1002', {});
  expect(created.status).toBe(201);
  const instance = created.body as Instance;
  const form = instance.data.find((d) => d.dataType === 'form')!;
  expect((await call('PUT', `instances/${instance.id}/data/${form.id}`, '1002', { name: 'Avtale' })).status).toBe(200);
  const upload = await call('POST', `instances/${instance.id}/data?dataType=attachment`, '1002', 'signed words', { 'Content-Type': 'text/plain', 'Content-Disposition': 'attachment; filename="terms.txt"' });
  expect(upload.status).toBe(201);
  const moved = await next(instance);
  expect(moved.status).toBe(200);
  expect(moved.body.currentTask).toMatchObject({ elementId: 'Task_Sign', altinnTaskType: 'signing' });
  return (await call('GET', `instances/${instance.id}`)).body as Instance;
}

describe('signing', () => {
  it('lists the signees the policy names and the documents to sign', async () => {
    const instance = await inSigningTask();
    const signees = await call('GET', `instances/${instance.id}/signing?taskId=Task_Sign`);
    expect(signees.status).toBe(200);
    expect(signees.body.signeeStates).toEqual([
      expect.objectContaining({ name: 'Kari Dagny Leder', organization: 'Testbedrift AS', signedTime: null, hasSigned: false, delegationSuccessful: true, notificationStatus: 'NotSent', partyId: 50002 }),
      expect.objectContaining({ name: 'Per Regnskap', organization: 'Testbedrift AS', signedTime: null, partyId: 50003 }),
    ]);
    const documents = await call('GET', `instances/${instance.id}/signing/data-elements`);
    expect(documents.body.dataElements.map((d: { dataType: string }) => d.dataType).sort()).toEqual(['attachment', 'form']);
    expect((await call('GET', `instances/${instance.id}/signing/organizations`)).body.organizations).toEqual([{ orgName: 'Testbedrift AS', orgNumber: '310000001', partyId: 50101 }]);
    expect((await call('GET', `instances/${instance.id}/signing`, '1004')).status).toBe(403);
  });

  it('records a locked signature with the SHA-256 of every signed element as stored, once per signee', async () => {
    const instance = await inSigningTask();
    const res = await sign(instance, '1002');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, error: null, clientActions: [], updatedDataModels: {} });
    const element = (res.body.instance as Instance).data.find((d) => d.dataType === 'signature1')!;
    expect(element).toMatchObject({ contentType: 'application/json', locked: true });
    const document = (await call('GET', `instances/${instance.id}/data/${element.id}`)).body;
    expect(document).toMatchObject({ id: element.id, instanceGuid: instance.id.split('/')[1], signedTime: expect.any(String), signeeInfo: { userId: '1002', personNumber: '02028012345', organisationNumber: '310000001', name: 'Kari Dagny Leder' } });
    const signed = instance.data.filter((d) => d.dataType === 'form' || d.dataType === 'attachment');
    expect(document.dataElementSignatures).toHaveLength(2);
    for (const d of signed) {
      const bytes = (await call('GET', `instances/${instance.id}/data/${d.id}`, '1002', undefined, { Accept: 'application/json' })).bytes;
      expect(document.dataElementSignatures).toContainEqual({ dataElementId: d.id, sha256Hash: sha256(bytes), signed: true });
    }
    const twice = await sign(instance, '1002');
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ success: false, error: { code: 'AlreadySigned' } });
    expect(twice.body.error.message).toContain('already signed');
    expect((await call('GET', `instances/${instance.id}`)).body.data.filter((d: { dataType: string }) => d.dataType === 'signature1')).toHaveLength(1);
    const events = (await app.storage.listEvents(instance.id)).filter((e) => e.eventType === 'Signed');
    expect(events).toEqual([expect.objectContaining({ user: expect.objectContaining({ userId: 1002 }), processInfo: { elementId: 'Task_Sign', dataElementId: element.id } })]);
  });

  it('refuses a person the policy does not let sign (403) and names other actions as not found', async () => {
    const instance = await inSigningTask();
    const refused = await sign(instance, '1004');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ success: false, error: { code: 'NotAuthorized' } });
    expect(refused.body.message).toContain('"sign"');
    expect((await call('POST', `instances/${instance.id}/actions`, '1002', { action: 'lookup' })).status).toBe(403);
    const malformed = await call('POST', `instances/${instance.id}/actions`, '1002', { nothing: true });
    expect(malformed.status).toBe(400);
  });

  it('keeps the task until every signee signed (409 MissingSignatures), then moves on; the next task takes signatures only from others', async () => {
    const instance = await inSigningTask();
    const early = await next(instance);
    expect(early.status).toBe(409);
    expect(early.body.validationIssues).toContainEqual(expect.objectContaining({ severity: 1, code: 'MissingSignatures', source: 'SigningTaskValidator' }));
    expect((await sign(instance, '1002')).status).toBe(200);
    const waiting = await next(instance);
    expect(waiting.status).toBe(409);
    expect(waiting.body.validationIssues).toContainEqual(expect.objectContaining({ code: 'MissingSignatures', description: expect.stringContaining('Per Regnskap') }));
    expect((await sign(instance, '1003')).status).toBe(200);
    const states = (await call('GET', `instances/${instance.id}/signing`)).body.signeeStates;
    expect(states.every((s: { signedTime: string | null }) => s.signedTime !== null)).toBe(true);
    const moved = await next(instance);
    expect(moved.status).toBe(200);
    expect(moved.body.currentTask.elementId).toBe('Task_Sign2');
    const stored = (await app.storage.getInstance(instance.id))!;
    expect(stored.data.filter((d) => d.dataType === 'signature1').every((d) => d.locked)).toBe(true);

    const unique = await sign(instance, '1002');
    expect(unique.status).toBe(403);
    expect(unique.body.error).toMatchObject({ code: 'UniqueSignature' });
    expect((await next(instance, '1001', 'reject')).status).toBe(400);
    // Legacy style: process/next with "sign" signs and moves in one step.
    const done = await next(instance, '1001', 'sign');
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ currentTask: null, endEvent: 'End' });
    const signature2 = (await app.storage.getInstance(instance.id))!.data.filter((d) => d.dataType === 'signature2');
    expect(signature2).toHaveLength(1);
  });

  it('rejects back to the form where the task lists reject, for those the policy lets reject', async () => {
    const instance = await inSigningTask();
    expect((await next(instance, '1003', 'reject')).status).toBe(403);
    const back = await next(instance, '1002', 'reject');
    expect(back.status).toBe(200);
    expect(back.body.currentTask.elementId).toBe('Task_Fill');
    const stored = (await app.storage.getInstance(instance.id))!;
    expect(stored.data.find((d) => d.dataType === 'form')!.locked).toBe(false);
  });

  it('refuses to move on when a signed element changed after signing (InvalidSignatureHash)', async () => {
    const instance = await inSigningTask();
    expect((await sign(instance, '1002')).status).toBe(200);
    expect((await sign(instance, '1003')).status).toBe(200);
    const form = instance.data.find((d) => d.dataType === 'form')!;
    await app.storage.writeData(instance.id, form.id, { name: 'Endret' }, 20, new Date().toISOString());
    const res = await next(instance);
    expect(res.status).toBe(409);
    expect(res.body.validationIssues).toContainEqual(expect.objectContaining({ code: 'InvalidSignatureHash', dataElementId: form.id }));
  });

  it('refuses sign outside a signing task (the policy grants it only there: 403, authorised before the task is looked at) and has no signees there (409)', async () => {
    const created = (await call('POST', 'instances?instanceOwnerPartyId=50101', '1002', {})).body as Instance;
    const res = await sign(created, '1002');
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ success: false, error: { code: 'NotAuthorized' } });
    expect(res.body.message).toContain('Task_Fill');
    expect((await call('GET', `instances/${created.id}/signing`)).status).toBe(409);
  });
});
