/**
 * What `app://studio/...` serves: files under the built renderer folder and nothing else.
 * Pure Node (no Electron import) so the path rules and headers are unit-tested directly.
 */
import { readFile, stat } from 'node:fs/promises';
import { contentSecurityPolicy, contentTypeFor, resolveRendererPath } from '../services/rendererAssets';
import { isAppUrl } from './appOrigin';

/** The Content-Security-Policy of every app:// response. */
export const studioCsp = contentSecurityPolicy();

/** The headers every response of the app protocol carries, errors included. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': studioCsp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

/** Maps an `app://studio/...` URL to a file under `root`, or null when the URL is not ours or leaves `root`. */
export function resolveAppPath(rawUrl: string, root: string): string | null {
  if (!isAppUrl(rawUrl)) return null;
  return resolveRendererPath(/^[a-z][a-z0-9+.-]*:\/\/[^/?#\\]*([^?#]*)/i.exec(rawUrl)?.[1] ?? '', root);
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * Answers one request of the app protocol from the files under `root`: 200 with the file, 404 for
 * anything not ours, outside `root`, missing or of a type not on the allow-list, 405 for non-GET.
 */
export async function serveAppFile(request: { readonly url: string; readonly method: string }, root: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const file = resolveAppPath(request.url, root);
  const type = file === null ? null : contentTypeFor(file);
  if (file === null || type === null) return plain(404, 'Not found');
  try {
    // The packaged renderer is our own build output inside the asar, so there are no symlinks to follow out.
    if (!(await stat(file)).isFile()) return plain(404, 'Not found');
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, { status: 200, headers: { ...securityHeaders(), 'Content-Type': type } });
  } catch {
    return plain(404, 'Not found');
  }
}
