/**
 * The preview's token and persona. The studio frames the form app as `…/?token=T&persona=P`; the app
 * keeps both for the session and sends them with every API call (headers) and the token with the
 * event stream (the query), so they work where a cookie would not reach the frame (Electron's
 * app://studio is another site than 127.0.0.1). The persona (a user id, or `org:<orgNumber>`) is who
 * the preview acts as; without one the host acts as its default persona.
 */
import { openInstanceHeaders } from './openInstance';

const tokenKey = 'studio-preview.token';
const personaKey = 'studio-preview.persona';
/** Altinn's key for the values `set-query-params` passed on (§6.4): stateless data is prefilled from them. */
const queryParamsKey = 'queryParams';

/** The header the preview host reads the persona from (runtime/server/authorization.ts personaHeader). */
export const personaHeader = 'X-Studio-Persona';

/** A persona the host can name: a user id or `org:` and an organisation number. Anything else is ignored (and never becomes a header). */
const validPersona = (value: string | null): value is string => value !== null && /^(\d{1,12}|org:\d{9})$/.test(value);

export interface TokenPage {
  readonly href: string;
  readonly sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  replaceUrl(url: string): void;
}

/** The persona of this page load, as takePreviewToken found it. */
let currentPersona: string | null = null;
/** The query parameters of this session (JSON of an object of strings), as takePreviewToken found them. */
let currentQueryParams: string | null = null;

/** A JSON object of string values, as `set-query-params` sends on. */
const validQueryParams = (value: string | null): value is string => {
  if (!value) return false;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && Object.values(parsed).every((v) => typeof v === 'string');
  } catch {
    return false;
  }
};
/** What this page load took from its address, for later calls when session storage is refused (a frame of another site). */
const pageMemory = new Map<string, string>();

/** `?name=` of the address (then removed from it and kept for the session), else the value kept for this session. */
function takeKept(page: TokenPage, url: URL, name: string, key: string, valid: (v: string | null) => v is string = (v): v is string => !!v): string | null {
  const fromUrl = url.searchParams.get(name);
  if (url.searchParams.has(name)) url.searchParams.delete(name);
  // An empty `?persona=` goes back to the host's default persona for the rest of the session.
  if (valid(fromUrl) || (fromUrl === '' && key === personaKey)) {
    if (fromUrl) pageMemory.set(key, fromUrl);
    else pageMemory.delete(key);
    try {
      page.sessionStorage.setItem(key, fromUrl);
    } catch {
      // Storage can be off; this page load still has the value.
    }
    return fromUrl || null;
  }
  try {
    const kept = page.sessionStorage.getItem(key);
    return valid(kept) ? kept : null;
  } catch {
    return pageMemory.get(key) ?? null;
  }
}

/**
 * The token from `?token=`, else the one kept for this session; the persona from `?persona=` likewise
 * (read by `previewHeaders`), and the query parameters `set-query-params` redirected with
 * (`?queryParams=`, read by `queryParamsPrefill`). All are removed from the address bar.
 */
export function takePreviewToken(page: TokenPage): string | null {
  const url = new URL(page.href);
  const inUrl = url.searchParams.has('token') || url.searchParams.has('persona') || url.searchParams.has('queryParams');
  const token = takeKept(page, url, 'token', tokenKey);
  currentPersona = takeKept(page, url, 'persona', personaKey, validPersona);
  currentQueryParams = takeKept(page, url, 'queryParams', queryParamsKey, validQueryParams);
  if (inUrl) page.replaceUrl(`${url.pathname}${url.search}${url.hash}`);
  return token;
}

/** The values `set-query-params` passed on for this session (the stateless data's prefill), null when none. */
export function queryParamsPrefill(): Record<string, string> | null {
  return currentQueryParams ? (JSON.parse(currentQueryParams) as Record<string, string>) : null;
}

/** The persona the form app acts as (null: the host's default). */
export function previewPersona(): string | null {
  return currentPersona;
}

/** The headers every API call of the form app sends: the preview token, the persona and the open instance (openInstance.ts), when there are. Read per request: the instance changes. */
export function previewHeaders(token: string | null): Record<string, string> {
  return { ...(token ? { 'X-Preview-Token': token } : {}), ...(currentPersona ? { [personaHeader]: currentPersona } : {}), ...openInstanceHeaders() };
}
