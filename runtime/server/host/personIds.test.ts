// The ids of persons the people registry does not know, assigned by the host's database: the same pid
// always has the same ids, different pids different ones, and the ids and the table hold nothing of the
// pid; on the embedded database, on one of the schema before them (upgraded), and on a real PostgreSQL
// shared by two replicas asking at once.
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { loginIds } from '../people';
import { openEmbeddedDriver } from '../pgliteStorage';
import { openPostgresDriver } from '../postgresStorage';
import type { SqlDriver } from '../sqlStorage';
import { startPostgres, type PostgresServer } from '../testing/postgresServer';
import { hostDatabase, hostSchemaVersion, migrateHost } from './hostDatabase';

const nora = '12037512345';
const ola = '12037512346';

/** Everything the two tables hold, as text. */
async function tableText(driver: SqlDriver): Promise<string> {
  const ids = await driver.query('SELECT * FROM host_person_ids');
  const settings = await driver.query('SELECT * FROM host_settings');
  return JSON.stringify([ids.rows, settings.rows]);
}

describe('on the embedded database', () => {
  let folder: string;
  let driver: SqlDriver;
  beforeEach(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'studio-person-ids-'));
    driver = await openEmbeddedDriver(folder);
  });
  afterEach(async () => {
    await driver.close();
    rmSync(folder, { recursive: true, force: true });
  });

  test('numbers each pid once, from 1, and gives it the same ids ever after, also through another HostDatabase (a restart)', async () => {
    await migrateHost(driver);
    const db = hostDatabase(driver);
    const first = await db.assignPersonIds(nora);
    expect(first).toEqual(loginIds(1));
    expect(first).toEqual({ userId: 800000000001, partyId: '900000000001' });
    expect(await db.assignPersonIds(nora)).toEqual(first);
    const second = await db.assignPersonIds(ola);
    expect(second).toEqual(loginIds(2));
    expect(await hostDatabase(driver).assignPersonIds(nora)).toEqual(first);
    expect(await hostDatabase(driver).assignPersonIds(ola)).toEqual(second);
    await expect(db.assignPersonIds('1203751234')).rejects.toThrow(/11 digits/);
  });

  test('concurrent logins of one pid get one id', async () => {
    await migrateHost(driver);
    const [a, b] = [hostDatabase(driver), hostDatabase(driver)];
    const all = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).assignPersonIds(nora)));
    expect(new Set(all.map((ids) => ids.partyId))).toEqual(new Set([loginIds(1).partyId]));
    expect((await driver.query('SELECT count(*)::int AS n FROM host_person_ids')).rows).toEqual([{ n: 1 }]);
    expect((await driver.query('SELECT count(*)::int AS n FROM host_settings')).rows).toEqual([{ n: 1 }]);
  });

  test('the tables hold no pid, only its HMAC under the key the host made once', async () => {
    await migrateHost(driver);
    const db = hostDatabase(driver);
    await db.assignPersonIds(nora);
    await db.assignPersonIds(ola);
    const text = await tableText(driver);
    expect(text).not.toContain(nora);
    expect(text).not.toContain(ola);
    // Nor a hash anyone could compute from a guessed pid.
    expect(text).not.toContain(createHash('sha256').update(nora).digest('hex'));
    const { rows } = await driver.query<{ value: string }>("SELECT value FROM host_settings WHERE name = 'person-id-key'");
    expect(rows[0]!.value).toMatch(/^[0-9a-f]{64}$/);
    const key = Buffer.from(rows[0]!.value, 'hex');
    const hmacs = (await driver.query<{ pid_hmac: string }>('SELECT pid_hmac FROM host_person_ids ORDER BY n')).rows.map((r) => r.pid_hmac);
    expect(hmacs).toEqual([nora, ola].map((pid) => createHmac('sha256', key).update(pid).digest('hex')));
  });

  test('a database of the schema before person ids upgrades, keeping what it held', async () => {
    await migrateHost(driver, 3);
    await driver.query("INSERT INTO host_jobs (name, last_run) VALUES ('blob-sweep', now())");
    await migrateHost(driver);
    const { rows } = await driver.query<{ version: number }>('SELECT max(version) AS version FROM host_schema_version');
    expect(rows[0]!.version).toBe(hostSchemaVersion);
    const db = hostDatabase(driver);
    expect(await db.claimJob('blob-sweep', 3_600_000)).toBe(false);
    expect(await db.assignPersonIds(nora)).toEqual(loginIds(1));
  });
});

describe('on PostgreSQL shared by two replicas', () => {
  let postgres: PostgresServer;
  let replicas: SqlDriver[] = [];
  beforeAll(async () => {
    postgres = await startPostgres();
    replicas = await Promise.all([openPostgresDriver(postgres.connectionString), openPostgresDriver(postgres.connectionString)]);
    await Promise.all(replicas.map((driver) => migrateHost(driver)));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(replicas.map((driver) => driver.close()));
    await postgres?.stop();
  });

  test('replicas asking at once, on connections of their own, make one key and give each pid one id', async () => {
    const [a, b] = replicas.map((driver) => hostDatabase(driver)) as [ReturnType<typeof hostDatabase>, ReturnType<typeof hostDatabase>];
    const pids = Array.from({ length: 8 }, (_, i) => `1203751${String(2340 + i)}`);
    const answers = await Promise.all(pids.flatMap((pid) => [a, b, a, b].map(async (db) => ({ pid, ids: await db.assignPersonIds(pid) }))));
    const byPid = new Map<string, Set<string>>();
    for (const { pid, ids } of answers) byPid.set(pid, (byPid.get(pid) ?? new Set()).add(ids.partyId));
    for (const pid of pids) expect(byPid.get(pid)!.size, pid).toBe(1);
    const parties = [...byPid.values()].map((set) => [...set][0]!);
    expect(new Set(parties).size).toBe(pids.length);
    expect((await replicas[0]!.query('SELECT count(*)::int AS n FROM host_settings')).rows).toEqual([{ n: 1 }]);
    expect((await replicas[0]!.query('SELECT count(*)::int AS n FROM host_person_ids')).rows).toEqual([{ n: pids.length }]);
    // Later, either replica (or a new one) gives the same ids.
    for (const { pid, ids } of answers.slice(0, 8)) expect(await hostDatabase(replicas[1]!).assignPersonIds(pid)).toEqual(ids);
    for (const party of parties) for (const pid of pids) expect(party).not.toContain(pid);
  });
});
