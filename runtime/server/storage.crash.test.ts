// A writer process killed with SIGKILL in the middle of its writes leaves a store that opens, whose
// instance records match their data contents exactly, with nothing half-written, and that keeps
// every write the writer saw committed. Run against the embedded store and a real PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
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

/** Starts the writer and kills it (SIGKILL) once it has committed `instances` instances; resolves to the last one it reported. */
function writeUntilKilled(args: string[], instances: number): Promise<number> {
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
      }
      // The writer goes straight on with the next instance: the kill lands in the middle of its writes.
      if (done >= instances && child.signalCode === null) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(done);
      else reject(new Error(`The writer ended by itself (code ${code}) after ${done} instances: ${stderr}`));
    });
  });
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Checks every instance through the storage interface; returns them. */
async function checkThroughInterface(store: RuntimeStorage, committed: number): Promise<Instance[]> {
  const instances = await store.listInstances({ appId: 'acme/crash', includeEnded: true });
  // Everything the writer saw committed is there; the instance it was writing may or may not be.
  expect(instances.length).toBeGreaterThanOrEqual(committed);
  expect(instances.length).toBeLessThanOrEqual(committed + 1);
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
      expect(sha256(bytes)).toBe(element.tags[0]);
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
