/**
 * The user and party routes the form app calls (§8.2): the logged-in user's profile, the parties they
 * may act for (filtered by the app's partyTypesAllowed when asked), and the party they chose, kept in
 * Altinn's `AltinnPartyId` cookie. Answers come from the people registry, shaped and cased as
 * app-lib-dotnet returns them.
 */
import { isJsonObject } from '../../core/text/jsonDocument';
import { cookieValue, partyTypeAllowed, presetPartyHeader, selectedPartyCookie } from './authorization';
import { HttpError, ok, type Route, type RouteContext, type RouteResult } from './http';
import { type PeopleRegistry, type RegistryParty, type RegistryPerson, partiesFor, partyById, partyTypeOf, personByUserId } from './people';
import { altinnParty, altinnProfile, camelCased } from './registryPrefill';
import type { RuntimeUser } from './services';

function requireUser(ctx: RouteContext): RuntimeUser {
  if (!ctx.user) throw new HttpError(401, 'Nobody is logged in. Choose a persona to act as.');
  return ctx.user;
}

function requirePeople(ctx: RouteContext): PeopleRegistry {
  if (!ctx.services.people) throw new HttpError(404, 'This runtime has no people registry, so it knows no profiles or parties');
  return ctx.services.people;
}

function requirePerson(ctx: RouteContext): RegistryPerson {
  const user = requireUser(ctx);
  const person = personByUserId(requirePeople(ctx), user.userId);
  if (!person) throw new HttpError(404, `${user.name} is not a person in the people registry${user.userId === undefined ? ' (an organisation has no user profile)' : ''}`);
  return person;
}

/** The parties the logged-in person may act for, as registry parties with their ids. */
function representable(ctx: RouteContext): { id: string; party: RegistryParty }[] {
  const person = requirePerson(ctx);
  return partiesFor(requirePeople(ctx), person.userId).map((party) => ({ id: party.kind === 'person' ? party.person.partyId : party.organisation.partyId, party }));
}

const partyJson = (party: RegistryParty, id: string) => camelCased(altinnParty(party, id));

type Listed = { id: string; party: RegistryParty };

/**
 * Parties as Altinn's party list gives them: a sub-unit under its parent (`childParties`). A parent the
 * user holds no role for is there only to hold its sub-units (`onlyHierarchyElementWithNoAccess`).
 */
function partyTree(ctx: RouteContext, parties: readonly Listed[]): unknown[] {
  const people = requirePeople(ctx);
  const parentOf = (p: Listed) => (p.party.kind === 'organisation' && partyTypeOf(p.party) === 'subUnit' ? p.party.organisation.parentOrgNumber : undefined);
  const tops: { listed: Listed; access: boolean; children: Listed[] }[] = [];
  const byOrgNumber = new Map<string, (typeof tops)[number]>();
  for (const p of parties) {
    if (parentOf(p)) continue;
    const top = { listed: p, access: true, children: [] };
    tops.push(top);
    if (p.party.kind === 'organisation') byOrgNumber.set(p.party.organisation.orgNumber, top);
  }
  for (const p of parties) {
    const parentNumber = parentOf(p);
    if (!parentNumber) continue;
    let top = byOrgNumber.get(parentNumber);
    const parent = top ? undefined : people.organisations.find((o) => o.orgNumber === parentNumber);
    if (!top && parent) {
      top = { listed: { id: parent.partyId, party: { kind: 'organisation', organisation: parent } }, access: false, children: [] };
      tops.push(top);
      byOrgNumber.set(parentNumber, top);
    }
    if (top) top.children.push(p);
    else tops.push({ listed: p, access: true, children: [] });
  }
  return tops.map((top) => ({
    ...(partyJson(top.listed.party, top.listed.id) as Record<string, unknown>),
    onlyHierarchyElementWithNoAccess: !top.access,
    childParties: top.children.length > 0 ? top.children.map((c) => partyJson(c.party, c.id)) : null,
  }));
}

/** A Set-Cookie header choosing `partyId`, as Altinn's `AltinnPartyId` cookie. */
const selectCookie = (partyId: string) => ({ 'Set-Cookie': `${selectedPartyCookie}=${partyId}; Path=/; SameSite=Lax` });

/** The party the user chose (cookie) when they may still act for it, else their own. */
function currentParty(ctx: RouteContext): { id: string; party: RegistryParty } {
  const parties = representable(ctx);
  const chosen = cookieValue(ctx.headers, selectedPartyCookie);
  return parties.find((p) => p.id === chosen) ?? parties[0]!;
}

function allowedForApp(ctx: RouteContext, parties: { id: string; party: RegistryParty }[]) {
  return parties.filter((p) => partyTypeAllowed(ctx.app, partyTypeOf(p.party)));
}

/** The user and party routes. */
export const partyRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: 'api/v1/profile/user',
    handle: (ctx) => {
      const profile = camelCased(altinnProfile(requirePerson(ctx))) as { profileSettingPreference: Record<string, unknown> };
      // The preview host chose the party for the studio's persona: as a profile that asks not to be prompted, with that party preselected.
      const preset = ctx.headers[presetPartyHeader];
      if (typeof preset === 'string' && representable(ctx).some((p) => p.id === preset)) {
        profile.profileSettingPreference = { ...profile.profileSettingPreference, preSelectedPartyId: Number(preset), doNotPromptForParty: true };
      }
      return ok(profile);
    },
  },
  {
    method: 'GET',
    path: 'api/v1/parties',
    handle: (ctx) => {
      const parties = representable(ctx);
      const filtered = ctx.query.get('allowedtoinstantiatefilter')?.toLowerCase() === 'true' ? allowedForApp(ctx, parties) : parties;
      return ok(partyTree(ctx, filtered));
    },
  },
  {
    method: 'GET',
    path: 'api/authorization/parties/current',
    handle: (ctx): RouteResult => {
      const { id, party } = currentParty(ctx);
      const body = ctx.query.get('returnPartyObject')?.toLowerCase() === 'true' ? partyJson(party, id) : Number(id);
      return { status: 200, body, headers: selectCookie(id) };
    },
  },
  {
    method: 'PUT',
    path: 'api/v1/parties/:partyId',
    handle: (ctx): RouteResult => {
      const person = requirePerson(ctx);
      const partyId = ctx.params.partyId!;
      if (!representable(ctx).some((p) => p.id === partyId)) throw new HttpError(400, `User ${person.userId} cannot represent party ${partyId}.`);
      return { status: 200, body: 'Party successfully updated', headers: selectCookie(partyId) };
    },
  },
  {
    method: 'POST',
    path: 'api/v1/parties/validateInstantiation',
    handle: (ctx) => {
      const partyId = ctx.query.get('partyId') ?? '';
      const parties = representable(ctx);
      const valid = allowedForApp(ctx, parties);
      const party = partyById(requirePeople(ctx), partyId);
      if (!party || !parties.some((p) => p.id === partyId)) {
        return ok({ valid: false, message: `The user cannot act for party ${partyId}`, validParties: valid.map((p) => partyJson(p.party, p.id)) });
      }
      const allowed = valid.some((p) => p.id === partyId);
      const metadata = ctx.app.metadata?.doc.value;
      const types = isJsonObject(metadata) && isJsonObject(metadata.partyTypesAllowed) ? Object.keys(metadata.partyTypesAllowed).filter((k) => (metadata.partyTypesAllowed as Record<string, unknown>)[k] === true) : [];
      return ok({
        valid: allowed,
        message: allowed ? null : `The app can only be started for ${types.join(', ')}; party ${partyId} is a ${partyTypeOf(party)}`,
        validParties: valid.map((p) => partyJson(p.party, p.id)),
      });
    },
  },
];
