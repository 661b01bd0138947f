/**
 * Choosing the party a new instance is for, as Altinn's app-frontend does it (§2.14 step 1): which
 * parties may start the app (`partyTypesAllowed`), whether to ask (one valid party: no; the app's
 * `promptForParty`, the profile's `doNotPromptForParty`), what the party list shows (sub-units under
 * their parent, a filter, birth numbers masked) and the no-valid-party message's list of party types.
 */

/** A party as `GET api/v1/parties` returns it (Altinn's Register `Party`, camel-cased). */
export interface AltinnParty {
  readonly partyId: number | string;
  /** 1 person, 2 organisation, 3 self-identified, 4 sub-unit, 5 bankruptcy estate. */
  readonly partyTypeName?: number | null;
  readonly orgNumber?: string | null;
  readonly ssn?: string | null;
  readonly unitType?: string | null;
  readonly name: string;
  readonly isDeleted?: boolean;
  readonly onlyHierarchyElementWithNoAccess?: boolean;
  readonly childParties?: readonly AltinnParty[] | null;
}

export interface PartyTypesAllowed {
  readonly person?: boolean;
  readonly organisation?: boolean;
  readonly subUnit?: boolean;
  readonly bankruptcyEstate?: boolean;
}

export type PartyKind = 'person' | 'organisation' | 'subUnit' | 'bankruptcyEstate';

/** The order Altinn names party types in. */
export const partyKinds: readonly PartyKind[] = ['person', 'organisation', 'subUnit', 'bankruptcyEstate'];

/** The party's type as `partyTypesAllowed` names it (app-lib's rule: BEDR/AAFY sub-unit, KBO bankruptcy estate). */
export function partyKindOf(party: AltinnParty): PartyKind {
  if (party.partyTypeName === 1 || party.partyTypeName === 3) return 'person';
  if (party.partyTypeName === 4) return 'subUnit';
  if (party.partyTypeName === 5) return 'bankruptcyEstate';
  const unit = party.unitType?.trim().toUpperCase() ?? '';
  if (unit === 'BEDR' || unit === 'AAFY') return 'subUnit';
  if (unit === 'KBO') return 'bankruptcyEstate';
  if (party.partyTypeName == null && !party.orgNumber) return 'person';
  return 'organisation';
}

/** The party types the app allows, in Altinn's order; none set means all (Altinn's rule). */
export function allowedPartyKinds(allowed: PartyTypesAllowed | null | undefined): PartyKind[] {
  const set = partyKinds.filter((kind) => allowed?.[kind] === true);
  return set.length > 0 ? set : [...partyKinds];
}

/** Whether `party` may start the app. */
export function partyAllowed(party: AltinnParty, allowed: PartyTypesAllowed | null | undefined): boolean {
  return allowedPartyKinds(allowed).includes(partyKindOf(party));
}

/** Every party of a list, sub-units after their parent. */
export function flattenParties(parties: readonly AltinnParty[]): AltinnParty[] {
  return parties.flatMap((party) => [party, ...flattenParties(party.childParties ?? [])]);
}

/** The parties the user may start the app for (app-frontend's `reduceToValidParties`): allowed, not deleted, not a mere holder of sub-units. */
export function validParties(parties: readonly AltinnParty[], allowed: PartyTypesAllowed | null | undefined): AltinnParty[] {
  return flattenParties(parties).filter((p) => !p.isDeleted && !p.onlyHierarchyElementWithNoAccess && partyAllowed(p, allowed));
}

/** One entry of the party list: a party that may be chosen (or only holds sub-units), with its sub-units. */
export interface PartyListEntry {
  readonly party: AltinnParty;
  readonly selectable: boolean;
  readonly subUnits: readonly AltinnParty[];
}

/**
 * The party list the selection screen shows: each allowed party with its allowed sub-units under it,
 * filtered by name or number (a parent stays when one of its sub-units matches; every sub-unit of a
 * matching parent stays). Deleted parties are left out.
 */
export function partyList(parties: readonly AltinnParty[], allowed: PartyTypesAllowed | null | undefined, filter = ''): PartyListEntry[] {
  const needle = filter.trim().toLocaleUpperCase('nb');
  const matches = (p: AltinnParty) => needle === '' || p.name.toLocaleUpperCase('nb').includes(needle) || [p.orgNumber, p.ssn].some((n) => n && n.replace(/\s/g, '').startsWith(needle.replace(/\s/g, '')));
  const usable = (p: AltinnParty) => !p.isDeleted && partyAllowed(p, allowed);
  const entries: PartyListEntry[] = [];
  for (const party of parties) {
    if (party.isDeleted) continue;
    const selectable = usable(party) && !party.onlyHierarchyElementWithNoAccess;
    const subUnits = (party.childParties ?? []).filter(usable);
    if (!selectable && subUnits.length === 0) continue;
    const shownSubUnits = matches(party) ? subUnits : subUnits.filter(matches);
    if (!(selectable && matches(party)) && shownSubUnits.length === 0) continue;
    entries.push({ party, selectable, subUnits: shownSubUnits });
  }
  return entries;
}

/** A birth number as Altinn's party list shows it: the date of birth, the personal number hidden. */
export function maskedPersonNumber(ssn: string | null | undefined): string {
  const digits = (ssn ?? '').replace(/\s/g, '');
  return digits.length === 11 ? `${digits.slice(0, 6)} *****` : digits;
}

/** What starting the app calls for. */
export type PartyEntry =
  | { readonly kind: 'continue'; readonly partyId: string }
  | { readonly kind: 'noValidParty' }
  /** `invalid`: the current party may not start the app; `explained`: asked because of the settings; `asked`: the user asked for the list. */
  | { readonly kind: 'select'; readonly reason: 'invalid' | 'explained' | 'asked' };

export interface PartyEntryInput {
  readonly valid: readonly AltinnParty[];
  /** The party the user acts for now (the one chosen before, else their own). */
  readonly currentPartyId: string | null;
  /** The party the user just chose on the selection screen. */
  readonly chosenPartyId?: string | null;
  /** The user asked for the selection (`#/party-selection`, "change party"). */
  readonly asked?: boolean;
  readonly promptForParty?: string | null;
  readonly doNotPromptForParty?: boolean;
}

/** Whether to ask for the party, as app-frontend's entry point decides it. */
export function partyEntry(input: PartyEntryInput): PartyEntry {
  const ids = new Set(input.valid.map((p) => String(p.partyId)));
  if (ids.size === 0) return { kind: 'noValidParty' };
  if (input.chosenPartyId && ids.has(input.chosenPartyId)) return { kind: 'continue', partyId: input.chosenPartyId };
  const current = input.currentPartyId !== null && ids.has(input.currentPartyId) ? input.currentPartyId : null;
  if (current === null) return { kind: 'select', reason: 'invalid' };
  if (input.asked) return { kind: 'select', reason: 'asked' };
  if (ids.size === 1) return { kind: 'continue', partyId: current };
  if (input.promptForParty === 'always') return { kind: 'select', reason: 'explained' };
  if (input.promptForParty === 'never' || input.doNotPromptForParty) return { kind: 'continue', partyId: current };
  return { kind: 'select', reason: 'explained' };
}

/** "privatperson, virksomhet eller underenhet": the allowed types joined as Altinn writes them. */
export function partyKindsText(kinds: readonly PartyKind[], nameOf: (kind: PartyKind) => string, bindingWord: string): string {
  const names = kinds.map(nameOf);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${bindingWord} ${names[names.length - 1]}`;
}
