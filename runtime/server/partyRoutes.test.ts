import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryFileSource } from '../../core/app/fileSource';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import { createAppHandler } from './appApi';
import { userFromRequest } from './authorization';
import { PeopleFileError, defaultPeople, parsePeople, partiesFor, partyById, partyTypeOf, rolesFor, serializePeople } from './people';
import { memoryStorage } from './storage';
import { type RunningServer, startServer } from './testServer';

const people = defaultPeople();
let server: RunningServer;

beforeAll(async () => {
  const metadata = { id: 'acme/permit', org: 'acme', title: { nb: 'Løyve' }, partyTypesAllowed: { person: false, organisation: true, subUnit: false, bankruptcyEstate: false }, dataTypes: [] };
  const app = await loadAppModel(memoryFileSource({ 'App/config/applicationmetadata.json': JSON.stringify(metadata) }));
  server = await startServer(createAppHandler({ app, org: 'acme', appName: 'permit', storage: memoryStorage(), services: { people }, userOf: (req) => userFromRequest(req, people) }));
});
afterAll(() => server.close());

async function call(method: string, path: string, cookie?: string) {
  const res = await fetch(`${server.url}/acme/permit/${path}`, { method, headers: cookie ? { Cookie: cookie } : {} });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined, cookie: res.headers.get('set-cookie') };
}

describe('user and party routes (§8.2)', () => {
  it('returns the profile as Altinn does', async () => {
    const { status, body } = await call('GET', 'api/v1/profile/user', 'studio-persona=1002');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      userId: 1002,
      userName: 'kari',
      email: 'kari.leder@example.no',
      phoneNumber: '+4799990002',
      partyId: 50002,
      userType: 1,
      profileSettingPreference: { language: 'nb' },
      party: { partyId: 50002, partyTypeName: 1, ssn: '02028012345', name: 'Kari Dagny Leder', orgNumber: null, person: { firstName: 'Kari', addressStreetName: 'Bryggen', addressHouseLetter: 'B' } },
    });
    expect((await call('GET', 'api/v1/profile/user')).status).toBe(401);
  });

  it('answers "do not prompt for party" when the preview host chose the party for its persona', async () => {
    const res = await fetch(`${server.url}/acme/permit/api/v1/profile/user`, { headers: { Cookie: 'studio-persona=1002', 'x-studio-preset-party': '50101' } });
    expect(((await res.json()) as { profileSettingPreference: unknown }).profileSettingPreference).toMatchObject({ doNotPromptForParty: true, preSelectedPartyId: 50101 });
    // A party she cannot act for is no preset.
    const other = await fetch(`${server.url}/acme/permit/api/v1/profile/user`, { headers: { Cookie: 'studio-persona=1002', 'x-studio-preset-party': '50001' } });
    expect(((await other.json()) as { profileSettingPreference: unknown }).profileSettingPreference).toMatchObject({ doNotPromptForParty: false });
  });

  it('lists the parties a user may act for, filtered by partyTypesAllowed when asked', async () => {
    const all = await call('GET', 'api/v1/parties', 'studio-persona=1002');
    // A sub-unit is listed under its parent, as Altinn's party list has it.
    const tree = all.body as { partyId: number; onlyHierarchyElementWithNoAccess: boolean; childParties: { partyId: number; unitType: string }[] | null }[];
    expect(tree.map((p) => p.partyId)).toEqual([50002, 50101]);
    expect(tree[1]).toMatchObject({ onlyHierarchyElementWithNoAccess: false, childParties: [{ partyId: 50102, unitType: 'BEDR' }] });
    expect(tree[0]!.childParties).toBeNull();
    const allowed = await call('GET', 'api/v1/parties?allowedtoinstantiatefilter=true', 'studio-persona=1002');
    expect(allowed.body).toEqual([expect.objectContaining({ partyId: 50101, partyTypeName: 2, orgNumber: '310000001', unitType: 'AS', organization: expect.objectContaining({ eMailAddress: 'post@testbedrift.example.no', businessPostalCity: 'OSLO' }) as unknown })]);
    const ola = await call('GET', 'api/v1/parties?allowedtoinstantiatefilter=true', 'studio-persona=1001');
    expect(ola.body).toEqual([]);
  });

  it('keeps the chosen party in the AltinnPartyId cookie, refusing parties the user cannot represent', async () => {
    const own = await call('GET', 'api/authorization/parties/current', 'studio-persona=1002');
    expect(own.body).toBe(50002);
    const put = await call('PUT', 'api/v1/parties/50101', 'studio-persona=1002');
    expect(put.status).toBe(200);
    expect(put.cookie).toMatch(/^AltinnPartyId=50101;/);
    const chosen = await call('GET', 'api/authorization/parties/current?returnPartyObject=true', 'studio-persona=1002; AltinnPartyId=50101');
    expect(chosen.body).toMatchObject({ partyId: 50101, name: 'Testbedrift AS' });
    // Someone else's chosen party falls back to the user's own.
    expect((await call('GET', 'api/authorization/parties/current', 'studio-persona=1001; AltinnPartyId=50101')).body).toBe(50001);
    const refused = await call('PUT', 'api/v1/parties/50101', 'studio-persona=1001');
    expect(refused.status).toBe(400);
    expect((refused.body as { message: string }).message).toBe('User 1001 cannot represent party 50101.');
    const check = await call('POST', 'api/v1/parties/validateInstantiation?partyId=50002', 'studio-persona=1002');
    expect(check.body).toMatchObject({ valid: false, message: expect.stringMatching(/organisation.*person/) as unknown });
  });
});

describe('the people registry', () => {
  it('round-trips its file and knows roles, parties and party types', () => {
    expect(parsePeople(serializePeople(people))).toEqual(people);
    expect(rolesFor(people, 1002, '50002')).toEqual(['PRIV']);
    expect(rolesFor(people, 1002, '50101')).toEqual(['DAGL']);
    expect(rolesFor(people, 1003, '50101')).toEqual(['REGNA', 'A0239']);
    expect(rolesFor(people, 1004, '50101')).toEqual([]);
    expect(partiesFor(people, 1004).map((p) => p.kind)).toEqual(['person']);
    expect(partyTypeOf(partyById(people, '50102')!)).toBe('subUnit');
    expect(partyTypeOf(partyById(people, '50001')!)).toBe('person');
    expect(partyTypeOf({ kind: 'organisation', organisation: { partyId: '1', orgNumber: '999999999', name: 'Konkursbo', unitType: 'KBO' } })).toBe('bankruptcyEstate');
  });

  it('refuses a file it cannot trust, naming every problem', () => {
    const broken = { version: 1, persons: [{ userId: 1, partyId: '1', personNumber: '123', firstName: 'A', lastName: 'B' }, { userId: 1, partyId: '1', personNumber: '01017012345', firstName: 'C', lastName: 'D' }], organisations: [], roles: [{ userId: 7, partyId: '9', roles: ['DAGL'] }] };
    expect(() => parsePeople(JSON.stringify(broken))).toThrow(PeopleFileError);
    try {
      parsePeople(JSON.stringify(broken));
    } catch (error) {
      expect((error as Error).message).toMatch(/personNumber "123"[\s\S]*userId 1 is used twice[\s\S]*partyId "1" is used twice[\s\S]*roles\[0\]\.userId 7[\s\S]*roles\[0\]\.partyId "9"/);
    }
    expect(() => parsePeople('{')).toThrow(/not valid JSON/);
  });
});
