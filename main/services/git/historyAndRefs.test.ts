import fs from 'node:fs';
import git from 'isomorphic-git';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { createBranch, currentBranch, deleteBranch, listBranches, renameBranch } from './branches';
import { commitChanges } from './commitChanges';
import { BranchExists, BranchNotMerged, CurrentBranch } from './errors';
import { history } from './history';
import { switchBranch } from './switchBranch';
import { createTag, listTags } from './tags';
import { commitAll, makeRepo, writeFiles } from './testing/repoFixture';

const temp = tempDirs('studio-git-');
afterAll(() => temp.cleanup());

describe('history', () => {
  it('pages through the commits newest first, each page continuing the last', async () => {
    const dir = await makeRepo(temp.make(), { 'n.txt': '0' });
    for (let i = 1; i <= 6; i++) {
      await writeFiles(dir, { 'n.txt': String(i) });
      await commitAll(dir, `Commit ${i}`);
    }
    const messages: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await history(dir, { pageSize: 3, cursor });
      messages.push(...page.entries.map((e) => e.message.trim()));
      cursor = page.next;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(messages).toEqual(['Commit 6', 'Commit 5', 'Commit 4', 'Commit 3', 'Commit 2', 'Commit 1', 'First']);
    const [newest] = (await history(dir, { pageSize: 1 })).entries;
    expect(newest).toMatchObject({ author: { name: 'Test', email: 'test@example.com' }, parents: [expect.any(String)] });
    expect(newest!.date).toBeGreaterThan(Date.UTC(2020, 0));
  });

  it('includes both sides of a merge once', async () => {
    const dir = await makeRepo(temp.make(), { 'a.txt': 'a' });
    await createBranch(dir, 'side');
    await writeFiles(dir, { 'b.txt': 'main' });
    const mainTip = await commitAll(dir, 'On main');
    await switchBranch(dir, 'side');
    await writeFiles(dir, { 'c.txt': 'side' });
    const sideTip = await commitAll(dir, 'On side');
    await switchBranch(dir, 'main');
    const tree = (await git.readCommit({ fs, dir, oid: mainTip })).commit.tree;
    const merge = await git.commit({ fs, dir, message: 'Merge', tree, parent: [mainTip, sideTip], author: { name: 'T', email: 't@e' } });
    const all = [];
    let cursor: string | null = null;
    do {
      const page = await history(dir, { pageSize: 2, cursor });
      all.push(...page.entries.map((e) => e.oid));
      cursor = page.next;
    } while (cursor);
    expect(all).toHaveLength(4);
    expect(new Set(all).size).toBe(4);
    expect(all[0]).toBe(merge);
  });

  it('lists the files a commit changed, the first commit against nothing', async () => {
    const dir = await makeRepo(temp.make(), { 'a.txt': 'a', 'b.txt': 'b', 'dir/c.txt': 'c' });
    const first = (await history(dir)).entries[0]!.oid;
    expect(await commitChanges(dir, first)).toEqual([
      { path: 'a.txt', change: 'added' },
      { path: 'b.txt', change: 'added' },
      { path: 'dir/c.txt', change: 'added' },
    ]);
    await writeFiles(dir, { 'a.txt': 'a2', 'b.txt': null, 'dir/d.txt': 'd' });
    const second = await commitAll(dir, 'Second');
    expect(await commitChanges(dir, second)).toEqual([
      { path: 'a.txt', change: 'modified' },
      { path: 'b.txt', change: 'deleted' },
      { path: 'dir/d.txt', change: 'added' },
    ]);
  });

  it('starts from a named branch, and says when there is none', async () => {
    const dir = await makeRepo(temp.make(), { 'a.txt': 'a' });
    await createBranch(dir, 'side');
    await writeFiles(dir, { 'a.txt': 'a2' });
    await commitAll(dir, 'Only on main');
    expect((await history(dir, { ref: 'side' })).entries.map((e) => e.message.trim())).toEqual(['First']);
    await expect(history(dir, { ref: 'nope' })).rejects.toMatchObject({ kind: 'branch-not-found' });
  });

  it('is empty before the first commit', async () => {
    const dir = await makeRepo(temp.make());
    expect(await history(dir)).toEqual({ entries: [], next: null });
  });
});

describe('branches', () => {
  it('creates, lists, renames and deletes branches, refusing what would lose something', async () => {
    const dir = await makeRepo(temp.make(), { 'a.txt': 'a' });
    await createBranch(dir, 'feature');
    await expect(createBranch(dir, 'feature')).rejects.toBeInstanceOf(BranchExists);
    expect((await listBranches(dir)).map((b) => [b.name, b.current])).toEqual([
      ['feature', false],
      ['main', true],
    ]);
    await renameBranch(dir, 'main', 'trunk');
    expect(await currentBranch(dir)).toMatchObject({ kind: 'branch', branch: 'trunk' });
    await expect(deleteBranch(dir, 'trunk')).rejects.toBeInstanceOf(CurrentBranch);

    await switchBranch(dir, 'feature');
    await writeFiles(dir, { 'f.txt': 'f' });
    await commitAll(dir, 'Feature work');
    await switchBranch(dir, 'trunk');
    await expect(deleteBranch(dir, 'feature')).rejects.toBeInstanceOf(BranchNotMerged);
    await deleteBranch(dir, 'feature', { force: true });
    expect((await listBranches(dir)).map((b) => b.name)).toEqual(['trunk']);
  });

  it('deletes a branch whose commits another branch has', async () => {
    const dir = await makeRepo(temp.make(), { 'a.txt': 'a' });
    await createBranch(dir, 'copy');
    await deleteBranch(dir, 'copy');
    expect((await listBranches(dir)).map((b) => b.name)).toEqual(['main']);
  });

  it('reports a detached HEAD as such', async () => {
    const dir = await makeRepo(temp.make(), { 'a.txt': 'a' });
    const oid = await git.resolveRef({ fs, dir, ref: 'HEAD' });
    await git.checkout({ fs, dir, ref: oid });
    expect(await currentBranch(dir)).toEqual({ kind: 'detached', oid });
    expect((await listBranches(dir)).every((b) => !b.current)).toBe(true);
  });
});

describe('tags', () => {
  it('creates lightweight and annotated tags and lists them', async () => {
    const dir = await makeRepo(temp.make(), { 'a.txt': 'a' });
    const first = (await history(dir)).entries[0]!.oid;
    await createTag(dir, 'v1');
    await writeFiles(dir, { 'a.txt': 'a2' });
    const second = await commitAll(dir, 'Second');
    await createTag(dir, 'v2', { message: 'Release 2', tagger: { name: 'T', email: 't@e' } });
    expect(await listTags(dir)).toEqual([
      { name: 'v1', oid: first, message: null },
      { name: 'v2', oid: second, message: 'Release 2' },
    ]);
    await expect(createTag(dir, 'v1')).rejects.toMatchObject({ kind: 'tag-exists' });
  });
});
