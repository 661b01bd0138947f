// One behaviour suite for every BlobStore: fileBlobStore in a temp folder, and s3BlobStore against a
// real S3-compatible server (s3rver on 127.0.0.1, every request's SigV4 signature checked). The
// expectations are the same for both.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fileBlobStore, type BlobEntry, type BlobStore } from './blobStore';
import { s3BlobStore } from './s3BlobStore';
import { startS3, type S3TestServer } from './testing/s3Server';

let dir: string;
let s3: S3TestServer;
const stores = new Map<string, BlobStore>();
let run = 0;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'studio-blob-contract-'));
  s3 = await startS3(['contract']);
  stores.set('file', fileBlobStore(dir));
  // Small listing pages, so that listings take several pages (continuation tokens) with a few objects.
  stores.set('s3', s3BlobStore({ endpoint: s3.endpoint, bucket: 'contract', region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, listPageSize: 3 }));
}, 60_000);

afterAll(async () => {
  await s3?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const collect = async (entries: AsyncIterable<BlobEntry>) => {
  const all: BlobEntry[] = [];
  for await (const entry of entries) all.push(entry);
  return all;
};
const keysOf = async (entries: AsyncIterable<BlobEntry>) => (await collect(entries)).map((e) => e.key).sort();

describe.each(['file', 's3'])('%s blob store', (name) => {
  const store = () => stores.get(name) as BlobStore;
  /** A key prefix of the test's own, so tests sharing one store never see each other's objects. */
  const own = () => `t${++run}-${name}`;

  test('puts and gets every byte value and a large random object byte for byte; a put replaces', async () => {
    const p = own();
    const bytes = new Uint8Array([...Array.from({ length: 256 }, (_, i) => i), ...randomBytes(300_000)]);
    await store().put(`${p}/a`, bytes, 'application/pdf');
    const got = await store().get(`${p}/a`);
    expect(got!.constructor).toBe(Uint8Array);
    expect(Buffer.compare(Buffer.from(got!), Buffer.from(bytes))).toBe(0);
    await store().put(`${p}/a`, new Uint8Array([7, 8]), 'image/png');
    expect(await store().get(`${p}/a`)).toEqual(new Uint8Array([7, 8]));
    await store().put(`${p}/empty`, new Uint8Array(), 'text/plain');
    expect(await store().get(`${p}/empty`)).toEqual(new Uint8Array());
  });

  test('a missing key is null; delete removes, and deleting what is not there is no error', async () => {
    const p = own();
    expect(await store().get(`${p}/nobody`)).toBeNull();
    await store().put(`${p}/g/a`, new Uint8Array([1]), 'application/octet-stream');
    await store().put(`${p}/g/b`, new Uint8Array([2]), 'application/octet-stream');
    await store().delete(`${p}/g/a`);
    expect(await store().get(`${p}/g/a`)).toBeNull();
    expect(await store().get(`${p}/g/b`)).toEqual(new Uint8Array([2]));
    await store().delete(`${p}/g/a`);
    await store().delete(`${p}/never/was`);
    // The place of a deleted object takes a new one.
    await store().put(`${p}/g/a`, new Uint8Array([3]), 'application/octet-stream');
    expect(await store().get(`${p}/g/a`)).toEqual(new Uint8Array([3]));
  });

  test('lists the keys under a prefix (a string prefix, not only whole folders) with when each was written, over several pages', async () => {
    const p = own();
    const keys = ['x/1', 'x/2', 'x/30/a', 'x/30/b', 'x/4', 'xy/1', 'y/1', 'a.b_c-d/e'].map((k) => `${p}/${k}`);
    await Promise.all(keys.map((key, i) => store().put(key, new Uint8Array([i]), 'application/octet-stream')));
    expect(await keysOf(store().list(`${p}/`))).toEqual([...keys].sort());
    expect(await keysOf(store().list(`${p}/x/`))).toEqual([`${p}/x/1`, `${p}/x/2`, `${p}/x/30/a`, `${p}/x/30/b`, `${p}/x/4`]);
    expect(await keysOf(store().list(`${p}/x`))).toEqual([`${p}/x/1`, `${p}/x/2`, `${p}/x/30/a`, `${p}/x/30/b`, `${p}/x/4`, `${p}/xy/1`]);
    expect(await keysOf(store().list(`${p}/x/3`))).toEqual([`${p}/x/30/a`, `${p}/x/30/b`]);
    expect(await keysOf(store().list(`${p}/nothing/`))).toEqual([]);
    expect(await keysOf(store().list(`${p}/../`))).toEqual([]);
    const all = await collect(store().list());
    expect(all.map((e) => e.key)).toEqual(expect.arrayContaining(keys));
    for (const entry of all) {
      expect(entry.lastModified).toBeInstanceOf(Date);
      expect(Number.isNaN(entry.lastModified.getTime())).toBe(false);
    }
    await store().delete(`${p}/x/2`);
    expect(await keysOf(store().list(`${p}/x/`))).toEqual([`${p}/x/1`, `${p}/x/30/a`, `${p}/x/30/b`, `${p}/x/4`]);
  });

  test('a listing goes on while its objects are deleted (as a sweep does)', async () => {
    const p = own();
    const keys = Array.from({ length: 10 }, (_, i) => `${p}/k${i}/v`);
    for (const key of keys) await store().put(key, new Uint8Array([1]), 'application/octet-stream');
    const seen: string[] = [];
    for await (const entry of store().list(`${p}/`)) {
      seen.push(entry.key);
      await store().delete(entry.key);
    }
    expect(seen.sort()).toEqual(keys.sort());
    expect(await keysOf(store().list(`${p}/`))).toEqual([]);
  });

  test('refuses keys that are empty, absolute, climb out or name a hidden file, before any request', async () => {
    for (const key of ['', '/etc/passwd', '../outside', 'a/../../outside', 'a//b', 'a/', '.hidden', 'a b', 'a?b', 'a#b', 'x'.repeat(1025)]) {
      await expect(store().put(key, new Uint8Array([1]), 'text/plain'), key).rejects.toThrow('Not a blob key');
      await expect(store().get(key), key).rejects.toThrow('Not a blob key');
      await expect(store().delete(key), key).rejects.toThrow('Not a blob key');
    }
  });
});

test('every request the S3 store made carried a valid signature of its payload', () => {
  expect(s3.requests.length).toBeGreaterThan(50);
  expect(s3.requests.filter((r) => !r.signed)).toEqual([]);
  // Listings took several pages.
  expect(s3.requests.some((r) => r.url.includes('continuation-token='))).toBe(true);
});
