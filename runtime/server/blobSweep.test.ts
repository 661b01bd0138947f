// The blob sweep on real parts: PGlite with its byte contents in a fileBlobStore, and in s3rver (a real
// S3-compatible server). Orphans are made the way they happen: a transaction that fails after its blob
// was put. The grace period is measured on an injected clock, never by waiting.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fileBlobStore, type BlobStore } from './blobStore';
import { sweepBlobs } from './blobSweep';
import { openEmbeddedDriver } from './pgliteStorage';
import { openPostgresStorage } from './postgresStorage';
import { s3BlobStore } from './s3BlobStore';
import { sqlStorage, type SqlDriver, type SqlRuntimeStorage } from './sqlStorage';
import type { DataElement, Instance } from './storage';
import { startPostgres, type PostgresServer } from './testing/postgresServer';
import { startS3, type S3TestServer } from './testing/s3Server';

let dir: string;
let s3: S3TestServer;
let postgres: PostgresServer;
const hour = 60 * 60 * 1000;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'studio-blob-sweep-'));
  [s3, postgres] = await Promise.all([startS3(['sweep-a', 'sweep-b', 'sweep-c']), startPostgres()]);
}, 120_000);
afterAll(async () => {
  await s3?.stop();
  await postgres?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A driver whose next transactions fail after their work (the commit is lost: rolled back). */
function failingDriver(driver: SqlDriver): SqlDriver & { failNext: number } {
  const wrapped = {
    ...driver,
    failNext: 0,
    transaction: <T>(fn: Parameters<SqlDriver['transaction']>[0]) =>
      driver.transaction(async (tx) => {
        const result = (await fn(tx)) as T;
        if (wrapped.failNext > 0) {
          wrapped.failNext--;
          throw new Error('the database went away before the commit');
        }
        return result;
      }),
  };
  return wrapped as SqlDriver & { failNext: number };
}

const at = () => new Date().toISOString();
function element(instanceGuid: string, id: string): DataElement {
  return { id, instanceGuid, dataType: 'attachments', contentType: 'application/pdf', size: 3, locked: false, refs: [], tags: [], isRead: true, created: at(), lastChanged: at() };
}
function newInstance(): Instance {
  const guid = randomUUID();
  return {
    id: `501/${guid}`,
    instanceOwner: { partyId: '501' },
    appId: 'acme/sweep',
    org: 'acme',
    process: { started: at(), currentTask: { elementId: 'Task_1', name: 'Utfylling', altinnTaskType: 'data', flow: 2, started: at() } },
    status: { isArchived: false, isSoftDeleted: false, isHardDeleted: false, readStatus: 'Read' },
    data: [element(guid, 'first')],
    created: at(),
    lastChanged: at(),
  };
}

const keysIn = async (blobs: BlobStore) => {
  const keys: string[] = [];
  for await (const entry of blobs.list()) keys.push(entry.key);
  return keys.sort();
};

describe.each(['file', 's3'])('sweeping a %s blob store', (kind) => {
  test('removes only old blobs no row points at: failed writes go, committed contents stay, young and foreign objects stay', async () => {
    const blobs = kind === 'file' ? fileBlobStore(path.join(dir, 'blobs')) : s3BlobStore({ endpoint: s3.endpoint, bucket: 'sweep-a', region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, listPageSize: 4 });
    const driver = failingDriver(await openEmbeddedDriver(path.join(dir, `db-${kind}`)));
    const storage: SqlRuntimeStorage = sqlStorage(driver, { blobs });
    try {
      const instances: Instance[] = [];
      for (let i = 0; i < 3; i++) {
        const instance = newInstance();
        await storage.createInstance(instance, new Map([['first', new Uint8Array([i, 1, 2])]]));
        await storage.addData(instance.id, element(instance.id.split('/')[1]!, 'second'), new Uint8Array([i, 2, 2]), at());
        instances.push(instance);
      }
      const committed = await keysIn(blobs);
      expect(committed).toHaveLength(6);

      // Writes whose transaction failed after their blob was put: the blobs are left behind.
      for (const instance of instances) {
        driver.failNext = 1;
        await expect(storage.writeData(instance.id, 'first', new Uint8Array([9, 9, 9]), 3, at())).rejects.toThrow('went away');
      }
      driver.failNext = 1;
      await expect(storage.createInstance(newInstance(), new Map([['first', new Uint8Array([7])]]))).rejects.toThrow('went away');
      const orphans = (await keysIn(blobs)).filter((key) => !committed.includes(key));
      expect(orphans).toHaveLength(4);
      // Something else in the same store, not of the storage's key shape.
      await blobs.put('other-tool/report.pdf', new Uint8Array([1]), 'application/pdf');

      // Within the grace period nothing is touched: those writes might still be about to commit.
      expect(await sweepBlobs({ blobs, referenced: storage.referencedBlobs, now: () => new Date() })).toEqual({ checked: 0, removed: 0, unfinished: 0 });
      expect(await sweepBlobs({ blobs, referenced: storage.referencedBlobs, now: () => new Date(Date.now() + 30 * 60_000) })).toMatchObject({ removed: 0 });
      expect(await keysIn(blobs)).toHaveLength(11);

      // Past it, the orphans go, checked two keys a query; several sweeps at once (replicas) do no harm.
      const later = () => new Date(Date.now() + 2 * hour);
      const results = await Promise.all([1, 2, 3].map(() => sweepBlobs({ blobs, referenced: storage.referencedBlobs, now: later, pageSize: 2 })));
      expect(results.every((r) => r.removed <= 4 && r.checked >= r.removed)).toBe(true);
      expect(await keysIn(blobs)).toEqual([...committed, 'other-tool/report.pdf'].sort());
      expect(await sweepBlobs({ blobs, referenced: storage.referencedBlobs, now: later, pageSize: 2 })).toEqual({ checked: 6, removed: 0, unfinished: 0 });

      // Every committed content still reads back.
      for (const [i, instance] of instances.entries()) {
        expect((await storage.readData(instance.id, 'first'))!.content).toEqual(new Uint8Array([i, 1, 2]));
        expect((await storage.readData(instance.id, 'second'))!.content).toEqual(new Uint8Array([i, 2, 2]));
      }
    } finally {
      await storage.close();
    }
  });
});

test.each(['pglite', 'postgres'])('referencedBlobs on %s answers for a page of keys in one query, whatever else the table holds', async (kind) => {
  const blobs = s3BlobStore({ endpoint: s3.endpoint, bucket: kind === 'pglite' ? 'sweep-b' : 'sweep-c', region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
  const storage = kind === 'pglite' ? sqlStorage(await openEmbeddedDriver(path.join(dir, 'db-referenced')), { blobs }) : await openPostgresStorage(postgres.connectionString, { blobs });
  try {
    const instance = newInstance();
    await storage.createInstance(instance, new Map([['first', new Uint8Array([1])]]));
    const [key] = await keysIn(blobs);
    const strangers = Array.from({ length: 2000 }, () => `x/y/${randomUUID()}`);
    expect([...(await storage.referencedBlobs([...strangers, key!]))]).toEqual([key]);
    expect(await storage.referencedBlobs([])).toEqual(new Set());
  } finally {
    await storage.close();
  }
});

test('a sweep stops between pages when its signal aborts', async () => {
  const blobs = fileBlobStore(path.join(dir, 'abort'));
  for (let i = 0; i < 5; i++) await blobs.put(`g${i}/d/${randomUUID()}`, new Uint8Array([i]), 'application/octet-stream');
  const controller = new AbortController();
  let pages = 0;
  const sweeping = sweepBlobs({
    blobs,
    referenced: async () => {
      if (++pages === 2) controller.abort(new Error('closing'));
      return new Set();
    },
    now: () => new Date(Date.now() + 2 * hour),
    pageSize: 1,
    signal: controller.signal,
  });
  await expect(sweeping).rejects.toThrow('closing');
  expect(pages).toBe(2);
  expect(await keysIn(blobs)).toHaveLength(3);
});
