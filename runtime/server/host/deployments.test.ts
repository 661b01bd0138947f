// Deployments in phases on a real runtime host (embedded store) fetching tags from a real git HTTP
// server: the phases of a deploy in order, 202 and polling, a refused check failed in `checking` with
// its diagnostics, unknown ids, and a deploy left running by a host that stopped, ended at restart.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openEmbeddedDriver } from '../pgliteStorage';
import { breakReference, brokenFile, hostTestApp, hostTestOrg, startHostTestRepo, type HostTestRepo } from '../testing/hostTestRepo';
import { startAppHost, type AppHost, type HostLogEntry } from './appHost';
import { deploymentPhases, type Deployment } from './deploymentRecords';
import { hostDatabase, migrateHost } from './hostDatabase';

const token = 'phases-admin-token';
let repo: HostTestRepo;
let dataDir: string;
let host: AppHost;
const logs: HostLogEntry[] = [];

const start = () => startAppHost({ dataDir, adminToken: token, refreshMs: 200, log: (e) => logs.push(e), clientDir: path.join(dataDir, 'no-client') });

async function admin(method: string, rel: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${host.url}${rel}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json(), headers: res.headers };
}
const deployBody = (ref: string, extra: Record<string, unknown> = {}) => ({ org: hostTestOrg, app: hostTestApp, ref, remote: repo.remote, ...extra });

/** Polls a started deployment until it has ended; returns the phases seen while it ran (from its start's) and its end. */
async function pollUntilEnded(started: Deployment): Promise<{ seen: string[]; end: Deployment }> {
  const id = started.id;
  const seen: string[] = [started.phase!];
  for (;;) {
    const res = await admin('GET', `/admin/deployments/${id}`);
    expect(res.status).toBe(200);
    const d = res.body.deployment as Deployment;
    if (d.result !== 'running') return { seen, end: d };
    if (seen.at(-1) !== d.phase) seen.push(d.phase!);
    await new Promise((r) => setTimeout(r, 5));
  }
}
const inOrder = (phases: readonly string[]) => phases.every((p, i) => i === 0 || deploymentPhases.indexOf(p as never) > deploymentPhases.indexOf(phases[i - 1] as never));

beforeAll(async () => {
  repo = await startHostTestRepo();
  await repo.tag('v1');
  await repo.tag('broken', breakReference);
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'studio-host-phases-'));
  host = await start();
}, 60_000);

afterAll(async () => {
  await host?.close();
  await repo?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('deployments in phases', () => {
  test('a blocking deploy goes through fetching, checking, storing and loading, and its record keeps the last phase', async () => {
    const res = await admin('POST', '/admin/deployments', deployBody('v1'));
    expect(res.status).toBe(201);
    const id = res.body.deployment.id as number;
    expect(res.body.deployment).toMatchObject({ result: 'succeeded', phase: 'loading', replica: expect.any(String) });
    const phases = logs.filter((e) => e.event === 'deploy-phase' && e.deployment === id).map((e) => e.phase);
    expect(phases).toEqual(['fetching', 'checking', 'storing', 'loading']);
    expect((await admin('GET', `/admin/deployments/${id}`)).body.deployment).toEqual(res.body.deployment);
  });

  test('"wait": false answers 202 at once with the running deployment; polling sees its phases in order until it succeeds', async () => {
    const res = await admin('POST', '/admin/deployments', deployBody('v1', { wait: false }));
    expect(res.status).toBe(202);
    expect(res.body.deployment).toMatchObject({ result: 'running', phase: 'queued', version: 'v1', commit: null });
    expect(res.headers.get('location')).toBe(`/admin/deployments/${res.body.deployment.id}`);
    const { seen, end } = await pollUntilEnded(res.body.deployment);
    expect(inOrder(seen)).toBe(true);
    expect(end).toMatchObject({ result: 'succeeded', phase: 'loading', commit: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect((await admin('GET', `/admin/deployments?org=${hostTestOrg}&app=${hostTestApp}`)).body.active.version).toBe('v1');
  });

  test('Prefer: respond-async answers 202; a version refused by the check ends failed in checking with its diagnostics', async () => {
    const res = await admin('POST', '/admin/deployments', deployBody('broken'), { prefer: 'respond-async, wait=100' });
    expect(res.status).toBe(202);
    expect(res.headers.get('preference-applied')).toBe('respond-async');
    const { seen, end } = await pollUntilEnded(res.body.deployment);
    expect(inOrder(seen)).toBe(true);
    expect(end).toMatchObject({ result: 'failed', phase: 'checking', message: expect.stringContaining('1 error') });
    expect(end.diagnostics).toEqual([expect.objectContaining({ file: brokenFile, severity: 'error', line: expect.any(Number), code: 'component-ref-missing' })]);
    expect((await admin('GET', `/admin/deployments?org=${hostTestOrg}&app=${hostTestApp}`)).body.active.version).toBe('v1');
  });

  test('a fetch that fails ends failed in fetching, without a commit', async () => {
    const res = await admin('POST', '/admin/deployments', deployBody('no-such-tag'));
    expect(res.status).toBe(502);
    expect(res.body.deployment).toMatchObject({ result: 'failed', phase: 'fetching', commit: null });
  });

  test('an unknown deployment is 404, a malformed wait 400, and without the token 401', async () => {
    expect((await admin('GET', '/admin/deployments/987654')).status).toBe(404);
    expect((await admin('GET', '/admin/deployments/abc')).status).toBe(404);
    expect((await admin('POST', '/admin/deployments', deployBody('v1', { wait: 'no' }))).status).toBe(400);
    expect((await fetch(`${host.url}/admin/deployments/1`)).status).toBe(401);
  });

  test('close() lets a deploy started without waiting end; one left running by a host that stopped is ended as interrupted at the next start', async () => {
    const unawaited = await admin('POST', '/admin/deployments', deployBody('v1', { wait: false }));
    expect(unawaited.status).toBe(202);
    await host.close();
    // What a host that died while storing leaves behind.
    const driver = await openEmbeddedDriver(path.join(dataDir, 'db'));
    let id: number;
    try {
      await migrateHost(driver);
      const db = hostDatabase(driver);
      const row = await db.startDeployment({ org: hostTestOrg, app: hostTestApp, version: 'v9', commit: null, kind: 'deploy', by: null, replica: 'dead-host:1:1' }, 'queued');
      await db.setPhase(row.id, 'storing', 'f'.repeat(40));
      id = row.id;
    } finally {
      await driver.close();
    }
    host = await start();
    const res = await admin('GET', `/admin/deployments/${id}`);
    expect(res.body.deployment).toMatchObject({ result: 'failed', phase: 'storing', message: expect.stringMatching(/^Interrupted while storing/) });
    expect(logs).toContainEqual(expect.objectContaining({ event: 'deploys-interrupted', count: 1 }));
    expect((await admin('GET', `/admin/deployments/${unawaited.body.deployment.id}`)).body.deployment).toMatchObject({ result: 'succeeded', phase: 'loading' });
    expect((await admin('GET', `/admin/deployments?org=${hostTestOrg}&app=${hostTestApp}`)).body.active.version).toBe('v1');
  });
});
