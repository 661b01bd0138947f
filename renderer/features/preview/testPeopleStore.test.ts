import { describe, expect, it } from 'vitest';
import { type PeopleRegistryData, StudioError } from '../../../core/api';
import { fakeApi } from '../../state/fakeApi';
import { createTestPeopleStore, personaFor } from './testPeopleStore';

const registry: PeopleRegistryData = {
  persons: [
    { userId: 1, partyId: '1', personNumber: '01017012345', firstName: 'A', lastName: 'A' },
    { userId: 2, partyId: '2', personNumber: '02017012345', firstName: 'B', lastName: 'B' },
  ],
  organisations: [{ partyId: '9', orgNumber: '310000001', name: 'Org', unitType: 'AS' }],
  roles: [{ userId: 2, partyId: '9', roles: ['DAGL'] }],
};

describe('the test-people store', () => {
  it('reads the people and says when people.json is damaged', async () => {
    const store = createTestPeopleStore(fakeApi({ 'people:get': () => ({ registry, problem: 'not valid JSON' }) }));
    expect(store.getState().status).toBe('idle');
    await store.getState().load();
    expect(store.getState()).toMatchObject({ status: 'ready', registry, problem: 'not valid JSON', error: null });
  });

  it('says why the people could not be read, keeping the ones it had', async () => {
    let fail = false;
    const store = createTestPeopleStore(fakeApi({ 'people:get': () => (fail ? Promise.reject(new StudioError('io', 'disk gone')) : { registry, problem: null }) }));
    fail = true;
    await store.getState().load();
    expect(store.getState()).toMatchObject({ status: 'failed', registry: null, error: 'disk gone' });
    fail = false;
    await store.getState().load();
    fail = true;
    await store.getState().load();
    expect(store.getState()).toMatchObject({ status: 'ready', registry, error: 'disk gone' });
  });

  it('keeps the saved people, and on a refusal keeps the old ones and gives the reason', async () => {
    let refuse = true;
    const api = fakeApi({
      'people:get': () => ({ registry, problem: 'damaged' }),
      'people:save': () => (refuse ? Promise.reject(new StudioError('invalid-argument', 'The test people were not saved:\n- userId 1 is used twice')) : null),
    });
    const store = createTestPeopleStore(api);
    await store.getState().load();
    const changed = { ...registry, persons: registry.persons.slice(0, 1), roles: [] };
    expect(await store.getState().save(changed)).toEqual({ ok: false, message: 'The test people were not saved:\n- userId 1 is used twice' });
    expect(store.getState()).toMatchObject({ registry, problem: 'damaged' });
    refuse = false;
    expect(await store.getState().save(changed)).toEqual({ ok: true });
    expect(store.getState()).toMatchObject({ registry: changed, problem: null });
    expect(api.calls.filter((c) => c.channel === 'people:save').map((c) => c.args)).toEqual([{ registry: changed }, { registry: changed }]);
  });

  it('keeps a persona per app, falling back to the default when the person is gone', async () => {
    const store = createTestPeopleStore(fakeApi({ 'people:get': () => ({ registry, problem: null }), 'people:save': () => null }));
    expect(personaFor(store.getState(), '/apps/a')).toBeNull();
    await store.getState().load();
    expect(personaFor(store.getState(), '/apps/a')).toBe('2');
    store.getState().choosePersona('/apps/a', '1');
    store.getState().choosePersona('/apps/b', 'org:310000001');
    expect(personaFor(store.getState(), '/apps/a')).toBe('1');
    expect(personaFor(store.getState(), '/apps/b')).toBe('org:310000001');
    await store.getState().save({ ...registry, persons: registry.persons.slice(1) });
    expect(personaFor(store.getState(), '/apps/a')).toBe('2');
  });
});
