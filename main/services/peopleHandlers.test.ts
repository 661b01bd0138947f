import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatchRequest, type StudioHandlers } from '../../core/api';
import { defaultPeople } from '../../runtime/server/people';
import { tempDirs } from '../testing/tempDirs';
import { peopleHandlers } from './peopleHandlers';
import { peopleFile } from './peopleStore';

const temp = tempDirs('studio-people-handlers-');
afterAll(() => temp.cleanup());

/** The people handlers behind the same dispatch the transports use (argument checks included). */
function people(configDir: string) {
  const handlers = peopleHandlers(configDir) as unknown as StudioHandlers;
  return (channel: 'people:get' | 'people:save', args?: unknown) => dispatchRequest(handlers, channel, args);
}

describe('people:get and people:save', () => {
  it('gives the default people before anything is saved, then what was saved, from people.json', async () => {
    const dir = temp.make();
    const call = people(dir);
    expect(await call('people:get')).toEqual({ ok: true, value: { registry: defaultPeople(), problem: null } });

    const registry = defaultPeople();
    const added = {
      ...registry,
      persons: [...registry.persons, { userId: 1005, partyId: '50005', personNumber: '05059912345', firstName: 'Nora', lastName: 'Ny' }],
      roles: [...registry.roles, { userId: 1005, partyId: '50101', roles: ['DAGL', 'REGNA'] }],
    };
    expect(await call('people:save', { registry: added })).toEqual({ ok: true, value: null });
    const onDisk = JSON.parse(await readFile(peopleFile(dir), 'utf8')) as { version: number; persons: { firstName: string }[] };
    expect(onDisk.version).toBe(1);
    expect(onDisk.persons.map((p) => p.firstName)).toContain('Nora');
    expect(await call('people:get')).toEqual({ ok: true, value: { registry: added, problem: null } });
  });

  it('refuses a registry that contradicts itself, naming each problem, and keeps the saved file', async () => {
    const dir = temp.make();
    const call = people(dir);
    await call('people:save', { registry: defaultPeople() });
    const before = await readFile(peopleFile(dir), 'utf8');
    const registry = defaultPeople();
    const broken = {
      ...registry,
      persons: [...registry.persons, { ...registry.persons[0]!, personNumber: '123' }],
      roles: [...registry.roles, { userId: 4242, partyId: '50101', roles: ['DAGL'] }],
    };
    const refused = await call('people:save', { registry: broken });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const message = refused.ok ? '' : refused.error.message;
    expect(message).toMatch(/^The test people were not saved/);
    expect(message).toContain('persons[4].personNumber "123" must match');
    expect(message).toContain('userId 1001 is used twice');
    expect(message).toContain('roles[3].userId 4242 is not a person in the file');
    expect(await readFile(peopleFile(dir), 'utf8')).toBe(before);
  });

  it('refuses arguments of the wrong shape before they reach the file', async () => {
    const dir = temp.make();
    const call = people(dir);
    const registry = defaultPeople();
    expect(await call('people:save', {})).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: 'arguments.registry must be an object, got undefined' } });
    expect(await call('people:save', { registry: { ...registry, persons: [{ ...registry.persons[0]!, userId: '1001' }] } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: 'arguments.registry.persons[0].userId must be a whole number, got string' },
    });
    expect(await call('people:save', { registry: { ...registry, persons: [{ ...registry.persons[0]!, password: 'x' }] } })).toMatchObject({
      ok: false,
      error: { message: 'arguments.registry.persons[0].password is not a known argument' },
    });
    expect(await call('people:get', { x: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    await expect(readFile(peopleFile(dir), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('answers a damaged file with the default people and the reason, leaving the file alone until a save', async () => {
    const dir = temp.make();
    const call = people(dir);
    await writeFile(peopleFile(dir), '{ "persons": [ { "userId": "x" } ');
    const answer = await call('people:get');
    expect(answer).toMatchObject({ ok: true, value: { registry: defaultPeople(), problem: expect.stringContaining('not valid JSON') } });
    expect(await readFile(peopleFile(dir), 'utf8')).toBe('{ "persons": [ { "userId": "x" } ');
    // Saving is how the user replaces it.
    expect(await call('people:save', { registry: defaultPeople() })).toEqual({ ok: true, value: null });
    expect(await call('people:get')).toEqual({ ok: true, value: { registry: defaultPeople(), problem: null } });
  });

  it('says when the config folder cannot be written', async () => {
    const dir = temp.make();
    await writeFile(`${dir}/not-a-folder`, '');
    const call = people(`${dir}/not-a-folder`);
    const failed = await call('people:save', { registry: defaultPeople() });
    expect(failed).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringContaining('The test people could not be saved') } });
    expect(await call('people:get')).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringContaining('could not be read') } });
  });
});
