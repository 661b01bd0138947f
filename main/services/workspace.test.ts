import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs, writeMinimalApp } from '../testing/tempDirs';
import { EventHub } from './eventHub';
import { Workspace } from './workspace';

const temp = tempDirs();
afterAll(() => temp.cleanup());

async function openedApp() {
  const dir = temp.make();
  await writeMinimalApp(dir, { 'App/ui/form/layouts/Side1.json': '{"data":{"layout":[]}}\n', 'README.md': '# app\n' });
  mkdirSync(path.join(dir, '.git'));
  writeFileSync(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  mkdirSync(path.join(dir, 'App', 'bin'));
  const events = new EventHub();
  const seen: { event: string; payload: unknown }[] = [];
  events.subscribe((event, payload) => seen.push({ event, payload }));
  const workspace = new Workspace(events);
  await workspace.open(dir);
  return { dir: realpathSync(dir), workspace, seen };
}

describe('Workspace', () => {
  it('lists the app files, folders first, without .git or build output', async () => {
    const { workspace } = await openedApp();
    const app = await workspace.listFiles();
    const paths = app.files.map((f) => f.path);
    expect(paths).toContain('App/ui/form/layouts/Side1.json');
    expect(paths.indexOf('App/ui')).toBeLessThan(paths.indexOf('App/ui/form/layouts/Side1.json'));
    expect(paths.some((p) => p.startsWith('.git') || p.includes('/bin'))).toBe(false);
    expect(app.files.find((f) => f.path === 'README.md')).toEqual({ path: 'README.md', kind: 'file', size: 6 });
  });

  it('reads and atomically writes files, and tells listeners what changed', async () => {
    const { dir, workspace, seen } = await openedApp();
    await workspace.writeFile('App/ui/form/layouts/Side2.json', '{"data":{}}');
    expect(readFileSync(path.join(dir, 'App/ui/form/layouts/Side2.json'), 'utf8')).toBe('{"data":{}}');
    expect((await workspace.readFile('App/ui/form/layouts/Side2.json')).content).toBe('{"data":{}}');
    expect(seen.at(-1)).toEqual({ event: 'files:changed', payload: { dir, paths: ['App/ui/form/layouts/Side2.json'] } });
  });

  it('applies several writes and deletions as one change, with one event naming them all', async () => {
    const { dir, workspace, seen } = await openedApp();
    await workspace.applyChanges([
      { path: 'App/ui/form/layouts/Side2.json', content: '{"data":{"layout":[]}}\n' },
      { path: 'App/ui/form/layouts/Side1.json', content: null },
      { path: 'App/ui/form/layouts/Gone.json', content: null },
    ]);
    expect(readFileSync(path.join(dir, 'App/ui/form/layouts/Side2.json'), 'utf8')).toBe('{"data":{"layout":[]}}\n');
    expect(existsSync(path.join(dir, 'App/ui/form/layouts/Side1.json'))).toBe(false);
    expect(seen.at(-1)).toEqual({
      event: 'files:changed',
      payload: { dir, paths: ['App/ui/form/layouts/Side2.json', 'App/ui/form/layouts/Side1.json', 'App/ui/form/layouts/Gone.json'] },
    });
  });

  it('checks every path of a change before touching any file', async () => {
    const { dir, workspace } = await openedApp();
    await expect(
      workspace.applyChanges([
        { path: 'App/ui/form/layouts/Side1.json', content: null },
        { path: '../outside.txt', content: 'x' },
      ]),
    ).rejects.toMatchObject({ code: 'outside-app' });
    await expect(workspace.applyChanges([{ path: 'App/ui/form/layouts/Side1.json', content: null }, { path: 'App/ui', content: null }])).rejects.toMatchObject({ code: 'already-exists' });
    expect(existsSync(path.join(dir, 'App/ui/form/layouts/Side1.json'))).toBe(true);
  });

  it('refuses paths outside the app and writes nothing', async () => {
    const { dir, workspace } = await openedApp();
    await expect(workspace.readFile('../outside.txt')).rejects.toMatchObject({ code: 'outside-app' });
    await expect(workspace.writeFile('../outside.txt', 'x')).rejects.toMatchObject({ code: 'outside-app' });
    await expect(workspace.writeFile('.git/HEAD', 'x')).rejects.toMatchObject({ code: 'outside-app' });
    expect(readFileSync(path.join(dir, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
  });

  it('says clearly when a file is missing or a folder is given', async () => {
    const { workspace } = await openedApp();
    await expect(workspace.readFile('App/nope.json')).rejects.toMatchObject({ code: 'not-found', message: '"App/nope.json" does not exist in the open app' });
    await expect(workspace.readFile('App/ui')).rejects.toMatchObject({ code: 'not-found' });
    await expect(workspace.writeFile('App/ui', 'x')).rejects.toMatchObject({ code: 'already-exists' });
  });

  it('refuses folders that are not Altinn apps, and missing folders', async () => {
    const workspace = new Workspace(new EventHub());
    const empty = temp.make();
    await expect(workspace.open(empty)).rejects.toMatchObject({ code: 'not-an-app', message: expect.stringContaining('App/config/applicationmetadata.json is missing') });
    await expect(workspace.open(path.join(empty, 'nope'))).rejects.toMatchObject({ code: 'not-found' });
    await expect(workspace.listFiles()).rejects.toMatchObject({ code: 'no-app-open' });
  });

  it('closes and reports no current app', async () => {
    const { workspace, seen } = await openedApp();
    expect(await workspace.current()).not.toBeNull();
    workspace.close();
    expect(await workspace.current()).toBeNull();
    expect(seen.at(-1)).toEqual({ event: 'workspace:changed', payload: { app: null } });
  });
});
