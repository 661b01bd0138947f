// The runtime host with end-user login: a person logs in through a real OpenID provider (oidc-provider
// on 127.0.0.1, as ID-porten) and completes a deployed app under its policy; nobody logged in, or a
// person without a role for the party, is refused; a person the people file does not list uses the app
// as her own person party, with ids the host's database assigned her that say nothing of her national
// identity number; a machine client's token identifies its organisation.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAuth } from '../auth';
import { defaultPeople, loginPartyIdBase, loginUserIdBase } from '../people';
import { allowPrivatePersons, startHostTestRepo, hostTestApp, hostTestOrg, type HostTestRepo } from '../testing/hostTestRepo';
import { hostClient, Jar, jarRequest, startOidcTestProvider, throughProvider, type OidcTestProvider } from '../testing/oidcTestProvider';
import { type RunningServer, startServer } from '../testServer';
import { startAppHost, type AppHost } from './appHost';

const adminToken = 'admin-secret-token';
const base = `/${hostTestOrg}/${hostTestApp}/`;
const audience = 'https://apps.example.test/';
const machineScope = 'altinn:instances.read';

let repo: HostTestRepo;
let oidc: OidcTestProvider;
let dataDir: string;
let host: AppHost;
// The host's port must be known before the provider lists the callback: a forwarder holds it.
let front: RunningServer;
// The login's clock runs this far ahead of the real one (a test moves it; never waits).
let clockOffset = 0;
/** The host's log lines. */
const logged: unknown[] = [];

async function call(jar: Jar, method: string, rel: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await jarRequest(jar, `${front.url}${rel}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), accept: 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: text };
  }
}

/** Logs `account` in through the provider, as a browser would; returns its cookie jar. */
async function logIn(account: string): Promise<Jar> {
  const jar = new Jar();
  const start = await jarRequest(jar, `${front.url}${base}auth/login?returnTo=${encodeURIComponent(base)}`);
  expect(start.status).toBe(303);
  const callback = await throughProvider(jar, start.headers.get('location')!, account, `${front.url}/auth/callback`);
  const done = await jarRequest(jar, callback);
  expect(done.status, await done.text()).toBe(303);
  expect(done.headers.get('location')).toBe(base);
  return jar;
}

beforeAll(async () => {
  repo = await startHostTestRepo();
  // A public service: persons may use it for themselves (PRIV), general managers for their company (DAGL).
  await repo.tag('v1', allowPrivatePersons);
  let forward: ((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void) | null = null;
  front = await startServer((req, res) => forward?.(req, res));
  oidc = await startOidcTestProvider({ redirectUri: `${front.url}/auth/callback`, audience, machineScope });
  const people = defaultPeople();
  const auth = createAuth({
    secret: 'a host secret that is long enough for HMAC-SHA256 keys',
    people,
    login: { issuer: oidc.url, ...hostClient, redirectUrl: `${front.url}/auth/callback` },
    machine: { issuer: oidc.url, audience, scopes: [machineScope] },
    session: { idleSeconds: 1800, maxSeconds: 12 * 3600 },
    now: () => Date.now() + clockOffset,
  });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'studio-host-login-'));
  host = await startAppHost({ dataDir, adminToken, envName: 'test', refreshMs: 200, auth, services: { people }, log: (entry) => void logged.push(entry), clientDir: path.join(dataDir, 'no-client') });
  const http = await import('node:http');
  forward = (req, res) => {
    const upstream = http.request(`${host.url}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  };
  const deployed = await call(new Jar(), 'POST', '/admin/deployments', { org: hostTestOrg, app: hostTestApp, ref: 'v1', remote: repo.remote }, { authorization: `Bearer ${adminToken}` });
  expect(deployed.status, JSON.stringify(deployed.body)).toBe(201);
}, 60_000);

afterAll(async () => {
  await host?.close();
  await front?.close();
  await oidc?.close();
  await repo?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('runtime host login', () => {
  test('is ready once the login issuer answers', async () => {
    const ready = await call(new Jar(), 'GET', '/ready');
    expect(ready).toMatchObject({ status: 200, body: { login: true } });
  });

  test('a person logs in through the provider and completes the app for the company she manages', async () => {
    const anonymous = await call(new Jar(), 'POST', `${base}instances?instanceOwnerPartyId=50101`, {});
    expect(anonymous.status).toBe(401);

    const kari = await logIn('kari');
    const created = await call(kari, 'POST', `${base}instances?instanceOwnerPartyId=50101`, {});
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const dataId = (created.body.data as { id: string; dataType: string }[]).find((d) => d.dataType === 'model')!.id;
    expect((await call(kari, 'PUT', `${base}instances/${id}/data/${dataId}`, { applicantName: 'Testbedrift AS' })).status).toBe(200);
    const moved = await call(kari, 'PUT', `${base}instances/${id}/process/next`, {});
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((await call(kari, 'GET', `${base}instances/${id}`)).body.process.ended).toBeTruthy();
  });

  test('a person the registry gives no role for the company is refused, and a bad bearer token is 401', async () => {
    const stranger = await logIn('stranger');
    expect((await call(stranger, 'POST', `${base}instances?instanceOwnerPartyId=50101`, {})).status).toBe(403);
    expect((await call(new Jar(), 'GET', `${base}instances/50101/00000000-0000-0000-0000-000000000000`, undefined, { authorization: 'Bearer not-a-token' })).status).toBe(401);
  });

  test('a citizen the people file does not list uses the app as herself: her own party, her instance, her name; nobody else opens it', async () => {
    const pid = '12037512345';
    const nora = await logIn('borger');
    // Her parties: just herself, a person party with the ids the host's database assigned her (a number
    // in the reserved ranges, nothing of her pid), on which she holds PRIV.
    const parties = await call(nora, 'GET', `${base}api/v1/parties?allowedtoinstantiatefilter=true`);
    expect(parties.status, JSON.stringify(parties.body)).toBe(200);
    expect(parties.body).toHaveLength(1);
    expect(parties.body[0]).toMatchObject({ name: 'Nora Borgersen', ssn: pid, childParties: null });
    const partyId = String(parties.body[0].partyId);
    const n = Number(partyId) - loginPartyIdBase;
    expect(n >= 1 && n < 100).toBe(true);
    expect(partyId).not.toContain(pid);
    const userId = loginUserIdBase + n;
    const profile = await call(nora, 'GET', `${base}api/v1/profile/user`);
    expect(profile.status, JSON.stringify(profile.body)).toBe(200);
    expect(profile.body).toMatchObject({ userId, partyId: Number(partyId), party: { name: 'Nora Borgersen', ssn: pid } });
    const current = await call(nora, 'GET', `${base}api/authorization/parties/current?returnPartyObject=true`);
    expect(current.body).toMatchObject({ partyId: Number(partyId), name: 'Nora Borgersen' });
    // A company is not hers.
    expect((await call(nora, 'POST', `${base}instances?instanceOwnerPartyId=50101`, {})).status).toBe(403);

    const created = await call(nora, 'POST', `${base}instances?instanceOwnerPartyId=${partyId}`, {});
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    expect(id.startsWith(`${partyId}/`)).toBe(true);
    // Her national identity number is in no instance address.
    expect(id).not.toContain(pid);
    const dataId = (created.body.data as { id: string; dataType: string }[]).find((d) => d.dataType === 'model')!.id;
    const saved = await call(nora, 'PUT', `${base}instances/${id}/data/${dataId}`, { applicantName: 'Nora Borgersen' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await call(nora, 'GET', `${base}instances/${id}/data/${dataId}`)).body).toMatchObject({ applicantName: 'Nora Borgersen' });
    const active = await call(nora, 'GET', `${base}instances/${partyId}/active`);
    expect(active.status, JSON.stringify(active.body)).toBe(200);
    expect((active.body as { id: string }[]).map((i) => i.id)).toEqual([id]);

    // Another citizen, and a person of the people file, are refused her instance and her party.
    const stranger = await logIn('stranger');
    expect((await call(stranger, 'GET', `${base}instances/${id}`)).status).toBe(403);
    expect((await call(stranger, 'PUT', `${base}instances/${id}/data/${dataId}`, { applicantName: 'Someone else' })).status).toBe(403);
    expect((await call(stranger, 'POST', `${base}instances?instanceOwnerPartyId=${partyId}`, {})).status).toBe(403);
    expect((await call(stranger, 'GET', `${base}instances/${partyId}/active`)).status).toBe(403);
    // The other citizen got ids of her own.
    const strangerIds = (await call(stranger, 'GET', `${base}api/v1/profile/user`)).body as { userId: number; partyId: number };
    expect(strangerIds.userId).toBeGreaterThan(loginUserIdBase);
    expect(strangerIds.userId).not.toBe(userId);
    expect(String(strangerIds.partyId)).not.toBe(partyId);
    const kari = await logIn('kari');
    expect((await call(kari, 'GET', `${base}instances/${id}`)).status).toBe(403);
    expect((await call(new Jar(), 'GET', `${base}instances/${id}`)).status).toBe(401);
    expect((await call(nora, 'GET', `${base}instances/${id}/data/${dataId}`)).body).toMatchObject({ applicantName: 'Nora Borgersen' });

    // Logged in again (a new session): the same user and party, so the instance is still hers.
    const again = await logIn('borger');
    expect(again.cookies.get('studio-session')).not.toBe(nora.cookies.get('studio-session'));
    expect((await call(again, 'GET', `${base}api/v1/profile/user`)).body).toMatchObject({ userId, partyId: Number(partyId) });
    expect((await call(again, 'GET', `${base}instances/${id}`)).status).toBe(200);
    // The host logged every request above, her instance's among them, and her number in none.
    expect(JSON.stringify(logged)).toContain(id);
    expect(JSON.stringify(logged)).not.toContain(pid);
  });

  test("a machine client's token acts as its organisation for the policy", async () => {
    const answer = await oidc.machineToken();
    expect(answer.status).toBe(200);
    // The app's policy gives organisations themselves no role: the organisation is identified and refused by the policy, not by the login.
    const refused = await call(new Jar(), 'POST', `${base}instances?instanceOwnerPartyId=50101`, {}, { authorization: `Bearer ${answer.token}` });
    expect(refused.status).toBe(403);
  });

  test('a session is renewed through the host as it is used, and once it has ended the form app is sent to log in', async () => {
    const kari = await logIn('kari');
    const created = await call(kari, 'POST', `${base}instances?instanceOwnerPartyId=50101`, {});
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const login = kari.cookies.get('studio-session');
    try {
      clockOffset = 901 * 1000;
      const used = await jarRequest(kari, `${front.url}${base}instances/${created.body.id}`, { headers: { accept: 'application/json' } });
      expect(used.status).toBe(200);
      expect(used.headers.getSetCookie().find((c) => c.startsWith('studio-session='))).toMatch(/; Path=\/; Max-Age=1800; HttpOnly; SameSite=Lax$/);
      expect(kari.cookies.get('studio-session')).not.toBe(login);
      // Past the login's own idle window, the renewed session still works (and is renewed again).
      clockOffset = 2000 * 1000;
      expect((await call(kari, 'GET', `${base}instances/${created.body.id}`)).status).toBe(200);
      // Unused for the whole idle window: exactly what the form app turns into a login (401, then auth/session without a user).
      clockOffset = (2000 + 1800) * 1000;
      expect((await call(kari, 'POST', `${base}instances?instanceOwnerPartyId=50101`, {})).status).toBe(401);
      expect(await call(kari, 'GET', `${base}auth/session`)).toEqual({ status: 200, body: { user: null, login: `${base}auth/login`, logout: `${base}auth/logout` } });
    } finally {
      clockOffset = 0;
    }
  });
});
