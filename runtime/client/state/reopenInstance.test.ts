// The form app opens the instance its address names (a payment provider sends the person back to
// it), where its process is, instead of creating another one.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FlowServer, startFlowServer } from '../../server/testing/processEngineTestApp';
import { createAppApi, type InstanceDocument } from '../api/appApi';
import { setOpenInstance } from '../api/openInstance';
import { instanceFromHash, loadForm } from './loadForm';

let flow: FlowServer;
beforeAll(async () => {
  flow = await startFlowServer();
});
afterAll(() => flow.server.close());
afterEach(() => setOpenInstance(null));

const count = async () => (await flow.storage.listInstances({ appId: 'acme/flow', includeEnded: true })).length;

describe('reopening an instance from the address', () => {
  it('reads the instance from #/instance/{partyId}/{guid}/…', () => {
    expect(instanceFromHash('#/instance/501/0b5c2c3e-1d2f-4a5b-8c9d-0e1f2a3b4c5d/Task_1/Side1')).toBe('501/0b5c2c3e-1d2f-4a5b-8c9d-0e1f2a3b4c5d');
    expect(instanceFromHash('#/instance/501/0b5c2c3e-1d2f-4a5b-8c9d-0e1f2a3b4c5d')).toBe('501/0b5c2c3e-1d2f-4a5b-8c9d-0e1f2a3b4c5d');
    expect(instanceFromHash('#/Side1')).toBeNull();
    expect(instanceFromHash('#/instance/abc/def')).toBeNull();
  });

  it('loads the named instance with its data, opens one at a task without pages, and makes a new one when it is gone', async () => {
    const api = createAppApi(flow.base);
    const made = (await api.createInstance('501', 'nb'))!;
    const id = made.id;
    await api.putData(id, made.data!.find((d) => d.dataType === 'form')!.id, { name: 'Ada' });
    const before = await count();

    const again = await loadForm(api, 'nb', undefined, id);
    expect(again.defs.instance!.id).toBe(id);
    expect(again.data.form).toEqual({ name: 'Ada' });
    expect(await count()).toBe(before);

    // Moved on to the confirmation task, which has no pages: the process screens show it.
    await fetch(`${flow.base}instances/${id}/process/next`, { method: 'PUT' });
    const confirming = await loadForm(api, 'nb', undefined, id);
    expect(confirming).toMatchObject({ taskId: 'Task_Confirm', setId: '' });
    expect(confirming.defs.pageOrder).toEqual([]);

    // An instance that is gone gives way to a new one: here the test server's policy refuses the
    // preview party that creation falls back to, which shows that a creation was attempted.
    await expect(loadForm(api, 'nb', undefined, '501/00000000-0000-0000-0000-000000000000')).rejects.toThrow(/may not "instantiate"/);
    expect(await count()).toBe(before);
    expect(((await (await fetch(`${flow.base}instances/${id}`)).json()) as InstanceDocument).id).toBe(id);
  });

  it('names the instance on every request once it is known, so a host with several versions answers with its own; without one, none is named', async () => {
    const made = (await createAppApi(flow.base).createInstance('501', 'nb'))!;
    const seen: { path: string; instance: string | null }[] = [];
    const api = createAppApi(flow.base, (url, init) => {
      seen.push({ path: url.slice(flow.base.length).split('?')[0]!, instance: new Headers(init?.headers).get('X-Studio-Instance') });
      return fetch(url, init);
    });
    await loadForm(api, 'nb', undefined, made.id);
    const named = (path: string) => seen.find((s) => s.path === path)?.instance;
    // The instance itself is read first, by its own route; everything after it names the instance.
    expect(seen[0]).toEqual({ path: `instances/${made.id}`, instance: null });
    expect(seen.slice(1).map((s) => s.instance)).toEqual(seen.slice(1).map(() => made.id));
    for (const path of ['api/v1/applicationmetadata', 'api/layoutsets', 'api/layouts/fill', 'api/layoutsettings/fill', 'api/v1/texts/nb', 'api/jsonschema/form']) expect(named(path)).toBe(made.id);

    // An instance that is gone is not named: the metadata comes from the active version.
    seen.length = 0;
    await expect(loadForm(api, 'nb', undefined, '501/00000000-0000-0000-0000-000000000000')).rejects.toThrow(/may not "instantiate"/);
    expect(named('api/v1/applicationmetadata')).toBeNull();
  });
});
