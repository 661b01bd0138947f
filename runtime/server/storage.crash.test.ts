// A writer process killed with SIGKILL in the middle of its writes leaves a store that opens, whose
// instance records match their data contents exactly, with nothing half-written, and that keeps
// every write the writer saw committed. Run against the embedded store, the embedded store with its
// attachments in a fileBlobStore (where the blob sweep then removes what the killed writers left), and a
// real PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fileBlobStore } from './blobStore';
import { sweepBlobs } from './blobSweep';
import { openEmbeddedStorage } from './pgliteStorage';
import { openPostgresStorage } from './postgresStorage';
import type { Instance, RuntimeStorage } from './storage';
import { startPostgres, type PostgresServer } from './testing/postgresServer';
import { bundleStorage } from './testing/storageBundle.mjs';

const writer = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing', 'storageCrashWriter.mjs');
let bundle: { url: string; remove: () => void };
let server: PostgresServer;
const folders: string[] = [];

beforeAll(async () => {
  [bundle, server] = await Promise.all([bundleStorage(), startPostgres()]);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  bundle?.remove();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/**
 * Starts the writer and kills it (SIGKILL) once it has committed `instances` instances, or once it says
 * it holds after a blob put (the key goes to `held`); resolves to the last instance it reported done.
 */
function writeUntilKilled(args: string[], instances: number, held: string[] = []): Promise<number> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [writer, bundle.url, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let done = 0;
    let stderr = '';
    let out = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const lines = out.split('\n');
      out = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^done (\d+)$/.exec(line);
        if (match) done = Number(match[1]);
        const hold = /^held (\S+)$/.exec(line);
        if (hold) held.push(hold[1]!);
      }
      // The writer goes straight on with the next instance: the kill lands in the middle of its writes.
      if ((done >= instances || held.length > 0) && child.signalCode === null) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(done);
      else reject(new Error(`The writer ended by itself (code ${code}) after ${done} instances: ${stderr}`));
    });
  });
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Checks every instance through the storage interface (at most `atMost` of them); returns them. */
async function checkThroughInterface(store: RuntimeStorage, committed: number, atMost = committed + 1): Promise<Instance[]> {
  const instances = await store.listInstances({ appId: 'acme/crash', includeEnded: true });
  // Everything the writer saw committed is there; the instance it was writing may or may not be.
  expect(instances.length).toBeGreaterThanOrEqual(committed);
  expect(instances.length).toBeLessThanOrEqual(atMost);
  for (const instance of instances) {
    for (const element of instance.data) {
      const stored = await store.readData(instance.id, element.id);
      expect(stored, `${instance.id} lists ${element.id} but has no content`).not.toBeNull();
      if (element.dataType === 'model') {
        expect(stored!.content).toMatchObject({ name: expect.stringMatching(/^instance \d+$/) });
        continue;
      }
      const bytes = stored!.content as Uint8Array;
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(bytes.length).toBe(element.size);
      // The content written last, or (when it was being written over) the one before: never a mix.
      expect(element.tags).toContain(sha256(bytes));
    }
    const files = instance.data.length - 1;
    // updateInstance runs after each addData: the count of updates is the count of files, or one behind.
    expect(Number(instance.dataValues?.updates ?? 0)).toBeGreaterThanOrEqual(files - 1);
    expect(Number(instance.dataValues?.updates ?? 0)).toBeLessThanOrEqual(files);
  }
  const complete = instances.filter((i) => i.data.length === 5 && i.dataValues?.updates === '4');
  expect(complete.length).toBeGreaterThanOrEqual(committed);
  return instances;
}

/** Checks in SQL that content rows and the elements the records list are the same set. */
async function checkRows(query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }>, instances: Instance[]) {
  const { rows: contents } = await query("SELECT instance_id || ' ' || data_id AS key FROM data_contents ORDER BY 1");
  const listed = instances.flatMap((i) => i.data.map((d) => `${i.id} ${d.id}`)).sort();
  expect(contents.map((row) => row.key)).toEqual(listed);
  const { rows: orphans } = await query('SELECT count(*)::int AS n FROM events WHERE instance_id NOT IN (SELECT id FROM instances)');
  expect(orphans[0]!.n).toBe(0);
}

test('embedded store: a writer killed mid-way leaves a consistent store that opens and keeps what was committed', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'studio-storage-crash-'));
  folders.push(folder);
  const committed = await writeUntilKilled(['embedded', folder], 6);
  // The dead writer's lock file is still there; opening takes it over.
  expect(existsSync(path.join(folder, 'lock'))).toBe(true);
  const store = await openEmbeddedStorage(folder);
  const instances = await checkThroughInterface(store, committed);
  await store.close();
  const raw = await PGlite.create(path.join(folder, 'pgdata'));
  try {
    await checkRows((sql) => raw.query<Record<string, unknown>>(sql), instances);
  } finally {
    await raw.close();
  }
}, 240_000);

test('embedded store with a blob folder: killed writers leave every content readable, old or new, and the sweep removes the blobs they left', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'studio-storage-crash-blobs-'));
  folders.push(folder);
  const dbDir = path.join(folder, 'db');
  const blobDir = path.join(folder, 'blobs');
  const blobs = fileBlobStore(blobDir);
  const listed = async () => {
    const keys: string[] = [];
    for await (const entry of blobs.list()) keys.push(entry.key);
    return keys.sort();
  };
  const tempFiles = () => readdirSync(blobDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.tmp'));

  // Killed wherever it happens to be: in a file's write, between a blob and its row, in a transaction.
  const first = await writeUntilKilled(['embedded-blobs', dbDir, blobDir], 3);
  let store = await openEmbeddedStorage(dbDir, { blobs });
  await checkThroughInterface(store, first);
  await store.close();

  // Killed right after a blob was put, before the transaction that would point a row at it.
  const held: string[] = [];
  await writeUntilKilled(['embedded-blobs', dbDir, blobDir, '2'], Number.POSITIVE_INFINITY, held);
  expect(held).toHaveLength(1);
  store = await openEmbeddedStorage(dbDir, { blobs });
  try {
    const instances = await checkThroughInterface(store, first + 2, first + 1 + 3);
    const before = await listed();
    expect(before).toContain(held[0]);
    const referenced = await store.referencedBlobs(before);
    expect(referenced.has(held[0]!)).toBe(false);
    // Each attachment of each instance has its one blob.
    expect(referenced.size).toBe(instances.reduce((sum, i) => sum + i.data.length - 1, 0));

    // Within the grace period the orphans stay; past it (on the sweep's clock) they go, temp files too.
    expect(await sweepBlobs({ blobs, referenced: store.referencedBlobs })).toMatchObject({ removed: 0, unfinished: 0 });
    const swept = await sweepBlobs({ blobs, referenced: store.referencedBlobs, now: () => new Date(Date.now() + 2 * 60 * 60 * 1000) });
    expect(swept.removed).toBe(before.length - referenced.size);
    expect(swept.removed).toBeGreaterThanOrEqual(1);
    expect(await listed()).toEqual([...referenced].sort());
    expect(tempFiles()).toEqual([]);
    await checkThroughInterface(store, first + 2, first + 1 + 3);
  } finally {
    await store.close();
  }
  const raw = await PGlite.create(path.join(dbDir, 'pgdata'));
  try {
    // No row points at a missing blob.
    const { rows } = await raw.query<{ blob: string }>('SELECT blob FROM data_contents WHERE blob IS NOT NULL');
    expect(rows.map((r) => r.blob).sort()).toEqual(await listed());
  } finally {
    await raw.close();
  }
}, 240_000);

test('PostgreSQL store: a writer killed mid-way leaves a consistent store and keeps what was committed', async () => {
  const committed = await writeUntilKilled(['postgres', server.connectionString], 6);
  const store = await openPostgresStorage(server.connectionString);
  try {
    const instances = await checkThroughInterface(store, committed);
    const client = new pg.Client({ connectionString: server.connectionString });
    await client.connect();
    try {
      await checkRows((sql) => client.query(sql), instances);
    } finally {
      await client.end();
    }
  } finally {
    await store.close();
  }
}, 240_000);
