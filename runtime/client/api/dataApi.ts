/**
 * The data element calls of the form app's attachments (§8.4): upload with progress, delete, tags,
 * the instance's data elements (for scan results) and the data types' rules. Uploads go through
 * XMLHttpRequest because fetch cannot report upload progress; the transport is injectable so the
 * request shapes are tested without a browser.
 */
import { appLocationOf } from './appApi';
import { previewHeaders } from './previewToken';

/** A data element as the runtime returns it (the fields the form app reads). */
export interface DataElementInfo {
  readonly id: string;
  readonly dataType: string;
  readonly filename?: string;
  readonly contentType: string;
  readonly size: number;
  readonly tags: readonly string[];
  readonly locked?: boolean;
  readonly fileScanResult?: 'NotApplicable' | 'Pending' | 'Clean' | 'Infected';
}

/** A data type's rules from applicationmetadata.json, as the upload needs them. */
export interface DataTypeInfo {
  readonly id: string;
  readonly allowedContentTypes?: readonly string[] | null;
  readonly maxSize?: number | null;
  readonly maxCount?: number;
  readonly enableFileScan?: boolean;
}

/** Why an upload failed: the HTTP status, Altinn's issue codes when the server gave them, and its message. */
export class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly codes: readonly string[],
    message: string,
  ) {
    super(message);
  }
}

/** What sends one request: method, URL, headers, body, and a progress callback (0–1) for the body's upload. */
export type Transport = (request: {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Blob | string;
  readonly onProgress?: (fraction: number) => void;
}) => Promise<{ status: number; text: string }>;

/** The headers of an upload: the file's type (octet-stream when the browser does not know it) and its name per RFC 6266. */
export function uploadHeaders(file: { readonly name: string; readonly type: string }): Record<string, string> {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(file.name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return { 'Content-Type': file.type || 'application/octet-stream', 'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}` };
}

/** The error of a failed response: `uploadValidationIssues` codes and the server's message when it sent them. */
export function uploadErrorOf(status: number, text: string): UploadError {
  let codes: string[] = [];
  let message = `The server answered ${status}`;
  try {
    const body = JSON.parse(text) as { message?: unknown; detail?: unknown; uploadValidationIssues?: { code?: unknown }[] };
    if (Array.isArray(body.uploadValidationIssues)) codes = body.uploadValidationIssues.map((i) => (typeof i.code === 'string' ? i.code : '')).filter(Boolean);
    if (typeof body.message === 'string') message = body.message;
    else if (typeof body.detail === 'string') message = body.detail;
  } catch {
    // Not JSON: the status says enough.
  }
  return new UploadError(status, codes, message);
}

/** The few XMLHttpRequest members the transport uses (typed here so the file also compiles without DOM types, for the server-side test). */
interface Xhr {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: unknown): void;
  readonly status: number;
  readonly responseText: string;
  readonly upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
}

/** The browser's transport (XMLHttpRequest, for upload progress). */
export const xhrTransport: Transport = ({ method, url, headers, body, onProgress }) =>
  new Promise((resolve, reject) => {
    const xhr = new (globalThis as unknown as { XMLHttpRequest: new () => Xhr }).XMLHttpRequest();
    xhr.open(method, url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    if (onProgress) xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(new UploadError(0, [], 'The connection to the server failed'));
    xhr.send(body ?? null);
  });

/** A client of the data element routes under `base` (`/{org}/{app}/`). */
export function createDataApi(base: string, token: string | null, transport: Transport = xhrTransport) {
  async function call<T>(method: string, path: string, options: { headers?: Record<string, string>; body?: Blob | string; onProgress?: (f: number) => void } = {}): Promise<T> {
    const res = await transport({ method, url: `${base}${path}`, headers: { Accept: 'application/json', ...previewHeaders(token), ...options.headers }, ...(options.body !== undefined ? { body: options.body } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    if (res.status < 200 || res.status >= 300) throw uploadErrorOf(res.status, res.text);
    return (res.text ? JSON.parse(res.text) : undefined) as T;
  }
  const enc = encodeURIComponent;
  return {
    /** Uploads `file` as a new element of `dataType`; resolves with the stored element. */
    upload: (instanceId: string, dataType: string, file: Blob & { readonly name: string }, onProgress?: (fraction: number) => void) =>
      call<DataElementInfo>('POST', `instances/${instanceId}/data?dataType=${enc(dataType)}`, { headers: uploadHeaders(file), body: file, ...(onProgress ? { onProgress } : {}) }),
    remove: (instanceId: string, elementId: string) => call<unknown>('DELETE', `instances/${instanceId}/data/${enc(elementId)}`),
    setTags: (instanceId: string, elementId: string, tags: readonly string[]) =>
      call<{ tags: string[] }>('PUT', `instances/${instanceId}/data/${enc(elementId)}/tags`, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(tags) }),
    elements: async (instanceId: string) => (await call<{ data?: DataElementInfo[] }>('GET', `instances/${instanceId}`)).data ?? [],
    dataTypes: async () => (await call<{ dataTypes?: DataTypeInfo[] }>('GET', 'api/v1/applicationmetadata')).dataTypes ?? [],
  };
}

export type DataApi = ReturnType<typeof createDataApi>;

let pageApi: DataApi | null = null;

/** The page globals `pageDataApi` reads (typed here for the same reason as `Xhr`). */
interface PageGlobals {
  readonly location: { readonly pathname: string; readonly href: string };
  readonly sessionStorage: { getItem(key: string): string | null };
}

/** The data API of the page the form app runs on (its app base URL and the preview's token). */
export function pageDataApi(): DataApi {
  if (pageApi) return pageApi;
  const page = (globalThis as unknown as { window: PageGlobals }).window;
  const location = appLocationOf(page.location.pathname);
  // main.tsx took the token from the URL into this session's storage (previewToken.ts, its key);
  // previewToken.ts itself needs DOM types this file avoids, so the stored value is read here.
  let token: string | null = new URL(page.location.href).searchParams.get('token');
  try {
    token ??= page.sessionStorage.getItem('studio-preview.token');
  } catch {
    // Storage refused to a cross-site frame: the calls go without a token.
  }
  pageApi = createDataApi(location?.base ?? '/', token);
  return pageApi;
}
