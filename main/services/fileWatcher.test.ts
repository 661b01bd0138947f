import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { FilesChangedEvent } from '../../core/api';
import { tempDirs, writeMinimalApp } from '../testing/tempDirs';
import { EventHub } from './eventHub';
import { FileWatcher, isIgnoredPath } from './fileWatcher';
import { Workspace } from './workspace';

const temp = tempDirs('studio-watch-');
afterAll(() => temp.cleanup());

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Waits until `check` holds, polling; fails after `timeoutMs` with `what`. */
async function waitFor(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function setup(mode?: 'native' | 'tree', files: Record<string, string> = {}) {
  const events = new EventHub();
  const workspace = new Workspace(events);
  const watcher = new FileWatcher(events, mode ? { mode } : {});
  cleanups.push(() => watcher.dispose());
  const seen: { event: FilesChangedEvent }[] = [];
  events.subscribe((event, payload) => {
    if (event === 'files:changed') seen.push({ event: payload as FilesChangedEvent });
  });
  const dir = temp.make();
  await writeMinimalApp(dir, files);
  const app = await workspace.open(dir);
  await watcher.ready();
  const all = () => new Set(seen.flatMap((s) => s.event.paths));
  const has = (rel: string) => all().has(rel);
  const write = async (rel: string, content: string) => {
    await fs.mkdir(path.dirname(path.join(app.dir, rel)), { recursive: true });
    await fs.writeFile(path.join(app.dir, rel), content);
  };
  return { workspace, watcher, seen, root: app.dir, all, has, write };
}

describe('isIgnoredPath', () => {
  it('skips version control, packages, build output and the atomic writes’ temp files', () => {
    expect(isIgnoredPath('.git/index')).toBe(true);
    expect(isIgnoredPath('App/bin/Debug/app.dll')).toBe(true);
    expect(isIgnoredPath('App/obj/project.assets.json')).toBe(true);
    expect(isIgnoredPath('node_modules/x/package.json')).toBe(true);
    expect(isIgnoredPath('App/ui/form/layouts/.Side1.json.0b6f1c4e-2a7d-4c1e-9f3a-5d8e7b6a4c21.tmp')).toBe(true);
    expect(isIgnoredPath('App/ui/form/layouts/Side1.json')).toBe(false);
    expect(isIgnoredPath('App/config/texts/resource.nb.json')).toBe(false);
  });
});

for (const mode of ['tree', 'native'] as const) {
  describe(`FileWatcher (${mode})`, () => {
    it('reports a file another program changes, creates and deletes, relative with forward slashes', async () => {
      const w = await setup(mode, { 'App/ui/form/layouts/Side1.json': '{}' });
      await w.write('App/ui/form/layouts/Side1.json', '{"data":{}}');
      await waitFor('the change', () => w.has('App/ui/form/layouts/Side1.json'));
      await w.write('App/ui/form/layouts/Side2.json', '{}');
      await waitFor('the new file', () => w.has('App/ui/form/layouts/Side2.json'));
      const before = w.seen.length;
      await fs.rm(path.join(w.root, 'App/ui/form/layouts/Side1.json'));
      await waitFor('the deletion', () => w.seen.slice(before).some((s) => s.event.paths.includes('App/ui/form/layouts/Side1.json')));
      expect(w.seen.every((s) => s.event.dir === w.root)).toBe(true);
    });

    it('reports both names of a renamed file', async () => {
      const w = await setup(mode, { 'App/ui/form/layouts/Old.json': '{}' });
      await fs.rename(path.join(w.root, 'App/ui/form/layouts/Old.json'), path.join(w.root, 'App/ui/form/layouts/New.json'));
      await waitFor('both names', () => w.has('App/ui/form/layouts/Old.json') && w.has('App/ui/form/layouts/New.json'));
    });

    it('reports the files of a new folder, and changes inside it afterwards', async () => {
      const w = await setup(mode);
      await w.write('App/ui/extra/layouts/A.json', '{}');
      await w.write('App/ui/extra/layouts/deeper/B.json', '{}');
      await waitFor('the new folder’s files', () => w.has('App/ui/extra/layouts/A.json') && w.has('App/ui/extra/layouts/deeper/B.json'));
      const before = w.seen.length;
      await w.write('App/ui/extra/layouts/deeper/B.json', '{"x":1}');
      await waitFor('a change in the new folder', () => w.seen.slice(before).some((s) => s.event.paths.includes('App/ui/extra/layouts/deeper/B.json')));
    });

    it('turns a burst of 200 files into a few events that name them all', async () => {
      const w = await setup(mode);
      const names = Array.from({ length: 200 }, (_, i) => `App/ui/form/layouts/Page${String(i).padStart(3, '0')}.json`);
      await fs.mkdir(path.join(w.root, 'App/ui/form/layouts'), { recursive: true });
      await Promise.all(names.map((n) => fs.writeFile(path.join(w.root, n), '{}')));
      await waitFor('all 200 files', () => names.every((n) => w.has(n)));
      expect(w.seen.length).toBeLessThanOrEqual(10);
      expect(w.seen.every((s) => s.event.paths.every((p) => !p.includes('\\')))).toBe(true);
    });

    it('ignores .git, node_modules, bin, obj and the studio’s temp files', async () => {
      const w = await setup(mode, { '.git/HEAD': 'ref: refs/heads/main\n', 'App/bin/keep': '', 'App/obj/keep': '' });
      await w.write('.git/index', 'x');
      await w.write('.git/refs/heads/main', 'abc');
      await w.write('node_modules/pkg/index.js', 'x');
      await w.write('App/bin/Debug/App.dll', 'x');
      await w.write('App/obj/project.assets.json', '{}');
      await w.write('App/ui/form/layouts/.Side1.json.0b6f1c4e-2a7d-4c1e-9f3a-5d8e7b6a4c21.tmp', 'x');
      await w.write('sentinel.txt', 'done');
      await waitFor('the sentinel', () => w.has('sentinel.txt'));
      for (const p of w.all()) expect(isIgnoredPath(p), p).toBe(false);
      expect([...w.all()]).toEqual(['sentinel.txt']);
    });

    it('does not report the studio’s own writes a second time', async () => {
      const w = await setup(mode, { 'App/ui/form/layouts/Side1.json': '{}' });
      await w.workspace.writeFile('App/ui/form/layouts/Side1.json', '{"mine":true}');
      await w.workspace.applyChanges([
        { path: 'App/ui/form/layouts/Side2.json', content: '{}' },
        { path: 'App/ui/form/layouts/Side1.json', content: null },
      ]);
      await w.write('sentinel.txt', 'done');
      await waitFor('the sentinel', () => w.has('sentinel.txt'));
      await w.watcher.idle();
      const naming = (p: string) => w.seen.filter((s) => s.event.paths.includes(p)).length;
      expect(naming('App/ui/form/layouts/Side1.json')).toBe(2); // the workspace's write and delete, nothing more
      expect(naming('App/ui/form/layouts/Side2.json')).toBe(1);
    });

    it('stops when the app is closed and follows a switch to another app', async () => {
      const w = await setup(mode);
      const other = temp.make();
      await writeMinimalApp(other);
      const second = await w.workspace.open(other);
      await w.watcher.ready();
      expect(w.watcher.watching).toBe(second.dir);
      await w.write('first.txt', 'x');
      await fs.writeFile(path.join(second.dir, 'second.txt'), 'x');
      await waitFor('the second app’s change', () => w.has('second.txt'));
      expect(w.seen.filter((s) => s.event.dir === w.root)).toEqual([]);

      w.workspace.close();
      expect(w.watcher.watching).toBeNull();
      const before = w.seen.length;
      await fs.writeFile(path.join(second.dir, 'after-close.txt'), 'x');
      await pause(400);
      expect(w.seen.length).toBe(before);
    });
  });
}
