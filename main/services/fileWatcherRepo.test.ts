// The file watcher over the app's git repository: with the repository root above the app (a monorepo)
// or the app folder itself, changes outside the app and in .git's metadata reach the repository's
// listeners (and through them the kept git status), never `files:changed`.
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { FilesChangedEvent, GitChange } from '../../core/api';
import { tempDirs, writeMinimalApp } from '../testing/tempDirs';
import { EventHub } from './eventHub';
import { FileWatcher, isGitMetadata, type RepoChange } from './fileWatcher';
import { makeRepo } from './git/testing/repoFixture';
import { createStudioServices } from './studioServices';
import { Workspace } from './workspace';

const temp = tempDirs('studio-repo-watch-');
afterAll(() => temp.cleanup());

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Waits until `check` holds, polling; fails after `timeoutMs` with `what`. */
async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const gitIn = (dir: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: dir, stdio: 'pipe' });

/** A repository with `other/readme.md` committed and a minimal app at `appPath` ('' for the root). */
async function makeMonorepo(appPath: string): Promise<{ repo: string; app: string }> {
  const folder = temp.make();
  await writeMinimalApp(path.join(folder, appPath));
  const repo = await makeRepo(folder, { 'other/readme.md': 'one\n', 'other/deep/notes.txt': 'x\n' });
  return { repo, app: path.join(repo, appPath) };
}

async function setup(mode: 'native' | 'tree', appPath: string) {
  const { repo, app } = await makeMonorepo(appPath);
  const events = new EventHub();
  const workspace = new Workspace(events);
  const watcher = new FileWatcher(events, { mode });
  cleanups.push(() => watcher.dispose());
  const files: FilesChangedEvent[] = [];
  const changes: RepoChange[] = [];
  events.subscribe((event, payload) => {
    if (event === 'files:changed') files.push(payload as FilesChangedEvent);
  });
  watcher.onRepoChange((change) => changes.push(change));
  const opened = await workspace.open(app);
  await watcher.ready();
  const repoPaths = () => new Set(changes.flatMap((c) => c.paths));
  const gitFiles = () => new Set(changes.flatMap((c) => c.git));
  const write = async (rel: string, content: string) => {
    await fs.mkdir(path.dirname(path.join(repo, rel)), { recursive: true });
    await fs.writeFile(path.join(repo, rel), content);
  };
  return { repo, app: opened.dir, workspace, watcher, files, changes, repoPaths, gitFiles, write };
}

describe('isGitMetadata', () => {
  it('keeps what HEAD, the index, the branches and a merge are, and leaves objects, logs and locks out', () => {
    for (const rel of ['HEAD', 'index', 'packed-refs', 'MERGE_HEAD', 'refs/heads/main', 'refs/heads/feature/x', 'refs/tags/v1']) expect(isGitMetadata(rel), rel).toBe(true);
    for (const rel of ['objects/ab/cdef', 'objects/pack/pack-1.pack', 'logs/HEAD', 'index.lock', 'refs/heads/main.lock', 'HEAD.lock', 'config', 'ORIG_HEAD', 'refs']) expect(isGitMetadata(rel), rel).toBe(false);
  });
});

for (const mode of ['tree', 'native'] as const) {
  describe(`FileWatcher over the repository (${mode})`, () => {
    it('with the repository root above the app: other folders and .git reach the repository’s listeners, not files:changed', async () => {
      const w = await setup(mode, 'apps/my-app');
      expect(w.watcher.watching).toBe(w.app);

      await w.write('other/readme.md', 'two\n');
      await waitFor('the sibling folder’s change', () => w.repoPaths().has('other/readme.md'));
      await w.write('other/deep/notes.txt', 'y\n');
      await waitFor('a change deeper in the sibling folder', () => w.repoPaths().has('other/deep/notes.txt'));
      await w.write('libs/new/a.txt', 'a');
      await waitFor('the new folder outside the app', () => [...w.repoPaths()].some((p) => p === 'libs' || p.startsWith('libs/')));
      await waitFor('a change in the new folder', async () => {
        await w.write('libs/new/a.txt', `b${Date.now()}`);
        await pause(20);
        return w.repoPaths().has('libs/new/a.txt');
      });

      gitIn(w.repo, 'checkout', '-q', '-b', 'feature');
      await waitFor('HEAD moving to the new branch', () => w.gitFiles().has('HEAD'));
      gitIn(w.repo, 'add', 'other/readme.md');
      await waitFor('the index', () => w.gitFiles().has('index'));
      gitIn(w.repo, 'commit', '-qm', 'Two');
      await waitFor('the branch moving', () => w.gitFiles().has('refs/heads/feature'));

      // Something in the app, so what came before has surely been reported.
      await fs.writeFile(path.join(w.app, 'App/sentinel.json'), '{}');
      await waitFor('the app’s change', () => w.files.some((f) => f.paths.includes('App/sentinel.json')));
      await w.watcher.idle();
      expect(w.files.flatMap((f) => f.paths)).toEqual(['App/sentinel.json']);
      expect(w.files.every((f) => f.dir === w.app)).toBe(true);
      expect(w.changes.every((c) => c.repo === w.repo)).toBe(true);
      for (const p of w.repoPaths()) expect(p.startsWith('apps/my-app'), p).toBe(false);
      for (const g of w.gitFiles()) expect(isGitMetadata(g) || g === 'refs' || g.startsWith('refs/'), g).toBe(true);
    });

    it('with the app at the repository root: .git’s metadata reaches the listeners, the app’s files files:changed', async () => {
      const w = await setup(mode, '');
      await fs.writeFile(path.join(w.app, 'other/readme.md'), 'two\n');
      await waitFor('the app’s change', () => w.files.some((f) => f.paths.includes('other/readme.md')));
      gitIn(w.repo, 'add', 'other/readme.md');
      await waitFor('the index', () => w.gitFiles().has('index'));
      gitIn(w.repo, 'checkout', '-q', '-b', 'feature');
      await waitFor('HEAD', () => w.gitFiles().has('HEAD'));
      await w.watcher.idle();
      expect(w.repoPaths().size).toBe(0);
      for (const p of w.files.flatMap((f) => f.paths)) expect(p.startsWith('.git'), p).toBe(false);
    });

    it('watches an app under a folder whose name is otherwise ignored (build/)', async () => {
      const w = await setup(mode, 'build/my-app');
      await fs.writeFile(path.join(w.app, 'App/sentinel.json'), '{}');
      await waitFor('the app’s change', () => w.files.some((f) => f.paths.includes('App/sentinel.json')));
    });

    it('stops watching the repository when the app is closed, and follows a switch to another app', async () => {
      const w = await setup(mode, 'apps/my-app');
      if (mode === 'tree') expect(w.watcher.watchedFolders).toBeGreaterThan(0);
      const other = temp.make();
      await writeMinimalApp(other);
      await w.workspace.open(other);
      await w.watcher.ready();
      await w.write('other/readme.md', 'after the switch\n');
      gitIn(w.repo, 'add', 'other/readme.md');
      await fs.writeFile(path.join(other, 'sentinel.txt'), 'x');
      await waitFor('the second app’s change', () => w.files.some((f) => f.paths.includes('sentinel.txt')));
      await w.watcher.idle();
      expect(w.changes).toEqual([]);

      await w.workspace.open(w.app);
      await w.watcher.ready();
      w.workspace.close();
      expect(w.watcher.watching).toBeNull();
      expect(w.watcher.watchedFolders).toBe(0);
      await w.write('other/readme.md', 'after close\n');
      gitIn(w.repo, 'checkout', '-q', '-b', 'after-close');
      await pause(400);
      await w.watcher.idle();
      expect(w.changes).toEqual([]);
    });
  });
}

describe('the studio’s kept git status', () => {
  it('follows a change outside the app and a commit made in a terminal', async () => {
    const { repo, app } = await makeMonorepo('apps/my-app');
    const services = createStudioServices({ host: 'web', configDir: temp.make() });
    cleanups.push(() => services.watcher.dispose());
    await services.handlers['workspace:open']({ dir: app });
    await services.watcher.ready();
    const status = () => services.handlers['git:status'](undefined);
    const changesOf = (list: readonly GitChange[]) => list.map((c) => `${c.path} ${c.staged ?? '-'} ${c.unstaged ?? '-'}`);
    expect(await status()).toEqual([]);

    await fs.writeFile(path.join(repo, 'other/readme.md'), 'two\n');
    await waitFor('the sibling’s change in the status', async () => changesOf(await status()).includes('other/readme.md - modified'));

    gitIn(repo, 'commit', '-qam', 'Two');
    await waitFor('the commit in the status', async () => (await status()).length === 0);
    await services.handlers['workspace:close'](undefined);
  });
});
