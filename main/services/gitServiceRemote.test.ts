// GitService's merge, credential, clone and guard channels against real repositories and the test
// git server: a pull that needs a merge is finished with git:merge of origin/<branch>; conflicts are
// reported with JSON values and resolved; credentials are kept per host and never in .git/config;
// clone opens the app and remembers it; git:init writes a .gitignore; the kept status follows the watcher.
import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../testing/tempDirs';
import { EventHub } from './eventHub';
import { clone } from './git/clone';
import { push } from './git/push';
import { status } from './git/status';
import { gitServerDuringTests } from './git/testing/serverDuringTests';
import { commitAll, makeRepo, readText, writeFiles } from './git/testing/repoFixture';
import { MemoryCredentialStore } from './gitCredentials';
import { GitService } from './gitService';
import { Workspace } from './workspace';

const marker = 'App/config/applicationmetadata.json';
const page = 'App/ui/form/layouts/Side1.json';
const layout = (title: string, readOnly = false) => JSON.stringify({ data: { layout: [{ id: 'name', type: 'Input', textResourceBindings: { title }, readOnly }] } }, null, 2) + '\n';
const credentials = { username: 'studio', token: 'secret-token' };
const temp = tempDirs('studio-git-service-remote-');
const server = gitServerDuringTests({ auth: credentials }, () => temp.cleanup());

async function openService(dir: string, store = new MemoryCredentialStore()) {
  const events = new EventHub();
  const workspace = new Workspace(events);
  await workspace.open(dir);
  const service = new GitService(workspace, events, temp.make(), { credentials: store });
  const h = service.handlers();
  await h['git:setAuthor']({ name: 'Kari', email: 'kari@example.no' });
  return { events, h, service };
}

let serial = 0;
describe('GitService remote, merge and credentials', () => {
  it('finishes a pull that needs a merge by merging origin/main, resolving the conflict, and pushing', async () => {
    const url = server().createRepo(`merge${++serial}`);
    const first = await makeRepo(temp.make(), { [marker]: '{}', [page]: layout('base') });
    await git.addRemote({ fs, dir: first, remote: 'origin', url });
    await push(first, { credentials });
    const { h } = await openService(first);
    await h['git:setCredentials'](credentials);
    expect(await h['git:state']()).toMatchObject({ hasCredentials: true, merging: null });
    expect(await readFile(path.join(first, '.git', 'config'), 'utf8')).not.toContain(credentials.token);

    const second = path.join(temp.make(), 'second');
    await clone(url, second, { credentials });
    await writeFiles(second, { [page]: layout('theirs', true) });
    await commitAll(second, 'Theirs');
    await push(second, { credentials });

    await writeFiles(first, { [page]: layout('mine') });
    await h['git:stage']({ paths: [page] });
    await h['git:commit']({ message: 'Mine' });
    await expect(h['git:pull']({})).rejects.toMatchObject({ code: 'needs-merge' });
    const result = await h['git:merge']({ branch: 'origin/main' });
    expect(result.outcome).toBe('conflicts');
    const [conflict] = result.state!.conflicts;
    expect(conflict).toMatchObject({ file: page, kind: 'value', componentId: 'name', ours: '"mine"', theirs: '"theirs"', base: '"base"' });
    expect((await h['git:state']()).merging?.conflicts).toHaveLength(1);
    await expect(h['git:switchBranch']({ name: 'main' })).rejects.toThrow(/merge is in progress/);
    await expect(h['git:resolveConflict']({ conflictId: conflict!.id, choice: { value: 'not json' } })).rejects.toMatchObject({ code: 'invalid-argument' });
    const after = await h['git:resolveConflict']({ conflictId: conflict!.id, choice: { value: '"both"' } });
    expect(after.conflicts).toEqual([]);
    const { oid } = await h['git:concludeMerge']({});
    expect(JSON.parse((await readText(first, page))!).data.layout[0]).toMatchObject({ textResourceBindings: { title: 'both' }, readOnly: true });
    expect(await h['git:state']()).toMatchObject({ head: oid, merging: null, ahead: 2, behind: 0 });
    expect(await h['git:push']()).toMatchObject({ ahead: 0, behind: 0 });
  });

  it('aborts a merge through the channel and forgets credentials', async () => {
    const dir = await makeRepo(temp.make(), { [marker]: '{}', [page]: layout('base') });
    await git.branch({ fs, dir, ref: 'feature', checkout: true });
    await writeFiles(dir, { [page]: layout('theirs') });
    await commitAll(dir, 'Theirs');
    await git.checkout({ fs, dir, ref: 'main' });
    await writeFiles(dir, { [page]: layout('mine') });
    await commitAll(dir, 'Mine');
    const { h } = await openService(dir);
    expect((await h['git:merge']({ branch: 'feature' })).outcome).toBe('conflicts');
    await h['git:abortMerge']();
    expect(await h['git:mergeState']()).toBeNull();
    expect(await readText(dir, page)).toBe(layout('mine'));
    await expect(h['git:setCredentials'](credentials)).rejects.toThrow(/no remote called "origin"/);
    await h['git:setRemote']({ url: 'https://altinn.example/org/app.git' });
    expect((await h['git:setCredentials'](credentials)).hasCredentials).toBe(true);
    expect((await h['git:forgetCredentials']()).hasCredentials).toBe(false);
  });

  it('clones with progress into a new folder, opens the app, keeps the credentials for the host only in the store', async () => {
    const url = server().createRepo(`clone${++serial}`);
    const source = await makeRepo(temp.make(), { [marker]: '{}', 'App/a.json': '1' });
    await git.addRemote({ fs, dir: source, remote: 'origin', url });
    await push(source, { credentials });
    const store = new MemoryCredentialStore();
    const { h, events } = await openService(source, store);
    const phases: string[] = [];
    events.subscribe((event, payload) => {
      if (event === 'git:progress') phases.push((payload as { operation: string }).operation);
    });
    const target = path.join(temp.make(), 'cloned');
    await expect(h['git:clone']({ url, dir: target })).rejects.toMatchObject({ code: 'auth-failed' });
    const withToken = url.replace('http://', `http://${credentials.username}:${credentials.token}@`);
    const opened = await h['git:clone']({ url: withToken, dir: target });
    expect(opened.dir).toBe(target);
    expect(phases).toContain('clone');
    expect(await store.get(new URL(url).host)).toEqual(credentials);
    expect(await readFile(path.join(target, '.git', 'config'), 'utf8')).not.toContain(credentials.token);
    expect(await h['git:state']()).toMatchObject({ isRepo: true, remote: url, hasCredentials: true });
  });

  it('git:init writes a .gitignore for build output, and keeps one that exists', async () => {
    const dir = temp.make();
    await writeFiles(dir, { [marker]: '{}' });
    const { h } = await openService(dir);
    await h['git:init']();
    expect(await readText(dir, '.gitignore')).toMatch(/^bin\/$[\s\S]*^obj\/$[\s\S]*^node_modules\/$[\s\S]*^\.vs\/$[\s\S]*^\*\.user$/m);
    const mine = temp.make();
    await writeFiles(mine, { [marker]: '{}', '.gitignore': 'mine\n' });
    await (await openService(mine)).h['git:init']();
    expect(await readText(mine, '.gitignore')).toBe('mine\n');
  });

  it('keeps status warm: the paths the watcher reports are read again, and the answer matches a full status', async () => {
    const dir = await makeRepo(temp.make(), { [marker]: '{}', 'App/a.json': '1', 'App/b.json': '1' });
    const { h, events } = await openService(dir);
    expect(await h['git:status']()).toEqual([]);
    await writeFiles(dir, { 'App/a.json': '2', 'App/c.json': 'new' });
    events.emit('files:changed', { dir, paths: ['App/a.json', 'App/c.json'] });
    expect(await h['git:status']()).toEqual(await status(dir));
    await h['git:stage']({ paths: ['App/a.json'] });
    expect(await h['git:status']()).toEqual(await status(dir));
    await h['git:commit']({ message: 'Two' });
    expect(await h['git:status']()).toEqual([{ path: 'App/c.json', staged: null, unstaged: 'untracked' }]);
  });
});
