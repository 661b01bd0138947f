import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { existsSync } from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { aheadBehind } from './aheadBehind';
import { createBranch } from './branches';
import { clone } from './clone';
import { commit } from './commit';
import { AuthFailed, Cancelled, DetachedHead, NeedsMerge, NoRemote, RemoteRejected, WouldOverwrite } from './errors';
import { fetch } from './fetch';
import { history } from './history';
import { pull } from './pull';
import { push } from './push';
import { readRecoveredFile } from './recoveryStore';
import { stage } from './stage';
import { switchBranch } from './switchBranch';
import { startGitHttpServer, type GitHttpServer } from './testing/gitHttpServer';
import { commitAll, makeRepo, readText, testAuthor, writeFiles } from './testing/repoFixture';
import type { Progress } from './transport';

const temp = tempDirs('studio-git-remote-');
const credentials = { username: 'studio', token: 'secret-token' };
let server: GitHttpServer;
beforeAll(async () => {
  server = await startGitHttpServer({ auth: credentials });
});
afterAll(async () => {
  await server.stop();
  temp.cleanup();
});

let serial = 0;
/** A remote with one commit pushed from a first working copy; returns that copy and the remote URL. */
async function published(files: Record<string, string> = { 'App/a.json': 'a1', 'App/b.json': 'b1' }) {
  const url = server.createRepo(`app${++serial}`);
  const dir = await makeRepo(temp.make(), files);
  await git.addRemote({ fs, dir, remote: 'origin', url });
  await push(dir, { credentials });
  return { url, dir };
}

async function cloned(url: string): Promise<string> {
  const dir = path.join(temp.make(), 'clone');
  await clone(url, dir, { credentials });
  return dir;
}

/** Another working copy commits `files` and pushes them. */
async function pushedByAnother(url: string, files: Record<string, string>): Promise<void> {
  const other = await cloned(url);
  await writeFiles(other, files);
  await commitAll(other, 'Theirs');
  await push(other, { credentials });
}

describe('clone', () => {
  it('clones with progress and checks out the branch', async () => {
    const { url } = await published();
    const dir = path.join(temp.make(), 'app');
    const progress: Progress[] = [];
    await clone(url, dir, { credentials, onProgress: (p) => progress.push(p) });
    expect(await readText(dir, 'App/a.json')).toBe('a1');
    expect(await git.currentBranch({ fs, dir })).toBe('main');
    expect(progress.length).toBeGreaterThan(0);
    // The credentials went to the server only: nothing in the repository holds them.
    const config = await readText(dir, '.git/config');
    expect(config).toContain(url);
    expect(config).not.toContain(credentials.token);
  });

  it('fails with AuthFailed for a wrong token or none, and leaves no folder', async () => {
    const { url } = await published();
    const dir = path.join(temp.make(), 'app');
    const wrong = clone(url, dir, { credentials: { ...credentials, token: 'wrong' } });
    await expect(wrong).rejects.toBeInstanceOf(AuthFailed);
    await expect(wrong).rejects.toMatchObject({ message: expect.stringContaining('access token') });
    await expect(clone(url, dir)).rejects.toBeInstanceOf(AuthFailed);
    expect(existsSync(dir)).toBe(false);
  });

  it('is cancelled through the signal, before it starts or midway, leaving no folder', async () => {
    const { url } = await published();
    const dir = path.join(temp.make(), 'app');
    const early = new AbortController();
    early.abort();
    await expect(clone(url, dir, { credentials, signal: early.signal })).rejects.toBeInstanceOf(Cancelled);
    expect(existsSync(dir)).toBe(false);
    const midway = new AbortController();
    const phases: string[] = [];
    const onProgress = (p: Progress) => {
      phases.push(p.phase);
      midway.abort();
    };
    await expect(clone(url, dir, { credentials, signal: midway.signal, onProgress })).rejects.toBeInstanceOf(Cancelled);
    expect(phases).toHaveLength(1);
    expect(existsSync(dir)).toBe(false);
  });
  it('refuses a folder that is not empty, and leaves it as it was', async () => {
    const { url } = await published();
    const dir = temp.make();
    await writeFiles(dir, { 'mine.txt': 'keep' });
    await expect(clone(url, dir, { credentials })).rejects.toMatchObject({ kind: 'folder-not-empty' });
    expect(await readText(dir, 'mine.txt')).toBe('keep');
  });
});

describe('push and pull', () => {
  it('pushes a commit that another working copy pulls as a fast-forward', async () => {
    const { url, dir: first } = await published();
    const second = await cloned(url);
    await writeFiles(second, { 'App/a.json': 'a2', 'App/new.json': 'n' });
    await stage(second, ['App/a.json', 'App/new.json']);
    const oid = await commit(second, { message: 'Edit a', author: testAuthor });
    expect(await push(second, { credentials })).toEqual({ ahead: 0, behind: 0 });

    expect(await fetch(first, { credentials })).toEqual({ ahead: 0, behind: 1 });
    expect(await pull(first, { credentials })).toMatchObject({ outcome: 'fast-forward', oid, recovery: null });
    expect(await readText(first, 'App/a.json')).toBe('a2');
    expect(await readText(first, 'App/new.json')).toBe('n');
    expect((await history(first, { pageSize: 1 })).entries[0]?.oid).toBe(oid);
    expect(await pull(first, { credentials })).toMatchObject({ outcome: 'up-to-date' });
  });

  it('rejects a conflicting push as not a fast-forward and keeps the local commit', async () => {
    const { url, dir: first } = await published();
    await pushedByAnother(url, { 'App/a.json': 'theirs' });

    await writeFiles(first, { 'App/b.json': 'mine' });
    const mine = await commitAll(first, 'Mine');
    const rejected = push(first, { credentials });
    await expect(rejected).rejects.toBeInstanceOf(RemoteRejected);
    await expect(rejected).rejects.toMatchObject({ reason: 'not-fast-forward', message: expect.stringContaining('Pull first') });
    expect(await git.resolveRef({ fs, dir: first, ref: 'HEAD' })).toBe(mine);

    await expect(pull(first, { credentials })).rejects.toBeInstanceOf(NeedsMerge);
    expect(await aheadBehind(first)).toEqual({ ahead: 1, behind: 1 });
    expect(await readText(first, 'App/b.json')).toBe('mine');
  });

  it('refuses a pull that would replace uncommitted changes, or keeps a copy when asked', async () => {
    const { url, dir: first } = await published();
    await pushedByAnother(url, { 'App/a.json': 'theirs' });

    await writeFiles(first, { 'App/a.json': 'my edit', 'App/b.json': 'unrelated edit' });
    const refused = pull(first, { credentials });
    await expect(refused).rejects.toBeInstanceOf(WouldOverwrite);
    await expect(refused).rejects.toMatchObject({ files: ['App/a.json'] });
    expect(await readText(first, 'App/a.json')).toBe('my edit');

    const { recovery } = await pull(first, { credentials, onDirty: 'keep-copy' });
    expect(await readText(first, 'App/a.json')).toBe('theirs');
    expect(await readText(first, 'App/b.json')).toBe('unrelated edit');
    expect(await readRecoveredFile(first, recovery!.id, 'App/a.json')).toEqual(Buffer.from('my edit'));
  });

  it('pushes a new branch, which native git then sees in the server repository', async () => {
    const { url, dir } = await published();
    await createBranch(dir, 'feature');
    await switchBranch(dir, 'feature');
    await writeFiles(dir, { 'App/f.json': 'f' });
    const oid = await commitAll(dir, 'Feature');
    expect(await pull(dir, { credentials })).toMatchObject({ outcome: 'not-on-remote' });
    expect(await push(dir, { credentials })).toEqual({ ahead: 0, behind: 0 });
    const bare = path.join(server.root, path.basename(new URL(url).pathname));
    expect(execFileSync('git', ['--git-dir', bare, 'rev-parse', 'refs/heads/feature'], { encoding: 'utf8' }).trim()).toBe(oid);
  });

  it('says what is missing: no remote, or no branch checked out', async () => {
    const dir = await makeRepo(temp.make(), { 'a.txt': 'a' });
    await expect(push(dir)).rejects.toBeInstanceOf(NoRemote);
    await expect(fetch(dir)).rejects.toBeInstanceOf(NoRemote);
    await git.checkout({ fs, dir, ref: await git.resolveRef({ fs, dir, ref: 'HEAD' }) });
    await expect(pull(dir)).rejects.toBeInstanceOf(DetachedHead);
  });

  it('fails with AuthFailed when pushing with a wrong token', async () => {
    const { dir } = await published();
    await writeFiles(dir, { 'App/a.json': 'a2' });
    await commitAll(dir, 'Second');
    await expect(push(dir, { credentials: { ...credentials, token: 'nope' } })).rejects.toBeInstanceOf(AuthFailed);
  });
});
