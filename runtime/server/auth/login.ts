/**
 * End-user login with OpenID Connect, as ID-porten does it: the authorization code flow with PKCE
 * (S256), `state` against cross-site request forgery and `nonce` against ID-token replay, the ID token
 * verified against the provider's published keys, then a session cookie of the host's own.
 *
 * Routes (GET): `/{org}/{app}/auth/login?returnTo=/path` (or `/auth/login`) sends the browser to the
 * provider; the configured redirect URL's path (e.g. `/auth/callback`) receives the code; `…/auth/session`
 * says who is logged in (for the form app's header); `…/auth/logout`
 * ends the session (and, when the provider offers it, the provider's session too).
 *
 * Nothing is kept in memory between the steps: the login state (PKCE verifier, state, nonce, return
 * path) travels in an encrypted, httpOnly, SameSite=Lax cookie scoped to the callback path, one per
 * login attempt, so any replica behind a load balancer completes a login another one started. The
 * session is an encrypted cookie too (session.ts), renewed as the person uses the app.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoginIds } from '../people';
import type { RuntimeUser } from '../services';
import { CookieKeys, type HostSecret, cookieValues, serializeCookie } from './cookies';
import { type Fetch, Issuer, ProviderError, fetchJson } from './issuer';
import { TokenError, checkClaims, decodeJwt, supportedAlgorithms, verifySignature } from './jwt';
import { bearerToken } from './machine';
import { type SessionOptions, type SessionPerson, SessionCookies } from './session';
import { type PeopleSource, levelOfAcr, peopleOf, personUser } from './users';

export { sessionCookie } from './session';

/** The host's registration at the OpenID provider (ID-porten's "integrasjon"). */
export interface LoginOptions {
  /** The provider's issuer identifier, e.g. `https://idporten.no`; discovery is read from `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: string;
  readonly clientId: string;
  /** The client secret; absent: a public client (PKCE alone, `client_id` in the token request). */
  readonly clientSecret?: string;
  /** How the secret is sent to the token endpoint. Default `client_secret_basic`. */
  readonly tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
  /** The registered redirect URL, e.g. `https://apps.example.no/auth/callback`; its path is the callback route. */
  readonly redirectUrl: string;
  /** Scopes asked for. Default `openid profile` (ID-porten gives `pid` with `openid`). */
  readonly scope?: string;
  /** `acr_values` asked for, e.g. `idporten-loa-substantial`; absent: the provider's default. */
  readonly acrValues?: string;
  /** Where the provider sends the browser after logout (registered at the provider); absent: the provider's logout is skipped. */
  readonly postLogoutRedirectUrl?: string;
}

/**
 * Gives a person the people registry does not know the user id and party id they have here (people.ts
 * `loginIds`): the same for the same pid at every login and on every replica, and revealing nothing
 * about it. The runtime host's database does this (host/personIds.ts).
 */
export type PersonIdAssigner = (pid: string) => Promise<LoginIds>;

/** What the login needs from its surroundings. */
export interface LoginContext {
  /** The current secret first, then previous ones still accepted for reading. */
  readonly secrets: readonly HostSecret[];
  /** How long sessions last (idle timeout, absolute lifetime). */
  readonly session?: SessionOptions;
  readonly people: PeopleSource;
  readonly fetch: Fetch;
  readonly now: () => number;
  /** Whether cookies get `Secure`. Default: when the redirect URL is https. */
  readonly secureCookies?: boolean;
}

/** The prefix of the login-state cookies (one per login attempt, named by its state). */
export const loginStateCookiePrefix = 'studio-login.';

const loginStateSeconds = 600;

/**
 * Requests by which a person uses an app, and so renew their session: the app API (`…/api/`,
 * `…/instances`, `…/v1/`, whose answers are never stored by caches). Not the form app's own files:
 * a shared cache must never keep someone's session cookie with those.
 */
const appApiPath = /^\/[^/]+\/[^/]+\/(?:api|instances|v1)(?:\/|$)/i;

interface LoginState {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  readonly returnTo: string;
  readonly exp: number;
}

const random = () => randomBytes(32).toString('base64url');

/** `returnTo` when it is a path on this host (not `//other`, not `/\other`, no scheme), else `fallback`. */
export function safeReturnTo(returnTo: string | null, fallback: string): string {
  if (!returnTo || !returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.startsWith('/\\')) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\\]/.test(returnTo)) return fallback;
  try {
    const resolved = new URL(returnTo, 'http://host.invalid');
    return resolved.host === 'host.invalid' ? `${resolved.pathname}${resolved.search}${resolved.hash}` : fallback;
  } catch {
    return fallback;
  }
}

function isLoginState(v: unknown): v is LoginState {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return typeof s.state === 'string' && typeof s.nonce === 'string' && typeof s.verifier === 'string' && typeof s.returnTo === 'string' && typeof s.exp === 'number';
}

function sendText(res: ServerResponse, status: number, text: string, cookies: string[] = []): void {
  res
    .writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...(cookies.length > 0 ? { 'Set-Cookie': cookies } : {}) })
    .end(text);
}

function redirect(res: ServerResponse, location: string, cookies: string[] = []): void {
  res.writeHead(303, { Location: location, 'Cache-Control': 'no-store', ...(cookies.length > 0 ? { 'Set-Cookie': cookies } : {}) }).end();
}

/** The login routes and the session they leave behind. */
export class OidcLogin {
  readonly provider: Issuer;
  readonly sessions: SessionCookies;
  /** Who numbers persons the registry does not know; none: they cannot log in (`Auth.useIdAssigner`). */
  assignIds: PersonIdAssigner | null = null;
  private readonly stateKeys: CookieKeys;
  private readonly callbackPath: string;
  private readonly secure: boolean;

  constructor(
    private readonly options: LoginOptions,
    private readonly context: LoginContext,
  ) {
    this.provider = new Issuer(options.issuer, context.fetch, context.now);
    this.stateKeys = new CookieKeys(context.secrets, 'login-state');
    const redirectUrl = new URL(options.redirectUrl);
    this.callbackPath = redirectUrl.pathname;
    this.secure = context.secureCookies ?? redirectUrl.protocol === 'https:';
    this.sessions = new SessionCookies(context.secrets, context.session ?? {}, { now: context.now, secure: this.secure });
  }

  /** The user of a valid, unexpired session cookie on the request, or null. */
  userFromSession(req: Pick<IncomingMessage, 'headers'>): RuntimeUser | null {
    const session = this.sessions.read(req);
    if (!session) return null;
    const ids = session.uid !== undefined && session.pty !== undefined ? { ids: { userId: session.uid, partyId: session.pty } } : {};
    return personUser(peopleOf(this.context.people), { pid: session.pid, level: session.lvl, name: session.name, givenName: session.gn, familyName: session.fn, ...ids });
  }

  /**
   * Answers the login, callback, logout and session routes; false for any other path. A request to
   * the app API with a session due for renewal (session.ts) gets the renewed cookie on its answer.
   */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    if (path === this.callbackPath) {
      if (!this.allowMethod(req, res, ['GET'])) return true;
      await this.callback(url, req, res);
      return true;
    }
    const match = /^(?:\/([^/]+)\/([^/]+))?\/auth\/(login|logout|session)\/?$/.exec(path);
    if (!match) {
      // A request with a bearer token is the machine client's, whatever cookies it carries.
      const renewed = appApiPath.test(path) && bearerToken(req.headers) === null ? this.sessions.renewal(req) : null;
      if (renewed) res.appendHeader('Set-Cookie', renewed);
      return false;
    }
    const appBase = match[1] && match[2] ? `/${match[1]}/${match[2]}/` : '/';
    if (match[3] === 'session') {
      if (!this.allowMethod(req, res, ['GET'])) return true;
      // What the form app shows in its header and where it sends a person who must log in (asking counts as use).
      const user = this.userFromSession(req);
      const renewed = this.sessions.renewal(req);
      const body = { user: user ? { name: user.name } : null, login: `${appBase}auth/login`, logout: `${appBase}auth/logout` };
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...(renewed ? { 'Set-Cookie': [renewed] } : {}) }).end(JSON.stringify(body));
      return true;
    }
    const returnTo = safeReturnTo(url.searchParams.get('returnTo'), appBase);
    if (match[3] === 'login') {
      if (!this.allowMethod(req, res, ['GET'])) return true;
      await this.login(res, returnTo);
    } else {
      if (!this.allowMethod(req, res, ['GET', 'POST'])) return true;
      await this.logout(req, res, returnTo);
    }
    return true;
  }

  private allowMethod(req: IncomingMessage, res: ServerResponse, methods: string[]): boolean {
    const method = req.method ?? 'GET';
    if (methods.includes(method) || (method === 'HEAD' && methods.includes('GET'))) return true;
    res.writeHead(405, { Allow: methods.join(', '), 'Content-Type': 'text/plain; charset=utf-8' }).end(`${method} is not allowed here; use ${methods.join(', ')}`);
    return false;
  }

  private async login(res: ServerResponse, returnTo: string): Promise<void> {
    let meta;
    try {
      meta = await this.provider.metadata();
    } catch (error) {
      sendText(res, 503, `The login provider cannot be reached: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (!meta.authorization_endpoint || !meta.token_endpoint) {
      sendText(res, 503, `The login provider ${this.options.issuer} has no authorization or token endpoint in its discovery document`);
      return;
    }
    if (meta.code_challenge_methods_supported && !meta.code_challenge_methods_supported.includes('S256')) {
      sendText(res, 503, `The login provider ${this.options.issuer} does not support PKCE with S256`);
      return;
    }
    const state: LoginState = { state: random(), nonce: random(), verifier: random(), returnTo, exp: Math.floor(this.context.now() / 1000) + loginStateSeconds };
    const target = new URL(meta.authorization_endpoint);
    const params: Record<string, string> = {
      response_type: 'code',
      client_id: this.options.clientId,
      redirect_uri: this.options.redirectUrl,
      scope: this.options.scope ?? 'openid profile',
      state: state.state,
      nonce: state.nonce,
      code_challenge: createHash('sha256').update(state.verifier).digest('base64url'),
      code_challenge_method: 'S256',
      ...(this.options.acrValues ? { acr_values: this.options.acrValues } : {}),
    };
    for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
    redirect(res, target.href, [this.stateCookie(state)]);
  }

  /** The Set-Cookie header carrying a login attempt's state to the callback (and only there). */
  private stateCookie(state: LoginState): string {
    return serializeCookie(`${loginStateCookiePrefix}${state.state}`, this.stateKeys.seal(state), { path: this.callbackPath, maxAge: loginStateSeconds, secure: this.secure });
  }

  /** The Set-Cookie header clearing the login attempt named by the callback's `state`; null when that is no state this host makes. */
  private clearStateCookie(stateParam: string): string | null {
    return /^[A-Za-z0-9_-]{1,100}$/.test(stateParam) ? serializeCookie(`${loginStateCookiePrefix}${stateParam}`, '', { path: this.callbackPath, maxAge: 0, secure: this.secure }) : null;
  }

  /** This browser's unexpired login attempt with the callback's `state`, or null. */
  private loginState(req: IncomingMessage, stateParam: string): LoginState | null {
    const now = Math.floor(this.context.now() / 1000);
    const values = cookieValues(req.headers, `${loginStateCookiePrefix}${stateParam}`);
    return values.map((v) => this.stateKeys.open(v)).find((v): v is LoginState => isLoginState(v) && v.state === stateParam && v.exp > now) ?? null;
  }

  private async callback(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const stateParam = url.searchParams.get('state') ?? '';
    const clearState = this.clearStateCookie(stateParam);
    const clear = clearState ? [clearState] : [];
    const state = clearState ? this.loginState(req, stateParam) : null;
    if (!state) {
      sendText(res, 400, 'This login cannot be completed: its state does not match a login started in this browser (or it took more than 10 minutes). Start the login again.', clear);
      return;
    }
    const error = url.searchParams.get('error');
    if (error) {
      const description = url.searchParams.get('error_description');
      sendText(res, error === 'access_denied' ? 403 : 401, `The login provider refused the login: ${error}${description ? ` (${description})` : ''}`, clear);
      return;
    }
    const iss = url.searchParams.get('iss');
    if (iss !== null && iss !== this.options.issuer) {
      sendText(res, 400, `The login answer names issuer ${JSON.stringify(iss)}, not ${JSON.stringify(this.options.issuer)}`, clear);
      return;
    }
    const code = url.searchParams.get('code');
    if (!code) {
      sendText(res, 400, 'The login answer has no authorization code', clear);
      return;
    }
    let person: SessionPerson;
    try {
      person = await this.exchange(code, state);
    } catch (failure) {
      // A token the host cannot trust, or a code the provider will not redeem (used, expired, another login's PKCE verifier): 401; the provider failing: 502.
      const status = failure instanceof TokenError || (failure instanceof ProviderError && failure.status >= 400 && failure.status < 500) ? 401 : 502;
      sendText(res, status, `The login could not be completed: ${failure instanceof Error ? failure.message : String(failure)}`, clear);
      return;
    }
    // Someone the registry does not know gets the ids the host assigned to her pid, once, into her session.
    if (!peopleOf(this.context.people).persons.some((p) => p.personNumber === person.pid)) {
      if (!this.assignIds) {
        sendText(res, 403, 'The login could not be completed: you are not in the people register of this host, and it has no database to give you an identity of your own.', clear);
        return;
      }
      try {
        const ids = await this.assignIds(person.pid);
        person = { ...person, uid: ids.userId, pty: ids.partyId };
      } catch (failure) {
        sendText(res, 503, `The login could not be completed: the host could not find your identity here (${failure instanceof Error ? failure.message : String(failure)}). Try again.`, clear);
        return;
      }
    }
    redirect(res, state.returnTo, [...clear, this.sessions.start(person)]);
  }

  /** Redeems the code (with the PKCE verifier), verifies the ID token, and says who logged in. */
  private async exchange(code: string, state: LoginState): Promise<SessionPerson> {
    const meta = await this.provider.metadata();
    if (!meta.token_endpoint) throw new Error('The provider has no token endpoint');
    const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: this.options.redirectUrl, code_verifier: state.verifier });
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };
    const { clientId, clientSecret } = this.options;
    if (clientSecret === undefined) form.set('client_id', clientId);
    else if (this.options.tokenEndpointAuthMethod === 'client_secret_post') {
      form.set('client_id', clientId);
      form.set('client_secret', clientSecret);
    } else {
      const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
      headers.Authorization = `Basic ${Buffer.from(`${enc(clientId)}:${enc(clientSecret)}`).toString('base64')}`;
    }
    const tokens = await fetchJson(this.context.fetch, meta.token_endpoint, { method: 'POST', headers, body: form.toString() });
    if (typeof tokens.id_token !== 'string') throw new TokenError('The token response has no ID token');
    const idToken = tokens.id_token;
    const kid = decodeJwt(idToken).header.kid;
    const keys = await this.provider.keysFor(typeof kid === 'string' ? kid : undefined);
    const { payload } = verifySignature(idToken, keys, supportedAlgorithms);
    checkClaims(payload, { issuer: this.options.issuer, audience: clientId, now: this.context.now() });
    if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== clientId) throw new TokenError(`The ID token names several audiences, and its azp ${JSON.stringify(payload.azp)} is not ${clientId}`);
    if (payload.nonce !== state.nonce) throw new TokenError('The ID token nonce does not match this login');
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new TokenError('The ID token has no subject ("sub")');
    let claims: Record<string, unknown> = payload;
    if (typeof claims.pid !== 'string' && meta.userinfo_endpoint && typeof tokens.access_token === 'string') {
      const info = await fetchJson(this.context.fetch, meta.userinfo_endpoint, { headers: { Authorization: `Bearer ${tokens.access_token}`, Accept: 'application/json' } });
      if (info.sub !== payload.sub) throw new TokenError('The userinfo answer is about another subject than the ID token');
      claims = { ...info, ...payload };
    }
    const pid = claims.pid;
    if (typeof pid !== 'string' || !/^\d{11}$/.test(pid)) throw new TokenError('The login does not say who logged in: no national identity number ("pid" claim)');
    const text = (key: string) => (typeof claims[key] === 'string' && claims[key].trim() !== '' ? claims[key].trim() : undefined);
    const [name, gn, fn] = [text('name'), text('given_name'), text('family_name')];
    return { sub: payload.sub, pid, ...(name ? { name } : {}), ...(gn ? { gn } : {}), ...(fn ? { fn } : {}), lvl: levelOfAcr(payload.acr), idt: idToken };
  }

  private async logout(req: IncomingMessage, res: ServerResponse, returnTo: string): Promise<void> {
    const session = this.sessions.read(req);
    const clear = [this.sessions.clear()];
    if (session?.idt && this.options.postLogoutRedirectUrl) {
      const meta = await this.provider.metadata().catch(() => null);
      if (meta?.end_session_endpoint) {
        const target = new URL(meta.end_session_endpoint);
        target.searchParams.set('id_token_hint', session.idt);
        target.searchParams.set('client_id', this.options.clientId);
        target.searchParams.set('post_logout_redirect_uri', this.options.postLogoutRedirectUrl);
        redirect(res, target.href, clear);
        return;
      }
    }
    redirect(res, returnTo, clear);
  }
}
