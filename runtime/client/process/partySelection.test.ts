import { describe, expect, it } from 'vitest';
import { type AltinnParty, allowedPartyKinds, maskedPersonNumber, partyEntry, partyKindOf, partyKindsText, partyList, validParties } from './partySelection';

// Kari's parties as the runtime's party list gives them: herself, an AS with a sub-unit under it.
const kari: AltinnParty = { partyId: 50002, partyTypeName: 1, ssn: '02028012345', orgNumber: null, unitType: null, name: 'Kari Dagny Leder', childParties: null };
const bergen: AltinnParty = { partyId: 50102, partyTypeName: 2, orgNumber: '310000002', unitType: 'BEDR', name: 'Testbedrift AS avd. Bergen' };
const testbedrift: AltinnParty = { partyId: 50101, partyTypeName: 2, orgNumber: '310000001', unitType: 'AS', name: 'Testbedrift AS', childParties: [bergen] };
const estate: AltinnParty = { partyId: 50300, partyTypeName: 2, orgNumber: '310000300', unitType: 'KBO', name: 'Konkursbo AS' };
const parties = [kari, testbedrift];
const ids = (list: readonly AltinnParty[]) => list.map((p) => p.partyId);

describe('which parties may start the app', () => {
  it('types parties as partyTypesAllowed names them (BEDR/AAFY sub-unit, KBO bankruptcy estate)', () => {
    expect([kari, testbedrift, bergen, estate].map(partyKindOf)).toEqual(['person', 'organisation', 'subUnit', 'bankruptcyEstate']);
    expect(partyKindOf({ partyId: 1, partyTypeName: 2, unitType: 'AAFY', name: 'x' })).toBe('subUnit');
  });

  it('reads partyTypesAllowed in Altinn order, none set meaning all', () => {
    expect(allowedPartyKinds({ subUnit: true, person: true })).toEqual(['person', 'subUnit']);
    expect(allowedPartyKinds({ person: false, organisation: false, subUnit: false, bankruptcyEstate: false })).toEqual(['person', 'organisation', 'subUnit', 'bankruptcyEstate']);
    expect(allowedPartyKinds(undefined)).toHaveLength(4);
  });

  it('keeps allowed parties, sub-units included, and leaves out deleted ones and mere holders of sub-units', () => {
    expect(ids(validParties(parties, undefined))).toEqual([50002, 50101, 50102]);
    expect(ids(validParties(parties, { organisation: true }))).toEqual([50101]);
    expect(ids(validParties(parties, { subUnit: true }))).toEqual([50102]);
    const holder = { ...testbedrift, onlyHierarchyElementWithNoAccess: true };
    expect(ids(validParties([holder, { ...kari, isDeleted: true }], undefined))).toEqual([50102]);
  });
});

describe('the party list', () => {
  it('lists allowed parties with their allowed sub-units under them', () => {
    const all = partyList(parties, undefined);
    expect(all.map((e) => [e.party.partyId, e.selectable, ids(e.subUnits)])).toEqual([
      [50002, true, []],
      [50101, true, [50102]],
    ]);
    // Organisations only: the person is hidden, and so is the sub-unit.
    expect(partyList(parties, { organisation: true }).map((e) => [e.party.partyId, ids(e.subUnits)])).toEqual([[50101, []]]);
    // Sub-units only: the parent stays to hold them but cannot be chosen.
    expect(partyList(parties, { subUnit: true }).map((e) => [e.party.partyId, e.selectable, ids(e.subUnits)])).toEqual([[50101, false, [50102]]]);
  });

  it('filters by name (any case) or number; a parent matching keeps its sub-units, a sub-unit matching keeps its parent', () => {
    expect(partyList(parties, undefined, 'testbed').map((e) => [e.party.partyId, ids(e.subUnits)])).toEqual([[50101, [50102]]]);
    expect(partyList(parties, undefined, 'BERGEN').map((e) => [e.party.partyId, ids(e.subUnits)])).toEqual([[50101, [50102]]]);
    expect(partyList(parties, undefined, 'kari').map((e) => e.party.partyId)).toEqual([50002]);
    expect(partyList(parties, undefined, '310000002').map((e) => [e.party.partyId, ids(e.subUnits)])).toEqual([[50101, [50102]]]);
    expect(partyList(parties, undefined, 'nobody')).toEqual([]);
    expect(partyList(parties, undefined, '  ')).toHaveLength(2);
  });

  it('masks a birth number as Altinn does: the date of birth shown, the personal number hidden', () => {
    expect(maskedPersonNumber('02028012345')).toBe('020280 *****');
    expect(maskedPersonNumber(null)).toBe('');
  });

  it('names the allowed party types as a sentence', () => {
    const names = { person: 'privatperson', organisation: 'virksomhet', subUnit: 'underenhet', bankruptcyEstate: 'konkursbo' } as const;
    expect(partyKindsText(['organisation'], (k) => names[k], 'eller')).toBe('virksomhet');
    expect(partyKindsText(['person', 'organisation', 'subUnit'], (k) => names[k], 'eller')).toBe('privatperson, virksomhet eller underenhet');
  });
});

describe('when to ask for the party', () => {
  const all = validParties(parties, undefined);
  const base = { valid: all, currentPartyId: '50002' };

  it('asks when the user may act for several parties, and goes on with the one they chose', () => {
    expect(partyEntry(base)).toEqual({ kind: 'select', reason: 'explained' });
    expect(partyEntry({ ...base, chosenPartyId: '50101' })).toEqual({ kind: 'continue', partyId: '50101' });
    // A choice that is not among the valid parties is no choice.
    expect(partyEntry({ ...base, chosenPartyId: '99999' })).toEqual({ kind: 'select', reason: 'explained' });
  });

  it('goes straight on with the one valid party', () => {
    expect(partyEntry({ valid: validParties([kari], undefined), currentPartyId: '50002' })).toEqual({ kind: 'continue', partyId: '50002' });
  });

  it('follows promptForParty over the profile setting, and the profile setting otherwise', () => {
    expect(partyEntry({ ...base, promptForParty: 'never' })).toEqual({ kind: 'continue', partyId: '50002' });
    expect(partyEntry({ ...base, promptForParty: 'always', doNotPromptForParty: true })).toEqual({ kind: 'select', reason: 'explained' });
    expect(partyEntry({ ...base, doNotPromptForParty: true })).toEqual({ kind: 'continue', partyId: '50002' });
  });

  it('shows the list with a warning when the current party may not start the app, and the no-valid-party message when nobody may', () => {
    expect(partyEntry({ valid: validParties(parties, { organisation: true }), currentPartyId: '50002' })).toEqual({ kind: 'select', reason: 'invalid' });
    expect(partyEntry({ valid: [], currentPartyId: '50001' })).toEqual({ kind: 'noValidParty' });
  });

  it('shows the list when asked for it (#/party-selection, "change party"), even with the settings saying not to', () => {
    expect(partyEntry({ ...base, asked: true, promptForParty: 'never' })).toEqual({ kind: 'select', reason: 'asked' });
  });
});
