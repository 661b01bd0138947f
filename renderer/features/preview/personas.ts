/**
 * Who the preview's form app acts as: a test person (`persona=<userId>`) or an organisation
 * (`persona=org:<orgNumber>`), and how the "View as" picker names them. Pure, so it is tested alone.
 */
import type { PeopleOrganisation, PeoplePerson, PeopleRegistryData } from '../../../core/api';
import type { Translate } from '../../i18n/texts';

/** One choice of the "View as" picker. */
export interface PersonaOption {
  /** The frame URL's `persona=` value. */
  readonly id: string;
  readonly kind: 'person' | 'organisation';
  /** Name and what the persona may act for, as one line. */
  readonly label: string;
}

/** The `persona=` value of a person. */
export const personPersona = (person: Pick<PeoplePerson, 'userId'>) => String(person.userId);
/** The `persona=` value of an organisation. */
export const organisationPersona = (organisation: Pick<PeopleOrganisation, 'orgNumber'>) => `org:${organisation.orgNumber}`;

/** The full name as the registers write it: first, middle, last. */
export function personName(person: Pick<PeoplePerson, 'firstName' | 'middleName' | 'lastName'>): string {
  return [person.firstName, person.middleName, person.lastName].map((part) => part?.trim()).filter(Boolean).join(' ');
}

/** The name of the party `partyId` (a person's or an organisation's), or the id itself when the registry has no such party. */
export function partyLabel(registry: PeopleRegistryData, partyId: string): string {
  const person = registry.persons.find((p) => p.partyId === partyId);
  if (person) return personName(person);
  return registry.organisations.find((o) => o.partyId === partyId)?.name ?? partyId;
}

/** The roles `userId` holds for other parties than their own, per party, in registry order: `[{ party: 'Testbedrift AS', roles: ['DAGL'] }]`. */
export function assignedRoles(registry: PeopleRegistryData, userId: number): { readonly party: string; readonly roles: readonly string[] }[] {
  return registry.roles.filter((r) => r.userId === userId && r.roles.length > 0).map((r) => ({ party: partyLabel(registry, r.partyId), roles: r.roles }));
}

/** Every persona of the registry: the persons (with the roles they hold, for which party), then the organisations. */
export function personaOptions(registry: PeopleRegistryData, t: Translate): PersonaOption[] {
  const persons = registry.persons.map((person): PersonaOption => {
    const held = assignedRoles(registry, person.userId);
    const detail = held.length > 0 ? held.map((h) => t('people.persona.rolesFor', { roles: h.roles.join(', '), party: h.party })).join('; ') : t('people.persona.ownOnly');
    return { id: personPersona(person), kind: 'person', label: `${personName(person)} — ${detail}` };
  });
  const organisations = registry.organisations.map(
    (o): PersonaOption => ({ id: organisationPersona(o), kind: 'organisation', label: t('people.persona.organisation', { name: o.name, orgNumber: o.orgNumber, unitType: o.unitType }) }),
  );
  return [...persons, ...organisations];
}

/** The persona to start with: the first person who holds a role for another party (a typical filler-in), else the first person or organisation. */
export function defaultPersona(registry: PeopleRegistryData): string | null {
  const withRole = registry.persons.find((p) => registry.roles.some((r) => r.userId === p.userId && r.roles.length > 0));
  const first = withRole ?? registry.persons[0];
  if (first) return personPersona(first);
  const organisation = registry.organisations[0];
  return organisation ? organisationPersona(organisation) : null;
}

/** The persona in effect: the chosen one while the registry still has it, else the default. */
export function effectivePersona(registry: PeopleRegistryData, chosen: string | null | undefined): string | null {
  if (chosen) {
    const known = chosen.startsWith('org:')
      ? registry.organisations.some((o) => organisationPersona(o) === chosen)
      : registry.persons.some((p) => personPersona(p) === chosen);
    if (known) return chosen;
  }
  return defaultPersona(registry);
}
