// One behaviour suite for every RuntimeStorage: memory, PGlite in a temp folder, PGlite with its byte
// contents in a fileBlobStore, PGlite with them in an S3 bucket (s3rver, a real S3-compatible server),
// and a real PostgreSQL server started for this file. The expectations are the same for all of them.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fileBlobStore, type BlobStore } from './blobStore';
import { openEmbeddedStorage } from './pgliteStorage';
import { openPostgresStorage } from './postgresStorage';
import { s3BlobStore } from './s3BlobStore';
import { memoryStorage, type DataElement, type Instance, type RuntimeStorage } from './storage';
import { startPostgres, type PostgresServer } from './testing/postgresServer';
import { startS3, type S3TestServer } from './testing/s3Server';

let server: PostgresServer;
let embeddedDir: string;
let blobbedDir: string;
let s3Dir: string;
let s3: S3TestServer;
let s3Blobs: BlobStore;
const stores = new Map<string, RuntimeStorage>();

beforeAll(async () => {
  embeddedDir = mkdtempSync(path.join(os.tmpdir(), 'studio-storage-contract-'));
  blobbedDir = mkdtempSync(path.join(os.tmpdir(), 'studio-storage-contract-blobs-'));
  s3Dir = mkdtempSync(path.join(os.tmpdir(), 'studio-storage-contract-s3-'));
  // They are slow to start on a busy machine; start them side by side.
  const [pgServer, embedded, blobbed, s3Server] = await Promise.all([
    startPostgres(),
    openEmbeddedStorage(embeddedDir),
    openEmbeddedStorage(path.join(blobbedDir, 'db'), { blobs: fileBlobStore(path.join(blobbedDir, 'blobs')) }),
    startS3(['contract']),
  ]);
  server = pgServer;
  s3 = s3Server;
  s3Blobs = s3BlobStore({ endpoint: s3.endpoint, bucket: 'contract', region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey });
  stores.set('memory', memoryStorage());
  stores.set('pglite', embedded);
  stores.set('pglite+blobs', blobbed);
  stores.set('pglite+s3', await openEmbeddedStorage(s3Dir, { blobs: s3Blobs }));
  stores.set('postgres', await openPostgresStorage(server.connectionString));
}, 180_000);

afterAll(async () => {
  for (const store of stores.values()) await store.close();
  await server?.stop();
  await s3?.stop();
  if (s3Dir) rmSync(s3Dir, { recursive: true, force: true });
  if (embeddedDir) rmSync(embeddedDir, { recursive: true, force: true });
  if (blobbedDir) rmSync(blobbedDir, { recursive: true, force: true });
}, 60_000);

const at = (second: number) => new Date(Date.UTC(2026, 4, 1, 10, 0, second)).toISOString();

function element(instanceGuid: string, id: string, dataType: string, contentType: string, size: number): DataElement {
  return { id, instanceGuid, dataType, contentType, size, locked: false, refs: [], tags: [], isRead: true, created: at(0), lastChanged: at(0) };
}

/** An instance of `appId` owned by `partyId`, with one form data element `<guid>-form`. */
function instance(appId: string, partyId: string, created: string, extra: Partial<Instance> = {}): Instance {
  const guid = randomUUID();
  return {
    id: `${partyId}/${guid}`,
    instanceOwner: { partyId },
    appId,
    org: 'acme',
    process: { started: created, startEvent: 'StartEvent_1', currentTask: { elementId: 'Task_1', name: 'Utfylling', altinnTaskType: 'data', flow: 2, started: created } },
    status: { isArchived: false, isSoftDeleted: false, isHardDeleted: false, readStatus: 'Read' },
    data: [element(guid, `${guid}-form`, 'model', 'application/xml', 20)],
    created,
    lastChanged: created,
    ...extra,
  };
}

const formContent = { name: 'Ærlig Øyvind å', nested: { list: [1, 2.5, null, true, 'x'], empty: {} }, zero: 0 };
/** Every byte value, then random bytes: what must come back byte for byte. */
const binary = () => new Uint8Array([...Array.from({ length: 256 }, (_, i) => i), ...randomBytes(64 * 1024)]);
const guidOf = (i: Instance) => i.id.split('/')[1] as string;

/** A fresh app id per test, so tests sharing one store never see each other's instances. */
const newApp = () => `acme/app-${randomUUID().slice(0, 8)}`;

describe.each(['memory', 'pglite', 'pglite+blobs', 'pglite+s3', 'postgres'])('%s storage', (name) => {
  const store = () => stores.get(name) as RuntimeStorage;

  test('creates an instance and gives it back with its data contents; unknown ids give null', async () => {
    const created = instance(newApp(), '501', at(1));
    await store().createInstance(created, new Map([[created.data[0]!.id, formContent]]));
    expect(await store().getInstance(created.id)).toEqual(created);
    expect(await store().readData(created.id, created.data[0]!.id)).toEqual({ element: created.data[0], content: formContent });
    expect(await store().getInstance(`501/${randomUUID()}`)).toBeNull();
    expect(await store().readData(created.id, 'no-such-element')).toBeNull();
    expect(await store().readData(`501/${randomUUID()}`, created.data[0]!.id)).toBeNull();
  });

  test('form data comes back as it was written: key order kept, and a NUL character in a value', async () => {
    const created = instance(newApp(), '503', at(1));
    const content = { zeta: 'z', alpha: 'nul \u0000 inside', middle: { b: 1, a: 2 } };
    await store().createInstance(created, new Map([[created.data[0]!.id, content]]));
    const read = await store().readData(created.id, created.data[0]!.id);
    expect(JSON.stringify(read!.content)).toBe(JSON.stringify(content));
  });

  test('values are copied in and out: changing what was passed or returned does not change the store', async () => {
    const created = instance(newApp(), '502', at(1));
    const bytes = binary();
    const formId = created.data[0]!.id;
    const mutable = structuredClone(created) as { -readonly [K in keyof Instance]: Instance[K] };
    const content = structuredClone(formContent);
    await store().createInstance(mutable, new Map([[formId, content]]));
    mutable.org = 'changed';
    content.name = 'changed';
    await store().addData(created.id, element(guidOf(created), 'file', 'attachments', 'application/pdf', bytes.length), bytes, at(2));
    const sent = new Uint8Array(bytes);
    bytes[0] = 99;

    const got = (await store().getInstance(created.id)) as { org: string };
    got.org = 'changed again';
    expect((await store().getInstance(created.id))!.org).toBe('acme');
    const read = await store().readData(created.id, formId);
    (read!.content as { name: string }).name = 'changed';
    expect(await store().readData(created.id, formId)).toMatchObject({ content: formContent });
    const file = await store().readData(created.id, 'file');
    (file!.content as Uint8Array)[1] = 99;
    expect((await store().readData(created.id, 'file'))!.content).toEqual(sent);
  });

  test('lists the instances of an app, of one party when asked, newest first; ended and deleted ones only when asked', async () => {
    const app = newApp();
    const older = instance(app, '600', at(1));
    const newer = instance(app, '600', at(3));
    const otherParty = instance(app, '601', at(2));
    const ended = instance(app, '600', at(4), { process: { started: at(4), currentTask: null, ended: at(5), endEvent: 'EndEvent_1' } });
    const softDeleted = instance(app, '600', at(5), { status: { isArchived: false, isSoftDeleted: true, isHardDeleted: false, readStatus: 'Read' } });
    const hardDeleted = instance(app, '601', at(6), { status: { isArchived: false, isSoftDeleted: false, isHardDeleted: true, readStatus: 'Read' } });
    const otherApp = instance(newApp(), '600', at(7));
    for (const i of [older, newer, otherParty, ended, softDeleted, hardDeleted, otherApp]) await store().createInstance(i, new Map());

    const ids = async (query: Parameters<RuntimeStorage['listInstances']>[0]) => (await store().listInstances(query)).map((i) => i.id);
    expect(await ids({ appId: app })).toEqual([newer.id, otherParty.id, older.id]);
    expect(await ids({ appId: app, partyId: '600' })).toEqual([newer.id, older.id]);
    expect(await ids({ appId: app, includeEnded: true })).toEqual([hardDeleted.id, softDeleted.id, ended.id, newer.id, otherParty.id, older.id]);
    expect(await ids({ appId: app, partyId: '601', includeEnded: true })).toEqual([hardDeleted.id, otherParty.id]);
    expect(await store().listInstances({ appId: app, partyId: '600' })).toEqual([newer, older]);
    expect(await ids({ appId: newApp() })).toEqual([]);
  });

  test('an instance that ends through updateInstance leaves the listing of active instances', async () => {
    const app = newApp();
    const created = instance(app, '602', at(1));
    await store().createInstance(created, new Map());
    await store().updateInstance(created.id, (current) => ({ ...current, process: { ...current.process, currentTask: null, ended: at(9) } }));
    expect(await store().listInstances({ appId: app })).toEqual([]);
    expect((await store().listInstances({ appId: app, includeEnded: true })).map((i) => i.id)).toEqual([created.id]);
  });

  test('updateInstance stores and returns the changed record; null leaves it; an unknown id gives null', async () => {
    const created = instance(newApp(), '603', at(1));
    await store().createInstance(created, new Map());
    const updated = await store().updateInstance(created.id, (current) => ({ ...current, lastChanged: at(8), dataValues: { customer: 'Kari' } }));
    expect(updated).toEqual({ ...created, lastChanged: at(8), dataValues: { customer: 'Kari' } });
    expect(await store().getInstance(created.id)).toEqual(updated);
    expect(await store().updateInstance(created.id, () => null)).toEqual(updated);
    expect(await store().getInstance(created.id)).toEqual(updated);
    let called = false;
    expect(
      await store().updateInstance(`603/${randomUUID()}`, (current) => {
        called = true;
        return current;
      }),
    ).toBeNull();
    expect(called).toBe(false);
  });

  test('a change that throws leaves the instance as it was', async () => {
    const created = instance(newApp(), '604', at(1));
    await store().createInstance(created, new Map());
    await expect(
      store().updateInstance(created.id, () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await store().getInstance(created.id)).toEqual(created);
  });

  test('adds JSON and byte data; bytes come back byte-identical as a Uint8Array, JSON as JSON', async () => {
    const created = instance(newApp(), '605', at(1));
    await store().createInstance(created, new Map([[created.data[0]!.id, formContent]]));
    const bytes = binary();
    const file = element(guidOf(created), 'file-1', 'attachments', 'application/pdf', bytes.length);
    const afterFile = await store().addData(created.id, file, bytes, at(2));
    expect(afterFile).toEqual({ ...created, lastChanged: at(2), data: [...created.data, file] });
    const text = element(guidOf(created), 'text-1', 'notes', 'application/json', 5);
    await store().addData(created.id, text, 'bytes', at(3));

    const readFile = await store().readData(created.id, 'file-1');
    expect(readFile!.element).toEqual(file);
    expect(readFile!.content).toBeInstanceOf(Uint8Array);
    expect((readFile!.content as Uint8Array).constructor).toBe(Uint8Array);
    expect(Buffer.compare(Buffer.from(readFile!.content as Uint8Array), Buffer.from(bytes))).toBe(0);
    // A JSON string stays a string and is never confused with bytes.
    expect((await store().readData(created.id, 'text-1'))!.content).toBe('bytes');
    expect((await store().getInstance(created.id))!.data.map((d) => d.id)).toEqual([created.data[0]!.id, 'file-1', 'text-1']);
    expect(await store().addData(`605/${randomUUID()}`, file, bytes, at(2))).toBeNull();
  });

  test('writeData replaces content and updates size and lastChanged; unknown ids give null', async () => {
    const created = instance(newApp(), '606', at(1));
    const formId = created.data[0]!.id;
    await store().createInstance(created, new Map([[formId, formContent]]));
    const next = { name: 'Ny', nested: { list: [] } };
    const written = await store().writeData(created.id, formId, next, 33, at(4));
    expect(written).toEqual({ ...created.data[0], size: 33, lastChanged: at(4) });
    expect(await store().readData(created.id, formId)).toEqual({ element: written, content: next });
    expect((await store().getInstance(created.id))!.lastChanged).toBe(at(4));
    // A JSON element may become bytes (an XML upload) and the kind follows the content.
    const xml = new TextEncoder().encode('<model><name>Ny</name></model>');
    await store().writeData(created.id, formId, xml, xml.length, at(5));
    expect((await store().readData(created.id, formId))!.content).toEqual(xml);
    expect(await store().writeData(created.id, 'unknown', next, 1, at(6))).toBeNull();
    expect(await store().writeData(`606/${randomUUID()}`, formId, next, 1, at(6))).toBeNull();
  });

  test('removeData removes the element and its content; unknown ids give null', async () => {
    const created = instance(newApp(), '607', at(1));
    await store().createInstance(created, new Map([[created.data[0]!.id, formContent]]));
    await store().addData(created.id, element(guidOf(created), 'file', 'attachments', 'image/png', 3), new Uint8Array([1, 2, 3]), at(2));
    const after = await store().removeData(created.id, 'file', at(3));
    expect(after).toEqual({ ...created, lastChanged: at(3) });
    expect(await store().readData(created.id, 'file')).toBeNull();
    expect(await store().getInstance(created.id)).toEqual(after);
    expect(await store().removeData(created.id, 'file', at(4))).toBeNull();
    expect(await store().removeData(`607/${randomUUID()}`, 'file', at(4))).toBeNull();
  });

  test('records events oldest first per instance; deleting an instance removes its data and events', async () => {
    const app = newApp();
    const first = instance(app, '608', at(1));
    const second = instance(app, '608', at(2));
    await store().createInstance(first, new Map([[first.data[0]!.id, formContent]]));
    await store().createInstance(second, new Map());
    const event = (instanceId: string, eventType: string, second: number) => ({ id: randomUUID(), instanceId, eventType, created: at(second), user: { userId: 1, partyId: '608' } });
    const created = event(first.id, 'Created', 1);
    const started = { ...event(first.id, 'process_StartEvent', 2), processInfo: { currentTask: { elementId: 'Task_1' } } };
    await store().appendEvent(created);
    await store().appendEvent(event(second.id, 'Created', 2));
    await store().appendEvent(started);
    await store().appendEvent(event(`608/${randomUUID()}`, 'Created', 3));
    expect(await store().listEvents(first.id)).toEqual([created, started]);
    expect((await store().listEvents(second.id)).map((e) => e.eventType)).toEqual(['Created']);

    expect(await store().deleteInstance(first.id)).toBe(true);
    expect(await store().getInstance(first.id)).toBeNull();
    expect(await store().readData(first.id, first.data[0]!.id)).toBeNull();
    expect(await store().listEvents(first.id)).toEqual([]);
    expect(await store().deleteInstance(first.id)).toBe(false);
    expect((await store().listInstances({ appId: app })).map((i) => i.id)).toEqual([second.id]);
  });

  test('20 concurrent updateInstance calls and 10 concurrent addData calls on one instance are all applied', async () => {
    const created = instance(newApp(), '609', at(1));
    await store().createInstance(created, new Map());
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) =>
        store().updateInstance(created.id, (current) => ({ ...current, dataValues: { ...current.dataValues, [`k${i}`]: String(i) } })),
      ),
      ...Array.from({ length: 10 }, (_, i) => store().addData(created.id, element(guidOf(created), `file-${i}`, 'attachments', 'image/png', 1), new Uint8Array([i]), at(2))),
    ]);
    const stored = (await store().getInstance(created.id))!;
    expect(Object.keys(stored.dataValues ?? {}).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `k${i}`).sort());
    expect(stored.data.map((d) => d.id).sort()).toEqual([created.data[0]!.id, ...Array.from({ length: 10 }, (_, i) => `file-${i}`)].sort());
    for (let i = 0; i < 10; i++) expect((await store().readData(created.id, `file-${i}`))!.content).toEqual(new Uint8Array([i]));
  });
});

describe('the embedded store on disk', () => {
  test('a reopened folder has every instance, content and event; the folder cannot be opened twice at once', async () => {
    const store = stores.get('pglite') as RuntimeStorage;
    const app = newApp();
    const kept = instance(app, '700', at(1));
    const bytes = binary();
    await store.createInstance(kept, new Map([[kept.data[0]!.id, formContent]]));
    await store.addData(kept.id, element(guidOf(kept), 'file', 'attachments', 'application/pdf', bytes.length), bytes, at(2));
    await store.appendEvent({ id: 'e1', instanceId: kept.id, eventType: 'Created', created: at(1) });
    await expect(openEmbeddedStorage(embeddedDir)).rejects.toThrow(/already open/);
    const before = await store.getInstance(kept.id);

    await store.close();
    const reopened = await openEmbeddedStorage(embeddedDir);
    stores.set('pglite', reopened);
    expect(await reopened.getInstance(kept.id)).toEqual(before);
    expect((await reopened.listInstances({ appId: app })).map((i) => i.id)).toEqual([kept.id]);
    expect((await reopened.readData(kept.id, kept.data[0]!.id))!.content).toEqual(formContent);
    expect((await reopened.readData(kept.id, 'file'))!.content).toEqual(bytes);
    expect(await reopened.listEvents(kept.id)).toEqual([{ id: 'e1', instanceId: kept.id, eventType: 'Created', created: at(1) }]);
  }, 120_000);
});

describe('the embedded store with a blob store', () => {
  /** Every file under the blob folder, relative, temp files included. */
  const blobFiles = (): string[] => {
    const root = path.join(blobbedDir, 'blobs');
    return existsSync(root) ? readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name))) : [];
  };
  const filesOf = (i: Instance, dataId: string) => blobFiles().filter((f) => f.startsWith(`${guidOf(i)}${path.sep}${dataId}${path.sep}`));

  test('bytes live in the blob folder, not in form data; a replaced, removed or deleted content leaves no file behind', async () => {
    const store = stores.get('pglite+blobs') as RuntimeStorage;
    const created = instance(newApp(), '710', at(1));
    const formId = created.data[0]!.id;
    const bytes = binary();
    await store.createInstance(created, new Map([[formId, formContent]]));
    expect(filesOf(created, formId)).toEqual([]);
    await store.addData(created.id, element(guidOf(created), 'file', 'attachments', 'application/pdf', bytes.length), bytes, at(2));
    const [first] = filesOf(created, 'file');
    expect(Buffer.compare(readFileSync(path.join(blobbedDir, 'blobs', first!)), Buffer.from(bytes))).toBe(0);

    const next = new Uint8Array([9, 8, 7]);
    await store.writeData(created.id, 'file', next, 3, at(3));
    const [second] = filesOf(created, 'file');
    expect(second).not.toBe(first);
    expect(filesOf(created, 'file')).toHaveLength(1);
    expect((await store.readData(created.id, 'file'))!.content).toEqual(next);

    await store.removeData(created.id, 'file', at(4));
    expect(filesOf(created, 'file')).toEqual([]);
    await store.addData(created.id, element(guidOf(created), 'other', 'attachments', 'application/pdf', 3), next, at(5));
    expect(filesOf(created, 'other')).toHaveLength(1);
    await store.deleteInstance(created.id);
    expect(blobFiles().filter((f) => f.startsWith(guidOf(created)))).toEqual([]);
    // Bytes for an unknown instance are put first and taken away again.
    expect(await store.addData(`710/${randomUUID()}`, element(randomUUID(), 'x', 'attachments', 'application/pdf', 3), next, at(6))).toBeNull();
    expect(blobFiles().filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(blobFiles().filter((f) => f.split(path.sep)[1] === 'x')).toEqual([]);
  });
});

describe('the embedded store with an S3 bucket', () => {
  const objectsOf = async (i: Instance, dataId = '') => {
    const keys: string[] = [];
    for await (const entry of s3Blobs.list(`${guidOf(i)}/${dataId}`)) keys.push(entry.key);
    return keys;
  };

  test('bytes live in the bucket; a replaced, removed or deleted content leaves no object behind; every request was signed', async () => {
    const store = stores.get('pglite+s3') as RuntimeStorage;
    const created = instance(newApp(), '711', at(1));
    const bytes = binary();
    await store.createInstance(created, new Map([[created.data[0]!.id, formContent]]));
    await store.addData(created.id, element(guidOf(created), 'file', 'attachments', 'application/pdf', bytes.length), bytes, at(2));
    const [first] = await objectsOf(created, 'file/');
    expect(Buffer.compare(Buffer.from((await s3Blobs.get(first!))!), Buffer.from(bytes))).toBe(0);
    await store.writeData(created.id, 'file', new Uint8Array([1, 2]), 2, at(3));
    const after = await objectsOf(created, 'file/');
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(first);
    await store.removeData(created.id, 'file', at(4));
    expect(await objectsOf(created)).toEqual([]);
    await store.addData(created.id, element(guidOf(created), 'other', 'attachments', 'application/pdf', 2), new Uint8Array([3, 4]), at(5));
    expect(await objectsOf(created)).toHaveLength(1);
    await store.deleteInstance(created.id);
    expect(await objectsOf(created)).toEqual([]);
    expect(s3.requests.filter((r) => !r.signed)).toEqual([]);
  });
});
