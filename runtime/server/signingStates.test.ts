/**
 * User-controlled signing over HTTP (§5.6): the signee states element (`signeeStatesDataTypeId`),
 * the signing PDF (`signingPdfDataType`, printed by a fake PDF service), the refusal of a signee who
 * signed a type listed in `uniqueFromSignaturesInDataTypes`, and `runDefaultValidator` keeping the
 * task with its issues (409).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PdfService } from './services';
import type { Instance } from './storage';
import { startSigningServer, type SigningServer } from './testing/signingTestApp';

const fakePdf = new TextEncoder().encode('%PDF-1.4\n% signing receipt (fake printer)\n%%EOF\n');
const renders: Parameters<PdfService['render']>[0][] = [];
const pdf: PdfService = {
  render: async (request) => {
    renders.push(request);
    return fakePdf;
  },
};

let app: SigningServer;
beforeAll(async () => {
  app = await startSigningServer({ states: true, pdf });
});
afterAll(() => app.server.close());

// Personas: 1002 Kari (DAGL of Testbedrift AS), 1003 Per (REGNA), 1001 Ola (A0240, signs only Task_Sign2).
async function call(method: string, path: string, persona = '1002', body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${app.base}/${path}`, {
    method,
    headers: { 'x-studio-persona': persona, ...(body !== undefined && typeof body !== 'string' ? { 'Content-Type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed };
}

const sign = (instance: Instance, persona: string) => call('POST', `instances/${instance.id}/actions?language=nb`, persona, { action: 'sign' });
const next = (instance: Instance, persona = '1002', action?: string) => call('PUT', `instances/${instance.id}/process/next?language=nb`, persona, action ? { action } : undefined);
const stored = async (instance: Instance) => (await app.storage.getInstance(instance.id))!;

/** The signee states element's content, read as the app API serves it. */
async function signeeStates(instance: Instance): Promise<any[]> {
  const elements = (await stored(instance)).data.filter((d) => d.dataType === 'signeeStates');
  expect(elements).toHaveLength(1);
  const res = await call('GET', `instances/${instance.id}/data/${elements[0]!.id}`, '1002', undefined, { Accept: 'application/json' });
  expect(res.status).toBe(200);
  return res.body as any[];
}

/** A new instance of Testbedrift AS with its form filled, moved into Task_Sign. */
async function inSigningTask(): Promise<Instance> {
  const created = await call('POST', 'instances?instanceOwnerPartyId=50101', '1002', {});
  expect(created.status).toBe(201);
  const instance = created.body as Instance;
  const form = instance.data.find((d) => d.dataType === 'form')!;
  expect((await call('PUT', `instances/${instance.id}/data/${form.id}`, '1002', { name: 'Avtale' })).status).toBe(200);
  const moved = await next(instance);
  expect(moved.status).toBe(200);
  expect(moved.body.currentTask.elementId).toBe('Task_Sign');
  return stored(instance);
}

describe('signee states (signeeStatesDataTypeId)', () => {
  it('creates the element when the task is entered and updates it as each of two signees signs; GET …/signing reports from it', async () => {
    const instance = await inSigningTask();
    const entered = await signeeStates(instance);
    expect(entered).toEqual([
      {
        taskId: 'Task_Sign',
        signee: {
          $type: 'personOnBehalfOfOrg',
          socialSecurityNumber: '02028012345',
          fullName: 'Kari Dagny Leder',
          party: { partyId: 50002, name: 'Kari Dagny Leder' },
          onBehalfOfOrg: { orgNumber: '310000001', orgName: 'Testbedrift AS', orgParty: { partyId: 50101, name: 'Testbedrift AS' } },
        },
        signeeState: { isAccessDelegated: true, delegationFailedReason: null, signatureRequestEmailSent: false, signatureRequestSmsSent: false, isReceiptSent: false, hasSigned: false, signedTime: null, signatureDataElementId: null },
      },
      expect.objectContaining({ taskId: 'Task_Sign', signee: expect.objectContaining({ $type: 'personOnBehalfOfOrg', fullName: 'Per Regnskap' }), signeeState: expect.objectContaining({ hasSigned: false }) }),
    ]);
    const element = (await stored(instance)).data.find((d) => d.dataType === 'signeeStates')!;
    expect(element).toMatchObject({ contentType: 'application/json', locked: false });

    const kari = await sign(instance, '1002');
    expect(kari.status).toBe(200);
    const kariSignature = (kari.body.instance as Instance).data.find((d) => d.dataType === 'signature1')!;
    const afterKari = await signeeStates(instance);
    expect(afterKari[0].signeeState).toMatchObject({ hasSigned: true, signedTime: expect.any(String), signatureDataElementId: kariSignature.id });
    expect(afterKari[1].signeeState).toMatchObject({ hasSigned: false, signedTime: null });
    const report = await call('GET', `instances/${instance.id}/signing?taskId=Task_Sign`);
    expect(report.status).toBe(200);
    expect(report.body.signeeStates).toEqual([
      { name: 'Kari Dagny Leder', organization: 'Testbedrift AS', organisation: 'Testbedrift AS', signedTime: afterKari[0].signeeState.signedTime, hasSigned: true, delegationSuccessful: true, notificationStatus: 'NotSent', partyId: 50002 },
      { name: 'Per Regnskap', organization: 'Testbedrift AS', organisation: 'Testbedrift AS', signedTime: null, hasSigned: false, delegationSuccessful: true, notificationStatus: 'NotSent', partyId: 50003 },
    ]);

    expect((await sign(instance, '1003')).status).toBe(200);
    const afterPer = await signeeStates(instance);
    expect(afterPer.map((c) => c.signeeState.hasSigned)).toEqual([true, true]);
    // Still one element: it is rewritten, not added again.
    expect((await stored(instance)).data.filter((d) => d.dataType === 'signeeStates').map((d) => d.id)).toEqual([element.id]);
    const reported = (await call('GET', `instances/${instance.id}/signing`)).body.signeeStates;
    expect(reported.map((s: { hasSigned: boolean }) => s.hasSigned)).toEqual([true, true]);
  });

  it('reports the state element, as stored, over what the policy would give now', async () => {
    const instance = await inSigningTask();
    const element = (await stored(instance)).data.find((d) => d.dataType === 'signeeStates')!;
    const states = await signeeStates(instance);
    const failed = [{ ...states[0], signeeState: { ...states[0].signeeState, isAccessDelegated: false, delegationFailedReason: 'test' } }];
    const bytes = new TextEncoder().encode(JSON.stringify(failed));
    await app.storage.writeData(instance.id, element.id, bytes, bytes.byteLength, new Date().toISOString());
    const report = await call('GET', `instances/${instance.id}/signing`);
    expect(report.body.signeeStates).toEqual([expect.objectContaining({ name: 'Kari Dagny Leder', delegationSuccessful: false })]);
  });

  it('names the C# signee provider it cannot run, in the signing answer and the C# listing', async () => {
    const instance = await inSigningTask();
    const report = await call('GET', `instances/${instance.id}/signing`);
    expect(report.body.signeeProviderId).toBe('signees');
    const csharp = await call('GET', 'api/preview/csharp');
    expect(csharp.body).toContainEqual(expect.objectContaining({ kind: 'signeeProvider', className: 'Signees', id: 'signees', file: 'App/logic/Signees.cs' }));
  });
});

describe('signing PDF (signingPdfDataType)', () => {
  it('stores the PDF of the signing task as a locked signingPdf element when process/next leaves the task, and only then', async () => {
    const instance = await inSigningTask();
    expect((await sign(instance, '1002')).status).toBe(200);
    expect((await sign(instance, '1003')).status).toBe(200);
    expect((await stored(instance)).data.some((d) => d.dataType === 'signingPdf')).toBe(false);
    const before = renders.length;
    const moved = await next(instance);
    expect(moved.status).toBe(200);
    expect(moved.body.currentTask.elementId).toBe('Task_Sign2');
    expect(renders.slice(before)).toEqual([expect.objectContaining({ org: 'acme', appName: 'signing', instanceId: instance.id, taskId: 'Task_Sign', language: 'nb', persona: '1002' })]);
    const pdfs = (await stored(instance)).data.filter((d) => d.dataType === 'signingPdf');
    expect(pdfs).toEqual([expect.objectContaining({ contentType: 'application/pdf', locked: true, size: fakePdf.byteLength, references: [{ relation: 'GeneratedFrom', valueType: 'Task', value: 'Task_Sign' }] })]);
    const served = await fetch(`${app.base}/instances/${instance.id}/data/${pdfs[0]!.id}`, { headers: { 'x-studio-persona': '1002' } });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(fakePdf);
    // The signee states of the task ended with it: locked with the rest of its types.
    expect((await stored(instance)).data.find((d) => d.dataType === 'signeeStates')!.locked).toBe(true);
  });

  it('makes no signing PDF when the task is rejected', async () => {
    const instance = await inSigningTask();
    const before = renders.length;
    const back = await next(instance, '1002', 'reject');
    expect(back.status).toBe(200);
    expect(back.body.currentTask.elementId).toBe('Task_Fill');
    expect(renders.slice(before).filter((r) => r.taskId === 'Task_Sign')).toEqual([]);
    expect((await stored(instance)).data.some((d) => d.dataType === 'signingPdf')).toBe(false);
  });
});

describe('uniqueFromSignaturesInDataTypes and runDefaultValidator', () => {
  it('keeps the task with the default validator\'s issues (409) until every signee signed', async () => {
    const instance = await inSigningTask();
    const none = await next(instance);
    expect(none.status).toBe(409);
    expect(none.body.validationIssues).toContainEqual(expect.objectContaining({ severity: 1, source: 'SigningTaskValidator', code: 'MissingSignatures' }));
    expect((await sign(instance, '1002')).status).toBe(200);
    const waiting = await next(instance);
    expect(waiting.status).toBe(409);
    expect(waiting.body.message).toContain('Validation failed for task Task_Sign');
    expect(waiting.body.validationIssues).toEqual([expect.objectContaining({ severity: 1, code: 'MissingSignatures', description: expect.stringContaining('Per Regnskap') })]);
    expect((await stored(instance)).process.currentTask?.elementId).toBe('Task_Sign');
  });

  it('refuses a signee of Task_Sign2 who signed signature1 (403 UniqueSignature, naming the type), and takes another', async () => {
    const instance = await inSigningTask();
    expect((await sign(instance, '1002')).status).toBe(200);
    expect((await sign(instance, '1003')).status).toBe(200);
    expect((await next(instance)).status).toBe(200);
    for (const persona of ['1002', '1003']) {
      const refused = await sign(instance, persona);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ success: false, error: { code: 'UniqueSignature' } });
      expect(refused.body.error.message).toContain('signed "signature1"');
      expect(refused.body.error.message).toContain('uniqueFromSignaturesInDataTypes');
    }
    expect((await stored(instance)).data.filter((d) => d.dataType === 'signature2')).toHaveLength(0);
    expect((await sign(instance, '1001')).status).toBe(200);
  });
});
