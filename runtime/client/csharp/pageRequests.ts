/**
 * JSON requests to this page's app API with the preview token and persona, for the small features
 * here (the C# listing, instantiation) that the typed clients in api/ do not cover.
 */
import { appLocationOf } from '../api/appApi';
import { previewHeaders, takePreviewToken } from '../api/previewToken';

/** Why a request failed, with the server's message. */
export class PageRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** `method path` under the page's `/{org}/{app}/`, JSON in and out; rejects with PageRequestError saying why. */
export async function pageRequest<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const base = appLocationOf(window.location.pathname)?.base ?? './';
  const token = takePreviewToken({
    href: window.location.href,
    sessionStorage: { getItem: (key) => window.sessionStorage.getItem(key), setItem: (key, value) => window.sessionStorage.setItem(key, value) },
    replaceUrl: (url) => window.history.replaceState(null, '', url),
  });
  const headers: Record<string, string> = { Accept: 'application/json', ...previewHeaders(token), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) };
  const res = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!res.ok) {
    const message = (parsed as { message?: unknown } | undefined)?.message;
    throw new PageRequestError(res.status, typeof message === 'string' ? message : `${method} ${path} failed with ${res.status}`);
  }
  return parsed as T;
}
