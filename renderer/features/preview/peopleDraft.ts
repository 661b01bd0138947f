/**
 * The People editor's working copy: every field as typed (so nothing is lost while it is invalid),
 * role assignments tied to the entries they name (so renumbering a person keeps their roles), and
 * the problems that would make the people store refuse it, each at its entry and field.
 * Fields the editor does not show (telephone, language, mailing address, …) ride along untouched.
 */
import type { PeopleOrganisation, PeoplePerson, PeopleRegistryData, PeopleRoleAssignment } from '../../../core/api';
import type { TextKey } from '../../i18n/texts';
import { personName } from './personas';

export interface PersonDraft {
  readonly key: string;
  readonly original: PeoplePerson | null;
  readonly firstName: string;
  readonly middleName: string;
  readonly lastName: string;
  readonly personNumber: string;
  readonly userId: string;
  readonly partyId: string;
  readonly email: string;
  readonly mobileNumber: string;
  readonly streetName: string;
  readonly houseNumber: string;
  readonly postalCode: string;
  readonly city: string;
}

export interface OrganisationDraft {
  readonly key: string;
  readonly original: PeopleOrganisation | null;
  readonly name: string;
  readonly orgNumber: string;
  readonly unitType: string;
  readonly partyId: string;
  readonly parentOrgNumber: string;
  readonly email: string;
  readonly serviceOwner: string;
}

/** Roles one person holds for one party; both named by their entry's key. */
export interface RoleDraft {
  readonly key: string;
  readonly personKey: string;
  readonly partyKey: string;
  readonly roles: readonly string[];
}

export interface PeopleDraft {
  readonly persons: readonly PersonDraft[];
  readonly organisations: readonly OrganisationDraft[];
  readonly roles: readonly RoleDraft[];
  readonly nextKey: number;
}

export type PeopleSection = 'persons' | 'organisations' | 'roles';
export type PersonField = Exclude<keyof PersonDraft, 'key' | 'original'>;
export type OrganisationField = Exclude<keyof OrganisationDraft, 'key' | 'original'>;
export type RoleField = 'personKey' | 'partyKey' | 'roles';
type Entry = { persons: PersonDraft; organisations: OrganisationDraft; roles: RoleDraft };

/** What is wrong with one field of one entry. */
export interface DraftProblem {
  readonly section: PeopleSection;
  readonly key: string;
  readonly field: PersonField | OrganisationField | RoleField;
  readonly message: TextKey;
  readonly params?: Readonly<Record<string, string>>;
}

/** Common Altinn role codes the editor offers (any other code can be typed). */
export const commonRoleCodes = ['DAGL', 'LEDE', 'MEDL', 'INNH', 'REGNA', 'REVI', 'UTINN', 'SIGNE', 'ADMAI', 'PRIV', 'A0239'] as const;
/** Common ER unit types the editor offers. */
export const commonUnitTypes = ['AS', 'ASA', 'ENK', 'ANS', 'DA', 'NUF', 'SA', 'STI', 'FLI', 'ORGL', 'KOMM', 'BEDR', 'AAFY', 'KBO'] as const;

const opt = (value: string | undefined) => value ?? '';

/** The editor's copy of `registry`. */
export function draftOf(registry: PeopleRegistryData): PeopleDraft {
  let next = 1;
  const persons = registry.persons.map(
    (p): PersonDraft => ({
      key: `p${next++}`,
      original: p,
      firstName: p.firstName,
      middleName: opt(p.middleName),
      lastName: p.lastName,
      personNumber: p.personNumber,
      userId: String(p.userId),
      partyId: p.partyId,
      email: opt(p.email),
      mobileNumber: opt(p.mobileNumber),
      streetName: opt(p.address?.streetName),
      houseNumber: opt(p.address?.houseNumber),
      postalCode: opt(p.address?.postalCode),
      city: opt(p.address?.city),
    }),
  );
  const organisations = registry.organisations.map(
    (o): OrganisationDraft => ({
      key: `o${next++}`,
      original: o,
      name: o.name,
      orgNumber: o.orgNumber,
      unitType: o.unitType,
      partyId: o.partyId,
      parentOrgNumber: opt(o.parentOrgNumber),
      email: opt(o.email),
      serviceOwner: opt(o.serviceOwner),
    }),
  );
  const partyKey = (partyId: string) => (persons.find((p) => p.partyId === partyId) ?? organisations.find((o) => o.partyId === partyId))?.key ?? '';
  const roles = registry.roles.map((r): RoleDraft => ({ key: `r${next++}`, personKey: persons.find((p) => p.userId === String(r.userId))?.key ?? '', partyKey: partyKey(r.partyId), roles: [...r.roles] }));
  return { persons, organisations, roles, nextKey: next };
}

/** `base` with each given text set (trimmed) or, when empty, left out. */
function withTexts<T extends object>(base: T, texts: Readonly<Record<string, string>>): T {
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(texts)) {
    if (value.trim()) out[key] = value.trim();
    else delete out[key];
  }
  return out as T;
}

/** The registry the draft describes (meaningful once `draftProblems` finds nothing). */
export function registryOf(draft: PeopleDraft): PeopleRegistryData {
  const persons = draft.persons.map((p): PeoplePerson => {
    const address = withTexts(p.original?.address ?? {}, { streetName: p.streetName, houseNumber: p.houseNumber, postalCode: p.postalCode, city: p.city });
    const person = withTexts({ ...p.original, userId: Number(p.userId.trim()) } as PeoplePerson, {
      partyId: p.partyId,
      personNumber: p.personNumber,
      firstName: p.firstName,
      middleName: p.middleName,
      lastName: p.lastName,
      email: p.email,
      mobileNumber: p.mobileNumber,
    });
    return Object.keys(address).length > 0 ? { ...person, address } : withTexts(person, { address: '' });
  });
  const organisations = draft.organisations.map((o): PeopleOrganisation =>
    withTexts({ ...o.original } as PeopleOrganisation, {
      partyId: o.partyId,
      orgNumber: o.orgNumber,
      name: o.name,
      unitType: o.unitType,
      parentOrgNumber: o.parentOrgNumber,
      email: o.email,
      serviceOwner: o.serviceOwner,
    }),
  );
  const partyIdOf = (key: string) => (draft.persons.find((p) => p.key === key) ?? draft.organisations.find((o) => o.key === key))?.partyId.trim() ?? '';
  const roles = draft.roles.map(
    (r): PeopleRoleAssignment => ({ userId: Number(draft.persons.find((p) => p.key === r.personKey)?.userId.trim()), partyId: partyIdOf(r.partyKey), roles: [...r.roles] }),
  );
  return { persons, organisations, roles };
}

/** Everything in the draft the people store would refuse (and an organisation number used twice, which makes `org:` personas ambiguous). */
export function draftProblems(draft: PeopleDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const add = (section: PeopleSection, key: string, field: DraftProblem['field'], message: TextKey, params?: Record<string, string>) =>
    problems.push(params ? { section, key, field, message, params } : { section, key, field, message });
  const partyOwners = new Map<string, string>();
  const claimParty = (section: PeopleSection, key: string, partyId: string, owner: string) => {
    const id = partyId.trim();
    if (!id) return add(section, key, 'partyId', 'people.problem.required');
    if (!/^\d+$/.test(id)) return add(section, key, 'partyId', 'people.problem.digits');
    const other = partyOwners.get(id);
    if (other !== undefined) add(section, key, 'partyId', 'people.problem.partyTaken', { value: id, other });
    else partyOwners.set(id, owner);
  };
  const userIds = new Set<string>();
  for (const p of draft.persons) {
    if (!p.firstName.trim()) add('persons', p.key, 'firstName', 'people.problem.required');
    if (!p.lastName.trim()) add('persons', p.key, 'lastName', 'people.problem.required');
    const userId = p.userId.trim();
    if (!/^\d+$/.test(userId) || !Number.isSafeInteger(Number(userId)) || Number(userId) <= 0) add('persons', p.key, 'userId', 'people.problem.userId');
    else if (userIds.has(String(Number(userId)))) add('persons', p.key, 'userId', 'people.problem.userIdTaken', { value: userId });
    else userIds.add(String(Number(userId)));
    if (!/^\d{11}$/.test(p.personNumber.trim())) add('persons', p.key, 'personNumber', 'people.problem.personNumber');
    claimParty('persons', p.key, p.partyId, personName(p) || p.key);
  }
  const orgNumbers = new Set<string>();
  for (const o of draft.organisations) {
    if (!o.name.trim()) add('organisations', o.key, 'name', 'people.problem.required');
    if (!o.unitType.trim()) add('organisations', o.key, 'unitType', 'people.problem.required');
    const orgNumber = o.orgNumber.trim();
    if (!/^\d{9}$/.test(orgNumber)) add('organisations', o.key, 'orgNumber', 'people.problem.orgNumber');
    else if (orgNumbers.has(orgNumber)) add('organisations', o.key, 'orgNumber', 'people.problem.orgNumberTaken', { value: orgNumber });
    else orgNumbers.add(orgNumber);
    if (o.parentOrgNumber.trim() && !/^\d{9}$/.test(o.parentOrgNumber.trim())) add('organisations', o.key, 'parentOrgNumber', 'people.problem.orgNumber');
    claimParty('organisations', o.key, o.partyId, o.name.trim() || o.key);
  }
  for (const r of draft.roles) {
    if (!draft.persons.some((p) => p.key === r.personKey)) add('roles', r.key, 'personKey', 'people.problem.choosePerson');
    if (!draft.persons.some((p) => p.key === r.partyKey) && !draft.organisations.some((o) => o.key === r.partyKey)) add('roles', r.key, 'partyKey', 'people.problem.chooseParty');
    if (r.roles.length === 0) add('roles', r.key, 'roles', 'people.problem.noRoles');
  }
  return problems;
}

const nextNumber = (values: readonly string[], start: number) => String(Math.max(start - 1, ...values.map((v) => Number(v.trim())).filter(Number.isSafeInteger)) + 1);
const allPartyIds = (draft: PeopleDraft) => [...draft.persons.map((p) => p.partyId), ...draft.organisations.map((o) => o.partyId)];

/** The draft with a new, empty person (next free user and party id suggested); returns the new entry's key too. */
export function addPerson(draft: PeopleDraft): { readonly draft: PeopleDraft; readonly key: string } {
  const key = `p${draft.nextKey}`;
  const person: PersonDraft = {
    key,
    original: null,
    firstName: '',
    middleName: '',
    lastName: '',
    personNumber: '',
    userId: nextNumber(draft.persons.map((p) => p.userId), 1001),
    partyId: nextNumber(allPartyIds(draft), 50001),
    email: '',
    mobileNumber: '',
    streetName: '',
    houseNumber: '',
    postalCode: '',
    city: '',
  };
  return { draft: { ...draft, persons: [...draft.persons, person], nextKey: draft.nextKey + 1 }, key };
}

/** The draft with a new, empty organisation (next free party id suggested, unit type AS). */
export function addOrganisation(draft: PeopleDraft): { readonly draft: PeopleDraft; readonly key: string } {
  const key = `o${draft.nextKey}`;
  const organisation: OrganisationDraft = { key, original: null, name: '', orgNumber: '', unitType: 'AS', partyId: nextNumber(allPartyIds(draft), 50101), parentOrgNumber: '', email: '', serviceOwner: '' };
  return { draft: { ...draft, organisations: [...draft.organisations, organisation], nextKey: draft.nextKey + 1 }, key };
}

/** The draft with a new role assignment: the given person (or the first) for the first organisation, no codes yet. */
export function addRole(draft: PeopleDraft, personKey?: string): { readonly draft: PeopleDraft; readonly key: string } {
  const key = `r${draft.nextKey}`;
  const role: RoleDraft = { key, personKey: personKey ?? draft.persons[0]?.key ?? '', partyKey: draft.organisations[0]?.key ?? '', roles: [] };
  return { draft: { ...draft, roles: [...draft.roles, role], nextKey: draft.nextKey + 1 }, key };
}

/** The draft with one entry changed. */
export function updateEntry<S extends PeopleSection>(draft: PeopleDraft, section: S, key: string, patch: Partial<Omit<Entry[S], 'key' | 'original'>>): PeopleDraft {
  const entries = draft[section] as readonly Entry[S][];
  return { ...draft, [section]: entries.map((e) => (e.key === key ? { ...e, ...patch } : e)) };
}

/** The draft without an entry; a person's or party's role assignments go with it. */
export function removeEntry(draft: PeopleDraft, section: PeopleSection, key: string): PeopleDraft {
  const roles = draft.roles.filter((r) => r.key !== key && r.personKey !== key && r.partyKey !== key);
  if (section === 'persons') return { ...draft, persons: draft.persons.filter((p) => p.key !== key), roles };
  if (section === 'organisations') return { ...draft, organisations: draft.organisations.filter((o) => o.key !== key), roles };
  return { ...draft, roles };
}

/** A role code as stored: trimmed and upper-case (Altinn's codes are). */
export function normaliseRoleCode(code: string): string {
  return code.trim().toUpperCase();
}
