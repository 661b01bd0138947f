/**
 * End-user authentication for the deployed runtime host: people log in with OpenID Connect (as with
 * ID-porten, see login.ts), systems send Maskinporten-style bearer tokens (machine.ts), and both
 * become the RuntimeUser the app handler's policy checks use. No credentials → no user: the app
 * handler decides (an app that allows anonymous stateless use still serves those pages).
 *
 * For the host:
 * ```ts
 * const auth = createAuth({ secret, people, login: { issuer, clientId, clientSecret, redirectUrl }, machine: { issuer, audience, scopes } });
 * // optional: session: { idleSeconds: 1800, maxSeconds: 43200 }, previousSecrets: [oldSecret]
 * await auth.ready();                                   // optional: load discovery and keys at start (readiness)
 * auth.useIdAssigner(assign);                          // startAppHost does: ids for persons the people registry does not know
 * const handler = createAppHandler({ …, userOf: auth.userOf });
 * // per request, before the app handler:
 * if (await auth.handle(req, res, url)) return;         // login/callback/logout answered, or a bad bearer token refused (401)
 * handler(req, res);
 * ```
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RuntimeUser } from '../services';
import type { HostSecret } from './cookies';
import { type Fetch, Issuer } from './issuer';
import { type LoginOptions, OidcLogin, type PersonIdAssigner } from './login';
import { type BearerResult, MachineClients, type MachineOptions, bearerToken } from './machine';
import type { SessionOptions } from './session';
import type { PeopleSource } from './users';

export { type LoginOptions, type PersonIdAssigner, loginStateCookiePrefix, safeReturnTo } from './login';
export { type SessionOptions, sessionCookie } from './session';
export { type MachineOptions, bearerToken, verifyMachineToken } from './machine';
export { type PeopleSource, consumerOrgNumber, levelOfAcr, organisationUser, personUser } from './users';
export { KeySet, TokenError, checkClaims, decodeJwt, verifySignature } from './jwt';

export interface AuthOptions {
  /** The host's secret for the session and login-state cookies: at least 32 bytes, the same on every replica. */
  readonly secret: HostSecret;
  /**
   * Secrets used before `secret`, still accepted for reading cookies (new ones are made with `secret`):
   * put the old secret here when rotating, and drop it once its sessions have ended (the maximum lifetime).
   */
  readonly previousSecrets?: readonly HostSecret[];
  /** How long sessions last: idle timeout (default 30 minutes, renewed on use) and absolute lifetime from login (default 12 hours). */
  readonly session?: SessionOptions;
  /** Persons, organisations and roles (people.ts), or a function giving the current registry. */
  readonly people: PeopleSource;
  /** End-user login (ID-porten style); absent: no login routes, no sessions. */
  readonly login?: LoginOptions;
  /** Machine clients (Maskinporten style); absent: bearer tokens are refused. */
  readonly machine?: MachineOptions;
  /** Whether cookies get `Secure`. Default: when login.redirectUrl is https. */
  readonly secureCookies?: boolean;
  /** For tests: the HTTP client and the clock (milliseconds). */
  readonly fetch?: Fetch;
  readonly now?: () => number;
}

export interface Auth {
  /**
   * Who the request is, for `createAppHandler({ userOf })`: a machine client's organisation when the
   * request carries a valid bearer token (an invalid one: null, never the session's person), else the
   * person of a valid session cookie, else null. Synchronous: uses the keys already loaded
   * (by `ready`, or by `handle` for this very request).
   */
  readonly userOf: (req: IncomingMessage) => RuntimeUser | null;
  /** The person of a valid, unexpired session cookie, or null (bearer tokens are not looked at). */
  readonly userFromSession: (req: Pick<IncomingMessage, 'headers'>) => RuntimeUser | null;
  /**
   * Call first for every request. Answers `…/auth/login`, the callback (the redirect URL's path),
   * `…/auth/logout` and `…/auth/session` (true); renews a session cookie due for it on the app API's
   * answers (Set-Cookie on `res`); refuses a request with a bearer token that does not verify with 401 and
   * `WWW-Authenticate` (true; 503 when the issuer's keys cannot be had); otherwise returns false after
   * checking any bearer token (fetching the issuer's keys when needed), so `userOf` answers for it.
   */
  readonly handle: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
  /** Who the request is, loading keys as needed (what `handle` uses); the refusal reason for a bad bearer token. */
  readonly authenticate: (req: IncomingMessage) => Promise<{ readonly user: RuntimeUser | null; readonly refused?: { readonly status: 401 | 503; readonly reason: string } }>;
  /** Loads the providers' discovery documents and keys; rejects when one cannot be loaded. */
  readonly ready: () => Promise<void>;
  /**
   * Who gives a person the people registry does not know their user id and party id, at the login
   * (the runtime host's database: startAppHost calls this with it). Without one such a person cannot
   * log in: the login answers 403 rather than make ids from the national identity number.
   */
  readonly useIdAssigner: (assign: PersonIdAssigner | null) => void;
}

/** Builds the host's authentication from its configuration. */
export function createAuth(options: AuthOptions): Auth {
  const now = options.now ?? Date.now;
  const fetchImpl = options.fetch ?? fetch;
  const secrets = [options.secret, ...(options.previousSecrets ?? [])];
  const login = options.login ? new OidcLogin(options.login, { secrets, session: options.session, people: options.people, fetch: fetchImpl, now, secureCookies: options.secureCookies }) : null;
  const machineIssuer = options.machine ? (login && login.provider.issuer === options.machine.issuer ? login.provider : new Issuer(options.machine.issuer, fetchImpl, now)) : null;
  const machine = options.machine && machineIssuer ? new MachineClients(options.machine, machineIssuer, options.people, now) : null;
  // What `handle` found for a request, so the synchronous `userOf` gives the same answer.
  const checked = new WeakMap<IncomingMessage, BearerResult>();

  const noMachine: BearerResult = { ok: false, reason: 'This host accepts no bearer tokens', status: 401 };

  const userFromSession = (req: Pick<IncomingMessage, 'headers'>) => login?.userFromSession(req) ?? null;

  const userOf = (req: IncomingMessage): RuntimeUser | null => {
    const token = bearerToken(req.headers);
    if (token === null) return userFromSession(req);
    const result = checked.get(req) ?? (machine && token ? machine.verifyCached(token) : noMachine);
    return result.ok ? result.user : null;
  };

  const authenticate: Auth['authenticate'] = async (req) => {
    const token = bearerToken(req.headers);
    if (token === null) return { user: userFromSession(req) };
    const result = !token ? { ok: false as const, reason: 'The Authorization header is not "Bearer <token>"', status: 401 as const } : machine ? await machine.verify(token) : noMachine;
    checked.set(req, result);
    return result.ok ? { user: result.user } : { user: null, refused: { status: result.status, reason: result.reason } };
  };

  const handle: Auth['handle'] = async (req, res, url) => {
    if (login && (await login.handle(req, res, url))) return true;
    if (bearerToken(req.headers) === null) return false;
    const { refused } = await authenticate(req);
    if (!refused) return false;
    const description = refused.reason.replace(/["\\\r\n]/g, ' ');
    const body = JSON.stringify({ status: refused.status, message: refused.reason });
    res
      .writeHead(refused.status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        ...(refused.status === 401 ? { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${description}"` } : {}),
      })
      .end(body);
    return true;
  };

  const ready = async () => {
    await Promise.all([login?.provider.keys(), machineIssuer?.keys()]);
  };

  const useIdAssigner = (assign: PersonIdAssigner | null) => {
    if (login) login.assignIds = assign;
  };

  return { userOf, userFromSession, handle, authenticate, ready, useIdAssigner };
}
