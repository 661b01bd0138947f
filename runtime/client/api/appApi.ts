/**
 * The Altinn app API (§8) as the form app calls it, plus the runtime's own schema check. The page is
 * served at `/{org}/{app}/…`, so the app's base URL is read from the page URL; every route is relative to it.
 */
import type { SchemaErrorReport } from '../../../core/validation';

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

/** A typed client of the routes the form app uses. */
export function createAppApi(base: string, fetchFn: Fetch = (i, init) => fetch(i, init), token: string | null = null) {
  const auth: Record<string, string> = token ? { 'X-Preview-Token': token } : {};
  async function request<T>(method: string, path: string, body?: unknown): Promise<T | undefined> {
    const init: RequestInit = { method, headers: { Accept: 'application/json', ...auth } };
    if (body !== undefined) init.headers = { Accept: 'application/json', 'Content-Type': 'application/json', ...auth };
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
  const get = <T>(path: string) => request<T>('GET', path);
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
    statelessData: (dataType: string) => get<unknown>(`v1/data?dataType=${enc(dataType)}&includeRowId=true`),
    postStatelessData: (dataType: string, data: unknown) => request<unknown>('POST', `v1/data?dataType=${enc(dataType)}`, data),
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

export type AppApi = ReturnType<typeof createAppApi>;

export interface ApplicationMetadata {
  readonly id?: string;
  readonly title?: Record<string, string>;
  readonly dataTypes?: { id: string; taskId?: string; appLogic?: { classRef?: string; autoCreate?: boolean } | null }[];
  readonly onEntry?: { show?: string };
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
  readonly process?: { currentTask?: { elementId?: string } | null } | null;
  readonly data?: { id: string; dataType: string; locked?: boolean }[];
}
