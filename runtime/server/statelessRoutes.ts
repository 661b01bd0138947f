/**
 * Stateless data (§6.4, §8.6): a fresh model for a data type with prefill applied (query parameters
 * through `<dataType>.prefill.json → QueryParameters`, then the registers for the party in the `party`
 * header), and the posted model echoed back. Nothing is stored; C# data processors do not run here
 * (GET api/preview/csharp lists them), so the echo is the model as the frontend sent it.
 *
 * `v1/data/anonymous` serves the same without a user, only for a data type whose
 * `appLogic.allowAnonymousOnStateless` is true. `v1/data` with a `party` header asks the policy for
 * `read` for that party, as Altinn's StatelessDataController does.
 */
import { isJsonObject } from '../../core/text/jsonDocument';
import { authorizeAction, cookieValue, selectedPartyCookie } from './authorization';
import { freshModel, requireDataType } from './appData';
import { HttpError, ok, parseJsonText, type Route, type RouteContext, type RouteResult } from './http';
import { prefillFromRegistry } from './registryPrefill';

/** The `prefill` query parameter: a JSON object of query-parameter values, or 400. */
function queryPrefill(raw: string | null): Record<string, unknown> {
  if (raw === null || raw === '') return {};
  const value = parseJsonText(raw, 'The "prefill" query parameter');
  if (!isJsonObject(value)) throw new HttpError(400, 'The "prefill" query parameter must be a JSON object');
  return value;
}

/** A data type that can be used without an instance: declared, with `appLogic.classRef` (a form model). */
function statelessType(ctx: RouteContext): { id: string; anonymous: boolean } {
  const type = requireDataType(ctx.app, ctx.query.get('dataType'));
  const logic = isJsonObject(type.appLogic) ? type.appLogic : null;
  if (!logic || typeof logic.classRef !== 'string') throw new HttpError(400, `Invalid dataType ${String(type.id)} provided: it has no appLogic.classRef, so it is not a form data model.`);
  return { id: type.id as string, anonymous: logic.allowAnonymousOnStateless === true };
}

const headerHelp = 'Use partyid:<id>, person:<national identity number> or org:<organisation number>.';

/** The party the `party` header names (`partyid:123`, `person:…`, `org:…`), null when there is none; 400 when it names nobody known. */
function partyOfHeader(ctx: RouteContext): string | null {
  const raw = ctx.headers.party;
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  if (values.length === 0) return null;
  if (values.length > 1) throw new HttpError(400, 'Invalid party: only one party can be given in the party header');
  const match = /^(partyid|person|org):(.+)$/i.exec(values[0]!);
  if (!match) throw new HttpError(400, `Invalid party header "${values[0]}". ${headerHelp}`);
  const [, kind, value] = match as unknown as [string, string, string];
  if (kind.toLowerCase() === 'partyid') {
    if (!/^\d+$/.test(value)) throw new HttpError(400, `Invalid party header "${values[0]}": a party id is a number. ${headerHelp}`);
    return value;
  }
  const people = ctx.services.people;
  const found = kind.toLowerCase() === 'person' ? people?.persons.find((p) => p.personNumber === value)?.partyId : people?.organisations.find((o) => o.orgNumber === value)?.partyId;
  if (!found) throw new HttpError(400, `Invalid party header "${values[0]}": no such ${kind.toLowerCase() === 'person' ? 'person' : 'organisation'} in the people registry. ${headerHelp}`);
  return found;
}

/**
 * The model for a stateless request: query prefill, then the registers (a logged-in request only).
 * In a host that identifies users, nobody may use `v1/data` without logging in, except for a data
 * type that allows anonymous use (as `v1/data/anonymous`).
 */
function statelessModel(ctx: RouteContext, type: { id: string; anonymous: boolean }, anonymousRoute: boolean): Record<string, unknown> {
  const model = freshModel(ctx.app, type.id, queryPrefill(ctx.query.get('prefill')));
  if (anonymousRoute) return model;
  const named = partyOfHeader(ctx);
  if (ctx.identifies && !ctx.user && (named || !type.anonymous)) {
    throw new HttpError(401, `Nobody is logged in, so ${named ? `the model cannot be made for party ${named}` : `the data type "${type.id}" cannot be used (it does not set appLogic.allowAnonymousOnStateless)`}. Choose a persona to act as, or log in.`);
  }
  if (named && ctx.user) authorizeAction(ctx, null, 'read', { partyId: named });
  // Without a header: the party the user chose (Altinn's cookie), else their own.
  const party = named ?? (ctx.user ? (cookieValue(ctx.headers, selectedPartyCookie) ?? ctx.user.partyId) : null);
  return party ? prefillFromRegistry(ctx.app, type.id, { user: ctx.user, party, people: ctx.services.people }, model) : model;
}

/** A stateless data type, refused (403) on the anonymous routes unless it allows anonymous use. */
function requireType(ctx: RouteContext, anonymousRoute: boolean): { id: string; anonymous: boolean } {
  const type = statelessType(ctx);
  if (anonymousRoute && !type.anonymous) throw new HttpError(403, `The data type "${type.id}" does not allow anonymous use: set appLogic.allowAnonymousOnStateless to true in applicationmetadata.json, or log in and use v1/data.`);
  return type;
}

async function postedModel(ctx: RouteContext): Promise<Record<string, unknown>> {
  const body = await ctx.jsonBody();
  if (!isJsonObject(body)) throw new HttpError(400, 'The body must be the data model as a JSON object');
  return body;
}

/**
 * `GET set-query-params?k=v…` (§6.4): keeps the parameters some model's `.prefill.json` declares
 * under `QueryParameters` (others are dropped, as Altinn does) and sends the browser to the app with
 * them; the form app keeps them for the session and prefills stateless data from them. Altinn keeps
 * them in sessionStorage from an inline script, which the form app's CSP forbids, so they travel in
 * the redirect's `?queryParams=` instead.
 */
function setQueryParams(ctx: RouteContext): RouteResult {
  const allowed = new Set<string>();
  for (const model of ctx.app.models) {
    const prefill = model.prefill?.doc.value;
    if (isJsonObject(prefill) && isJsonObject(prefill.QueryParameters)) for (const key of Object.keys(prefill.QueryParameters)) allowed.add(key);
  }
  const kept = Object.fromEntries([...ctx.query].filter(([key]) => allowed.has(key)));
  const search = Object.keys(kept).length > 0 ? `?queryParams=${encodeURIComponent(JSON.stringify(kept))}` : '';
  return { status: 302, headers: { Location: `/${ctx.org}/${ctx.appName}/${search}` } };
}

/** The stateless data routes. */
export const statelessRoutes: readonly Route[] = [
  { method: 'GET', path: 'set-query-params', handle: setQueryParams },
  { method: 'GET', path: 'v1/data', handle: (ctx) => ok(statelessModel(ctx, requireType(ctx, false), false)) },
  {
    method: 'POST',
    path: 'v1/data',
    handle: async (ctx) => {
      // The body is read first so an oversized one is 413 whatever else is wrong.
      const model = await postedModel(ctx);
      // The party is checked as for GET, though nothing is prefilled: the posted model is the user's.
      statelessModel(ctx, requireType(ctx, false), false);
      return ok(model);
    },
  },
  { method: 'GET', path: 'v1/data/anonymous', handle: (ctx) => ok(statelessModel(ctx, requireType(ctx, true), true)) },
  {
    method: 'POST',
    path: 'v1/data/anonymous',
    handle: async (ctx) => {
      const model = await postedModel(ctx);
      requireType(ctx, true);
      return ok(model);
    },
  },
];
