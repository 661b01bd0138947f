import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/texts';
import type { PeopleRegistryData } from '../../../core/api';
import { defaultPersona, effectivePersona, personaOptions } from './personas';

const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);

const registry: PeopleRegistryData = {
  persons: [
    { userId: 1001, partyId: '50001', personNumber: '01017012345', firstName: 'Ola', lastName: 'Privat' },
    { userId: 1002, partyId: '50002', personNumber: '02028012345', firstName: 'Kari', middleName: 'D', lastName: 'Nordmann' },
  ],
  organisations: [
    { partyId: '50101', orgNumber: '310000001', name: 'Testbedrift AS', unitType: 'AS' },
    { partyId: '50102', orgNumber: '310000002', name: 'Avd. Bergen', unitType: 'BEDR' },
  ],
  roles: [
    { userId: 1002, partyId: '50101', roles: ['DAGL'] },
    { userId: 1002, partyId: '50102', roles: ['DAGL', 'REGNA'] },
    { userId: 1001, partyId: '50101', roles: [] },
  ],
};

describe('persona options', () => {
  it('names each person with the roles they hold for which party, then each organisation', () => {
    expect(personaOptions(registry, t)).toEqual([
      { id: '1001', kind: 'person', label: 'Ola Privat — acts only for themselves' },
      { id: '1002', kind: 'person', label: 'Kari D Nordmann — DAGL for Testbedrift AS; DAGL, REGNA for Avd. Bergen' },
      { id: 'org:310000001', kind: 'organisation', label: 'Testbedrift AS (organisation 310000001, AS)' },
      { id: 'org:310000002', kind: 'organisation', label: 'Avd. Bergen (organisation 310000002, BEDR)' },
    ]);
  });

  it('starts with the first person who holds a role for a party, else the first person or organisation', () => {
    expect(defaultPersona(registry)).toBe('1002');
    expect(defaultPersona({ ...registry, roles: [] })).toBe('1001');
    expect(defaultPersona({ ...registry, persons: [], roles: [] })).toBe('org:310000001');
    expect(defaultPersona({ persons: [], organisations: [], roles: [] })).toBeNull();
  });

  it('keeps a chosen persona while the registry has it, and falls back when it is gone', () => {
    expect(effectivePersona(registry, '1001')).toBe('1001');
    expect(effectivePersona(registry, 'org:310000002')).toBe('org:310000002');
    expect(effectivePersona(registry, 'org:999999999')).toBe('1002');
    expect(effectivePersona(registry, '4242')).toBe('1002');
    expect(effectivePersona(registry, undefined)).toBe('1002');
  });
});
