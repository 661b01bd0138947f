// Altinn's validate routes answer what process/next would refuse, for the instance and per data element.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFlowServer, type FlowServer } from './testing/processEngineTestApp';
import type { Instance } from './storage';

let flow: FlowServer;
beforeAll(async () => {
  flow = await startFlowServer();
});
afterAll(() => flow.server.close());

async function call(method: string, rel: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${flow.base}${rel}`, { method, ...(body !== undefined ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('validate routes', () => {
  it('list the issues of the current task and of one data element, and none once the form is right', async () => {
    const instance = (await call('POST', 'instances?instanceOwnerPartyId=501', {})).body as Instance;
    const form = instance.data.find((d) => d.dataType === 'form')!;
    const empty = await call('GET', `instances/${instance.id}/validate`);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual([expect.objectContaining({ severity: 1, source: 'Required', field: 'name', dataElementId: form.id })]);
    expect((await call('GET', `instances/${instance.id}/data/${form.id}/validate`)).body).toEqual(empty.body);

    await call('PUT', `instances/${instance.id}/data/${form.id}`, { name: 'Ada' });
    expect((await call('GET', `instances/${instance.id}/validate`)).body).toEqual([]);
    // What validate says is what process/next does.
    expect((await call('PUT', `instances/${instance.id}/process/next`)).status).toBe(200);

    expect((await call('GET', `instances/${instance.id}/data/no-such-element/validate`)).status).toBe(404);
    expect((await call('GET', `instances/501/00000000-0000-0000-0000-000000000000/validate`)).status).toBe(404);
  });
});
