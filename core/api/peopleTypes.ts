/**
 * The studio's test people as they cross the API (`people:get`, `people:save`), and the shapes of the
 * runtime's registry (runtime/server/people.ts uses these types), so the two cannot drift apart.
 */
import { type Check, int, list, obj, optional, str } from './check';

/** A postal address as the registers give it. */
export interface PeoplePostalAddress {
  readonly address?: string;
  readonly postalCode?: string;
  readonly city?: string;
}

/** A person's registered home address (DSF). */
export interface PeopleHomeAddress {
  readonly streetName?: string;
  readonly houseNumber?: string;
  readonly houseLetter?: string;
  readonly postalCode?: string;
  readonly city?: string;
  readonly municipalNumber?: string;
  readonly municipalName?: string;
}

/** A test person: a user (userId) with a party of their own. */
export interface PeoplePerson {
  readonly userId: number;
  readonly partyId: string;
  /** Fødselsnummer (11 digits). */
  readonly personNumber: string;
  readonly firstName: string;
  readonly middleName?: string;
  readonly lastName: string;
  readonly userName?: string;
  readonly email?: string;
  readonly telephoneNumber?: string;
  readonly mobileNumber?: string;
  readonly address?: PeopleHomeAddress;
  readonly mailingAddress?: PeoplePostalAddress;
  readonly language?: string;
  /** 0–4; the runtime's default is 2. */
  readonly authenticationLevel?: number;
}

/** A test organisation (Enhetsregisteret). */
export interface PeopleOrganisation {
  readonly partyId: string;
  /** Organisasjonsnummer (9 digits). */
  readonly orgNumber: string;
  readonly name: string;
  /** AS, ENK, ASA, … ; BEDR/AAFY are sub-units, KBO a bankruptcy estate. */
  readonly unitType: string;
  readonly parentOrgNumber?: string;
  readonly telephoneNumber?: string;
  readonly mobileNumber?: string;
  readonly faxNumber?: string;
  readonly email?: string;
  readonly internetAddress?: string;
  readonly mailingAddress?: PeoplePostalAddress;
  readonly businessAddress?: PeoplePostalAddress;
  /** Altinn service owner code (e.g. `ttd`) when this organisation owns apps. */
  readonly serviceOwner?: string;
}

/** The Altinn role codes (DAGL, REGNA, …) a person holds for a party. */
export interface PeopleRoleAssignment {
  readonly userId: number;
  readonly partyId: string;
  readonly roles: readonly string[];
}

export interface PeopleRegistryData {
  readonly persons: readonly PeoplePerson[];
  readonly organisations: readonly PeopleOrganisation[];
  readonly roles: readonly PeopleRoleAssignment[];
}

/** What `people:get` answers: the registry, and why the file could not be used when it is damaged (then the registry is the default one). */
export interface PeopleInfo {
  readonly registry: PeopleRegistryData;
  readonly problem: string | null;
}

const short = optional(str({ maxLength: 500 }));
const required = str({ maxLength: 500 });
const postal = optional(obj<PeoplePostalAddress>({ address: short, postalCode: short, city: short }));

const personCheck = obj<PeoplePerson>({
  userId: int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
  partyId: required,
  personNumber: required,
  firstName: required,
  middleName: short,
  lastName: required,
  userName: short,
  email: short,
  telephoneNumber: short,
  mobileNumber: short,
  address: optional(
    obj<PeopleHomeAddress>({ streetName: short, houseNumber: short, houseLetter: short, postalCode: short, city: short, municipalNumber: short, municipalName: short }),
  ),
  mailingAddress: postal,
  language: short,
  authenticationLevel: optional(int(0, 4)),
});

const organisationCheck = obj<PeopleOrganisation>({
  partyId: required,
  orgNumber: required,
  name: required,
  unitType: required,
  parentOrgNumber: short,
  telephoneNumber: short,
  mobileNumber: short,
  faxNumber: short,
  email: short,
  internetAddress: short,
  mailingAddress: postal,
  businessAddress: postal,
  serviceOwner: short,
});

/**
 * The shape of a registry sent to `people:save`. Whether it holds together (unique ids, number
 * formats, roles naming known people) is the people store's to say, in its own words.
 */
export const peopleRegistryCheck: Check<PeopleRegistryData> = obj<PeopleRegistryData>({
  persons: list(personCheck, 5000),
  organisations: list(organisationCheck, 5000),
  roles: list(obj<PeopleRoleAssignment>({ userId: int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER), partyId: required, roles: list(str({ maxLength: 100 }), 200) }), 20000),
});
