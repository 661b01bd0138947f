// The runtime host sweeps its blob store every blobSweepMs: a blob no row points at that is older than
// the grace period (an hour) goes, a younger one stays (its write may be about to commit), and each
// sweep logs one JSON line saying what it did. Old blobs are made old by their mtime, not by waiting.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { startAppHost, type AppHost, type HostLogEntry } from './appHost';

let dataDir: string;
let host: AppHost | undefined;
afterAll(async () => {
  await host?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('the host removes old orphaned blobs periodically, keeps young ones, and logs each sweep', async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'studio-host-sweep-'));
  const blobDir = path.join(dataDir, 'blobs');
  const blob = (name: string, old: boolean) => {
    const file = path.join(blobDir, name, 'data-1', randomUUID());
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'orphan');
    if (old) utimesSync(file, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
    return file;
  };
  const oldOrphans = [blob('guid-a', true), blob('guid-b', true)];
  const young = blob('guid-c', false);
  const notOurs = path.join(blobDir, 'readme.txt');
  writeFileSync(notOurs, 'not a blob of the storage');
  utimesSync(notOurs, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));

  const lines: HostLogEntry[] = [];
  host = await startAppHost({ dataDir, blobDir, blobSweepMs: 50, log: (entry) => lines.push(entry), clientDir: path.join(dataDir, 'no-client') });
  // Waits for sweeps (an event), asserting nothing about how long they take.
  await expect.poll(() => lines.filter((l) => l.event === 'blob-sweep').length, { timeout: 30_000, interval: 25 }).toBeGreaterThanOrEqual(2);
  const sweeps = lines.filter((l) => l.event === 'blob-sweep');
  expect(sweeps[0]).toMatchObject({ env: 'default', checked: 2, removed: 2, unfinished: 0, ms: expect.any(Number), time: expect.any(String) });
  expect(sweeps[1]).toMatchObject({ checked: 0, removed: 0 });
  expect(oldOrphans.map(existsSync)).toEqual([false, false]);
  expect(existsSync(young)).toBe(true);
  expect(existsSync(notOurs)).toBe(true);
  expect(lines.filter((l) => l.event === 'blob-sweep-failed')).toEqual([]);

  await host.close();
  host = undefined;
  expect(lines.at(-1)).toMatchObject({ event: 'closed' });
}, 60_000);
