// Periodic jobs on the host's database (the blob sweep): of replicas asking for the same period, one
// gets it; the next period is free again once the period has passed by the database's clock.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { openEmbeddedDriver } from '../pgliteStorage';
import type { SqlDriver } from '../sqlStorage';
import { hostDatabase, migrateHost } from './hostDatabase';

let folder: string;
let driver: SqlDriver;

beforeEach(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'studio-host-jobs-'));
  driver = await openEmbeddedDriver(folder);
  await migrateHost(driver);
});
afterEach(async () => {
  await driver.close();
  rmSync(folder, { recursive: true, force: true });
});

test('one claim per period: the first asker runs the job, the others skip until the period has passed', async () => {
  const db = hostDatabase(driver);
  const hour = 3_600_000;
  const atOnce = await Promise.all([db.claimJob('blob-sweep', hour), db.claimJob('blob-sweep', hour), db.claimJob('blob-sweep', hour)]);
  expect(atOnce.filter(Boolean)).toHaveLength(1);
  expect(await db.claimJob('blob-sweep', hour)).toBe(false);
  // Another job has its own period.
  expect(await db.claimJob('another-job', hour)).toBe(true);
  // An hour and a minute later, by the database's clock, the sweep is due again, once.
  await driver.query(`UPDATE host_jobs SET last_run = now() - interval '61 minutes' WHERE name = 'blob-sweep'`);
  expect(await db.claimJob('blob-sweep', hour)).toBe(true);
  expect(await db.claimJob('blob-sweep', hour)).toBe(false);
});
