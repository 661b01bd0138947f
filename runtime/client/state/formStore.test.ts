import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppApi } from '../api/appApi';
import { fakeServer, type FakeServer } from '../testing/fakeAppServer';
import { createFormStore, schemaCheckDelay } from './formStore';

let server: FakeServer;

beforeEach(() => {
  vi.useFakeTimers();
  server = fakeServer();
});
afterEach(() => vi.useRealTimers());

async function started() {
  const store = createFormStore(createAppApi('/acme/app/', server.fetch));
  await store.actions.start('nb');
  expect(store.getState().error).toBeUndefined();
  return store;
}

describe('form store', () => {
  it('creates an instance, loads the task layout set and its data, and starts on the first page', async () => {
    const store = await started();
    const state = store.getState();
    expect(server.calls.find((c) => c.method === 'POST')?.path).toBe('instances?instanceOwnerPartyId=50000000&language=nb');
    expect(state.setId).toBe('form');
    expect(state.currentPage).toBe('One');
    expect(state.data).toEqual({ model: { kind: 'zzz' } });
    expect(store.actions.pages()).toEqual(['One', 'Two', 'Three']);
  });

  it('shows a layout set the preview chose (?set=) when the app has it, else the task one', async () => {
    const chosen = createFormStore(createAppApi('/acme/app/', server.fetch));
    await chosen.actions.start('nb', undefined, 'form');
    expect(chosen.getState()).toMatchObject({ status: 'ready', setId: 'form', currentPage: 'One' });
    const unknown = createFormStore(createAppApi('/acme/app/', server.fetch));
    await unknown.actions.start('nb', undefined, 'nope');
    expect(unknown.getState()).toMatchObject({ status: 'ready', setId: 'form' });
  });

  it('updates expressions incrementally and saves with a debounce (PUT of the data element)', async () => {
    const store = await started();
    const greet = store.getState().derived!.hierarchy.nodes.get('greet')!;
    expect(store.getState().derived!.expressions.valueOf('greet', 'hidden')).toBe(true);
    store.actions.setValue({ dataType: 'model', field: 'name' }, 'K');
    store.actions.setValue({ dataType: 'model', field: 'name' }, 'Kari');
    expect(store.getState().derived!.expressions.valueOf(greet.id, 'hidden')).toBe(false);
    expect(server.calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(400);
    const puts = server.calls.filter((c) => c.method === 'PUT');
    expect(puts).toHaveLength(1);
    expect(puts[0]).toMatchObject({ path: 'instances/50000000/g1/data/d1', body: { name: 'Kari', kind: 'zzz' } });
  });

  it('saves nothing in a task that does not let the person write (the server said write: false)', async () => {
    const store = await started();
    const defs = store.getState().defs!;
    store.setState({ defs: { ...defs, process: { currentTask: { elementId: 'Task_1', read: true, write: false, actions: { sign: true } } } } });
    store.actions.setValue({ dataType: 'model', field: 'name' }, 'Kari');
    await vi.advanceTimersByTimeAsync(400);
    expect(server.calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
    expect(store.getState().saveError).toBeUndefined();
    store.setState({ defs: { ...store.getState().defs!, process: { currentTask: { elementId: 'Task_1', read: true, write: true } } } });
    store.actions.setValue({ dataType: 'model', field: 'name' }, 'Kari N');
    await vi.advanceTimersByTimeAsync(400);
    expect(server.calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
  });

  it('drops the saves still waiting when the caller writes the data itself (process/next)', async () => {
    const store = await started();
    store.actions.setValue({ dataType: 'model', field: 'name' }, 'Kari');
    store.actions.cancelPendingSaves();
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
  });

  it('blocks Next with page validation and reveals the required error, then lets it through once fixed', async () => {
    const store = await started();
    const validation = { page: 'current' as const, show: ['All'] };
    expect(await store.actions.navigateValidated('Two', validation)).toBe(false);
    expect(store.getState().masks.name).toBeGreaterThan(0);
    expect(store.getState().derived!.validation.byComponent.get('name')?.[0]?.source).toBe('required');
    store.actions.setValue({ dataType: 'model', field: 'name' }, 'Kari');
    expect(await store.actions.navigateValidated('Two', validation)).toBe(true);
    expect(store.getState().currentPage).toBe('Two');
  });

  it('validates with the JSON schema (on the server) and skips pages hidden by expressions', async () => {
    const store = await started();
    store.actions.setValue({ dataType: 'model', field: 'name' }, 'far too long a name');
    await vi.advanceTimersByTimeAsync(schemaCheckDelay);
    expect(store.getState().derived!.validation.byComponent.get('name')?.map((i) => i.source)).toContain('schema');
    store.actions.setValue({ dataType: 'model', field: 'kind' }, 'b');
    expect(store.actions.pages()).toEqual(['One', 'Three']);
  });

  it('reloads definitions from the server and keeps the form data', async () => {
    const store = await started();
    store.actions.setValue({ dataType: 'model', field: 'name' }, 'Kari');
    server.layouts = { ...server.layouts, One: { data: { layout: [{ id: 'other', type: 'TextArea', dataModelBindings: { simpleBinding: 'name' } }] } } };
    await store.actions.reloadDefinitions();
    const state = store.getState();
    expect(state.data.model).toMatchObject({ name: 'Kari' });
    expect(state.derived!.hierarchy.nodes.has('other')).toBe(true);
    expect(state.derived!.hierarchy.nodes.has('name')).toBe(false);
  });

  it('fetches a code list once and submits only without visible errors', async () => {
    const store = await started();
    await Promise.all([store.actions.ensureCodeList('countries'), store.actions.ensureCodeList('countries')]);
    expect(server.calls.filter((c) => c.path.startsWith('api/options/countries'))).toHaveLength(1);
    expect(store.getState().codeLists.countries).toHaveLength(2);
    expect(await store.actions.submit()).toBe(false);
    store.actions.setValue({ dataType: 'model', field: 'name' }, 'Kari');
    expect(await store.actions.submit()).toBe(true);
    expect(store.getState().sent).toBe(true);
  });
});
