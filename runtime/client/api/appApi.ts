/**
 * The Altinn app API (§8) as the form app calls it, plus the runtime's own schema check. The page is
 * served at `/{org}/{app}/…`, so the app's base URL is read from the page URL; every route is relative to it.
 */
import type { SchemaErrorReport } from '../../../core/validation';
import type { AltinnParty, PartyTypesAllowed } from '../process/partySelection';
import { previewHeaders } from './previewToken';

export interface AppLocation {
  readonly org: string;
  readonly app: string;
  /** `/{org}/{app}/` — every API path is appended to it. */
  readonly base: string;
}

/** The org and app of a page path (`/acme/permit/` or `/acme/permit/index.html`), or null. */
export function appLocationOf(pathname: string): AppLocation | null {
  const [org, app] = pathname.split('/').filter((s) => s.length > 0);
  if (!org || !app || app.includes('.')) return null;
  return { org, app, base: `/${org}/${app}/` };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** JSON requests under `base` with the preview token; errors become ApiError with the server's message. */
function requester(base: string, fetchFn: Fetch, token: string | null) {
  const auth = () => previewHeaders(token);
  async function request<T>(method: string, path: string, body?: unknown): Promise<T | undefined> {
    const init: RequestInit = { method, headers: { Accept: 'application/json', ...auth() } };
    if (body !== undefined) init.headers = { Accept: 'application/json', 'Content-Type': 'application/json', ...auth() };
    if (body !== undefined) init.body = JSON.stringify(body);
    const res = await fetchFn(`${base}${path}`, init);
    if (res.status === 204) return undefined;
    const text = await res.text();
    if (!res.ok) {
      // The server answers `{status, message}`; keep its message so the user sees why.
      let message = `${method} ${path} failed with ${res.status}`;
      try {
        const parsed = JSON.parse(text) as { message?: unknown };
        if (typeof parsed.message === 'string') message = parsed.message;
      } catch {
        /* not JSON: keep the generic message */
      }
      throw new ApiError(res.status, message);
    }
    return text ? (JSON.parse(text) as T) : undefined;
  }
  return { request, auth, get: <T>(path: string) => request<T>('GET', path) };
}

/** A typed client of the routes the form app uses. */
export function createAppApi(base: string, fetchFn: Fetch = (i, init) => fetch(i, init), token: string | null = null) {
  const { request, get } = requester(base, fetchFn, token);
  const enc = encodeURIComponent;
  return {
    applicationMetadata: () => get<ApplicationMetadata>('api/v1/applicationmetadata'),
    layoutSets: () => get<{ sets?: LayoutSetInfo[] }>('api/layoutsets'),
    layouts: (setId: string) => get<Record<string, unknown>>(`api/layouts/${enc(setId)}`),
    layoutSettings: (setId: string) => get<LayoutSettings>(`api/layoutsettings/${enc(setId)}`),
    texts: (language: string) => get<{ language?: string; resources?: unknown[] }>(`api/v1/texts/${enc(language)}`),
    languages: () => get<{ language: string }[]>('api/v1/applicationlanguages'),
    options: (id: string, language: string) => get<unknown[]>(`api/options/${enc(id)}?language=${enc(language)}`),
    jsonSchema: (dataType: string) => get<Record<string, unknown>>(`api/jsonschema/${enc(dataType)}`),
    validationConfig: (dataType: string) => get<unknown>(`api/validationconfig/${enc(dataType)}`),
    applicationSettings: () => get<Record<string, unknown>>('api/v1/applicationsettings'),
    /** Stateless data, prefilled from the query parameters `set-query-params` kept (§6.4) when given. */
    statelessData: (dataType: string, prefill?: Readonly<Record<string, string>> | null) =>
      get<unknown>(`v1/data?dataType=${enc(dataType)}&includeRowId=true${prefill && Object.keys(prefill).length > 0 ? `&prefill=${enc(JSON.stringify(prefill))}` : ''}`),
    postStatelessData: (dataType: string, data: unknown) => request<unknown>('POST', `v1/data?dataType=${enc(dataType)}`, data),
    /** The party the user acts for (Altinn's current party: the chosen one, else their own). */
    currentParty: () => get<{ partyId: number | string; name?: string }>('api/authorization/parties/current?returnPartyObject=true'),
    /** The parties the user may start the app for (filtered by `partyTypesAllowed`, sub-units under their parent). */
    parties: () => get<AltinnParty[]>('api/v1/parties?allowedtoinstantiatefilter=true'),
    /** Chooses the party to act for (kept in Altinn's `AltinnPartyId` cookie). */
    selectParty: (partyId: string) => request<unknown>('PUT', `api/v1/parties/${enc(partyId)}`),
    /** The logged-in user's profile, for `profileSettingPreference.doNotPromptForParty`. */
    profile: () => get<{ partyId?: number | string; profileSettingPreference?: { doNotPromptForParty?: boolean } }>('api/v1/profile/user'),
    /** Who is logged in on a runtime host with a login, and its login and logout addresses (404 where there is no login, as in the preview). */
    session: () => get<SessionInfo>('auth/session'),
    createInstance: (partyId: string, language: string) =>
      request<InstanceDocument>('POST', `instances?instanceOwnerPartyId=${enc(partyId)}&language=${enc(language)}`, { instanceOwner: { partyId } }),
    instance: (instanceId: string) => get<InstanceDocument>(`instances/${instanceId}`),
    data: (instanceId: string, elementId: string) => get<unknown>(`instances/${instanceId}/data/${enc(elementId)}?includeRowId=true`),
    putData: (instanceId: string, elementId: string, data: unknown) => request<unknown>('PUT', `instances/${instanceId}/data/${enc(elementId)}`, data),
    /** The runtime's (not Altinn's) schema check: the page's CSP forbids compiling the schema here. */
    schemaErrors: (dataType: string, data: unknown) => request<SchemaErrorReport>('POST', `api/runtime/schemavalidation/${enc(dataType)}`, data ?? {}),
    /** The studio preview's change feed (absent outside the preview). */
    eventsUrl: () => `${base}api/preview/events${token ? `?token=${encodeURIComponent(token)}` : ''}`,
  };
}

type HttpAppApi = ReturnType<typeof createAppApi>;
type IdentityRoutes = 'currentParty' | 'parties' | 'selectParty' | 'profile' | 'session';
/** The form app's API; one that knows nobody (the studio's design canvas over the model) has no party or login routes. */
export type AppApi = Omit<HttpAppApi, IdentityRoutes> & Partial<Pick<HttpAppApi, IdentityRoutes>>;

/** A client of the process routes (§8.5) and the instance list, for the process screens. */
export function createProcessApi(base: string, fetchFn: Fetch = (i, init) => fetch(i, init), token: string | null = null) {
  const { request, get, auth } = requester(base, fetchFn, token);
  /** process/next: the new state, or why the process did not move (409 validation issues, 400/403 refusals). */
  async function processNext(instanceId: string, action: string | null, language: string): Promise<ProcessNextResult> {
    const init: RequestInit = { method: 'PUT', headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...auth() }, body: JSON.stringify(action ? { action } : {}) };
    const res = await fetchFn(`${base}instances/${instanceId}/process/next?language=${encodeURIComponent(language)}`, init);
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (res.ok) return { ok: true, process: (parsed ?? {}) as ProcessStateDocument };
    const body = (parsed ?? {}) as { message?: unknown; detail?: unknown; validationIssues?: unknown };
    const message = typeof body.message === 'string' ? body.message : typeof body.detail === 'string' ? body.detail : `process/next failed with ${res.status}`;
    return { ok: false, status: res.status, message, issues: Array.isArray(body.validationIssues) ? (body.validationIssues as BackendValidationIssue[]) : [] };
  }
  return {
    process: (instanceId: string) => get<ProcessStateDocument>(`instances/${instanceId}/process`),
    processNext,
    /** The party's instances still in progress (`onEntry.show: select-instance`). */
    activeInstances: (partyId: string) => get<ActiveInstance[]>(`instances/${encodeURIComponent(partyId)}/active`),
    deleteInstance: (instanceId: string) => request<unknown>('DELETE', `instances/${instanceId}`),
  };
}

export type ProcessApi = ReturnType<typeof createProcessApi>;

export interface ApplicationMetadata {
  readonly id?: string;
  readonly title?: Record<string, string>;
  readonly dataTypes?: { id: string; taskId?: string; appLogic?: { classRef?: string; autoCreate?: boolean } | null }[];
  readonly onEntry?: { show?: string };
  readonly partyTypesAllowed?: PartyTypesAllowed;
  /** `always` or `never` overrides the profile's "do not prompt for party" setting. */
  readonly promptForParty?: string;
}

export interface LayoutSetInfo {
  readonly id: string;
  readonly dataType?: string;
  readonly tasks?: string[];
}

export interface PageValidation {
  readonly page?: 'current' | 'currentAndPrevious' | 'all';
  readonly show?: string[];
}

export interface LayoutSettings {
  readonly pages?: {
    readonly order?: string[];
    readonly groups?: { order?: string[] }[];
    readonly validationOnNavigation?: PageValidation;
    readonly showLanguageSelector?: boolean;
  };
}

export interface InstanceDocument {
  readonly id: string;
  readonly instanceOwner?: { partyId?: string };
  readonly process?: ProcessStateDocument | null;
  readonly data?: InstanceDataElement[];
  readonly lastChanged?: string;
}

/** A data element as the instance lists it. */
export interface InstanceDataElement {
  readonly id: string;
  readonly dataType: string;
  readonly locked?: boolean;
  readonly filename?: string;
  readonly contentType?: string;
  readonly size?: number;
  readonly created?: string;
}

/** The runtime host's login as the form app sees it. */
export interface SessionInfo {
  readonly user: { readonly name: string } | null;
  readonly login: string;
  readonly logout: string;
}

/** The process state (§5.9) as far as the form app reads it. */
export interface ProcessStateDocument {
  readonly started?: string;
  readonly currentTask?: {
    readonly elementId?: string;
    readonly name?: string;
    readonly altinnTaskType?: string | null;
    readonly actions?: Readonly<Record<string, boolean>>;
    readonly userActions?: readonly { id: string; authorized: boolean; type: string }[];
  } | null;
  readonly processTasks?: readonly { elementId: string; altinnTaskType?: string | null }[];
  readonly ended?: string | null;
  readonly endEvent?: string | null;
}

/** A validation issue as the app backend returns it (§4.5): severity 1 error, 2 warning, 3 info, 5 success. */
export interface BackendValidationIssue {
  readonly severity: number;
  readonly source?: string;
  readonly code?: string;
  readonly description?: string;
  readonly field?: string;
  readonly dataElementId?: string;
  readonly customTextKey?: string;
  readonly customTextParameters?: Readonly<Record<string, string>>;
}

export type ProcessNextResult =
  | { readonly ok: true; readonly process: ProcessStateDocument }
  | { readonly ok: false; readonly status: number; readonly message: string; readonly issues: readonly BackendValidationIssue[] };

/** One entry of `GET instances/{partyId}/active`. */
export interface ActiveInstance {
  readonly id: string;
  readonly lastChanged?: string;
  readonly lastChangedBy?: string | null;
  readonly presentationTexts?: Readonly<Record<string, string>> | null;
}
