// Persons derived from a login (people.ts `loginPerson`): their ids are the number the host assigned to
// their pid (host/personIds.ts) in the reserved ranges a people file may not use, and the person is added
// to a request's view of the registry without changing the registry.
import { describe, expect, test } from 'vitest';
import { areLoginIds, defaultPeople, isReservedId, loginIdCount, loginIds, loginPartyIdBase, loginPerson, loginUserIdBase, partiesFor, partyById, readPeople, rolesFor, reservedIdsFrom, withPerson, PeopleFileError } from './people';

describe('ids of a person derived from a login', () => {
  test('are the number the host assigned in the reserved user id and party id ranges', () => {
    expect(loginIds(1)).toEqual({ userId: 800000000001, partyId: '900000000001' });
    expect(loginIds(loginIdCount)).toEqual({ userId: 899999999999, partyId: '999999999999' });
    expect(loginIds(1234)).toEqual({ userId: loginUserIdBase + 1234, partyId: String(loginPartyIdBase + 1234) });
    expect(reservedIdsFrom).toBe(800_000_000_000);
    for (const n of [0, -1, 1.5, loginIdCount + 1, Number.NaN]) expect(() => loginIds(n)).toThrow(/from 1 to 99999999999/);
  });

  test('are recognised only as a pair of the same number', () => {
    expect(areLoginIds(loginIds(42))).toBe(true);
    expect(areLoginIds({ userId: loginIds(42).userId, partyId: loginIds(43).partyId })).toBe(false);
    expect(areLoginIds({ userId: 1001, partyId: '50001' })).toBe(false);
    expect(areLoginIds({ userId: loginUserIdBase, partyId: String(loginPartyIdBase) })).toBe(false);
    expect(areLoginIds({ userId: 800000000042, partyId: '0900000000042' })).toBe(false);
  });

  test('never meet an id of the registry: the default people are below the range, and a file using it is refused', () => {
    const people = defaultPeople();
    for (const id of [...people.persons.map((p) => p.userId), ...people.persons.map((p) => p.partyId), ...people.organisations.map((o) => o.partyId)]) expect(isReservedId(id)).toBe(false);
    expect(isReservedId(loginIds(1).userId)).toBe(true);
    expect(isReservedId(loginIds(1).partyId)).toBe(true);
    expect(isReservedId(799_999_999_999)).toBe(false);

    const withIds = (userId: number, partyId: string, orgPartyId = '50101') => ({
      persons: [{ ...people.persons[0]!, userId, partyId }],
      organisations: [{ ...people.organisations[0]!, partyId: orgPartyId }],
      roles: [],
    });
    expect(() => readPeople(withIds(799_999_999_999, '799999999999'))).not.toThrow();
    expect(() => readPeople(withIds(800000000001, '50001'))).toThrow(/persons\[0\]\.userId 800000000001 is in the range from 800000000000 that is reserved/);
    expect(() => readPeople(withIds(1001, '900000000001'))).toThrow(/persons\[0\]\.partyId "900000000001" is in the range/);
    expect(() => readPeople(withIds(1001, '50001', '0800000000000'))).toThrow(PeopleFileError);
  });
});

describe('the person a login derives', () => {
  test('is named by given and family name, else by the name split at its last space, else by the masked pid', () => {
    const ids = loginIds(5);
    expect(loginPerson('12037512345', ids, { name: 'Ignored Name', givenName: ' Nora ', familyName: 'Borgersen' })).toEqual({ userId: 800000000005, partyId: '900000000005', personNumber: '12037512345', firstName: 'Nora', lastName: 'Borgersen' });
    expect(loginPerson('12037512345', ids, { name: ' Kari  Dagny Leder ' })).toMatchObject({ firstName: 'Kari Dagny', lastName: 'Leder' });
    expect(loginPerson('12037512345', ids, { name: 'Cher' })).toMatchObject({ firstName: 'Cher', lastName: '' });
    expect(loginPerson('12037512345', ids, { name: '  ' })).toMatchObject({ firstName: 'Person', lastName: '120375*****' });
  });

  test('needs an 11-digit national identity number and ids from the reserved ranges', () => {
    expect(() => loginPerson('1234567890', loginIds(5))).toThrow(/11 digits/);
    expect(() => loginPerson('1234567890a', loginIds(5))).toThrow(/11 digits/);
    expect(() => loginPerson('12037512345', { userId: 1001, partyId: '50001' })).toThrow(/not the ids of a person derived from a login/);
  });

  test("is in a request's view of the registry with her own party and PRIV on it, and the registry is not changed", () => {
    const people = defaultPeople();
    const before = JSON.stringify(people);
    const nora = loginPerson('12037512345', loginIds(5), { givenName: 'Nora', familyName: 'Borgersen' });
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
