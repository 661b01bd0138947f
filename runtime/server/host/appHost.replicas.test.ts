// Two runtime host replicas on one real PostgreSQL, each with its own data folder (so B has only the
// database to learn versions from): an instance created on A is read, saved, validated and moved on by
// B; a version deployed on A is served by B after its refresh; a v1 instance stays on v1 on both; a
// deployment started on A without waiting is followed through B.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startPostgres, type PostgresServer } from '../testing/postgresServer';
import { addRequiredEmail, hostTestApp, hostTestOrg, startHostTestRepo, type HostTestRepo } from '../testing/hostTestRepo';
import { startAppHost, type AppHost } from './appHost';

const token = 'replica-admin-token';
const base = `/${hostTestOrg}/${hostTestApp}/`;
let repo: HostTestRepo;
let postgres: PostgresServer;
let folder: string;
let a: AppHost;
let b: AppHost;

async function call(host: AppHost, method: string, rel: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${host.url}${rel}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
const deployOn = (host: AppHost, ref: string) => call(host, 'POST', '/admin/deployments', { org: hostTestOrg, app: hostTestApp, ref, remote: repo.remote }, { authorization: `Bearer ${token}` });
const layoutIds = async (host: AppHost) => {
  const res = await call(host, 'GET', `${base}api/layouts/form`);
  return res.status === 200 ? (res.body.Side1.data.layout as { id: string }[]).map((c) => c.id) : [];
};

async function until(condition: () => Promise<boolean>, ms = 5000): Promise<number> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - start;
}

beforeAll(async () => {
  [repo, postgres] = await Promise.all([startHostTestRepo(), startPostgres()]);
  await repo.tag('v1');
  await repo.tag('v2', addRequiredEmail);
  folder = mkdtempSync(path.join(os.tmpdir(), 'studio-host-replicas-'));
  // The replicas share the database and one blob folder, as a deployment's replicas do.
  const options = { database: postgres.connectionString, blobDir: path.join(folder, 'blobs'), adminToken: token, refreshMs: 300, log: () => undefined, clientDir: path.join(folder, 'no-client') };
  [a, b] = await Promise.all([startAppHost({ ...options, dataDir: path.join(folder, 'a') }), startAppHost({ ...options, dataDir: path.join(folder, 'b') })]);
}, 90_000);

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await Promise.all([repo?.stop(), postgres?.stop()]);
  rmSync(folder, { recursive: true, force: true });
});

test('two replicas on one PostgreSQL serve the same apps and instances', async () => {
  expect((await deployOn(a, 'v1')).status).toBe(201);
  // B learns the version from the database (its own data folder has nothing).
  await until(async () => (await call(b, 'GET', `${base}api/v1/applicationmetadata`)).status === 200);
  expect((await call(b, 'GET', '/ready')).status).toBe(200);

  const created = await call(a, 'POST', `${base}instances?instanceOwnerPartyId=501`, {});
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const dataId = (created.body.data as { id: string; dataType: string }[]).find((d) => d.dataType === 'model')!.id;
  expect((await call(b, 'GET', `${base}instances/${id}`)).body.id).toBe(id);
  expect((await call(b, 'PUT', `${base}instances/${id}/data/${dataId}`, { applicantName: 'Kari' })).status).toBe(200);
  expect((await call(a, 'GET', `${base}instances/${id}/data/${dataId}`)).body.applicantName).toBe('Kari');
  expect((await call(b, 'GET', `${base}instances/${id}/validate`)).body).toEqual([]);

  // Deployed on A, served by B after its refresh; the v1 instance stays on v1 on both replicas.
  expect((await deployOn(a, 'v2')).status).toBe(201);
  expect(await layoutIds(a)).toContain('applicant-email');
  await until(async () => (await layoutIds(b)).includes('applicant-email'));
  expect((await call(b, 'GET', `${base}instances/${id}/validate`)).body).toEqual([]);
  expect((await call(a, 'GET', `${base}instances/${id}/validate`)).body).toEqual([]);
  const next = await call(b, 'PUT', `${base}instances/${id}/process/next`);
  expect(next.status).toBe(200);
  expect((await call(a, 'GET', `${base}instances/${id}`)).body.process.ended).toBeTruthy();

  // A rollback on B reaches A too.
  expect((await call(b, 'POST', '/admin/rollback', { org: hostTestOrg, app: hostTestApp, version: 'v1' }, { authorization: `Bearer ${token}` })).status).toBe(200);
  await until(async () => !(await layoutIds(a)).includes('applicant-email'));
  const history = await call(a, 'GET', `/admin/deployments?org=${hostTestOrg}&app=${hostTestApp}`, undefined, { authorization: `Bearer ${token}` });
  expect(history.body.deployments.map((d: { kind: string; version: string }) => `${d.kind}:${d.version}`)).toEqual(['rollback:v1', 'deploy:v2', 'deploy:v1']);
});

test('a deployment started on one replica is followed to its end on the other', async () => {
  const admin = { authorization: `Bearer ${token}` };
  const started = await call(a, 'POST', '/admin/deployments', { org: hostTestOrg, app: hostTestApp, ref: 'v2', remote: repo.remote, wait: false }, admin);
  expect(started.status).toBe(202);
  expect(started.body.deployment).toMatchObject({ result: 'running', phase: 'queued' });
  const id = started.body.deployment.id as number;
  let seen: { result: string; phase: string; replica: string } = started.body.deployment;
  await until(async () => {
    const res = await call(b, 'GET', `/admin/deployments/${id}`, undefined, admin);
    expect(res.status).toBe(200);
    seen = res.body.deployment;
    return seen.result !== 'running';
  }, 30_000);
  expect(seen).toMatchObject({ result: 'succeeded', phase: 'loading', replica: started.body.deployment.replica });
  await until(async () => (await layoutIds(b)).includes('applicant-email'));
});
