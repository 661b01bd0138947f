// The deployment rows on the embedded database: a database of the schema before phases upgrades and
// keeps its history; running rows move through phases; a row nobody touches for longer than the limit,
// or whose replica is known gone, ends as interrupted and can no longer become active.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openEmbeddedDriver } from '../pgliteStorage';
import type { SqlDriver } from '../sqlStorage';
import { DeploymentInterrupted, deploymentRecords } from './deploymentRecords';
import { hostDatabase, hostSchemaVersion, migrateHost } from './hostDatabase';

let folder: string;
let driver: SqlDriver;

beforeEach(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'studio-deploy-rows-'));
  driver = await openEmbeddedDriver(folder);
});
afterEach(async () => {
  await driver.close();
  rmSync(folder, { recursive: true, force: true });
});

const entry = (replica: string) => ({ org: 'ttd', app: 'a', version: 'v2', commit: null, kind: 'deploy' as const, by: 'kari', replica });
/** Makes a row look untouched for `minutes` by the database's own clock. */
const age = (id: number, minutes: number) => driver.query(`UPDATE host_deployments SET updated_at = now() - ($2::double precision * interval '1 minute') WHERE id = $1`, [id, minutes]);

describe('deployment rows', () => {
  test('a database of the schema before phases upgrades, keeping its history and active version', async () => {
    await migrateHost(driver, 1);
    await driver.query(
      `INSERT INTO host_deployments (org, app, version, commit, kind, deployed_by, at, result, message) VALUES ('ttd', 'a', 'v1', $1, 'deploy', 'kari', '2026-01-01T00:00:00.000Z', 'succeeded', 'Deployed v1')`,
      ['c'.repeat(40)],
    );
    await driver.query(`INSERT INTO host_active (org, app, deployment_id, version, commit) VALUES ('ttd', 'a', 1, 'v1', $1)`, ['c'.repeat(40)]);
    await migrateHost(driver);
    const { rows } = await driver.query<{ version: number }>('SELECT max(version) AS version FROM host_schema_version');
    expect(rows[0]!.version).toBe(hostSchemaVersion);
    const db = hostDatabase(driver);
    expect(await db.listDeployments('ttd', 'a')).toEqual([expect.objectContaining({ version: 'v1', result: 'succeeded', phase: null, replica: null, message: 'Deployed v1' })]);
    expect(await db.findSucceeded('ttd', 'a', 'v1')).toMatchObject({ id: 1 });
    expect(await db.listActive()).toEqual([expect.objectContaining({ version: 'v1', deploymentId: 1 })]);
    // New rows after the old ones.
    const row = await db.startDeployment(entry('r1'), 'queued');
    expect(row).toMatchObject({ id: 2, result: 'running', phase: 'queued', replica: 'r1' });
  });

  test('a running row moves through its phases and ends active; its commit is kept once known', async () => {
    await migrateHost(driver);
    const db = hostDatabase(driver);
    const row = await db.startDeployment(entry('r1'), 'queued');
    expect(await db.setPhase(row.id, 'fetching')).toBe(true);
    expect(await db.setPhase(row.id, 'checking', 'd'.repeat(40))).toBe(true);
    expect(await db.setPhase(row.id, 'loading')).toBe(true);
    expect(await db.getDeployment(row.id)).toMatchObject({ result: 'running', phase: 'loading', commit: 'd'.repeat(40) });
    const done = await db.finishDeployment(row.id, { result: 'succeeded', message: 'Deployed v2' }, true);
    expect(done).toMatchObject({ result: 'succeeded', phase: 'loading', message: 'Deployed v2' });
    expect(await db.listActive()).toEqual([expect.objectContaining({ version: 'v2', deploymentId: row.id })]);
    expect(await db.setPhase(row.id, 'storing')).toBe(false);
    await expect(db.finishDeployment(row.id, { result: 'failed', message: 'again' }, false)).rejects.toBeInstanceOf(DeploymentInterrupted);
    expect(await db.getDeployment(9999)).toBeNull();
  });

  test('a running row untouched for longer than the limit ends as interrupted, keeps its phase, and never becomes active', async () => {
    await migrateHost(driver);
    const db = deploymentRecords(driver, 10 * 60_000);
    const stale = await db.startDeployment(entry('gone-replica'), 'queued');
    await db.setPhase(stale.id, 'storing', 'e'.repeat(40));
    const fresh = await db.startDeployment({ ...entry('live-replica'), app: 'b' }, 'fetching');
    await age(stale.id, 11);
    await age(fresh.id, 9);
    expect(await db.getDeployment(fresh.id)).toMatchObject({ result: 'running', phase: 'fetching' });
    const ended = await db.getDeployment(stale.id);
    expect(ended).toMatchObject({ result: 'failed', phase: 'storing' });
    expect(ended!.message).toMatch(/^Interrupted while storing: the host replica running it \(gone-replica\) gave no sign of life for over 600 s/);
    expect((await db.listDeployments('ttd', 'a'))[0]).toMatchObject({ id: stale.id, result: 'failed' });
    // The replica was only slow after all: it cannot end the row or make its version active now.
    expect(await db.touchDeployment(stale.id)).toBe(false);
    await expect(db.finishDeployment(stale.id, { result: 'succeeded', message: 'Deployed' }, true)).rejects.toMatchObject({ deployment: { id: stale.id, result: 'failed' } });
    expect(await hostDatabase(driver).listActive()).toEqual([]);
    // A touch keeps a row running however old it was.
    await age(fresh.id, 11);
    expect(await db.touchDeployment(fresh.id)).toBe(true);
    expect(await db.getDeployment(fresh.id)).toMatchObject({ result: 'running' });
  });

  test('a replica known gone has its running rows ended at once; others are left alone', async () => {
    await migrateHost(driver);
    const db = hostDatabase(driver);
    const mine = await db.startDeployment(entry('host-a:1:1'), 'checking');
    const theirs = await db.startDeployment({ ...entry('host-b:1:1'), app: 'b' }, 'fetching');
    expect(await db.interruptRunning('host-a:1:1')).toBe(1);
    expect(await db.getDeployment(mine.id)).toMatchObject({ result: 'failed', phase: 'checking', message: expect.stringMatching(/^Interrupted while checking: .*\(host-a:1:1\) restarted before it ended/) });
    expect(await db.getDeployment(theirs.id)).toMatchObject({ result: 'running' });
    expect(await db.interruptRunning(null)).toBe(1);
    expect(await db.getDeployment(theirs.id)).toMatchObject({ result: 'failed', phase: 'fetching' });
  });
});
