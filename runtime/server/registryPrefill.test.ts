import { describe, expect, it } from 'vitest';
import { memoryFileSource } from '../../core/app/fileSource';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import { userFromRequest } from './authorization';
import { HttpError } from './http';
import { defaultPeople } from './people';
import { camelName, prefillFromRegistry } from './registryPrefill';

const people = defaultPeople();
const kari = userFromRequest({ headers: { cookie: 'studio-persona=1002' } }, people);

const schema = {
  type: 'object',
  properties: { applicant: { $ref: '#/$defs/Applicant' }, contact: { type: 'object', properties: { partyId: { type: 'string' }, email: { type: 'string' } } } },
  $defs: { Applicant: { type: 'object', properties: { orgNo: { type: 'string' }, zip: { type: ['string', 'null'] }, count: { type: 'integer' } } } },
};

async function appWith(prefill: unknown) {
  return loadAppModel(
    memoryFileSource({
      'App/config/applicationmetadata.json': JSON.stringify({ id: 'acme/permit', org: 'acme', title: {}, partyTypesAllowed: {}, dataTypes: [{ id: 'permit' }] }),
      'App/models/permit.schema.json': JSON.stringify(schema),
      'App/models/permit.prefill.json': JSON.stringify(prefill),
    }),
  );
}

describe('prefillFromRegistry', () => {
  const mapping = {
    ER: { OrgNumber: 'applicant.orgNo', Name: 'applicant.orgName', EMailAddress: 'applicant.email', MailingPostalCode: 'applicant.zip' },
    DSF: { FirstName: 'person.first', SSN: 'person.ssn', AddressPostalCode: 'applicant.zip' },
    UserProfile: { Email: 'contact.email', PartyId: 'contact.partyId', 'Party.Name': 'contact.name', 'ProfileSettingPreference.Language': 'contact.lang', 'Party.Organization.Name': 'contact.orgName' },
  };

  it('applies ER for an organisation party and the logged-in user profile, in the model schema types', async () => {
    const app = await appWith(mapping);
    expect(prefillFromRegistry(app, 'permit', { user: kari, party: '50101', people })).toEqual({
      applicant: { orgNo: '310000001', orgName: 'Testbedrift AS', email: 'post@testbedrift.example.no', zip: '0101' },
      // PartyId is a number in the profile and a string in this model.
      contact: { email: 'kari.leder@example.no', partyId: '50002', name: 'Kari Dagny Leder', lang: 'nb' },
    });
  });

  it('applies DSF for a person party, keeps values unless allowOverwrite, and ignores parts the source lacks', async () => {
    const keep = await appWith({ DSF: mapping.DSF });
    const before = { applicant: { zip: '9999' } };
    expect(prefillFromRegistry(keep, 'permit', { user: null, party: '50002', people }, before)).toEqual({ applicant: { zip: '9999' }, person: { first: 'Kari', ssn: '02028012345' } });
    expect(before).toEqual({ applicant: { zip: '9999' } });
    const overwrite = await appWith({ allowOverwrite: true, DSF: mapping.DSF });
    expect(prefillFromRegistry(overwrite, 'permit', { user: null, party: '50002', people }, before).applicant).toEqual({ zip: '5003' });
    // No registry, no party: the model is returned as it was.
    expect(prefillFromRegistry(overwrite, 'permit', { user: kari, party: '50002', people: undefined }, before)).toEqual(before);
  });

  it('refuses a mapping key the register does not have, naming the file', async () => {
    const app = await appWith({ DSF: { ShoeSize: 'person.shoes' } });
    expect(() => prefillFromRegistry(app, 'permit', { user: null, party: '50001', people })).toThrow(HttpError);
    expect(() => prefillFromRegistry(app, 'permit', { user: null, party: '50001', people })).toThrow(/App\/models\/permit.prefill.json maps "ShoeSize" under DSF/);
  });

  it('camel-cases names as .NET does', () => {
    expect(['SSN', 'EMailAddress', 'PartyId', 'UserUUID', 'Name', 'A'].map(camelName)).toEqual(['ssn', 'eMailAddress', 'partyId', 'userUUID', 'name', 'a']);
  });
});
