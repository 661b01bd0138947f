/**
 * The session a login leaves behind, as Altinn keeps it: a sliding idle timeout (default 30 minutes)
 * renewed as the person uses the app, within an absolute lifetime from the login (default 12 hours),
 * after which they must log in again. The session lives only in its cookie (encrypted with the host's
 * secret, cookies.ts), so every replica reads and renews what another wrote.
 *
 * This is the one place that makes, reads, renews and clears the session cookie.
 */
import type { IncomingMessage } from 'node:http';
import { areLoginIds } from '../people';
import { CookieKeys, type HostSecret, cookieValues, serializeCookie } from './cookies';

/** The session cookie's name. */
export const sessionCookie = 'studio-session';

/** How long sessions last. */
export interface SessionOptions {
  /** Seconds without use after which the session ends. Default 1800 (Altinn's 30 minutes). */
  readonly idleSeconds?: number;
  /** Seconds from the login after which the session ends however much it is used. Default 43200 (12 hours). */
  readonly maxSeconds?: number;
}

/** Who logged in, as the session keeps it. */
export interface SessionPerson {
  readonly sub: string;
  readonly pid: string;
  readonly name?: string;
  /** The login's `given_name` and `family_name`, when it gave them. */
  readonly gn?: string;
  readonly fn?: string;
  readonly lvl: number | null;
  /** The ID token, as `id_token_hint` for the provider's logout. */
  readonly idt?: string;
  /**
   * For a person the people registry did not know at the login: the user id and party id the host
   * assigned to their pid (people.ts `loginIds`), so no request needs the database to find them.
   */
  readonly uid?: number;
  readonly pty?: string;
}

/** What the session cookie carries (encrypted: the person's own browser holds it, and cannot read or change it). */
export interface SessionPayload extends SessionPerson {
  /** 3 since sessions carry assigned ids (`uid`, `pty`); a session of an earlier version is no session. */
  readonly v: 3;
  /** When the person logged in (seconds): the absolute lifetime counts from here. */
  readonly auth: number;
  /** When this cookie was issued (seconds): the idle window counts from here. */
  readonly iat: number;
  /** When this cookie's session ends unless renewed (seconds). */
  readonly exp: number;
}

/** The allowed clock difference between replicas, in seconds. */
const skewSeconds = 60;

function isSessionPayload(v: unknown): v is SessionPayload {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return (
    s.v === 3 &&
    typeof s.sub === 'string' &&
    typeof s.pid === 'string' &&
    (s.name === undefined || typeof s.name === 'string') &&
    (s.gn === undefined || typeof s.gn === 'string') &&
    (s.fn === undefined || typeof s.fn === 'string') &&
    (s.lvl === null || typeof s.lvl === 'number') &&
    (s.idt === undefined || typeof s.idt === 'string') &&
    ((s.uid === undefined && s.pty === undefined) || (typeof s.uid === 'number' && typeof s.pty === 'string' && areLoginIds({ userId: s.uid, partyId: s.pty }))) &&
    typeof s.auth === 'number' &&
    typeof s.iat === 'number' &&
    typeof s.exp === 'number'
  );
}

function seconds(value: number | undefined, fallback: number, what: string): number {
  const result = value ?? fallback;
  if (!Number.isFinite(result) || result <= 0) throw new Error(`The session's ${what} must be a positive number of seconds, not ${String(value)}`);
  return result;
}

/** The session cookie of one host: issued at login, read on every request, renewed on use, cleared at logout. */
export class SessionCookies {
  private readonly keys: CookieKeys;
  readonly idleSeconds: number;
  readonly maxSeconds: number;

  constructor(
    secrets: readonly HostSecret[],
    options: SessionOptions,
    private readonly context: { readonly now: () => number; readonly secure: boolean },
  ) {
    this.keys = new CookieKeys(secrets, 'session');
    this.idleSeconds = seconds(options.idleSeconds, 1800, 'idle timeout');
    this.maxSeconds = seconds(options.maxSeconds, 12 * 3600, 'maximum lifetime');
  }

  private nowSeconds(): number {
    return Math.floor(this.context.now() / 1000);
  }

  /** When a session ends unless renewed: its cookie's expiry, within this host's idle timeout and absolute lifetime. */
  private endOf(session: SessionPayload): number {
    return Math.min(session.exp, session.iat + this.idleSeconds, session.auth + this.maxSeconds);
  }

  /** The Set-Cookie header of a session for `person` who logged in at `auth` (seconds; default now), issued now. */
  private cookie(person: SessionPerson, auth: number): string {
    const now = this.nowSeconds();
    const exp = Math.min(now + this.idleSeconds, auth + this.maxSeconds);
    const { sub, pid, name, gn, fn, lvl, idt, uid, pty } = person;
    const ids = uid !== undefined && pty !== undefined ? { uid, pty } : {};
    const payload: SessionPayload = { v: 3, sub, pid, ...(name !== undefined ? { name } : {}), ...(gn !== undefined ? { gn } : {}), ...(fn !== undefined ? { fn } : {}), lvl, ...(idt !== undefined ? { idt } : {}), ...ids, auth, iat: now, exp };
    return serializeCookie(sessionCookie, this.keys.seal(payload), { path: '/', maxAge: exp - now, secure: this.context.secure });
  }

  /** The Set-Cookie header that starts a session for `person`, who just logged in. */
  start(person: SessionPerson): string {
    return this.cookie(person, this.nowSeconds());
  }

  /** The Set-Cookie header that ends the session. */
  clear(): string {
    return serializeCookie(sessionCookie, '', { path: '/', maxAge: 0, secure: this.context.secure });
  }

  /**
   * The valid session of the request: the first session cookie that opens with one of the host's
   * secrets and has not ended (idle or absolute). Anything else (altered, another host's, expired,
   * not one at all) is no session.
   */
  read(req: Pick<IncomingMessage, 'headers'>): SessionPayload | null {
    const now = this.nowSeconds();
    for (const value of cookieValues(req.headers, sessionCookie)) {
      const payload = this.keys.open(value);
      if (isSessionPayload(payload) && payload.auth <= payload.iat && payload.iat <= now + skewSeconds && now < this.endOf(payload)) return payload;
    }
    return null;
  }

  /**
   * The Set-Cookie header renewing the request's session when more than half of its idle window has
   * passed (Altinn's rule): a new expiry a full idle timeout from now, never past the absolute
   * lifetime. Null when there is no valid session, it is not due, or it cannot be extended.
   */
  renewal(req: Pick<IncomingMessage, 'headers'>): string | null {
    const session = this.read(req);
    if (!session) return null;
    const now = this.nowSeconds();
    if (now - session.iat <= this.idleSeconds / 2) return null;
    if (Math.min(now + this.idleSeconds, session.auth + this.maxSeconds) <= this.endOf(session)) return null;
    return this.cookie(session, session.auth);
  }
}
