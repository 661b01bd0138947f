/**
 * The preview host's guard: the same rules as the studio's browser host (main/web/requestGuard), kept
 * here because the runtime may not import main/. A random token on every request (query on the first
 * load, then a cookie), and Host/Origin allow-lists against DNS rebinding.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The token cookie; one name per port, because cookies ignore ports and the studio has its own. */
export function previewCookieName(port: number): string {
  return `preview-token-${port}`;
}

function hostsOf(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type PreviewVerdict = { ok: true } | { ok: false; status: 401 | 403; message: string };

/** Decides whether a request may reach the preview: Host, Origin, then the token (null: no token needed). */
export function guardPreviewRequest(req: IncomingMessage, url: URL, port: number, token: string | null): PreviewVerdict {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!hostsOf(port).has(host)) return { ok: false, status: 403, message: `Host "${host}" is not this preview; use http://127.0.0.1:${port}/` };
  const origin = req.headers.origin?.toLowerCase();
  if (origin !== undefined && ![...hostsOf(port)].some((h) => origin === `http://${h}`)) {
    return { ok: false, status: 403, message: `Requests from ${origin} are not allowed` };
  }
  if (token === null) return { ok: true };
  const header = req.headers['x-preview-token'];
  const given = typeof header === 'string' ? header : (url.searchParams.get('token') ?? cookieValue(req.headers.cookie, previewCookieName(port)));
  if (!sameToken(given, token)) return { ok: false, status: 401, message: 'Missing or wrong preview token. Open the preview from the studio or the address `studio preview` printed.' };
  return { ok: true };
}
