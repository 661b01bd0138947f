// The git channels over the open app's repository, against real temporary repositories: state,
// author, staging (whole files and chosen content), commits, history, versions compared and read,
// and failures turned into errors a person can act on.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudioError } from '../../core/api';
import { EventHub } from './eventHub';
import { GitService } from './gitService';
import { makeRepo, readText, writeFiles } from './git/testing/repoFixture';
import { Workspace } from './workspace';

const marker = 'App/config/applicationmetadata.json';
let temp: string;
let config: string;

beforeEach(() => {
  temp = mkdtempSync(path.join(os.tmpdir(), 'studio-git-service-'));
  config = mkdtempSync(path.join(os.tmpdir(), 'studio-git-config-'));
});
afterEach(() => {
  rmSync(temp, { recursive: true, force: true });
  rmSync(config, { recursive: true, force: true });
});

async function openApp(files: Record<string, string>, repo = true) {
  const dir = repo ? await makeRepo(temp, files) : temp;
  if (!repo) await writeFiles(dir, files);
  const workspace = new Workspace(new EventHub());
  await workspace.open(dir);
  const service = new GitService(workspace, new EventHub(), config);
  return { dir, h: service.handlers(), service };
}

describe('GitService', () => {
  it('says when the app has no repository, and starts one', async () => {
    const { h } = await openApp({ [marker]: '{}' }, false);
    expect(await h['git:state']()).toMatchObject({ isRepo: false, branch: null });
    await expect(h['git:status']()).rejects.toMatchObject({ code: 'not-found' });
    expect(await h['git:init']()).toMatchObject({ isRepo: true, branch: 'main', head: null, appPath: '' });
  });

  it('commits as the author set in the studio, and refuses to commit without one', async () => {
    const { dir, h } = await openApp({ [marker]: '{}', 'a.json': '1' });
    await writeFiles(dir, { 'a.json': '2' });
    await h['git:stage']({ paths: ['a.json'] });
    await expect(h['git:commit']({ message: 'Two' })).rejects.toThrow(/author/);
    await h['git:setAuthor']({ name: ' Kari Nordmann ', email: 'kari@example.no' });
    expect(await h['git:author']()).toEqual({ name: 'Kari Nordmann', email: 'kari@example.no' });
    const { oid } = await h['git:commit']({ message: 'Two' });
    const page = await h['git:history']({});
    expect(page.entries.map((e) => e.message.trim())).toEqual(['Two', 'First']);
    expect(page.entries[0]).toMatchObject({ oid, author: { name: 'Kari Nordmann' } });
    expect(await h['git:commitFiles']({ oid })).toEqual([{ path: 'a.json', change: 'modified' }]);
    expect(await h['git:state']()).toMatchObject({ branch: 'main', head: oid, remote: null, ahead: null });
  });

  it('stages chosen content of a file, reads it back from the index, and leaves the working file as it is', async () => {
    const { dir, h } = await openApp({ [marker]: '{}', 'a.txt': 'one\ntwo\n' });
    await writeFiles(dir, { 'a.txt': 'ONE\ntwo\nthree\n' });
    await h['git:stageContent']({ path: 'a.txt', content: 'ONE\ntwo\n' });
    expect(await h['git:status']()).toEqual([{ path: 'a.txt', staged: 'modified', unstaged: 'modified' }]);
    await h['git:setAuthor']({ name: 'K', email: 'k@example.no' });
    const { oid } = await h['git:commit']({ message: 'Part' });
    expect(await h['git:fileAt']({ ref: oid, path: 'a.txt' })).toEqual({ content: 'ONE\ntwo\n' });
    await h['git:stageContent']({ path: 'a.txt', content: 'ONE\ntwo\nthree\n' });
    expect(await h['git:fileAtIndex']({ path: 'a.txt' })).toEqual({ content: 'ONE\ntwo\nthree\n' });
    expect(await h['git:fileAtIndex']({ path: 'missing.txt' })).toEqual({ content: null });
    await writeFiles(dir, { 'App/ui/deep/n.json': '{"n": 1}', 'App/ui/other.json': '{}' });
    await h['git:stage']({ paths: ['App/ui/deep/n.json', 'App/ui/other.json'] });
    expect(await h['git:fileAtIndex']({ path: 'App/ui/deep/n.json' })).toEqual({ content: '{"n": 1}' });
    expect(await h['git:fileAtIndex']({ path: 'App/ui/deep' })).toEqual({ content: null });
    expect(await readText(dir, 'a.txt')).toBe('ONE\ntwo\nthree\n');
  });

  it('compares versions with each other and with the working tree, and reads a file in any version', async () => {
    const { dir, h } = await openApp({ [marker]: '{}', 'a.json': '1', 'b.json': 'b' });
    await h['git:setAuthor']({ name: 'K', email: 'k@example.no' });
    await h['git:createTag']({ name: 'v1' });
    await writeFiles(dir, { 'a.json': '2', 'b.json': null, 'c.json': 'c' });
    expect(await h['git:compare']({ from: 'v1', to: null })).toEqual([
      { path: 'a.json', change: 'modified' },
      { path: 'b.json', change: 'deleted' },
      { path: 'c.json', change: 'added' },
    ]);
    await h['git:stage']({ paths: ['a.json', 'b.json', 'c.json'] });
    const { oid } = await h['git:commit']({ message: 'Second' });
    expect((await h['git:compare']({ from: 'v1', to: oid.slice(0, 7) })).map((c) => c.path)).toEqual(['a.json', 'b.json', 'c.json']);
    expect(await h['git:fileAt']({ ref: 'v1', path: 'b.json' })).toEqual({ content: 'b' });
    expect(await h['git:fileAt']({ ref: 'main', path: 'b.json' })).toEqual({ content: null });
    await expect(h['git:fileAt']({ ref: 'nope', path: 'a.json' })).rejects.toThrow(/no branch, tag or commit called "nope"/);
  });

  it('refuses to switch over uncommitted changes, naming them, and keeps a copy when asked', async () => {
    const { dir, h } = await openApp({ [marker]: '{}', 'a.json': '1' });
    await h['git:createBranch']({ name: 'other' });
    await writeFiles(dir, { 'a.json': 'mine' });
    await h['git:setAuthor']({ name: 'K', email: 'k@example.no' });
    await h['git:switchBranch']({ name: 'other' });
    // The change is carried over (not in the way); a conflicting one refuses.
    expect(await readText(dir, 'a.json')).toBe('mine');
    await h['git:stage']({ paths: ['a.json'] });
    await h['git:commit']({ message: 'On other' });
    await writeFiles(dir, { 'a.json': 'dirty' });
    const error = await h['git:switchBranch']({ name: 'main' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StudioError);
    expect(error).toMatchObject({ code: 'would-overwrite', message: expect.stringContaining('a.json') });
    const { recovery } = await h['git:switchBranch']({ name: 'main', onDirty: 'keep-copy' });
    expect(recovery?.files.map((f) => f.path)).toEqual(['a.json']);
    expect((await h['git:recoveryList']()).map((e) => e.id)).toContain(recovery!.id);
  });

  it('says which remote operation is running, and that there is no remote', async () => {
    const { h } = await openApp({ [marker]: '{}' });
    await expect(h['git:push']()).rejects.toMatchObject({ code: 'git', message: expect.stringContaining('no remote') });
  });
});
