// fileBlobStore on a real temp folder: objects in and out byte for byte, atomic writes that leave no
// temp file, keys that could leave the folder refused, a missing key null.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkBlobKey, fileBlobStore } from './blobStore';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'studio-blobs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const allFiles = () => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));

describe('fileBlobStore', () => {
  test('puts, gets and replaces an object as a file at its key, leaving no temp file', async () => {
    const store = fileBlobStore(dir);
    const bytes = new Uint8Array(randomBytes(100_000));
    await store.put('guid-1/data-1', bytes, 'application/pdf');
    expect(allFiles()).toEqual([path.join('guid-1', 'data-1')]);
    expect(Buffer.compare(readFileSync(path.join(dir, 'guid-1', 'data-1')), Buffer.from(bytes))).toBe(0);
    const got = await store.get('guid-1/data-1');
    expect(got!.constructor).toBe(Uint8Array);
    expect(got).toEqual(bytes);

    await store.put('guid-1/data-1', new Uint8Array([1, 2, 3]), 'application/pdf');
    expect(await store.get('guid-1/data-1')).toEqual(new Uint8Array([1, 2, 3]));
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.put('guid-1/data-1', new Uint8Array([i]), 'image/png')));
    expect(allFiles()).toEqual([path.join('guid-1', 'data-1')]);
    expect((await store.get('guid-1/data-1'))!.length).toBe(1);
  });

  test('a missing key is null; delete removes the object and the folders it leaves empty, and may be repeated', async () => {
    const store = fileBlobStore(dir);
    expect(await store.get('nobody/here')).toBeNull();
    await store.put('g/a', new Uint8Array([1]), 'application/octet-stream');
    await store.put('g/b', new Uint8Array([2]), 'application/octet-stream');
    expect(await store.get('g/a/deeper')).toBeNull();
    await store.delete('g/a');
    expect(await store.get('g/a')).toBeNull();
    expect(await store.get('g/b')).toEqual(new Uint8Array([2]));
    await store.delete('g/b');
    await store.delete('g/b');
    expect(existsSync(path.join(dir, 'g'))).toBe(false);
    expect(existsSync(dir)).toBe(true);
    // The folder of a deleted object can take a new one.
    await store.put('g/c', new Uint8Array([3]), 'application/octet-stream');
    expect(await store.get('g/c')).toEqual(new Uint8Array([3]));
  });

  test('a failed write leaves the old object and no temp file', async () => {
    const store = fileBlobStore(dir);
    await store.put('g/a', new Uint8Array([1]), 'application/octet-stream');
    // A folder where the object should go: the rename over it fails.
    await store.put('g/b/c', new Uint8Array([2]), 'application/octet-stream');
    await expect(store.put('g/b', new Uint8Array([9]), 'application/octet-stream')).rejects.toThrow();
    expect(await store.get('g/a')).toEqual(new Uint8Array([1]));
    expect(allFiles().sort()).toEqual([path.join('g', 'a'), path.join('g', 'b', 'c')]);
  });

  test('refuses keys that are empty, absolute, climb out or name a hidden or temp file, before touching the disk', async () => {
    const store = fileBlobStore(path.join(dir, 'store'));
    for (const key of ['', '/etc/passwd', '../outside', 'a/../../outside', 'a/./b', 'a//b', 'a/', '.hidden', 'a/.x.tmp', 'a\\b', 'C:/x', 'a b', 'x'.repeat(1025)]) {
      await expect(store.put(key, new Uint8Array([1]), 'text/plain'), key).rejects.toThrow('Not a blob key');
      await expect(store.get(key), key).rejects.toThrow('Not a blob key');
      await expect(store.delete(key), key).rejects.toThrow('Not a blob key');
    }
    expect(() => checkBlobKey('8f0e-guid/data_1.v2')).not.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  test('lists objects only: temp files of unfinished writes and files no key could name are left out', async () => {
    const store = fileBlobStore(dir);
    await store.put('g/a', new Uint8Array([1]), 'application/octet-stream');
    writeFileSync(path.join(dir, 'g', `.b.${randomUUID()}.tmp`), 'half');
    writeFileSync(path.join(dir, 'g', 'not a key'), 'x');
    mkdirSync(path.join(dir, '.hidden'));
    writeFileSync(path.join(dir, '.hidden', 'c'), 'x');
    const keys: string[] = [];
    for await (const entry of store.list()) keys.push(entry.key);
    expect(keys).toEqual(['g/a']);
  });

  test('removeUnfinished removes temp files written before the given time (and folders it leaves empty), nothing else', async () => {
    const store = fileBlobStore(dir);
    await store.put('g/a', new Uint8Array([1]), 'application/octet-stream');
    const oldTemp = path.join(dir, 'h', `.x.${randomUUID()}.tmp`);
    mkdirSync(path.dirname(oldTemp));
    writeFileSync(oldTemp, 'half');
    const newTemp = path.join(dir, 'g', `.y.${randomUUID()}.tmp`);
    writeFileSync(newTemp, 'in flight');
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(oldTemp, old, old);
    utimesSync(path.join(dir, 'g', 'a'), old, old);
    expect(await store.removeUnfinished!(new Date('2021-01-01T00:00:00Z'))).toBe(1);
    expect(existsSync(path.join(dir, 'h'))).toBe(false);
    expect(existsSync(newTemp)).toBe(true);
    expect(await store.get('g/a')).toEqual(new Uint8Array([1]));
  });
});
