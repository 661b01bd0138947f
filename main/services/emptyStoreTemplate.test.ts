import { existsSync, readdirSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbeddedStorage } from '../../runtime/server/pgliteStorage';
import { tempDirs } from '../testing/tempDirs';
import { emptyStoreTemplate, templateDir } from './emptyStoreTemplate';

const temp = tempDirs('studio-store-template-');
afterAll(() => temp.cleanup());

describe('empty store template', () => {
  it('is made once for concurrent askers, leaves no temporary folder, and a copy opens as a working store', { timeout: 120_000 }, async () => {
    const root = temp.make();
    const [a, b] = await Promise.all([emptyStoreTemplate(root), emptyStoreTemplate(root)]);
    expect(a).toBe(path.join(templateDir(root), 'pgdata'));
    expect(b).toBe(a);
    expect(readdirSync(path.dirname(templateDir(root)))).toEqual([path.basename(templateDir(root))]);
    const store = temp.make();
    await cp(a!, path.join(store, 'pgdata'), { recursive: true });
    const storage = await openEmbeddedStorage(store);
    expect(await storage.listInstances({ appId: 'acme/app' })).toEqual([]);
    await storage.close();
    expect(existsSync(path.join(a!, 'PG_VERSION'))).toBe(true);
  });
});
