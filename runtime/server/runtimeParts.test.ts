import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryFileSource } from '../../core/app/fileSource';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import { createAppHandler } from './appApi';
import { diskAppSource } from './appSource';
import { type Instance, memoryStorage } from './storage';
import { startServer } from './testServer';

const instance: Instance = {
  id: '1/g',
  instanceOwner: { partyId: '1' },
  appId: 'a/b',
  org: 'a',
  process: { started: 't0', currentTask: null },
  status: { isArchived: false, isSoftDeleted: false, isHardDeleted: false, readStatus: 'Read' },
  data: [{ id: 'd', instanceGuid: 'g', dataType: 'm', contentType: 'application/xml', size: 2, locked: false, refs: [], tags: [], isRead: true, created: 't0', lastChanged: 't0' }],
  created: 't0',
  lastChanged: 't0',
};

describe('memoryStorage', () => {
  it('copies values in and out, so callers never share them with the store', async () => {
    const storage = memoryStorage();
    const content = { a: 1 };
    await storage.createInstance(instance, new Map([['d', content]]));
    content.a = 2;
    const read = await storage.readData('1/g', 'd');
    expect(read?.content).toEqual({ a: 1 });
    (read!.content as { a: number }).a = 3;
    expect((await storage.readData('1/g', 'd'))?.content).toEqual({ a: 1 });
  });

  it('updates the element and instance on write, and forgets a deleted instance', async () => {
    const storage = memoryStorage();
    await storage.createInstance(instance, new Map([['d', {}]]));
    expect(await storage.writeData('1/g', 'd', { b: true }, 10, 't1')).toMatchObject({ size: 10, lastChanged: 't1' });
    expect((await storage.getInstance('1/g'))?.lastChanged).toBe('t1');
    expect(await storage.writeData('1/g', 'nope', {}, 2, 't2')).toBeNull();
    expect(await storage.deleteInstance('1/g')).toBe(true);
    expect(await storage.deleteInstance('1/g')).toBe(false);
    expect(await storage.readData('1/g', 'd')).toBeNull();
  });
});

describe('diskAppSource', () => {
  it('lists and reads app files, leaving out .git, bin, obj and node_modules', async () => {
    const root = await mkdtemp(join(tmpdir(), 'runtime-app-'));
    try {
      for (const dir of ['App/config', 'App/bin', '.git', 'node_modules/x', 'App/obj']) await mkdir(join(root, dir), { recursive: true });
      await writeFile(join(root, 'App/config/applicationmetadata.json'), '{"id":"a/b"}');
      await writeFile(join(root, 'App/bin/App.dll'), 'x');
      await writeFile(join(root, '.git/HEAD'), 'x');
      await writeFile(join(root, 'node_modules/x/index.js'), 'x');
      const source = await diskAppSource(root);
      expect(source.files.map((f) => f.path)).toEqual(['App', 'App/config', 'App/config/applicationmetadata.json']);
      expect(await source.read('App/config/applicationmetadata.json')).toBe('{"id":"a/b"}');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('createAppHandler edge cases', () => {
  it('refuses a streamed body over the limit that declares no length', async () => {
    const app = await loadAppModel(memoryFileSource({ 'App/config/applicationmetadata.json': '{"id":"a/b","dataTypes":[{"id":"m"}]}' }));
    const server = await startServer(createAppHandler({ app, org: 'a', appName: 'b', storage: memoryStorage(), maxBodyBytes: 100 }));
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(`${server.url}/a/b/v1/data?dataType=m`, { method: 'POST', headers: { 'Transfer-Encoding': 'chunked' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.write(`{"text":"${'x'.repeat(200)}`);
        req.end('"}');
      });
      expect(status).toBe(413);
    } finally {
      await server.close();
    }
  });

  it('stands in for layout-sets.json from the folders of a v9 app', async () => {
    const app = await loadAppModel(
      memoryFileSource({
        'App/config/applicationmetadata.json': '{"id":"a/b","dataTypes":[{"id":"m","taskId":"Task_1","appLogic":{"classRef":"M"}}]}',
        'App/ui/Task_1/layouts/Page.json': '{"data":{"layout":[]}}',
      }),
    );
    const server = await startServer(createAppHandler({ app, org: 'a', appName: 'b', storage: memoryStorage() }));
    try {
      const res = await fetch(`${server.url}/a/b/api/layoutsets`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { sets: { id: string }[] };
      expect(body.sets.map((s) => s.id)).toEqual(['Task_1']);
      expect((await fetch(`${server.url}/a/b/api/layouts/%E0%A4%A`)).status).toBe(400);
    } finally {
      await server.close();
    }
  });
});
