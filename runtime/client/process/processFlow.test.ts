// The form app's process path against the real runtime server over HTTP: process/next refusals and
// moves as the client sees them, and the next task's form loaded into a form store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FlowServer, flowLayoutSets, startFlowServer } from '../../server/testing/processEngineTestApp';
import { createAppApi, createProcessApi, type InstanceDocument } from '../api/appApi';
import { createFormStore } from '../state/formStore';
import { messageText } from '../text/messages';
import { loadTaskForm, showTaskForm } from './openTask';
import { screenOf } from './processScreen';
import { serverIssueLines } from './serverIssues';

let flow: FlowServer;
beforeAll(async () => {
  flow = await startFlowServer();
});
afterAll(() => flow.server.close());

const clients = () => ({ app: createAppApi(flow.base), process: createProcessApi(flow.base) });

describe('the process seen from the form app', () => {
  it('shows 409 issues on their fields, then moves to the next task and loads its form into the store', async () => {
    const { app, process } = clients();
    const instance = (await app.createInstance('501', 'nb')) as InstanceDocument;
    const formElement = instance.data!.find((d) => d.dataType === 'form')!;
    const metadata = (await app.applicationMetadata())!;

    const store = createFormStore(app);
    showTaskForm(store, await loadTaskForm(app, metadata, instance.id, 'Task_Fill', 'nb'));
    expect(store.getState()).toMatchObject({ status: 'ready', taskId: 'Task_Fill', setId: 'fill', currentPage: 'Fill', elements: { form: formElement.id } });
    expect(store.getState().defs?.schemas.form).toMatchObject({ type: 'object' });

    const refused = await process.processNext(instance.id, null, 'nb');
    expect(refused).toMatchObject({ ok: false, status: 409 });
    const { derived } = store.getState();
    const lines = serverIssueLines(refused.ok ? [] : refused.issues, derived!.hierarchy, derived!.env, (id) => (id === formElement.id ? 'form' : undefined));
    // The same words the form's own required check shows for the field.
    const local = derived!.validation.byComponent.get('name')!.find((i) => i.source === 'required')!;
    expect(lines).toEqual([{ key: 'server-0', text: messageText(local.message, derived!.env), componentId: 'name', pageId: 'Fill' }]);
    expect(lines[0]!.text).toMatch(/^Du må fylle ut /);

    await app.putData(instance.id, formElement.id, { name: 'Ada', kind: 'review' });
    const moved = await process.processNext(instance.id, null, 'nb');
    expect(moved.ok).toBe(true);
    const screen = screenOf(moved.ok ? moved.process : null, flowLayoutSets.sets);
    expect(screen).toEqual({ kind: 'form', taskId: 'Task_Review', setId: 'review' });

    showTaskForm(store, await loadTaskForm(app, metadata, instance.id, 'Task_Review', 'nb'));
    const state = store.getState();
    expect(state).toMatchObject({ taskId: 'Task_Review', setId: 'review', currentPage: 'Review', sent: false, defs: { defaultDataType: 'review', instance: { id: instance.id } } });
    expect(Object.keys(state.elements)).toEqual(['review']);
    expect(state.derived?.hierarchy.nodes.has('verdict')).toBe(true);
  });

  it('confirms to the end and lists the instance as active until then', async () => {
    const { app, process } = clients();
    const instance = (await app.createInstance('501', 'nb')) as InstanceDocument;
    await app.putData(instance.id, instance.data![0]!.id, { name: 'Bo' });
    const toConfirm = await process.processNext(instance.id, null, 'nb');
    expect(screenOf(toConfirm.ok ? toConfirm.process : null, flowLayoutSets.sets)).toEqual({ kind: 'confirm', taskId: 'Task_Confirm' });
    expect((await process.activeInstances('501'))!.map((i) => i.id)).toContain(instance.id);
    const ended = await process.processNext(instance.id, 'confirm', 'nb');
    expect(screenOf(ended.ok ? ended.process : null, flowLayoutSets.sets)).toEqual({ kind: 'receipt', customSetId: null });
    expect((await process.activeInstances('501'))!.map((i) => i.id)).not.toContain(instance.id);
    expect(await process.processNext(instance.id, 'confirm', 'nb')).toMatchObject({ ok: false, status: 409, message: expect.stringContaining('ended') });
  });
});
