/**
 * Prefill from the registers (§7.1): a model's `.prefill.json` maps fields of the organisation being
 * represented (ER), the person being represented (DSF) and the logged-in user's profile
 * (UserProfile) to paths in the data model. The sources are built here in the shape app-lib's C#
 * models have (Altinn.Platform.Register/Profile: PascalCase names, `SSN`, `EMailAddress`), because the
 * mapping keys are those property names; the same objects, camel-cased as .NET does, are what the
 * party and profile routes return.
 */
import type { AppModel } from '../../core/app/model/types';
import { isJsonObject } from '../../core/text/jsonDocument';
import { HttpError } from './http';
import { type PeopleRegistry, type RegistryOrganisation, type RegistryParty, type RegistryPerson, fullName, partyById, personByUserId } from './people';
import type { RuntimeUser } from './services';

type Json = Record<string, unknown>;

/** A person as Altinn's Register returns it (C# `Person`). */
export function altinnPerson(person: RegistryPerson): Json {
  const home = person.address ?? {};
  const street = [home.streetName, [home.houseNumber, home.houseLetter].filter(Boolean).join('')].filter(Boolean).join(' ');
  return {
    SSN: person.personNumber,
    Name: fullName(person),
    FirstName: person.firstName,
    MiddleName: person.middleName ?? null,
    LastName: person.lastName,
    TelephoneNumber: person.telephoneNumber ?? null,
    MobileNumber: person.mobileNumber ?? null,
    MailingAddress: person.mailingAddress?.address ?? (street || null),
    MailingPostalCode: person.mailingAddress?.postalCode ?? home.postalCode ?? null,
    MailingPostalCity: person.mailingAddress?.city ?? home.city ?? null,
    AddressMunicipalNumber: home.municipalNumber ?? null,
    AddressMunicipalName: home.municipalName ?? null,
    AddressStreetName: home.streetName ?? null,
    AddressHouseNumber: home.houseNumber ?? null,
    AddressHouseLetter: home.houseLetter ?? null,
    AddressPostalCode: home.postalCode ?? null,
    AddressCity: home.city ?? null,
  };
}

/** An organisation as Altinn's Register returns it (C# `Organization`). */
export function altinnOrganization(organisation: RegistryOrganisation): Json {
  return {
    OrgNumber: organisation.orgNumber,
    Name: organisation.name,
    UnitType: organisation.unitType,
    TelephoneNumber: organisation.telephoneNumber ?? null,
    MobileNumber: organisation.mobileNumber ?? null,
    FaxNumber: organisation.faxNumber ?? null,
    EMailAddress: organisation.email ?? null,
    InternetAddress: organisation.internetAddress ?? null,
    MailingAddress: organisation.mailingAddress?.address ?? null,
    MailingPostalCode: organisation.mailingAddress?.postalCode ?? null,
    MailingPostalCity: organisation.mailingAddress?.city ?? null,
    BusinessAddress: organisation.businessAddress?.address ?? null,
    BusinessPostalCode: organisation.businessAddress?.postalCode ?? null,
    BusinessPostalCity: organisation.businessAddress?.city ?? null,
    UnitStatus: 'N',
  };
}

/** A party as Altinn's Register returns it (C# `Party`; PartyTypeName 1 = person, 2 = organisation, sub-units and estates included). */
export function altinnParty(party: RegistryParty, partyId: string): Json {
  const person = party.kind === 'person' ? party.person : null;
  const organisation = party.kind === 'organisation' ? party.organisation : null;
  return {
    PartyId: Number(partyId),
    PartyTypeName: person ? 1 : 2,
    OrgNumber: organisation?.orgNumber ?? null,
    SSN: person?.personNumber ?? null,
    UnitType: organisation?.unitType ?? null,
    Name: person ? fullName(person) : organisation!.name,
    IsDeleted: false,
    OnlyHierarchyElementWithNoAccess: false,
    Person: person ? altinnPerson(person) : null,
    Organization: organisation ? altinnOrganization(organisation) : null,
    ChildParties: null,
  };
}

/** A user's profile as Altinn's Profile returns it (C# `UserProfile`; UserType 1 = identified by national id). */
export function altinnProfile(person: RegistryPerson): Json {
  return {
    UserId: person.userId,
    UserName: person.userName ?? '',
    PhoneNumber: person.mobileNumber ?? person.telephoneNumber ?? null,
    Email: person.email ?? null,
    PartyId: Number(person.partyId),
    Party: altinnParty({ kind: 'person', person }, person.partyId),
    UserType: 1,
    ProfileSettingPreference: { Language: person.language ?? 'nb', PreSelectedPartyId: 0, DoNotPromptForParty: false },
  };
}

/** A property name as .NET's camelCase policy writes it: `SSN` → `ssn`, `EMailAddress` → `eMailAddress`, `PartyId` → `partyId`. */
export function camelName(name: string): string {
  const chars = [...name];
  for (let i = 0; i < chars.length; i++) {
    const isUpper = (c: string | undefined) => c !== undefined && c !== c.toLowerCase();
    if (i === 1 && !isUpper(chars[i])) break;
    if (i > 0 && i + 1 < chars.length && !isUpper(chars[i + 1])) break;
    chars[i] = chars[i]!.toLowerCase();
  }
  return chars.join('');
}

/** `value` with every object key camel-cased (what an app's API responses look like). */
export function camelCased(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelCased);
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [camelName(k), camelCased(v)]));
}

/** The value at a dotted source path (`Party.Person.FirstName`); undefined when a step does not exist. */
function sourceValue(source: Json, path: string): unknown {
  let at: unknown = source;
  for (const step of path.split('.')) {
    // A register field that is empty (a person's Organization) has no parts: nothing to prefill, not a mistake.
    if (at === null) return null;
    if (!isJsonObject(at) || !(step in at)) return undefined;
    at = at[step];
  }
  return at;
}

/** The JSON-schema `type` at a dotted path of the model's schema (following local $refs), or null. */
function schemaTypeAt(schema: unknown, path: readonly string[]): string | null {
  const root = schema;
  const deref = (node: unknown): unknown => {
    for (let hops = 0; isJsonObject(node) && typeof node.$ref === 'string' && hops < 20; hops++) {
      const steps = node.$ref.replace(/^#\/?/, '').split('/').filter(Boolean);
      node = steps.reduce<unknown>((at, step) => (isJsonObject(at) ? at[step] : undefined), root);
    }
    return node;
  };
  let node = deref(schema);
  for (const step of path) {
    node = isJsonObject(node) && isJsonObject(node.properties) ? deref(node.properties[step]) : undefined;
  }
  if (!isJsonObject(node)) return null;
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;
  return typeof type === 'string' ? type : null;
}

/** The source value converted to the target field's type, as C#'s `ToObject(propertyType)` does. */
function coerce(value: unknown, type: string | null): unknown {
  if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  if ((type === 'integer' || type === 'number') && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return value;
}

/** Who prefill is for: the logged-in user and the party being represented (ids resolved in `people`). */
export interface PrefillSubject {
  readonly user: RuntimeUser | null;
  /** Party id of the instance owner (the party represented). */
  readonly party: string | null;
  readonly people: PeopleRegistry | undefined;
}

/**
 * `model` (e.g. a fresh model with external/query prefill already applied) with the ER, DSF and
 * UserProfile mappings of `models/<dataTypeId>.prefill.json` applied, as app-lib does at instance
 * creation: ER when the party is an organisation, DSF when it is a person, UserProfile when a person
 * is logged in; a field that has a value is overwritten only with `allowOverwrite: true`. A mapping
 * key the register does not have is an app error (500 naming the file and the known keys).
 */
export function prefillFromRegistry(app: AppModel, dataTypeId: string, subject: PrefillSubject, model: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  const result = structuredClone(model) as Record<string, unknown>;
  const modelFiles = app.models.find((m) => m.id === dataTypeId);
  const config = modelFiles?.prefill?.doc.value;
  if (!isJsonObject(config)) return result;
  const allowOverwrite = config.allowOverwrite === true;
  const schema = modelFiles?.schema?.doc.value;
  const { people } = subject;
  const party = people && subject.party ? partyById(people, subject.party) : null;
  const person = people && subject.user?.userId !== undefined ? personByUserId(people, subject.user.userId) : null;
  const sources: [string, Json | null][] = [
    ['ER', party?.kind === 'organisation' ? altinnOrganization(party.organisation) : null],
    ['DSF', party?.kind === 'person' ? altinnPerson(party.person) : null],
    ['UserProfile', person ? altinnProfile(person) : null],
  ];
  for (const [key, source] of sources) {
    const mapping = config[key];
    if (!isJsonObject(mapping) || !source) continue;
    for (const [from, to] of Object.entries(mapping)) {
      if (typeof to !== 'string' || to.trim() === '') continue;
      const value = sourceValue(source, from);
      if (value === undefined) {
        throw new HttpError(500, `${modelFiles!.prefill!.path} maps "${from}" under ${key}, which the register does not have; known: ${Object.keys(source).join(', ')}`);
      }
      if (value === null) continue;
      const path = to.replace(/-/g, '').split('.').filter((p) => p.length > 0);
      let at = result;
      path.slice(0, -1).forEach((step) => {
        if (!isJsonObject(at[step])) at[step] = {};
        at = at[step] as Record<string, unknown>;
      });
      const last = path[path.length - 1]!;
      if (at[last] !== undefined && at[last] !== null && !allowOverwrite) continue;
      at[last] = coerce(structuredClone(value), schemaTypeAt(schema, path));
    }
  }
  return result;
}
