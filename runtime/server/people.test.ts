// Persons derived from a login (people.ts `loginPerson`): their ids follow from the pid alone, lie in the
// reserved range a people file may not use, and the person is added to a request's view of the registry
// without changing the registry.
import { describe, expect, test } from 'vitest';
import { defaultPeople, isReservedId, loginIds, loginPartyIdBase, loginPerson, loginUserIdBase, partiesFor, partyById, readPeople, rolesFor, reservedIdsFrom, withPerson, PeopleFileError } from './people';

describe('ids of a person derived from a login', () => {
  test('are the pid in the reserved user id and party id ranges', () => {
    expect(loginIds('01017012345')).toEqual({ userId: 801017012345, partyId: '901017012345' });
    expect(loginIds('00000000000')).toEqual({ userId: loginUserIdBase, partyId: String(loginPartyIdBase) });
    expect(loginIds('99999999999')).toEqual({ userId: 899999999999, partyId: '999999999999' });
    expect(reservedIdsFrom).toBe(800_000_000_000);
    expect(Number.isSafeInteger(loginIds('99999999999').userId)).toBe(true);
  });

  test('are the same for the same pid and differ for any other pid (adjacent, or the same digits in another order)', () => {
    expect(loginIds('12037512345')).toEqual(loginIds('12037512345'));
    const pids = ['12037512345', '12037512346', '21037512345', '02037512345', '12037512344'];
    const users = new Set(pids.map((pid) => loginIds(pid).userId));
    const parties = new Set(pids.map((pid) => loginIds(pid).partyId));
    expect(users.size).toBe(pids.length);
    expect(parties.size).toBe(pids.length);
  });

  test('never meet an id of the registry: the default people are below the range, and a file using it is refused', () => {
    const people = defaultPeople();
    for (const id of [...people.persons.map((p) => p.userId), ...people.persons.map((p) => p.partyId), ...people.organisations.map((o) => o.partyId)]) expect(isReservedId(id)).toBe(false);
    expect(isReservedId(loginIds('01017012345').userId)).toBe(true);
    expect(isReservedId(loginIds('01017012345').partyId)).toBe(true);
    expect(isReservedId(799_999_999_999)).toBe(false);

    const withIds = (userId: number, partyId: string, orgPartyId = '50101') => ({
      persons: [{ ...people.persons[0]!, userId, partyId }],
      organisations: [{ ...people.organisations[0]!, partyId: orgPartyId }],
      roles: [],
    });
    expect(() => readPeople(withIds(799_999_999_999, '799999999999'))).not.toThrow();
    expect(() => readPeople(withIds(801017012345, '50001'))).toThrow(/persons\[0\]\.userId 801017012345 is in the range from 800000000000 that is reserved/);
    expect(() => readPeople(withIds(1001, '901017012345'))).toThrow(/persons\[0\]\.partyId "901017012345" is in the range/);
    expect(() => readPeople(withIds(1001, '50001', '0800000000000'))).toThrow(PeopleFileError);
  });

  test('need a national identity number of 11 digits', () => {
    expect(() => loginIds('1234567890')).toThrow(/11 digits/);
    expect(() => loginIds('1234567890a')).toThrow(/11 digits/);
  });
});

describe('the person a login derives', () => {
  test('is named by given and family name, else by the name split at its last space, else by the masked pid', () => {
    expect(loginPerson('12037512345', { name: 'Ignored Name', givenName: ' Nora ', familyName: 'Borgersen' })).toEqual({ userId: 812037512345, partyId: '912037512345', personNumber: '12037512345', firstName: 'Nora', lastName: 'Borgersen' });
    expect(loginPerson('12037512345', { name: ' Kari  Dagny Leder ' })).toMatchObject({ firstName: 'Kari Dagny', lastName: 'Leder' });
    expect(loginPerson('12037512345', { name: 'Cher' })).toMatchObject({ firstName: 'Cher', lastName: '' });
    expect(loginPerson('12037512345', { name: '  ' })).toMatchObject({ firstName: 'Person', lastName: '120375*****' });
  });

  test("is in a request's view of the registry with her own party and PRIV on it, and the registry is not changed", () => {
    const people = defaultPeople();
    const before = JSON.stringify(people);
    const nora = loginPerson('12037512345', { givenName: 'Nora', familyName: 'Borgersen' });
    const view = withPerson(people, nora);
    expect(JSON.stringify(people)).toBe(before);
    expect(partiesFor(view, nora.userId)).toEqual([{ kind: 'person', person: nora }]);
    expect(rolesFor(view, nora.userId, nora.partyId)).toEqual(['PRIV']);
    expect(rolesFor(view, nora.userId, '50101')).toEqual([]);
    // Nobody else holds a role for her party, and without her login it is no party at all.
    expect(rolesFor(view, 1002, nora.partyId)).toEqual([]);
    expect(partyById(people, nora.partyId)).toBeNull();
    expect(withPerson(view, nora)).toBe(view);
    expect(withPerson(undefined, nora)).toEqual({ persons: [nora], organisations: [], roles: [] });
  });
});
