import { StudioError, type RequestChannel } from '../../core/api';
import { unwrapEnvelope } from './envelope';

export interface WebInvokeOptions {
  /** The host's origin, e.g. http://127.0.0.1:4000. */
  readonly origin: string;
  readonly token: string | null;
  readonly fetch: typeof fetch;
  /**
   * Sends a request whose arguments carry a large text off the page's main thread (a worker, see
   * offThreadInvoke.ts) and resolves with the host's raw answer; null when it cannot, and the
   * request then goes from the page.
   */
  readonly offThread?: (channel: RequestChannel, args: unknown) => Promise<unknown> | null;
}

/** A text of this many characters or more is sent from a worker: the page would spend 50–150 ms in fetch for 5 MB. */
export const largeTextChars = 256 * 1024;

/** True when `args` hold a string of `largeTextChars` or more (looked for a few levels deep, as in { changes: [{ text }] }). */
export function carriesLargeText(args: unknown, depth = 4): boolean {
  if (typeof args === 'string') return args.length >= largeTextChars;
  if (depth === 0 || typeof args !== 'object' || args === null) return false;
  const values = Array.isArray(args) ? args : Object.values(args);
  return values.some((value) => carriesLargeText(value, depth - 1));
}

/**
 * Posts one request to the browser host (POST /api/invoke/<channel>, the arguments as JSON) and
 * resolves with the host's answer as sent: an envelope, also for 401/403/413. Runs in the page and
 * in the invoke worker.
 */
export async function postInvoke(options: Pick<WebInvokeOptions, 'origin' | 'token' | 'fetch'>, channel: RequestChannel, args: unknown): Promise<unknown> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (options.token) headers['X-Studio-Token'] = options.token;
  let response: Response;
  try {
    response = await options.fetch(`${options.origin}/api/invoke/${channel}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(args ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    throw new StudioError(
      'io',
      `The studio host at ${options.origin} does not answer. Check that \`studio serve\` is still running, then try again.`,
    );
  }
  try {
    return await response.json();
  } catch {
    throw new StudioError('io', `The studio host answered ${response.status} ${response.statusText} without a studio response. Reload the page.`);
  }
}

/** Sends requests to the browser host; an answer that is an error becomes a thrown StudioError. */
export function createWebInvoke(options: WebInvokeOptions): (channel: RequestChannel, args: unknown) => Promise<unknown> {
  return async (channel, args) => {
    const away = carriesLargeText(args) ? (options.offThread?.(channel, args) ?? null) : null;
    return unwrapEnvelope(await (away ?? postInvoke(options, channel, args)), channel);
  };
}
