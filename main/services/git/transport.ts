/**
 * git: what every remote operation shares — the HTTP client (with cancel), credentials through
 * onAuth, and progress reports.
 */
import git, { type AuthCallback, type AuthFailureCallback, type GitProgressEvent, type HttpClient } from 'isomorphic-git';
import nodeHttp from 'isomorphic-git/http/node';
import { Cancelled } from './errors';

/** A username and an access token (the token is the password for HTTP basic auth). */
export interface Credentials {
  username: string;
  token: string;
}

/** A progress report: the phase isomorphic-git is in and how far it is (total 0 when unknown). */
export interface Progress {
  phase: string;
  loaded: number;
  total: number;
}

/** Throws Cancelled when the caller has cancelled (for the end of an operation whose last steps need no HTTP). */
export function throwIfCancelled(signal: RemoteOptions['signal'], operation: string): void {
  if (signal?.aborted) throw new Cancelled(operation);
}

/** What a caller may pass to any remote operation. */
export interface RemoteOptions {
  credentials?: Credentials;
  onProgress?: (progress: Progress) => void;
  /** Set `aborted` (an AbortSignal does) to cancel; the operation then throws Cancelled. */
  signal?: { readonly aborted: boolean };
}

/** The HTTP client, checking the cancel flag before each request and between response chunks. */
export function cancellableHttp(signal: RemoteOptions['signal'], operation: string): HttpClient {
  const check = () => throwIfCancelled(signal, operation);
  return {
    async request(request) {
      check();
      const response = await nodeHttp.request(request);
      const body = response.body;
      if (!body || !signal) return response;
      async function* guarded() {
        for await (const chunk of body as AsyncIterable<Uint8Array>) {
          check();
          yield chunk;
        }
      }
      return { ...response, body: guarded() };
    },
  };
}

/** The isomorphic-git options for credentials, http and progress of one remote operation. */
export function remoteOptions(options: RemoteOptions, operation: string) {
  const credentials = options.credentials;
  const onAuth: AuthCallback | undefined = credentials ? () => ({ username: credentials.username, password: credentials.token }) : undefined;
  // A second 401 means the credentials are wrong: stop asking instead of looping.
  const onAuthFailure: AuthFailureCallback = () => ({ cancel: true });
  const signal = options.signal;
  // Never throw from here: isomorphic-git does not await every progress call (a throw would be an
  // unhandled rejection). Cancelling is the HTTP client's job, and the operation's check when it ends.
  const onProgress = options.onProgress
    ? (event: GitProgressEvent) => {
        if (!signal?.aborted) options.onProgress?.({ phase: event.phase, loaded: event.loaded, total: event.total ?? 0 });
      }
    : undefined;
  return { http: cancellableHttp(signal, operation), onAuth, onAuthFailure, onProgress };
}

/** The URL of a remote, or undefined when there is none of that name. */
export async function remoteUrl(fs: typeof import('node:fs'), dir: string, remote: string): Promise<string | undefined> {
  const value = await git.getConfig({ fs, dir, path: `remote.${remote}.url` });
  return typeof value === 'string' ? value : undefined;
}
