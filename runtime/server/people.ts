/**
 * The local stand-in for Altinn's registers: test persons (Folkeregisteret/DSF and the user profile),
 * organisations (Enhetsregisteret/ER) and who holds which Altinn role for which party. The studio
 * keeps it as JSON beside its settings (`people.json`, format below) and the preview acts as one of
 * these persons. Everything here is fictional test data.
 *
 * File format (version 1):
 * ```json
 * { "version": 1,
 *   "persons": [{ "userId": 1001, "partyId": "50001", "personNumber": "…", "firstName": "…", "lastName": "…", … }],
 *   "organisations": [{ "partyId": "50101", "orgNumber": "…", "name": "…", "unitType": "AS", … }],
 *   "roles": [{ "userId": 1002, "partyId": "50101", "roles": ["DAGL"] }] }
 * ```
 * A person always holds `PRIV` for their own party (as in Altinn); `roles` lists everything else.
 * Ids from 800000000000 up are reserved for persons derived from a login (see `loginPerson`), so a
 * file may not use them.
 */
import type { PeopleHomeAddress, PeopleOrganisation, PeoplePerson, PeoplePostalAddress, PeopleRegistryData, PeopleRoleAssignment } from '../../core/api/peopleTypes';

// The registry's shapes are the API's (core/api/peopleTypes.ts): the studio edits what the runtime reads.
export type PostalAddress = PeoplePostalAddress;
export type HomeAddress = PeopleHomeAddress;
export type RegistryPerson = PeoplePerson;
export type RegistryOrganisation = PeopleOrganisation;
export type RoleAssignment = PeopleRoleAssignment;
export type PeopleRegistry = PeopleRegistryData;

/** A party of the registry: a person or an organisation. */
export type RegistryParty = { readonly kind: 'person'; readonly person: RegistryPerson } | { readonly kind: 'organisation'; readonly organisation: RegistryOrganisation };

/** The party type as applicationmetadata's `partyTypesAllowed` names it (Altinn's rule: BEDR/AAFY sub-unit, KBO bankruptcy estate). */
export type PartyType = 'person' | 'organisation' | 'subUnit' | 'bankruptcyEstate';

/** The role a person always holds for themselves. */
export const selfRole = 'PRIV';

/** The registry the studio starts with: a private person, a general manager, an accountant, someone with no roles, and a service owner. */
export function defaultPeople(): PeopleRegistry {
  return {
    persons: [
      {
        userId: 1001,
        partyId: '50001',
        personNumber: '01017012345',
        firstName: 'Ola',
        lastName: 'Privatperson',
        userName: 'ola',
        email: 'ola.privatperson@example.no',
        mobileNumber: '+4799990001',
        address: { streetName: 'Storgata', houseNumber: '1', postalCode: '0155', city: 'OSLO', municipalNumber: '0301', municipalName: 'OSLO' },
        language: 'nb',
      },
      {
        userId: 1002,
        partyId: '50002',
        personNumber: '02028012345',
        firstName: 'Kari',
        middleName: 'Dagny',
        lastName: 'Leder',
        userName: 'kari',
        email: 'kari.leder@example.no',
        telephoneNumber: '+4722220002',
        mobileNumber: '+4799990002',
        address: { streetName: 'Bryggen', houseNumber: '7', houseLetter: 'B', postalCode: '5003', city: 'BERGEN', municipalNumber: '4601', municipalName: 'BERGEN' },
        language: 'nb',
      },
      {
        userId: 1003,
        partyId: '50003',
        personNumber: '03039012345',
        firstName: 'Per',
        lastName: 'Regnskap',
        userName: 'per',
        email: 'per.regnskap@example.no',
        mobileNumber: '+4799990003',
        address: { streetName: 'Kongens gate', houseNumber: '12', postalCode: '7011', city: 'TRONDHEIM', municipalNumber: '5001', municipalName: 'TRONDHEIM' },
        language: 'nn',
      },
      {
        userId: 1004,
        partyId: '50004',
        personNumber: '04049912345',
        firstName: 'Siri',
        lastName: 'Utenroller',
        userName: 'siri',
        email: 'siri.utenroller@example.no',
        language: 'en',
        authenticationLevel: 1,
      },
    ],
    organisations: [
      {
        partyId: '50101',
        orgNumber: '310000001',
        name: 'Testbedrift AS',
        unitType: 'AS',
        telephoneNumber: '+4722220100',
        email: 'post@testbedrift.example.no',
        internetAddress: 'https://testbedrift.example.no',
        mailingAddress: { address: 'Postboks 1', postalCode: '0101', city: 'OSLO' },
        businessAddress: { address: 'Karl Johans gate 1', postalCode: '0154', city: 'OSLO' },
      },
      {
        partyId: '50102',
        orgNumber: '310000002',
        name: 'Testbedrift AS avd. Bergen',
        unitType: 'BEDR',
        parentOrgNumber: '310000001',
        businessAddress: { address: 'Bryggen 1', postalCode: '5003', city: 'BERGEN' },
      },
      {
        partyId: '50199',
        orgNumber: '310000099',
        name: 'Testdepartementet',
        unitType: 'ORGL',
        serviceOwner: 'ttd',
        mailingAddress: { address: 'Postboks 99', postalCode: '0030', city: 'OSLO' },
      },
    ],
    roles: [
      { userId: 1002, partyId: '50101', roles: ['DAGL'] },
      { userId: 1002, partyId: '50102', roles: ['DAGL'] },
      { userId: 1003, partyId: '50101', roles: ['REGNA', 'A0239'] },
    ],
  };
}

/**
 * Persons derived from a login. In Altinn every resident is in the population register, with a person
 * party of their own on which they hold PRIV; a runtime host cannot list every citizen in its people
 * file, so someone who logs in with a national identity number (`pid`) the registry does not know is
 * given such a registry person for their own requests (`loginPerson`, added by `withPerson`).
 *
 * Their ids are the n-th number the host's database assigned to that pid (host/personIds.ts: a
 * sequence, keyed by an HMAC of the pid, so the same pid always has the same n on every replica), in a
 * range of their own that a people file may not use (`readPeople` refuses it), so they never meet a
 * registry id:
 * - user id  = 800000000000 + n (800000000001–899999999999)
 * - party id = 900000000000 + n (900000000001–999999999999)
 * The ids say nothing about the pid: they appear in instance addresses, browser history and request
 * logs, where a national identity number must not. Knowing them gives nothing either: only a request
 * whose login is that pid carries the person (auth/users.ts), and nobody else holds a role for the party.
 */
export const loginUserIdBase = 800_000_000_000;
export const loginPartyIdBase = 900_000_000_000;
/** The first id reserved for persons derived from a login; registry ids stay below it. */
export const reservedIdsFrom = loginUserIdBase;
/** How many persons derived from a login the ranges hold. */
export const loginIdCount = loginPartyIdBase - loginUserIdBase - 1;

/** Whether an id (a user id, or a party id's digits) is in the range reserved for persons derived from a login. */
export function isReservedId(id: number | string): boolean {
  const value = typeof id === 'number' ? id : /^\d+$/.test(id) ? Number(id) : NaN;
  return value >= reservedIdsFrom;
}

const reservedProblem = (where: string, value: unknown) => `${where} ${JSON.stringify(value)} is in the range from ${reservedIdsFrom} that is reserved for persons who log in without being in the file`;

/** The user id and party id of a person derived from a login. */
export interface LoginIds {
  readonly userId: number;
  readonly partyId: string;
}

/** The ids of the person derived from a login whose pid the host numbered `n` (1 up to `loginIdCount`). */
export function loginIds(n: number): LoginIds {
  if (!Number.isSafeInteger(n) || n < 1 || n > loginIdCount) throw new Error(`A number for a person derived from a login is from 1 to ${loginIdCount}, not ${n}`);
  return { userId: loginUserIdBase + n, partyId: String(loginPartyIdBase + n) };
}

/** Whether `ids` are the ids of one person derived from a login (the same n in both ranges). */
export function areLoginIds(ids: LoginIds): boolean {
  const n = ids.userId - loginUserIdBase;
  return Number.isSafeInteger(n) && n >= 1 && n <= loginIdCount && ids.partyId === String(loginPartyIdBase + n);
}

/** What a login says a person is called (OpenID Connect's `name`, `given_name`, `family_name`). */
export interface LoginNames {
  readonly name?: string | undefined;
  readonly givenName?: string | undefined;
  readonly familyName?: string | undefined;
}

/**
 * The registry person for someone who logged in as `pid` and is not in the registry, with the ids the
 * host assigned to that pid (`loginIds`): their own person party (they hold PRIV on it, nothing else),
 * personNumber = pid, named as the login names them (given and family name, else `name` split at its
 * last space), else `Person <birth date>*****`.
 */
export function loginPerson(pid: string, ids: LoginIds, names: LoginNames = {}): RegistryPerson {
  if (!/^\d{11}$/.test(pid)) throw new Error('A national identity number has 11 digits');
  if (!areLoginIds(ids)) throw new Error(`User id ${ids.userId} and party id ${ids.partyId} are not the ids of a person derived from a login`);
  const { userId, partyId } = ids;
  const given = names.givenName?.trim();
  const family = names.familyName?.trim();
  const full = names.name?.trim().replace(/\s+/g, ' ');
  let firstName: string;
  let lastName: string;
  if (given || family) [firstName, lastName] = [given ?? '', family ?? ''];
  else if (full) {
    const space = full.lastIndexOf(' ');
    [firstName, lastName] = space > 0 ? [full.slice(0, space), full.slice(space + 1)] : [full, ''];
  } else [firstName, lastName] = ['Person', `${pid.slice(0, 6)}*****`];
  return { userId, partyId, personNumber: pid, firstName, lastName };
}

/** `registry` as one request sees it: with `person` (derived from its login) among the persons. The registry itself is not changed. */
export function withPerson(registry: PeopleRegistry | undefined, person: RegistryPerson): PeopleRegistry {
  if (!registry) return { persons: [person], organisations: [], roles: [] };
  if (registry.persons.some((p) => p.userId === person.userId)) return registry;
  return { ...registry, persons: [...registry.persons, person] };
}

/** A people file that cannot be used, with every reason in the message. */
export class PeopleFileError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a people file's parsed JSON, checking what the runtime relies on (unique ids, roles naming known people and parties). */
export function readPeople(value: unknown): PeopleRegistry {
  const problems: string[] = [];
  if (!isObject(value)) throw new PeopleFileError('The people file must hold a JSON object with "persons", "organisations" and "roles"');
  if (value.version !== undefined && value.version !== 1) problems.push(`version ${JSON.stringify(value.version)} is not known (this studio reads version 1)`);
  const list = (key: string): Record<string, unknown>[] => {
    const items = value[key] ?? [];
    if (!Array.isArray(items)) {
      problems.push(`"${key}" must be an array`);
      return [];
    }
    return items.filter((item, i) => isObject(item) || (problems.push(`${key}[${i}] must be an object`), false)) as Record<string, unknown>[];
  };
  const text = (item: Record<string, unknown>, key: string, where: string, pattern?: RegExp) => {
    const v = item[key];
    if (typeof v !== 'string' || v.trim() === '') problems.push(`${where}.${key} must be a non-empty string`);
    else if (pattern && !pattern.test(v)) problems.push(`${where}.${key} "${v}" must match ${String(pattern)}`);
  };
  const persons = list('persons');
  const organisations = list('organisations');
  const roles = list('roles');
  const partyIds = new Set<unknown>();
  const userIds = new Set<number>();
  const unique = (seen: Set<unknown>, v: unknown, what: string) => {
    if (seen.has(v)) problems.push(`${what} ${JSON.stringify(v)} is used twice`);
    seen.add(v);
  };
  persons.forEach((p, i) => {
    const where = `persons[${i}]`;
    if (!Number.isSafeInteger(p.userId) || (p.userId as number) <= 0) problems.push(`${where}.userId must be a positive whole number`);
    else if (isReservedId(p.userId as number)) problems.push(reservedProblem(`${where}.userId`, p.userId));
    else unique(userIds, p.userId, 'userId');
    text(p, 'partyId', where, /^\d+$/);
    if (typeof p.partyId === 'string' && isReservedId(p.partyId)) problems.push(reservedProblem(`${where}.partyId`, p.partyId));
    text(p, 'personNumber', where, /^\d{11}$/);
    text(p, 'firstName', where);
    text(p, 'lastName', where);
    if (p.authenticationLevel !== undefined && !(Number.isInteger(p.authenticationLevel) && (p.authenticationLevel as number) >= 0 && (p.authenticationLevel as number) <= 4)) problems.push(`${where}.authenticationLevel must be 0–4`);
    unique(partyIds, p.partyId, 'partyId');
  });
  organisations.forEach((o, i) => {
    const where = `organisations[${i}]`;
    text(o, 'partyId', where, /^\d+$/);
    if (typeof o.partyId === 'string' && isReservedId(o.partyId)) problems.push(reservedProblem(`${where}.partyId`, o.partyId));
    text(o, 'orgNumber', where, /^\d{9}$/);
    text(o, 'name', where);
    text(o, 'unitType', where);
    unique(partyIds, o.partyId, 'partyId');
  });
  roles.forEach((r, i) => {
    const where = `roles[${i}]`;
    if (!userIds.has(r.userId as number)) problems.push(`${where}.userId ${JSON.stringify(r.userId)} is not a person in the file`);
    if (!partyIds.has(r.partyId)) problems.push(`${where}.partyId ${JSON.stringify(r.partyId)} is not a party in the file`);
    if (!Array.isArray(r.roles) || !r.roles.every((code) => typeof code === 'string' && code.trim() !== '')) problems.push(`${where}.roles must be an array of role codes`);
  });
  if (problems.length > 0) throw new PeopleFileError(`The people file cannot be used:\n- ${problems.join('\n- ')}`);
  return { persons, organisations, roles } as unknown as PeopleRegistry;
}

/** Parses the text of a people file (see `readPeople`). */
export function parsePeople(text: string): PeopleRegistry {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new PeopleFileError(`The people file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return readPeople(value);
}

/** The text of a people file for `registry` (version 1, two-space indentation). */
export function serializePeople(registry: PeopleRegistry): string {
  return `${JSON.stringify({ version: 1, persons: registry.persons, organisations: registry.organisations, roles: registry.roles }, null, 2)}\n`;
}

/** The person with `userId`, or null. */
export function personByUserId(registry: PeopleRegistry, userId: number | undefined): RegistryPerson | null {
  return userId === undefined ? null : (registry.persons.find((p) => p.userId === userId) ?? null);
}

/** The party with `partyId`, or null. */
export function partyById(registry: PeopleRegistry, partyId: string): RegistryParty | null {
  const person = registry.persons.find((p) => p.partyId === partyId);
  if (person) return { kind: 'person', person };
  const organisation = registry.organisations.find((o) => o.partyId === partyId);
  return organisation ? { kind: 'organisation', organisation } : null;
}

/** The full name as the registers write it: first, middle, last. */
export function fullName(person: RegistryPerson): string {
  return [person.firstName, person.middleName, person.lastName].filter(Boolean).join(' ');
}

/** The display name of a party. */
export function partyName(party: RegistryParty): string {
  return party.kind === 'person' ? fullName(party.person) : party.organisation.name;
}

/** The party type Altinn derives from the register: sub-units are BEDR/AAFY, bankruptcy estates KBO. */
export function partyTypeOf(party: RegistryParty): PartyType {
  if (party.kind === 'person') return 'person';
  const unit = party.organisation.unitType.toUpperCase();
  if (unit === 'KBO') return 'bankruptcyEstate';
  if (unit === 'BEDR' || unit === 'AAFY') return 'subUnit';
  return 'organisation';
}

/** The roles `userId` holds for `partyId`: PRIV for their own party plus the assigned ones. */
export function rolesFor(registry: PeopleRegistry, userId: number | undefined, partyId: string): string[] {
  const person = personByUserId(registry, userId);
  if (!person) return [];
  const roles = new Set<string>(person.partyId === partyId ? [selfRole] : []);
  for (const assignment of registry.roles) if (assignment.userId === userId && assignment.partyId === partyId) for (const role of assignment.roles) roles.add(role);
  return [...roles];
}

/** The parties `userId` may act for: their own first, then each party they hold a role for, in registry order. */
export function partiesFor(registry: PeopleRegistry, userId: number | undefined): RegistryParty[] {
  const person = personByUserId(registry, userId);
  if (!person) return [];
  const ids = [person.partyId, ...registry.roles.filter((r) => r.userId === userId && r.roles.length > 0).map((r) => r.partyId)];
  return [...new Set(ids)].map((id) => partyById(registry, id)).filter((p): p is RegistryParty => p !== null);
}
