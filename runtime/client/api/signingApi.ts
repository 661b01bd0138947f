/**
 * The signing calls of the form app (§5.6, §8.5): the signees of a task (`GET …/signing`), the
 * documents being signed (`GET …/signing/data-elements`), the user's party (`GET api/v1/profile/user`,
 * to find their own row) and the `sign` user action (`POST …/actions`).
 */
import { appLocationOf } from './appApi';
import { previewHeaders } from './previewToken';

/** A signee's state as SigningController answers it. */
export interface SigneeStateInfo {
  readonly name: string | null;
  readonly organization?: string | null;
  readonly organisation?: string | null;
  readonly signedTime: string | null;
  readonly delegationSuccessful: boolean;
  readonly notificationStatus: 'NotSent' | 'Failed' | 'Sent';
  readonly partyId: number | null;
}

/** A document being signed (a data element). */
export interface SigningDocumentInfo {
  readonly id: string;
  readonly dataType: string;
  readonly filename?: string;
  readonly contentType: string;
  readonly size: number;
}

/** The answer of a user action: done, or refused with the server's reason. */
export type ActionResult = { readonly ok: true } | { readonly ok: false; readonly status: number; readonly code: string | null; readonly message: string };

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** A client of the signing routes under `base` (`/{org}/{app}/`). */
export function createSigningApi(base: string, fetchFn: Fetch = (i, init) => fetch(i, init), token: string | null = null) {
  const headers = () => ({ Accept: 'application/json', ...previewHeaders(token) });
  const enc = encodeURIComponent;
  async function get<T>(path: string): Promise<T> {
    const res = await fetchFn(`${base}${path}`, { headers: headers() });
    const text = await res.text();
    if (!res.ok) throw new Error(messageOf(text) ?? `GET ${path} failed with ${res.status}`);
    return JSON.parse(text) as T;
  }
  const signing = (instanceId: string, taskId: string, language: string) => get<{ signeeStates?: SigneeStateInfo[]; signeeProviderId?: unknown }>(`instances/${instanceId}/signing?taskId=${enc(taskId)}&language=${enc(language)}`);
  return {
    signees: async (instanceId: string, taskId: string, language: string) => (await signing(instanceId, taskId, language)).signeeStates ?? [],
    /** The signee states and, from the preview runtime, the C# signee provider the task names (which it cannot run). */
    signeesWithProvider: async (instanceId: string, taskId: string, language: string): Promise<{ signees: SigneeStateInfo[]; signeeProviderId: string | null }> => {
      const answer = await signing(instanceId, taskId, language);
      return { signees: answer.signeeStates ?? [], signeeProviderId: typeof answer.signeeProviderId === 'string' ? answer.signeeProviderId : null };
    },
    documents: async (instanceId: string, taskId: string) => (await get<{ dataElements?: SigningDocumentInfo[] }>(`instances/${instanceId}/signing/data-elements?taskId=${enc(taskId)}`)).dataElements ?? [],
    userPartyId: async () => String((await get<{ partyId?: number | string }>('api/v1/profile/user')).partyId ?? ''),
    documentHref: (instanceId: string, elementId: string) => `${base}instances/${instanceId}/data/${enc(elementId)}`,
    /** The `sign` action; refusals (403 not allowed, 409 signed already) come back with the server's message. */
    sign: async (instanceId: string, language: string): Promise<ActionResult> => {
      const res = await fetchFn(`${base}instances/${instanceId}/actions?language=${enc(language)}`, { method: 'POST', headers: { ...headers(), 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'sign' }) });
      if (res.ok) return { ok: true };
      const text = await res.text();
      return { ok: false, status: res.status, code: codeOf(text), message: messageOf(text) ?? `Signing failed with ${res.status}` };
    },
  };
}

export type SigningApi = ReturnType<typeof createSigningApi>;

function parsed(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The message of a refusal: the action error's, else the runtime's `message`. */
export function messageOf(text: string): string | null {
  const body = parsed(text);
  const error = body?.error as { message?: unknown } | null | undefined;
  if (typeof error?.message === 'string') return error.message;
  return typeof body?.message === 'string' ? body.message : null;
}

function codeOf(text: string): string | null {
  const error = parsed(text)?.error as { code?: unknown } | null | undefined;
  return typeof error?.code === 'string' ? error.code : null;
}

let pageApi: SigningApi | null = null;

/** The signing API of the page the form app runs on (its app base and the preview's token). */
export function pageSigningApi(): SigningApi {
  if (pageApi) return pageApi;
  const location = appLocationOf(window.location.pathname);
  let token: string | null = new URL(window.location.href).searchParams.get('token');
  try {
    token ??= window.sessionStorage.getItem('studio-preview.token');
  } catch {
    // Storage refused to a cross-site frame: the calls go without a token.
  }
  pageApi = createSigningApi(location?.base ?? '/', undefined, token);
  return pageApi;
}
