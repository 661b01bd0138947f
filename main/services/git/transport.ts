/**
 * git: what every remote operation shares — the HTTP client (with cancel), credentials through
 * onAuth, and progress reports.
 */
import git, { type AuthCallback, type AuthFailureCallback, type GitProgressEvent, type HttpClient } from 'isomorphic-git';
import nodeHttp from 'isomorphic-git/http/node';
import { Cancelled, NetworkFailed } from './errors';

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
  /** Give up (NetworkFailed) when the server sends nothing for this long; default one minute. */
  idleTimeoutMs?: number;
}

/** A remote that sends nothing for this long is given up on (the request's socket is closed). */
export const defaultIdleTimeoutMs = 60_000;

/**
 * The HTTP client: each request gets its own AbortController, aborted when the caller cancels or
 * when the server sends nothing for `idleTimeoutMs`, so a dead connection cannot hang an operation.
 */
export function cancellableHttp(signal: RemoteOptions['signal'], operation: string, idleTimeoutMs = defaultIdleTimeoutMs): HttpClient {
  return {
    async request(request) {
      throwIfCancelled(signal, operation);
      const controller = new AbortController();
      let timedOut = false;
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, idleTimeoutMs);
        timer.unref();
      };
      const onCancel = () => controller.abort();
      const events = signal as Partial<AbortSignal> | undefined;
      events?.addEventListener?.('abort', onCancel, { once: true });
      const settle = () => {
        clearTimeout(timer);
        events?.removeEventListener?.('abort', onCancel);
      };
      const failure = (error: unknown) => {
        if (signal?.aborted) return new Cancelled(operation);
        if (timedOut) return new NetworkFailed(request.url, `the server sent nothing for ${Math.round(idleTimeoutMs / 1000)} s`);
        return error;
      };
      arm();
      let response: Awaited<ReturnType<HttpClient['request']>>;
      try {
        response = await nodeHttp.request({ ...request, signal: controller.signal });
      } catch (error) {
        settle();
        throw failure(error);
      }
      const body = response.body;
      if (!body) {
        settle();
        return response;
      }
      async function* guarded() {
        try {
          for await (const chunk of body as AsyncIterable<Uint8Array>) {
            throwIfCancelled(signal, operation);
            arm();
            yield chunk;
          }
        } catch (error) {
          throw failure(error);
        } finally {
          settle();
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
  return { http: cancellableHttp(signal, operation, options.idleTimeoutMs), onAuth, onAuthFailure, onProgress };
}

/** The URL of a remote, or undefined when there is none of that name. */
export async function remoteUrl(fs: typeof import('node:fs'), dir: string, remote: string): Promise<string | undefined> {
  const value = await git.getConfig({ fs, dir, path: `remote.${remote}.url` });
  return typeof value === 'string' ? value : undefined;
}
