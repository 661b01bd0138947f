// The runtime host on the embedded store: deployments of tags from a real git HTTP server, a refused
// broken version, a deploy while the previous version serves, rollback, instances kept on the version
// they were created on, the admin token, health/readiness, log lines and graceful shutdown.
import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addRequiredEmail, breakReference, brokenFile, hostTestApp, hostTestOrg, startHostTestRepo, type HostTestRepo } from '../testing/hostTestRepo';
import { startAppHost, type AppHost, type HostLogEntry } from './appHost';

const token = 'admin-secret-token';
const base = `/${hostTestOrg}/${hostTestApp}/`;
const logoSvg = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>';

let repo: HostTestRepo;
let dataDir: string;
let host: AppHost;
const logs: HostLogEntry[] = [];

async function call(method: string, rel: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${host.url}${rel}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed };
}
const adminCall = (method: string, rel: string, body?: unknown) => call(method, rel, body, { authorization: `Bearer ${token}` });
const deploy = (ref: string) => adminCall('POST', '/admin/deployments', { org: hostTestOrg, app: hostTestApp, ref, remote: repo.remote, by: 'designer@example.com' });
const layoutIds = async (headers: Record<string, string> = {}) => ((await call('GET', `${base}api/layouts/form`, undefined, headers)).body.Side1.data.layout as { id: string }[]).map((c) => c.id);

async function newInstance(name: string): Promise<{ id: string; dataId: string }> {
  const created = await call('POST', `${base}instances?instanceOwnerPartyId=501`, {});
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const dataId = (created.body.data as { id: string; dataType: string }[]).find((d) => d.dataType === 'model')!.id;
  expect((await call('PUT', `${base}instances/${id}/data/${dataId}`, { applicantName: name })).status).toBe(200);
  return { id, dataId };
}
const issuesOf = async (id: string) => {
  const res = await call('GET', `${base}instances/${id}/validate`);
  expect(res.status).toBe(200);
  return res.body as { field?: string; code?: string }[];
};

beforeAll(async () => {
  repo = await startHostTestRepo();
  await repo.tag('v1');
  // v2 also brings a static file of its own (App/wwwroot), which v1 has not.
  await repo.tag('v2', (dir) => {
    addRequiredEmail(dir);
    mkdirSync(path.join(dir, 'App', 'wwwroot'), { recursive: true });
    writeFileSync(path.join(dir, 'App', 'wwwroot', 'logo.svg'), logoSvg);
  });
  await repo.tag('broken', breakReference);
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'studio-host-test-'));
  host = await startAppHost({ dataDir, adminToken: token, envName: 'test', refreshMs: 200, log: (e) => logs.push(e), clientDir: path.join(dataDir, 'no-client') });
}, 60_000);

afterAll(async () => {
  await host?.close();
  await repo?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('runtime host', () => {
  test('health and readiness; an app that is not deployed is 404', async () => {
    expect(await call('GET', '/health')).toEqual({ status: 200, body: { status: 'ok', env: 'test' } });
    const ready = await call('GET', '/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.database).toBe(true);
    expect((await call('GET', `${base}api/v1/applicationmetadata`)).status).toBe(404);
  });

  test('the admin API needs the token: missing or wrong is 401', async () => {
    const body = { org: hostTestOrg, app: hostTestApp, ref: 'v1', remote: repo.remote };
    expect((await call('POST', '/admin/deployments', body)).status).toBe(401);
    expect((await call('POST', '/admin/deployments', body, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await call('POST', '/admin/deployments', body, { authorization: `Bearer ${token}x` })).status).toBe(401);
    expect((await call('POST', '/admin/deployments', body, { authorization: token })).status).toBe(401);
    expect((await call('GET', `/admin/deployments?org=${hostTestOrg}&app=${hostTestApp}`)).status).toBe(401);
    expect((await call('POST', '/admin/rollback', { org: hostTestOrg, app: hostTestApp, version: 'v1' })).status).toBe(401);
    expect((await call('GET', `/admin/deployments?org=${hostTestOrg}&app=${hostTestApp}`, undefined, { authorization: `Bearer ${token}` })).status).toBe(200);
  });

  let v1Instance: { id: string; dataId: string };

  test('deploys a tag from the git remote and serves it at /org/app/', async () => {
    const res = await deploy('v1');
    expect(res.status).toBe(201);
    expect(res.body.deployment).toMatchObject({ version: 'v1', result: 'succeeded', kind: 'deploy', by: 'designer@example.com' });
    expect(res.body.deployment.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(await layoutIds()).not.toContain('applicant-email');
    v1Instance = await newInstance('Kari');
    expect(await issuesOf(v1Instance.id)).toEqual([]);
    const line = logs.find((e) => e.method === 'GET' && String(e.path).endsWith('/validate'));
    expect(line).toMatchObject({ env: 'test', status: 200, app: `${hostTestOrg}/${hostTestApp}`, version: 'v1' });
    expect(typeof line!.ms).toBe('number');
    expect(typeof line!.time).toBe('string');
  });

  test('a fetch that fails is recorded with its error', async () => {
    const res = await deploy('no-such-tag');
    expect(res.status).toBe(502);
    expect(res.body.deployment).toMatchObject({ version: 'no-such-tag', result: 'failed', commit: null });
    expect(res.body.message).toContain('no-such-tag');
  });

  test('a version whose check has errors is refused with its diagnostics and never becomes active', async () => {
    const res = await deploy('broken');
    expect(res.status).toBe(409);
    expect(res.body.diagnostics).toEqual([expect.objectContaining({ file: brokenFile, line: expect.any(Number), severity: 'error', code: 'component-ref-missing', message: expect.stringContaining('no-such-component') })]);
    expect(res.body.deployment).toMatchObject({ version: 'broken', result: 'failed' });
    expect(await layoutIds()).not.toContain('applicant-email');
  });

  test('a second version deploys while the first keeps answering; instances made on v1 stay on v1', async () => {
    let stop = false;
    const statuses: number[] = [];
    const load = (async () => {
      while (!stop) statuses.push((await call('GET', `${base}api/layouts/form`)).status);
    })();
    const res = await deploy('v2');
    stop = true;
    await load;
    expect(res.status).toBe(201);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(await layoutIds()).toContain('applicant-email');
    // v2 requires the e-mail; the v1 instance is still validated by v1.
    expect(await issuesOf(v1Instance.id)).toEqual([]);
    const v2Instance = await newInstance('Ola');
    expect((await issuesOf(v2Instance.id)).length).toBeGreaterThan(0);
    expect((await call('PUT', `${base}instances/${v1Instance.id}/process/next`)).status).toBe(200);
    const served = logs.filter((e) => String(e.path).includes(v1Instance.id.split('/')[1]!));
    expect(served.at(-1)).toMatchObject({ path: expect.stringContaining('/process/next'), version: 'v1' });
  });

  test("the form app's X-Studio-Instance header gets an open instance its own version's layouts; any other value gets the active one's", async () => {
    const v2Instance = await newInstance('Per');
    const withInstance = (id: string) => ({ 'x-studio-instance': id });
    expect(await layoutIds(withInstance(v1Instance.id))).not.toContain('applicant-email');
    expect(await layoutIds(withInstance(v2Instance.id))).toContain('applicant-email');
    expect(await layoutIds()).toContain('applicant-email');
    const [party, guid] = v1Instance.id.split('/') as [string, string];
    // Malformed (not exactly partyId/guid), unknown, or another app's: the active version answers, never an error.
    for (const value of [`${party}/${guid}x`, `x${party}/${guid}`, `${party}/${guid}/data`, `../${guid}`, guid, `${party}/${guid.replace(/-/g, '')}`, `501/${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}`]) {
      const res = await call('GET', `${base}api/layouts/form`, undefined, withInstance(value));
      expect(res.status).toBe(200);
      expect((res.body.Side1.data.layout as { id: string }[]).map((c) => c.id)).toContain('applicant-email');
    }
    // The metadata and texts follow the header too, and the log line names the version that answered.
    expect((await call('GET', `${base}api/v1/applicationmetadata`, undefined, withInstance(v1Instance.id))).status).toBe(200);
    expect(logs.at(-1)).toMatchObject({ path: `${base}api/v1/applicationmetadata`, version: 'v1' });
    // The app's own static files come from the version that answers: v2's logo, which the v1 instance's version lacks.
    const logo = await fetch(`${host.url}${base}logo.svg`);
    expect([logo.status, logo.headers.get('content-type'), await logo.text()]).toEqual([200, 'image/svg+xml', logoSvg]);
    expect((await fetch(`${host.url}${base}logo.svg`, { headers: withInstance(v1Instance.id) })).status).toBe(404);
    // Creating an instance goes to the active version whatever the header says.
    const created = await call('POST', `${base}instances?instanceOwnerPartyId=501`, {}, withInstance(v1Instance.id));
    expect(created.status).toBe(201);
    expect(logs.at(-1)).toMatchObject({ method: 'POST', version: 'v2' });
  });

  test('history is newest first, and rollback makes an earlier version active', async () => {
    const history = await adminCall('GET', `/admin/deployments?org=${hostTestOrg}&app=${hostTestApp}`);
    expect(history.body.deployments.map((d: { version: string; result: string }) => `${d.version}:${d.result}`)).toEqual(['v2:succeeded', 'broken:failed', 'no-such-tag:failed', 'v1:succeeded']);
    expect(history.body.active.version).toBe('v2');
    expect((await adminCall('POST', '/admin/rollback', { org: hostTestOrg, app: hostTestApp, version: 'broken' })).status).toBe(404);
    const back = await adminCall('POST', '/admin/rollback', { org: hostTestOrg, app: hostTestApp, version: 'v1', by: 'ops' });
    expect(back.status).toBe(200);
    expect(back.body.deployment).toMatchObject({ kind: 'rollback', version: 'v1', result: 'succeeded', by: 'ops' });
    expect(await layoutIds()).not.toContain('applicant-email');
    const after = await adminCall('GET', `/admin/deployments?org=${hostTestOrg}&app=${hostTestApp}`);
    expect(after.body.deployments[0]).toMatchObject({ kind: 'rollback', version: 'v1' });
    expect(after.body.active.version).toBe('v1');
  });

  test('a restarted host on the same data folder serves the active version', async () => {
    await host.close();
    host = await startAppHost({ dataDir, adminToken: token, envName: 'test', refreshMs: 200, log: (e) => logs.push(e), clientDir: path.join(dataDir, 'no-client') });
    expect((await call('GET', '/ready')).status).toBe(200);
    expect(await layoutIds()).not.toContain('applicant-email');
  });

  test('close() lets a request in flight finish, then refuses new connections', async () => {
    const { id, dataId } = await newInstance('Slow');
    const url = new URL(`${host.url}${base}instances/${id}/data/${dataId}`);
    const body = JSON.stringify({ applicantName: 'Slow but saved' });
    const answer = new Promise<number>((resolve, reject) => {
      const req = http.request(url, { method: 'PUT', headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      // Half the body now, the rest after close() has begun.
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 400);
    });
    await new Promise((r) => setTimeout(r, 100));
    let closedAt = 0;
    const closing = host.close().then(() => (closedAt = Date.now()));
    await new Promise((r) => setTimeout(r, 50));
    await expect(fetch(`${host.url}/health`)).rejects.toThrow();
    const status = await answer;
    const answeredAt = Date.now();
    await closing;
    expect(status).toBe(200);
    expect(closedAt).toBeGreaterThanOrEqual(answeredAt - 5);
    // The save reached the database: a new host on the folder reads it.
    host = await startAppHost({ dataDir, adminToken: token, refreshMs: 200, log: () => undefined, clientDir: path.join(dataDir, 'no-client') });
    const saved = await call('GET', `${base}instances/${id}/data/${dataId}`);
    expect(saved.body.applicantName).toBe('Slow but saved');
  });
});
