// End-user login against a real OpenID provider (oidc-provider) on 127.0.0.1: the browser's code flow
// driven over HTTP by hand, and machine clients' client-credentials tokens.
import { type JsonWebKey, createHmac, createPrivateKey, generateKeyPairSync, sign as signBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoginIds, defaultPeople, loginIds, rolesFor } from '../people';
import type { RuntimeUser } from '../services';
import { type RunningServer, startServer } from '../testServer';
import { hostClient, Jar, type OidcTestProvider, jarRequest, startOidcTestProvider, throughProvider } from '../testing/oidcTestProvider';
import { type Auth, type AuthOptions, KeySet, createAuth, safeReturnTo, sessionCookie, verifySignature } from './index';
import { deriveKey, seal, unseal } from './cookies';

const people = defaultPeople();
const secret = 'a host secret that is long enough for HMAC-SHA256 keys';
const audience = 'https://apps.example.test/';
const otherAudience = 'https://other.example.test/';
const machineScope = 'altinn:instances.read';

let oidc: OidcTestProvider;
let provider: { readonly url: string };
let host: RunningServer;
let auth: Auth;
/** The Auth the host uses for the next requests (a test may swap in one whose ID tokens are tampered with). */
let current: Auth;
let providerRsa: JsonWebKey;
let clockOffset = 0;
const now = () => Date.now() + clockOffset;
/** The ids a host would assign (its database does, host/personIds.ts): 1, 2, … in order of first login. */
const numbered = new Map<string, number>();
const assignIds = async (pid: string): Promise<LoginIds> => {
  if (!numbered.has(pid)) numbered.set(pid, numbered.size + 1);
  return loginIds(numbered.get(pid)!);
};

const request = jarRequest;
const throughHostCallback = (jar: Jar, start: string, login: string) => throughProvider(jar, start, login, `${host.url}/auth/callback`);

async function whoami(jar: Jar, headers: Record<string, string> = {}): Promise<{ status: number; user: RuntimeUser | null; body: string }> {
  const response = await request(jar, `${host.url}/ttd/app/whoami`, { headers });
  const body = await response.text();
  return { status: response.status, user: response.status === 200 ? (JSON.parse(body) as { user: RuntimeUser | null }).user : null, body };
}

/** Logs `account` in through the whole flow; returns the jar holding the session. */
async function logIn(account: string): Promise<Jar> {
  const jar = new Jar();
  const start = await request(jar, `${host.url}/ttd/app/auth/login?returnTo=${encodeURIComponent('/ttd/app/page?x=1')}`);
  expect(start.status).toBe(303);
  const callback = await throughHostCallback(jar, start.headers.get('location')!, account);
  const done = await request(jar, callback);
  expect(done.status, await done.text()).toBe(303);
  expect(done.headers.get('location')).toBe('/ttd/app/page?x=1');
  return jar;
}

async function machineToken(options: { resource?: string; scope?: string } = {}): Promise<string> {
  const answer = await oidc.machineToken(options);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.token!;
}

beforeAll(async () => {
  let hostHandler: ((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void) | null = null;
  host = await startServer((req, res) => hostHandler?.(req, res));
  oidc = await startOidcTestProvider({ redirectUri: `${host.url}/auth/callback`, postLogoutRedirectUri: `${host.url}/logged-out`, audience, machineScope });
  provider = { url: oidc.url };
  providerRsa = oidc.rsa;

  auth = createAuth({
    secret,
    people,
    now,
    login: { issuer: provider.url, ...hostClient, redirectUrl: `${host.url}/auth/callback`, postLogoutRedirectUrl: `${host.url}/logged-out` },
    session: { idleSeconds: 1800 },
    machine: { issuer: provider.url, audience, scopes: [machineScope] },
  });
  auth.useIdAssigner(assignIds);
  current = auth;
  hostHandler = (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', host.url);
      if (await current.handle(req, res, url)) return;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ user: current.userOf(req) }));
    })();
  };
});

afterAll(async () => {
  await host?.close();
  await oidc?.close();
});

describe('login with OpenID Connect (code flow with PKCE)', () => {
  it('logs a person in through the provider: the session cookie gives her, with her roles, to userOf', async () => {
    const jar = await logIn('kari');
    const session = jar.cookies.get(sessionCookie);
    expect(session).toBeTruthy();
    expect([...jar.cookies.keys()].some((k) => k.startsWith('studio-login.'))).toBe(false);
    const { user } = await whoami(jar);
    expect(user).toMatchObject({ userId: 1002, partyId: '50002', personNumber: '02028012345', name: 'Kari Dagny Leder' });
    expect(rolesFor(people, user!.userId, '50101')).toEqual(['DAGL']);
    // The form app's header asks who is logged in, and where to log in and out.
    const sessionAnswer = await request(jar, `${host.url}/ttd/app/auth/session`);
    expect(await sessionAnswer.json()).toEqual({ user: { name: 'Kari Dagny Leder' }, login: '/ttd/app/auth/login', logout: '/ttd/app/auth/logout' });
    expect(await (await request(new Jar(), `${host.url}/ttd/app/auth/session`)).json()).toMatchObject({ user: null, login: '/ttd/app/auth/login' });
    expect(auth.userFromSession({ headers: { cookie: `${sessionCookie}=${session}` } })).toEqual(user);
  });

  it('asks the provider with PKCE S256, state and nonce, and keeps the verifier in an httpOnly SameSite=Lax cookie', async () => {
    const jar = new Jar();
    const start = await request(jar, `${host.url}/ttd/app/auth/login`);
    const target = new URL(start.headers.get('location')!);
    expect(target.origin).toBe(provider.url);
    expect(target.searchParams.get('code_challenge_method')).toBe('S256');
    expect(target.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
    expect(target.searchParams.get('nonce')).toMatch(/^[\w-]{43}$/);
    const cookie = start.headers.getSetCookie().find((c) => c.startsWith('studio-login.'))!;
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/auth/callback');
    expect(cookie).not.toContain(target.searchParams.get('code_challenge')!);
  });

  it('identifies a person the registry does not know as the register person her login derives: her own party, with the ids the host assigned at the login, kept in her session', async () => {
    const jar = await logIn('stranger');
    const { userId, partyId } = await assignIds('11111111111');
    const { user } = await whoami(jar);
    const derived = { userId, partyId, personNumber: '11111111111', firstName: 'Ukjent', lastName: 'Person' };
    expect(user).toEqual({ userId, partyId, name: 'Ukjent Person', personNumber: '11111111111', authenticationLevel: 2, loginPerson: derived });
    expect(partyId).not.toContain('11111111111');
    // The session carries the ids, so a request needs no database.
    expect(unseal(deriveKey(secret, 'session'), jar.cookies.get(sessionCookie)!)).toMatchObject({ v: 3, pid: '11111111111', uid: userId, pty: partyId });
    // The shared registry is not changed by the login.
    expect(people.persons.some((p) => p.personNumber === '11111111111')).toBe(false);
  });

  it("names a person the registry does not know by the login's given_name and family_name", async () => {
    const { user } = await whoami(await logIn('borger'));
    expect(user).toMatchObject({ ...(await assignIds('12037512345')), name: 'Nora Borgersen', loginPerson: { firstName: 'Nora', lastName: 'Borgersen', personNumber: '12037512345' } });
  });

  it('refuses the login of a person the registry does not know when nothing assigns her ids (403), or when that fails (503); a registry person logs in all the same', async () => {
    const attempt = async (account: string) => {
      const jar = new Jar();
      const start = await request(jar, `${host.url}/ttd/app/auth/login`);
      const answer = await request(jar, await throughHostCallback(jar, start.headers.get('location')!, account));
      return { status: answer.status, text: await answer.text(), session: jar.cookies.has(sessionCookie) };
    };
    current = createAuth({ secret, people, login: { issuer: provider.url, ...hostClient, redirectUrl: `${host.url}/auth/callback` } });
    try {
      const refused = await attempt('borger');
      expect(refused).toMatchObject({ status: 403, session: false });
      expect(refused.text).toMatch(/not in the people register of this host, and it has no database to give you an identity of your own/);
      expect(refused.text).not.toContain('12037512345');
      expect(await attempt('kari')).toMatchObject({ status: 303, session: true });
      current.useIdAssigner(() => Promise.reject(new Error('the database is away')));
      expect(await attempt('borger')).toMatchObject({ status: 503, text: expect.stringMatching(/could not find your identity here \(the database is away\)/), session: false });
    } finally {
      current = auth;
    }
  });

  it("treats a session without assigned ids for a person the registry does not know as no session: the former scheme's, whose ids were her pid", async () => {
    const jar = await logIn('borger');
    const payload = unseal(deriveKey(secret, 'session'), jar.cookies.get(sessionCookie)!) as Record<string, unknown>;
    const sealed = (changed: Record<string, unknown>) => {
      const other = new Jar();
      other.cookies.set(sessionCookie, seal(deriveKey(secret, 'session'), changed));
      return other;
    };
    expect((await whoami(sealed(payload))).user?.userId).toBe(payload.uid);
    const { uid: _uid, pty: _pty, ...withoutIds } = payload;
    expect((await whoami(sealed({ ...withoutIds, v: 2 }))).user).toBeNull();
    expect((await whoami(sealed(withoutIds))).user).toBeNull();
    expect((await whoami(sealed({ ...payload, pty: loginIds(99).partyId }))).user).toBeNull();
  });

  it('refuses a callback whose state is not the one this browser started', async () => {
    const jar = new Jar();
    const start = await request(jar, `${host.url}/ttd/app/auth/login`);
    const callback = new URL(await throughHostCallback(jar, start.headers.get('location')!, 'kari'));
    callback.searchParams.set('state', 'A'.repeat(43));
    const refused = await request(jar, callback.href);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/state does not match/);
    expect(jar.cookies.has(sessionCookie)).toBe(false);
    // The same code with the right state, but from another browser (no login-state cookie): refused too.
    callback.searchParams.set('state', new URL(start.headers.get('location')!).searchParams.get('state')!);
    expect((await request(new Jar(), callback.href)).status).toBe(400);
  });

  it("refuses a code redeemed with another login's PKCE verifier, and a callback replayed", async () => {
    const jar = new Jar();
    const first = await request(jar, `${host.url}/ttd/app/auth/login`);
    const second = await request(jar, `${host.url}/ttd/app/auth/login`);
    const callback = new URL(await throughHostCallback(jar, first.headers.get('location')!, 'kari'));
    const firstCallback = callback.href;
    // The second login's state (its cookie is in the jar) with the first login's code: the provider refuses the verifier.
    callback.searchParams.set('state', new URL(second.headers.get('location')!).searchParams.get('state')!);
    const crossed = await request(jar, callback.href);
    expect(crossed.status).toBe(401);
    expect(await crossed.text()).toMatch(/invalid_grant/);
    expect((await request(jar, firstCallback)).status).toBe(303);
    expect((await request(jar, firstCallback)).status).toBe(400);
  });

  it('verifies the ID token: signature, issuer, audience, expiry and nonce', async () => {
    const rsaKey = createPrivateKey({ key: providerRsa, format: 'jwk' });
    const foreignKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const cases: { change: (claims: Record<string, unknown>) => Record<string, unknown>; alg?: string; key?: typeof rsaKey; why: RegExp }[] = [
      { change: (c) => ({ ...c, nonce: 'another-nonce' }), why: /nonce/ },
      { change: (c) => ({ ...c, aud: 'another-client' }), why: /audience/ },
      { change: (c) => ({ ...c, iss: 'https://idporten.example/' }), why: /issuer/ },
      { change: (c) => ({ ...c, exp: Math.floor(Date.now() / 1000) - 3600 }), why: /expired/ },
      { change: (c) => ({ ...c, pid: '01017012345' }), key: foreignKey, why: /signature/ },
      { change: (c) => c, alg: 'none', why: /Unsigned/ },
    ];
    for (const { change, alg, key, why } of cases) {
      const tampering: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (!String(input).endsWith('/token')) return response;
        const tokens = (await response.json()) as { id_token: string };
        const [, payload] = tokens.id_token.split('.') as [string, string];
        const claims = change(JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>);
        const head = encode({ alg: alg ?? 'RS256', kid: 'rsa-1' });
        const input2 = `${head}.${encode(claims)}`;
        const signature = alg === 'none' ? '' : signBytes('sha256', Buffer.from(input2), key ?? rsaKey).toString('base64url');
        return new Response(JSON.stringify({ ...tokens, id_token: `${input2}.${signature}` }), { status: 200, headers: { 'content-type': 'application/json' } });
      };
      current = createAuth({ secret, people, login: { issuer: provider.url, ...hostClient, redirectUrl: `${host.url}/auth/callback` }, fetch: tampering });
      try {
        const jar = new Jar();
        const start = await request(jar, `${host.url}/ttd/app/auth/login`);
        const refused = await request(jar, await throughHostCallback(jar, start.headers.get('location')!, 'kari'));
        expect(refused.status).toBe(401);
        expect(await refused.text()).toMatch(why);
        expect(jar.cookies.has(sessionCookie)).toBe(false);
      } finally {
        current = auth;
      }
    }
  });

  it('keeps the session cookie unreadable, and treats a tampered one, or one made with another secret, as no session', async () => {
    const jar = await logIn('kari');
    const value = jar.cookies.get(sessionCookie)!;
    // Encrypted: nothing of the person shows in the cookie.
    const parts = value.split('.');
    expect(parts).toHaveLength(3);
    for (const part of parts) expect(Buffer.from(part, 'base64url').toString('latin1')).not.toMatch(/02028012345|Kari/);
    const payload = unseal(deriveKey(secret, 'session'), value) as Record<string, unknown>;
    expect(payload).toMatchObject({ v: 3, pid: '02028012345' });
    expect(payload).not.toHaveProperty('uid');

    const noUser = async (cookie: string) => {
      const other = new Jar();
      other.cookies.set(sessionCookie, cookie);
      expect(await whoami(other)).toMatchObject({ status: 200, user: null });
      const answer = await request(other, `${host.url}/ttd/app/auth/session`);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({ user: null });
    };
    // A changed byte anywhere: the authentication tag fails.
    const [iv, data, tag] = parts as [string, string, string];
    const flip = (part: string, at: number) => {
      const bytes = Buffer.from(part, 'base64url');
      bytes[at] = bytes[at]! ^ 1;
      return bytes.toString('base64url');
    };
    await noUser(`${flip(iv, 0)}.${data}.${tag}`);
    await noUser(`${iv}.${flip(data, 20)}.${tag}`);
    await noUser(`${iv}.${data}.${flip(tag, 15)}`);
    // Another person's number, sealed with another secret's key, or with this secret's key for the login state: refused.
    await noUser(seal(deriveKey('another secret that is long enough for the keys', 'session'), { ...payload, pid: '03039012345' }));
    await noUser(seal(deriveKey(secret, 'login-state'), payload));
    // The former signed format, and things that are no cookie of this host at all.
    const body = Buffer.from(JSON.stringify({ ...payload, v: 1 })).toString('base64url');
    await noUser(`${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`);
    for (const junk of ['', 'a.b.c', '..', 'x'.repeat(3000), `${iv}.${data}`]) await noUser(junk);
    // Sealed right (the test knows the secret), it reads: the refusals above are the cryptography's.
    const resealed = new Jar();
    resealed.cookies.set(sessionCookie, seal(deriveKey(secret, 'session'), payload));
    expect((await whoami(resealed)).user?.userId).toBe(1002);

    expect((await whoami(jar)).user?.userId).toBe(1002);
    clockOffset = 1801 * 1000;
    try {
      expect((await whoami(jar)).user).toBeNull();
    } finally {
      clockOffset = 0;
    }
  });

  it('logs out: the session cookie is cleared and the browser goes to the provider with id_token_hint', async () => {
    const jar = await logIn('kari');
    const out = await request(jar, `${host.url}/ttd/app/auth/logout`);
    expect(out.status).toBe(303);
    const target = new URL(out.headers.get('location')!);
    expect(target.origin).toBe(provider.url);
    expect(target.searchParams.get('id_token_hint')).toBeTruthy();
    expect(target.searchParams.get('post_logout_redirect_uri')).toBe(`${host.url}/logged-out`);
    expect(jar.cookies.has(sessionCookie)).toBe(false);
    expect((await whoami(jar)).user).toBeNull();
  });

  it('without a session nobody is logged in (the app decides about anonymous use)', async () => {
    expect(await whoami(new Jar())).toMatchObject({ status: 200, user: null });
  });

  it('only returns to paths on this host', () => {
    expect(safeReturnTo('/ttd/app/?a=1#b', '/')).toBe('/ttd/app/?a=1#b');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/\t/evil.example', null]) expect(safeReturnTo(bad, '/ttd/app/')).toBe('/ttd/app/');
  });
});

describe('sessions: sliding idle timeout, absolute lifetime, secret rotation', () => {
  // A clock the test moves by hand (set to the real time at each login, so the provider's ID tokens are current).
  let t = 0;
  const clock = () => t;
  const idle = 1800;
  const max = 4 * 3600;
  const sliding = (extra: Partial<AuthOptions> = {}) =>
    createAuth({ secret, people, now: clock, login: { issuer: provider.url, ...hostClient, redirectUrl: `${host.url}/auth/callback` }, machine: { issuer: provider.url, audience, scopes: [machineScope] }, session: { idleSeconds: idle, maxSeconds: max }, ...extra });
  async function using<T>(next: Auth, work: () => Promise<T>): Promise<T> {
    const before = current;
    current = next;
    try {
      return await work();
    } finally {
      current = before;
    }
  }
  /** Logs in at the clock's "now" (the real time, frozen); returns the jar and that moment. */
  async function logInAt(account: string): Promise<{ jar: Jar; t0: number }> {
    t = Date.now();
    return { jar: await logIn(account), t0: t };
  }
  /** A request to the app API at `t0 + seconds`: who it is and the renewed session cookie it brought, if any. */
  async function useAt(jar: Jar, t0: number, seconds: number, path = '/ttd/app/api/whoami', headers: Record<string, string> = {}): Promise<{ user: RuntimeUser | null; renewed: string | undefined }> {
    t = t0 + seconds * 1000;
    const response = await request(jar, `${host.url}${path}`, { headers });
    const renewed = response.headers.getSetCookie().find((c) => c.startsWith(`${sessionCookie}=`));
    return { user: ((await response.json()) as { user: RuntimeUser | null }).user, renewed };
  }

  it('a session not used ends after the idle timeout', async () => {
    await using(sliding(), async () => {
      const { jar, t0 } = await logInAt('kari');
      const login = jar.cookies.get(sessionCookie)!;
      expect((await useAt(jar, t0, idle - 1, '/ttd/app/whoami')).user?.userId).toBe(1002);
      expect((await useAt(jar, t0, idle, '/ttd/app/whoami')).user).toBeNull();
      expect(jar.cookies.get(sessionCookie)).toBe(login);
      // What the form app asks after a 401: nobody is logged in, and where to log in.
      expect(await useAt(jar, t0, idle, '/ttd/app/auth/session')).toMatchObject({ user: null, renewed: undefined });
    });
  });

  it('renews the session on use once more than half the idle window has passed, not before', async () => {
    await using(sliding(), async () => {
      const { jar, t0 } = await logInAt('kari');
      const login = jar.cookies.get(sessionCookie)!;
      expect(await useAt(jar, t0, 1)).toMatchObject({ user: { userId: 1002 }, renewed: undefined });
      expect(await useAt(jar, t0, idle / 2)).toMatchObject({ user: { userId: 1002 }, renewed: undefined });
      expect(jar.cookies.get(sessionCookie)).toBe(login);
      // Not on the form app's files (a cache could keep the cookie with them), nor for a machine client's request.
      expect((await useAt(jar, t0, idle / 2 + 1, '/ttd/app/main.js')).renewed).toBeUndefined();
      expect((await useAt(jar, t0, idle / 2 + 1, '/ttd/app/api/whoami', { authorization: `Bearer ${await machineToken()}` })).renewed).toBeUndefined();

      const renewed = await useAt(jar, t0, idle / 2 + 1);
      expect(renewed.user?.userId).toBe(1002);
      expect(renewed.renewed).toMatch(new RegExp(`^${sessionCookie}=[\\w-]+\\.[\\w-]+\\.[\\w-]+; Path=/; Max-Age=${idle}; HttpOnly; SameSite=Lax$`));
      const second = jar.cookies.get(sessionCookie)!;
      expect(second).not.toBe(login);
      // The login's cookie still ends at its own time; the renewed one a full idle window after the renewal.
      const old = new Jar();
      old.cookies.set(sessionCookie, login);
      expect((await useAt(old, t0, idle, '/ttd/app/whoami')).user).toBeNull();
      expect(await useAt(jar, t0, idle, '/ttd/app/whoami')).toMatchObject({ user: { userId: 1002 }, renewed: undefined });
      // Just renewed: not again until half of the new window has passed; auth/session counts as use too.
      expect((await useAt(jar, t0, idle / 2 + 1 + idle / 2)).renewed).toBeUndefined();
      const again = await useAt(jar, t0, idle / 2 + 2 + idle / 2, '/ttd/app/auth/session');
      expect(again.user).toMatchObject({ name: 'Kari Dagny Leder' });
      expect(again.renewed).toMatch(new RegExp(`Max-Age=${idle};`));
      expect((await useAt(jar, t0, idle / 2 + 1 + idle + 1, '/ttd/app/whoami')).user?.userId).toBe(1002);
    });
  });

  it('ends the session at its absolute lifetime from the login, however much it is used', async () => {
    await using(sliding(), async () => {
      const { jar, t0 } = await logInAt('kari');
      let renewals = 0;
      for (let at = 1000; at < max; at += 1000) {
        const used = await useAt(jar, t0, at);
        expect(used.user?.userId, `at ${at} s`).toBe(1002);
        if (used.renewed) renewals++;
        // Renewed near the end, the cookie lasts only until the lifetime ends; after that there is nothing to extend.
        if (at === 13_000) expect(used.renewed).toMatch(new RegExp(`Max-Age=${max - at};`));
        if (at === 14_000) expect(used.renewed).toBeUndefined();
      }
      expect(renewals).toBe(13);
      expect((await useAt(jar, t0, max - 1)).user?.userId).toBe(1002);
      expect(await useAt(jar, t0, max)).toMatchObject({ user: null, renewed: undefined });
      expect(await useAt(jar, t0, max, '/ttd/app/auth/session')).toMatchObject({ user: null, renewed: undefined });
      // Logging in again starts a new lifetime.
      const { jar: fresh, t0: t1 } = await logInAt('kari');
      expect((await useAt(fresh, t1, 1)).user?.userId).toBe(1002);
    });
  });

  it('reads cookies made with a previous secret and makes new ones with the current one', async () => {
    const newSecret = 'the next host secret, also long enough for the keys';
    const before = sliding();
    const rotated = sliding({ secret: newSecret, previousSecrets: [secret] });
    const { jar, t0 } = await using(before, () => logInAt('kari'));
    // A login started before the rotation completes after it.
    const started = new Jar();
    const start = await using(before, () => request(started, `${host.url}/ttd/app/auth/login`));
    await using(rotated, async () => {
      const done = await request(started, await throughHostCallback(started, start.headers.get('location')!, 'kari'));
      expect(done.status, await done.text()).toBe(303);
      expect(unseal(deriveKey(newSecret, 'session'), started.cookies.get(sessionCookie)!)).toMatchObject({ pid: '02028012345' });

      expect(await useAt(jar, t0, 10)).toMatchObject({ user: { userId: 1002 }, renewed: undefined });
      const renewed = await useAt(jar, t0, idle / 2 + 1);
      expect(renewed.renewed).toBeTruthy();
    });
    // The renewed cookie is the new secret's: the old configuration cannot read it, a host with only the new secret can.
    expect(unseal(deriveKey(secret, 'session'), jar.cookies.get(sessionCookie)!)).toBeNull();
    expect((await using(before, () => useAt(jar, t0, idle / 2 + 2, '/ttd/app/whoami'))).user).toBeNull();
    expect((await using(sliding({ secret: newSecret }), () => useAt(jar, t0, idle / 2 + 2, '/ttd/app/whoami'))).user?.userId).toBe(1002);
    // Without the previous secret, a cookie made with it is no session.
    const { jar: oldJar, t0: t1 } = await using(before, () => logInAt('kari'));
    expect((await using(sliding({ secret: newSecret }), () => useAt(oldJar, t1, 1, '/ttd/app/whoami'))).user).toBeNull();
    expect(() => sliding({ previousSecrets: ['short'] })).toThrow(/at least 32 bytes/);
  });

  it('refuses session lifetimes that are not positive numbers', () => {
    for (const session of [{ idleSeconds: 0 }, { maxSeconds: -1 }, { idleSeconds: Number.NaN }]) expect(() => sliding({ session })).toThrow(/positive number of seconds/);
  });
});

describe('machine clients (client credentials, as Maskinporten)', () => {
  it('a signed access token with a consumer claim acts as that organisation', async () => {
    const token = await machineToken();
    const { user, status } = await whoami(new Jar(), { authorization: `Bearer ${token}` });
    expect(status).toBe(200);
    expect(user).toEqual({ partyId: '50101', name: 'Testbedrift AS', organisationNumber: '310000001', authenticationLevel: 3 });
  });

  it('bearer first: a valid token wins over a session cookie, and an invalid one never falls back to it', async () => {
    const jar = await logIn('kari');
    expect((await whoami(jar, { authorization: `Bearer ${await machineToken()}` })).user?.organisationNumber).toBe('310000001');
    expect((await whoami(jar, { authorization: 'Bearer not-a-token' })).status).toBe(401);
  });

  it('refuses a token for another audience, without the scope, expired, unsigned, or with a changed payload', async () => {
    const refused = async (token: string, why: RegExp) => {
      const response = await whoami(new Jar(), { authorization: `Bearer ${token}` });
      expect(response.status).toBe(401);
      expect(response.body).toMatch(why);
    };
    await refused(await machineToken({ resource: otherAudience }), /audience/);
    await refused(await machineToken({ scope: 'other:scope' }), /scope/);

    const token = await machineToken();
    const [header, payload] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url');
    await refused(`${none}.${payload}.`, /Unsigned/);
    const hs = Buffer.from(JSON.stringify({ alg: 'HS256', kid: 'ec-1' })).toString('base64url');
    await refused(`${hs}.${payload}.${createHmac('sha256', 'x').update(`${hs}.${payload}`).digest('base64url')}`, /HS256/);
    const otherOrg = Buffer.from(JSON.stringify({ ...claims, consumer: { authority: 'iso6523-actorid-upis', ID: '0192:310000099' } })).toString('base64url');
    await refused(`${header}.${otherOrg}.${token.split('.')[2]}`, /signature/);

    clockOffset = 2 * 3600 * 1000;
    try {
      await refused(token, /expired/);
    } finally {
      clockOffset = 0;
    }
    expect((await whoami(new Jar(), { authorization: `Bearer ${token}` })).status).toBe(200);
  });

  it('the access token is verified with the issuer key of its own type (ES256 here; the ID token is RS256)', async () => {
    const token = await machineToken();
    expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())).toMatchObject({ alg: 'ES256', kid: 'ec-1' });
    const jwks = (await (await fetch(`${provider.url}/jwks`)).json()) as { keys: { kty: string }[] };
    expect(verifySignature(token, new KeySet(jwks)).payload.consumer).toEqual({ authority: 'iso6523-actorid-upis', ID: '0192:310000001' });
    // Only the RSA key: the ES256 token does not verify.
    expect(() => verifySignature(token, new KeySet({ keys: jwks.keys.filter((k) => k.kty === 'RSA') }))).toThrow(/publishes no EC key|does not publish/);
  });
});

describe('configuration', () => {
  const discovery = (issuer: string): typeof fetch => async (input) => {
    const url = String(input);
    if (url === 'https://login.example.test/.well-known/openid-configuration') {
      return new Response(JSON.stringify({ issuer, authorization_endpoint: 'https://login.example.test/authorize', token_endpoint: 'https://login.example.test/token', jwks_uri: 'https://login.example.test/jwks', code_challenge_methods_supported: ['S256'] }), { status: 200 });
    }
    return new Response('{}', { status: 404 });
  };
  const fakeRes = () => {
    const out: { status?: number; headers?: Record<string, unknown>; body?: string } = {};
    const res = { writeHead: (status: number, headers: Record<string, unknown>) => ((out.status = status), (out.headers = headers), res), end: (body?: string) => ((out.body = body), res) };
    return { res: res as unknown as import('node:http').ServerResponse, out };
  };
  const req = { method: 'GET', headers: {} } as import('node:http').IncomingMessage;

  it('sets Secure on its cookies when the redirect URL is https', async () => {
    const https = createAuth({ secret, people, login: { issuer: 'https://login.example.test', clientId: 'c', redirectUrl: 'https://apps.example.test/auth/callback', acrValues: 'idporten-loa-substantial' }, fetch: discovery('https://login.example.test') });
    const { res, out } = fakeRes();
    expect(await https.handle(req, res, new URL('https://apps.example.test/auth/login?returnTo=//evil.example'))).toBe(true);
    expect(out.status).toBe(303);
    expect(new URL(String(out.headers!.Location)).searchParams.get('acr_values')).toBe('idporten-loa-substantial');
    const cookie = (out.headers!['Set-Cookie'] as string[])[0]!;
    expect(cookie).toMatch(/; HttpOnly; SameSite=Lax; Secure$/);
    expect(await https.handle(req, fakeRes().res, new URL('https://apps.example.test/ttd/app/api/layouts'))).toBe(false);
  });

  it('refuses a discovery document that names another issuer', async () => {
    const wrong = createAuth({ secret, people, login: { issuer: 'https://login.example.test', clientId: 'c', redirectUrl: 'https://apps.example.test/auth/callback' }, fetch: discovery('https://attacker.example.test') });
    const { res, out } = fakeRes();
    await wrong.handle(req, res, new URL('https://apps.example.test/auth/login'));
    expect(out.status).toBe(503);
    expect(out.body).toMatch(/names issuer "https:\/\/attacker/);
    await expect(wrong.ready()).rejects.toThrow(/names issuer/);
  });

  it('refuses a short host secret, and bearer tokens when no machine issuer is configured', async () => {
    expect(() => createAuth({ secret: 'short', people, login: { issuer: 'https://login.example.test', clientId: 'c', redirectUrl: 'https://a.example/cb' } })).toThrow(/at least 32 bytes/);
    const noMachine = createAuth({ secret, people });
    const bearer = { method: 'GET', headers: { authorization: 'Bearer abc.def.ghi' } } as import('node:http').IncomingMessage;
    expect(noMachine.userOf(bearer)).toBeNull();
    const { res, out } = fakeRes();
    expect(await noMachine.handle(bearer, res, new URL('http://h/ttd/app/'))).toBe(true);
    expect(out.status).toBe(401);
    expect(out.headers!['WWW-Authenticate']).toMatch(/^Bearer error="invalid_token"/);
  });
});
