import { StudioError, type RequestChannel } from '../../core/api';
import { unwrapEnvelope } from './envelope';

export interface WebInvokeOptions {
  /** The host's origin, e.g. http://127.0.0.1:4000. */
  readonly origin: string;
  readonly token: string | null;
  readonly fetch: typeof fetch;
}

/**
 * Sends requests to the browser host: POST /api/invoke/<channel> with the arguments as JSON.
 * The host answers every request (also 401/403/413) with an envelope.
 */
export function createWebInvoke(options: WebInvokeOptions): (channel: RequestChannel, args: unknown) => Promise<unknown> {
  return async (channel, args) => {
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
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new StudioError('io', `The studio host answered ${response.status} ${response.statusText} without a studio response. Reload the page.`);
    }
    return unwrapEnvelope(body, channel);
  };
}
