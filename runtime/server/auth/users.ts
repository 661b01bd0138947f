/**
 * Who a login is, in the runtime's terms: ID-porten's `pid` (the national identity number) names a
 * person of the people registry, Maskinporten's `consumer` names an organisation. The policy engine
 * then finds the person's parties and roles in the same registry (authorization.ts). A person the
 * registry does not know is, as in Altinn where every resident is in the population register, a
 * person of the register all the same: derived from the login (people.ts `loginPerson`), with the ids
 * the host assigned to their pid at the login, their own person party and PRIV on it, and no other
 * roles. An organisation the registry does not know is identified by its number, with no party and no
 * roles.
 */
import { userOfPerson } from '../authorization';
import { type LoginIds, type PeopleRegistry, loginPerson } from '../people';
import type { RuntimeUser } from '../services';

/** The people registry, or a function giving its current contents (a host that reloads it). */
export type PeopleSource = PeopleRegistry | (() => PeopleRegistry);

export const peopleOf = (source: PeopleSource): PeopleRegistry => (typeof source === 'function' ? source() : source);

/**
 * Altinn's authentication level for an ID-porten `acr`: `idporten-loa-substantial` (and the older
 * `Level3`) is 3, `idporten-loa-high` (`Level4`) is 4, `idporten-loa-low` 2; null for anything else.
 */
export function levelOfAcr(acr: unknown): number | null {
  if (typeof acr !== 'string') return null;
  const known: Record<string, number> = { 'idporten-loa-low': 2, 'idporten-loa-substantial': 3, 'idporten-loa-high': 4, level0: 0, level1: 1, level2: 2, level3: 3, level4: 4 };
  return known[acr.toLowerCase()] ?? null;
}

/** What a person's login says about them. */
export interface PersonClaims {
  /** The national identity number (ID-porten's `pid`). */
  readonly pid: string;
  /** The authentication level from the login's `acr`, when it names one. */
  readonly level?: number | null;
  /** The name the provider gave (`name`), for someone the registry does not know. */
  readonly name?: string;
  /** The provider's `given_name` and `family_name`, for someone the registry does not know (preferred to `name`). */
  readonly givenName?: string;
  readonly familyName?: string;
  /** The ids the host assigned to the pid (host/personIds.ts), for someone the registry does not know. */
  readonly ids?: LoginIds;
}

/**
 * The runtime user for a person who logged in: the registry's person with that personNumber (with
 * their user id and own party, so the policy engine finds their roles), at the level the login
 * reached (else the registry's level for them, else 2). Someone the registry does not know is the
 * person their login derives (`loginPerson`: the ids the host assigned to the pid, their own party),
 * carried as `loginPerson` so the app handler adds them to the registry for their own requests; without
 * such ids they are nobody here (null).
 */
export function personUser(people: PeopleRegistry, claims: PersonClaims): RuntimeUser | null {
  const person = people.persons.find((p) => p.personNumber === claims.pid);
  const level = claims.level ?? null;
  if (person) {
    const user = userOfPerson(person);
    return level === null ? user : { ...user, authenticationLevel: level };
  }
  if (!claims.ids) return null;
  const derived = loginPerson(claims.pid, claims.ids, { name: claims.name, givenName: claims.givenName, familyName: claims.familyName });
  return { ...userOfPerson(derived), authenticationLevel: level ?? 2, loginPerson: derived };
}

/** The organisation number in a Maskinporten `consumer` claim (`{ authority: 'iso6523-actorid-upis', ID: '0192:310000001' }`), or null. */
export function consumerOrgNumber(consumer: unknown): string | null {
  if (typeof consumer !== 'object' || consumer === null) return null;
  const { authority, ID } = consumer as Record<string, unknown>;
  if (authority !== undefined && authority !== 'iso6523-actorid-upis') return null;
  if (typeof ID !== 'string') return null;
  const match = /^0192:(\d{9})$/.exec(ID.trim());
  return match ? match[1]! : null;
}

/**
 * The runtime user for an organisation acting through a machine client: the registry's organisation
 * with that number (its own party; a service owner is recognised by the policy engine), at
 * authentication level 3 as Altinn gives Maskinporten; an organisation the registry does not know
 * becomes a user with that number but no party or roles.
 */
export function organisationUser(people: PeopleRegistry, orgNumber: string): RuntimeUser {
  const organisation = people.organisations.find((o) => o.orgNumber === orgNumber);
  if (organisation) return { partyId: organisation.partyId, name: organisation.name, organisationNumber: organisation.orgNumber, authenticationLevel: 3 };
  return { partyId: '', name: `Organisation ${orgNumber}`, organisationNumber: orgNumber, authenticationLevel: 3 };
}
