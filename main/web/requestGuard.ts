import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Name of the cookie that keeps the token after the first page load; one per port, as cookies ignore ports. */
export function tokenCookieName(port: number): string {
  return `studio-token-${port}`;
}

/** Hosts a browser may use to reach this server; anything else is DNS rebinding or a proxy. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** Origins allowed to call the API: this server's own. */
export function allowedOrigins(port: number): Set<string> {
  return new Set([...allowedHosts(port)].map((h) => `http://${h}`));
}

/** Compares two tokens in constant time. */
export function tokensEqual(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** The token a request carries: header, query (first page load, sockets) or the cookie. */
export function tokenOf(req: IncomingMessage, url: URL, port: number): string | undefined {
  const header = req.headers['x-studio-token'];
  if (typeof header === 'string') return header;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length);
  return url.searchParams.get('token') ?? cookieValue(req.headers.cookie, tokenCookieName(port));
}

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; message: string };

/** Decides whether a request (or socket upgrade) may reach the studio: Host, Origin, then token. */
export function guardRequest(req: IncomingMessage, url: URL, port: number, token: string): GuardVerdict {
  const host = req.headers.host ?? '';
  if (!allowedHosts(port).has(host.toLowerCase())) {
    return { ok: false, status: 403, message: `Host "${host}" is not this studio; use http://127.0.0.1:${port}/` };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins(port).has(origin.toLowerCase())) {
    return { ok: false, status: 403, message: `Requests from ${origin} are not allowed` };
  }
  if (!tokensEqual(tokenOf(req, url, port), token)) {
    return {
      ok: false,
      status: 401,
      message: 'Missing or wrong studio token. Open the address that `studio serve` printed (it ends in ?token=…).',
    };
  }
  return { ok: true };
}
