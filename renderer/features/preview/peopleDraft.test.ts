import { describe, expect, it } from 'vitest';
import type { PeopleRegistryData } from '../../../core/api';
import { defaultPeople, readPeople } from '../../../runtime/server/people';
import { addOrganisation, addPerson, addRole, draftOf, draftProblems, registryOf, removeEntry, updateEntry } from './peopleDraft';

// The runtime's default registry, as the API gives it (the types are the same shape).
const people = (): PeopleRegistryData => defaultPeople();

describe('the people draft', () => {
  it('gives back the registry it was made from, fields it does not edit included', () => {
    const registry = people();
    const draft = draftOf(registry);
    expect(draftProblems(draft)).toEqual([]);
    expect(registryOf(draft)).toEqual(registry);
  });

  it('keeps a person’s roles when their user id and party id change', () => {
    let draft = draftOf(people());
    const kari = draft.persons.find((p) => p.firstName === 'Kari')!;
    draft = updateEntry(draft, 'persons', kari.key, { userId: '2002' });
    const org = draft.organisations.find((o) => o.name === 'Testbedrift AS')!;
    draft = updateEntry(draft, 'organisations', org.key, { partyId: '60101' });
    const built = registryOf(draft);
    expect(built.roles).toContainEqual({ userId: 2002, partyId: '60101', roles: ['DAGL'] });
    expect(() => readPeople(built)).not.toThrow();
  });

  it('adds a person with free ids and a role, which the runtime accepts', () => {
    const start = draftOf(people());
    const added = addPerson(start);
    const person = added.draft.persons.at(-1)!;
    expect(person).toMatchObject({ key: added.key, userId: '1005', partyId: '50200' });
    // A new, empty person has the problems the user must fix, each at its field.
    expect(draftProblems(added.draft)).toEqual([
      { section: 'persons', key: added.key, field: 'firstName', message: 'people.problem.required' },
      { section: 'persons', key: added.key, field: 'lastName', message: 'people.problem.required' },
      { section: 'persons', key: added.key, field: 'personNumber', message: 'people.problem.personNumber' },
    ]);
    let draft = updateEntry(added.draft, 'persons', added.key, { firstName: ' Nora ', lastName: 'Ny', personNumber: '05059912345', city: 'OSLO' });
    const role = addRole(draft, added.key);
    draft = updateEntry(role.draft, 'roles', role.key, { roles: ['DAGL', 'REGNA'] });
    expect(draftProblems(draft)).toEqual([]);
    const built = registryOf(draft);
    expect(built.persons.at(-1)).toEqual({ userId: 1005, partyId: '50200', personNumber: '05059912345', firstName: 'Nora', lastName: 'Ny', address: { city: 'OSLO' } });
    expect(built.roles.at(-1)).toEqual({ userId: 1005, partyId: '50101', roles: ['DAGL', 'REGNA'] });
    expect(readPeople(built).persons).toHaveLength(5);
  });

  it('names what the people store would refuse, at the entry and field', () => {
    let draft = draftOf(people());
    const [ola, kari] = draft.persons;
    const [org, sub] = draft.organisations;
    draft = updateEntry(draft, 'persons', ola!.key, { userId: '1002', personNumber: '0101', partyId: 'x1' });
    draft = updateEntry(draft, 'persons', kari!.key, { firstName: '  ' });
    draft = updateEntry(draft, 'organisations', org!.key, { orgNumber: '310000002', partyId: '50002' });
    draft = updateEntry(draft, 'organisations', sub!.key, { parentOrgNumber: '12', unitType: '' });
    const role = addRole(draft);
    draft = role.draft;
    const problems = draftProblems(draft).map((p) => [p.key, p.field, p.message, p.params]);
    expect(problems).toEqual([
      [ola!.key, 'personNumber', 'people.problem.personNumber', undefined],
      [ola!.key, 'partyId', 'people.problem.digits', undefined],
      [kari!.key, 'firstName', 'people.problem.required', undefined],
      [kari!.key, 'userId', 'people.problem.userIdTaken', { value: '1002' }],
      [org!.key, 'partyId', 'people.problem.partyTaken', { value: '50002', other: 'Dagny Leder' }],
      [sub!.key, 'unitType', 'people.problem.required', undefined],
      [sub!.key, 'orgNumber', 'people.problem.orgNumberTaken', { value: '310000002' }],
      [sub!.key, 'parentOrgNumber', 'people.problem.orgNumber', undefined],
      [role.key, 'roles', 'people.problem.noRoles', undefined],
    ]);
  });

  it('takes a person’s or party’s role assignments away with them, and flags a role row without a person or party', () => {
    let draft = draftOf(people());
    const kari = draft.persons.find((p) => p.firstName === 'Kari')!;
    draft = removeEntry(draft, 'persons', kari.key);
    expect(registryOf(draft).roles).toEqual([{ userId: 1003, partyId: '50101', roles: ['REGNA', 'A0239'] }]);
    const org = addOrganisation(draft);
    expect(org.draft.organisations.at(-1)).toMatchObject({ partyId: '50200', unitType: 'AS' });
    draft = removeEntry(draft, 'organisations', draft.organisations[0]!.key);
    expect(draft.roles).toEqual([]);
    const row = addRole({ ...draft, persons: [], organisations: [] });
    expect(draftProblems(row.draft).map((p) => p.field)).toEqual(['personKey', 'partyKey', 'roles']);
    expect(removeEntry(row.draft, 'roles', row.key).roles).toEqual([]);
  });

  it('drops an emptied optional field and address instead of saving blanks', () => {
    let draft = draftOf(people());
    const per = draft.persons.find((p) => p.firstName === 'Per')!;
    draft = updateEntry(draft, 'persons', per.key, { email: ' ', streetName: '', houseNumber: '', postalCode: '', city: '' });
    const built = registryOf(draft).persons.find((p) => p.firstName === 'Per')!;
    expect(built).not.toHaveProperty('email');
    // Municipality fields the editor does not show are kept.
    expect(built.address).toEqual({ municipalNumber: '5001', municipalName: 'TRONDHEIM' });
    const siri = draftOf(people()).persons.find((p) => p.firstName === 'Siri')!;
    expect(registryOf(draftOf(people())).persons.find((p) => p.firstName === 'Siri')).not.toHaveProperty('address');
    expect(siri.streetName).toBe('');
  });
});
