import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { amend } from './amend';
import { createBranch } from './branches';
import { commit } from './commit';
import { discard } from './discard';
import { FileTooLarge, NothingToCommit, WouldOverwrite } from './errors';
import { forgetRecovery, readRecoveredFile, recover, recoveryList } from './recoveryStore';
import { reset } from './reset';
import { stage, unstage } from './stage';
import { status } from './status';
import { switchBranch } from './switchBranch';
import { commitAll, makeRepo, readText, testAuthor, writeFiles } from './testing/repoFixture';

const temp = tempDirs('studio-git-');
afterAll(() => temp.cleanup());
const repo = (files: Record<string, string> = { 'a.json': 'a1', 'b.json': 'b1', 'dir/c.json': 'c1' }) => makeRepo(temp.make(), files);

describe('status', () => {
  it('lists added, modified, deleted and untracked files, staged and unstaged', async () => {
    const dir = await repo();
    await writeFiles(dir, { 'a.json': 'a2', 'b.json': null, 'new.json': 'n', 'staged.json': 's', 'dir/c.json': 'c2' });
    await stage(dir, ['staged.json', 'dir/c.json']);
    await writeFiles(dir, { 'dir/c.json': 'c3' });
    expect(await status(dir)).toEqual([
      { path: 'a.json', staged: null, unstaged: 'modified' },
      { path: 'b.json', staged: null, unstaged: 'deleted' },
      { path: 'dir/c.json', staged: 'modified', unstaged: 'modified' },
      { path: 'new.json', staged: null, unstaged: 'untracked' },
      { path: 'staged.json', staged: 'added', unstaged: null },
    ]);
  });

  it('stages a deletion and unstages back to HEAD, leaving the working tree', async () => {
    const dir = await repo();
    await writeFiles(dir, { 'a.json': 'a2', 'b.json': null });
    await stage(dir, ['a.json', 'b.json']);
    expect(await status(dir)).toEqual([
      { path: 'a.json', staged: 'modified', unstaged: null },
      { path: 'b.json', staged: 'deleted', unstaged: null },
    ]);
    await unstage(dir, ['a.json', 'b.json']);
    expect(await status(dir)).toEqual([
      { path: 'a.json', staged: null, unstaged: 'modified' },
      { path: 'b.json', staged: null, unstaged: 'deleted' },
    ]);
    expect(await readText(dir, 'a.json')).toBe('a2');
  });

  it('unstages a new file, which becomes untracked again', async () => {
    const dir = await repo();
    await writeFiles(dir, { 'x.json': 'x' });
    await stage(dir, ['x.json']);
    expect(await status(dir)).toEqual([{ path: 'x.json', staged: 'added', unstaged: null }]);
    await unstage(dir, ['x.json']);
    expect(await status(dir)).toEqual([{ path: 'x.json', staged: null, unstaged: 'untracked' }]);
  });

  it('unstages a new file in a repository with no commits', async () => {
    const dir = await makeRepo(temp.make());
    await writeFiles(dir, { 'x.json': 'x' });
    await stage(dir, ['x.json']);
    await unstage(dir, ['x.json']);
    expect(await status(dir)).toEqual([{ path: 'x.json', staged: null, unstaged: 'untracked' }]);
  });
});

describe('commit and amend', () => {
  it('commits the staged files only', async () => {
    const dir = await repo();
    await writeFiles(dir, { 'a.json': 'a2', 'b.json': 'b2' });
    await stage(dir, ['a.json']);
    await commit(dir, { message: 'Change a', author: testAuthor });
    expect(await status(dir)).toEqual([{ path: 'b.json', staged: null, unstaged: 'modified' }]);
  });

  it('refuses an empty commit', async () => {
    const dir = await repo();
    await writeFiles(dir, { 'a.json': 'a2' });
    await expect(commit(dir, { message: 'x', author: testAuthor })).rejects.toBeInstanceOf(NothingToCommit);
  });

  it('refuses files over the size limit and names them', async () => {
    const dir = await repo();
    await writeFiles(dir, { 'big.bin': new Uint8Array(2048), 'small.json': '{}' });
    await stage(dir, ['big.bin', 'small.json']);
    const refused = commit(dir, { message: 'x', author: testAuthor, fileSizeLimit: 1024 });
    await expect(refused).rejects.toBeInstanceOf(FileTooLarge);
    await expect(refused).rejects.toMatchObject({ kind: 'file-too-large', files: [{ path: 'big.bin', size: 2048 }], message: expect.stringContaining('"big.bin"') });
  });

  it('amends the last commit with staged changes and a new message', async () => {
    const dir = await repo();
    await writeFiles(dir, { 'a.json': 'a2' });
    await stage(dir, ['a.json']);
    const first = await commit(dir, { message: 'Change a', author: testAuthor });
    await writeFiles(dir, { 'b.json': 'b2' });
    await stage(dir, ['b.json']);
    const { oid, replaced } = await amend(dir, { message: 'Change a and b' });
    expect(replaced).toBe(first);
    expect(oid).not.toBe(first);
    expect(await status(dir)).toEqual([]);
  });
});

describe('discard and recover', () => {
  it('discards changes of every kind and recovers them byte-identical', async () => {
    const dir = await repo();
    const bytes = new Uint8Array([0, 255, 10, 13, 200]);
    await writeFiles(dir, { 'a.json': 'a2', 'b.json': null, 'new.bin': bytes, 'dir/c.json': 'staged' });
    await stage(dir, ['dir/c.json']);
    await writeFiles(dir, { 'dir/c.json': 'working' });
    const entry = await discard(dir, ['a.json', 'b.json', 'new.bin', 'dir']);
    expect(await status(dir)).toEqual([]);
    expect(entry?.operation).toBe('discard');
    expect((await recoveryList(dir)).map((e) => e.id)).toEqual([entry?.id]);
    expect(await readRecoveredFile(dir, entry!.id, 'dir/c.json', 'staged')).toEqual(Buffer.from('staged'));

    await recover(dir, entry!.id);
    expect(await readText(dir, 'a.json')).toBe('a2');
    expect(await readText(dir, 'b.json')).toBeNull();
    expect(new Uint8Array(await readFile(path.join(dir, 'new.bin')))).toEqual(bytes);
    expect(await readText(dir, 'dir/c.json')).toBe('working');
  });

  it('keeps what a recover replaces', async () => {
    const dir = await repo();
    await writeFiles(dir, { 'a.json': 'first edit' });
    const entry = await discard(dir, ['a.json']);
    await writeFiles(dir, { 'a.json': 'second edit' });
    const replaced = await recover(dir, entry!.id);
    expect(await readText(dir, 'a.json')).toBe('first edit');
    expect(await readRecoveredFile(dir, replaced!.id, 'a.json')).toEqual(Buffer.from('second edit'));
  });

  it('recovers some files of an entry, and forgets an entry for good', async () => {
    const dir = await repo();
    await writeFiles(dir, { 'a.json': 'a2', 'b.json': 'b2' });
    const entry = await discard(dir, ['a.json', 'b.json']);
    await recover(dir, entry!.id, ['b.json']);
    expect(await readText(dir, 'a.json')).toBe('a1');
    expect(await readText(dir, 'b.json')).toBe('b2');
    await forgetRecovery(dir, entry!.id);
    expect(await recoveryList(dir)).toEqual([]);
    await expect(recover(dir, entry!.id)).rejects.toMatchObject({ kind: 'recovery-not-found' });
    await expect(recover(dir, '../../escape')).rejects.toMatchObject({ kind: 'recovery-not-found' });
  });

  it('returns null when nothing changed', async () => {
    const dir = await repo();
    expect(await discard(dir, ['a.json'])).toBeNull();
  });
});

describe('switchBranch', () => {
  async function twoBranches() {
    const dir = await repo();
    await createBranch(dir, 'feature');
    await switchBranch(dir, 'feature');
    await writeFiles(dir, { 'a.json': 'feature a' });
    await commitAll(dir, 'Feature');
    await switchBranch(dir, 'main');
    return dir;
  }

  it('refuses when uncommitted changes are in the way, naming the files, and changes nothing', async () => {
    const dir = await twoBranches();
    await writeFiles(dir, { 'a.json': 'my edit' });
    const refused = switchBranch(dir, 'feature');
    await expect(refused).rejects.toBeInstanceOf(WouldOverwrite);
    await expect(refused).rejects.toMatchObject({ files: ['a.json'], message: expect.stringContaining('"a.json"') });
    expect(await readText(dir, 'a.json')).toBe('my edit');
  });

  it('does nothing when asked for the branch it is on, staged changes or not', async () => {
    const dir = await twoBranches();
    await writeFiles(dir, { 'a.json': 'staged edit' });
    await stage(dir, ['a.json']);
    expect(await switchBranch(dir, 'main')).toEqual({ recovery: null });
    expect(await status(dir)).toEqual([{ path: 'a.json', staged: 'modified', unstaged: null }]);
  });

  it('moves only HEAD to a branch at the same commit, staged and unstaged changes kept as they are', async () => {
    const dir = await repo();
    await writeFiles(dir, { 'a.json': 'staged edit', 'b.json': 'unstaged edit' });
    await stage(dir, ['a.json']);
    await createBranch(dir, 'fresh');
    expect(await switchBranch(dir, 'fresh')).toEqual({ recovery: null });
    expect(await git.currentBranch({ fs, dir })).toBe('fresh');
    expect(await status(dir)).toEqual([
      { path: 'a.json', staged: 'modified', unstaged: null },
      { path: 'b.json', staged: null, unstaged: 'modified' },
    ]);
    expect(await readText(dir, 'b.json')).toBe('unstaged edit');
  });

  it('carries changes that are not in the way', async () => {
    const dir = await twoBranches();
    await writeFiles(dir, { 'b.json': 'my edit', 'new.json': 'n' });
    await switchBranch(dir, 'feature');
    expect(await readText(dir, 'a.json')).toBe('feature a');
    expect(await readText(dir, 'b.json')).toBe('my edit');
    expect(await readText(dir, 'new.json')).toBe('n');
  });

  it('with keep-copy, puts the changes in the way in the recovery store and switches', async () => {
    const dir = await twoBranches();
    await writeFiles(dir, { 'a.json': 'my edit' });
    const { recovery } = await switchBranch(dir, 'feature', { onDirty: 'keep-copy' });
    expect(await readText(dir, 'a.json')).toBe('feature a');
    expect(recovery?.operation).toBe('switch to feature');
    expect(await readRecoveredFile(dir, recovery!.id, 'a.json')).toEqual(Buffer.from('my edit'));
  });
});

describe('reset', () => {
  it('soft: moves the branch only, so the undone commit shows as staged', async () => {
    const dir = await repo();
    await writeFiles(dir, { 'a.json': 'a2' });
    const base = await git.resolveRef({ fs, dir, ref: 'HEAD' });
    const second = await commitAll(dir, 'Second');
    expect(await reset(dir, base, { mode: 'soft' })).toEqual({ replaced: second, oid: base, recovery: null });
    expect(await status(dir)).toEqual([{ path: 'a.json', staged: 'modified', unstaged: null }]);
  });

  it('hard: refuses uncommitted changes to tracked files, or keeps a copy and resets', async () => {
    const dir = await repo();
    const base = await git.resolveRef({ fs, dir, ref: 'HEAD' });
    await writeFiles(dir, { 'a.json': 'a2' });
    await commitAll(dir, 'Second');
    await writeFiles(dir, { 'b.json': 'my edit', 'untracked.json': 'u' });
    await expect(reset(dir, base, { mode: 'hard' })).rejects.toMatchObject({ kind: 'would-overwrite', files: ['b.json'] });
    const { recovery } = await reset(dir, base, { mode: 'hard', onDirty: 'keep-copy' });
    expect(await readText(dir, 'a.json')).toBe('a1');
    expect(await readText(dir, 'b.json')).toBe('b1');
    expect(await readText(dir, 'untracked.json')).toBe('u');
    expect(await readRecoveredFile(dir, recovery!.id, 'b.json')).toEqual(Buffer.from('my edit'));
  });
});
