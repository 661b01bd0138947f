import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppApi } from '../api/appApi';
import { fakeServer, type FakeServer } from '../testing/fakeAppServer';
import { createFormStore, schemaCheckDelay } from './formStore';

let server: FakeServer;

beforeEach(() => {
  vi.useFakeTimers();
  server = fakeServer();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function started() {
  const store = createFormStore(createAppApi('/acme/app/', server.fetch));
  await store.actions.start('nb');
  await store.actions.schemaSettled();
  return store;
}

const name = { dataType: 'model', field: 'name' };
const schemaCalls = () => server.calls.filter((c) => c.path === 'api/runtime/schemavalidation/model');
type Store = Awaited<ReturnType<typeof started>>;
const schemaIssuesOf = (store: Store, id = 'name') => (store.getState().derived!.validation.byComponent.get(id) ?? []).filter((i) => i.source === 'schema');

/** A gate the fake server's schema answers wait for. */
function gate() {
  let open!: () => void;
  server.schemaGate = new Promise<void>((resolve) => (open = resolve));
  return () => {
    server.schemaGate = undefined;
    open();
  };
}

describe('schema checks on the server', () => {
  it('asks for the loaded data on start', async () => {
    await started();
    expect(schemaCalls()).toEqual([{ method: 'POST', path: 'api/runtime/schemavalidation/model', body: { kind: 'zzz' } }]);
  });

  it('asks once after typing pauses and re-derives only validation', async () => {
    const store = await started();
    store.actions.setValue(name, 'far too');
    store.actions.setValue(name, 'far too long');
    store.actions.setValue(name, 'far too long a name');
    const { hierarchy, expressions } = store.getState().derived!;
    const nameVersion = store.getState().derived!.versions.get('name') ?? 0;
    await vi.advanceTimersByTimeAsync(schemaCheckDelay - 1);
    expect(schemaCalls()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(schemaCalls()).toHaveLength(2);
    expect(schemaCalls()[1]?.body).toEqual({ kind: 'zzz', name: 'far too long a name' });
    expect(schemaIssuesOf(store).map((i) => [i.message.key, i.message.params])).toEqual([['validation_errors.maxLength', [10]]]);
    expect(store.getState().derived!.hierarchy).toBe(hierarchy);
    expect(store.getState().derived!.expressions).toBe(expressions);
    expect(store.getState().derived!.versions.get('name')).toBeGreaterThan(nameVersion);
    expect(store.getState().defs!.schemaErrors?.model).toHaveLength(1);
  });

  it('keeps one request in flight per data type and drops an answer the data outran', async () => {
    const store = await started();
    const seen: number[] = [];
    store.subscribe((s) => seen.push(s.derived!.validation.issues.filter((m) => m.issue.source === 'schema').length));
    const release = gate();
    store.actions.setValue(name, 'far too long a name');
    await vi.advanceTimersByTimeAsync(schemaCheckDelay);
    expect(schemaCalls()).toHaveLength(2);
    store.actions.setValue(name, 'Kari');
    await vi.advanceTimersByTimeAsync(schemaCheckDelay * 3);
    expect(schemaCalls()).toHaveLength(2);
    release();
    await store.actions.schemaSettled();
    expect(schemaCalls()).toHaveLength(3);
    expect(schemaCalls()[2]?.body).toMatchObject({ name: 'Kari' });
    // The answer for the long name came back after "Kari" was typed, so it was never shown.
    expect(seen.every((count) => count === 0)).toBe(true);
    expect(schemaIssuesOf(store)).toEqual([]);
  });

  it('makes Next and submit wait for pending checks instead of deciding on stale errors', async () => {
    const store = await started();
    const validation = { page: 'current' as const, show: ['All'] };
    store.actions.setValue(name, 'far too long a name');
    expect(await store.actions.navigateValidated('Two', validation)).toBe(false);
    expect(store.getState().currentPage).toBe('One');
    expect(schemaIssuesOf(store)).toHaveLength(1);
    store.actions.setValue(name, 'Kari');
    expect(await store.actions.navigateValidated('Two', validation)).toBe(true);
    store.actions.setValue(name, 'far too long a name');
    expect(await store.actions.submit()).toBe(false);
    expect(store.getState().sent).toBe(false);
  });

  it('waits for a request in flight whose answer is stale, then decides on a fresh one', async () => {
    const store = await started();
    const release = gate();
    store.actions.setValue(name, 'Kari');
    await vi.advanceTimersByTimeAsync(schemaCheckDelay);
    store.actions.setValue(name, 'far too long a name');
    const decision = store.actions.navigateValidated('Two', { page: 'current', show: ['All'] });
    release();
    expect(await decision).toBe(false);
    expect(schemaIssuesOf(store)).toHaveLength(1);
  });

  it('warns once and carries on without schema errors when the server cannot check', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    server.schemaFails = true;
    const store = await started();
    store.actions.setValue(name, 'far too long a name');
    await vi.advanceTimersByTimeAsync(schemaCheckDelay);
    store.actions.setValue(name, 'even longer than that name');
    await vi.advanceTimersByTimeAsync(schemaCheckDelay);
    expect(schemaCalls()).toHaveLength(3);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/Schema validation is off/);
    expect(schemaIssuesOf(store)).toEqual([]);
    expect(await store.actions.navigateValidated('Two', { page: 'current', show: ['All'] })).toBe(true);
  });

  it('asks again after the app was reloaded (its schema may have changed)', async () => {
    const store = await started();
    await store.actions.reloadDefinitions();
    await store.actions.schemaSettled();
    expect(schemaCalls()).toHaveLength(2);
  });
});
