// Merging branches of real repositories: fast-forward, a clean semantic merge of one page, a conflict
// exactly where both sides changed the same property (resolved with ours, theirs or a value), a merge
// state that survives a restart, abort putting everything back byte for byte, and dirty files refused.
import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import { afterAll, describe, expect, it } from 'vitest';
import { switchBranch } from './switchBranch';
import { createBranch } from './branches';
import { MergeInProgress, WouldOverwrite } from './errors';
import { merge } from './merge';
import { abortMerge, concludeMerge, conflictKey, mergeProgress, resolveMergeConflict } from './mergeResolve';
import { readRecoveredFile, recoveryList } from './recoveryStore';
import { status } from './status';
import { commitAll, makeRepo, readText, testAuthor, writeFiles } from './testing/repoFixture';
import { tempDirs } from '../../testing/tempDirs';

const temp = tempDirs('studio-merge-');
afterAll(() => temp.cleanup());

const page = 'App/ui/form/layouts/Side1.json';
const layout = (components: object[]) => JSON.stringify({ data: { layout: components } }, null, 2) + '\n';
const name = { id: 'name', type: 'Input', textResourceBindings: { title: 'name.title' } };
const age = { id: 'age', type: 'Input', textResourceBindings: { title: 'age.title' } };
const pageOf = async (dir: string) => JSON.parse((await readText(dir, page)) ?? 'null').data.layout as { id: string }[];

/** A repository where `feature` and `main` each changed the page once since they parted. */
async function branched(ours: object[], theirs: object[], extra: { ours?: Record<string, string>; theirs?: Record<string, string> } = {}) {
  const dir = await makeRepo(temp.make(), { [page]: layout([name, age]), 'README.md': 'hello\n' });
  await createBranch(dir, 'feature');
  await switchBranch(dir, 'feature');
  await writeFiles(dir, { [page]: layout(theirs), ...extra.theirs });
  const theirsOid = await commitAll(dir, 'Theirs');
  await switchBranch(dir, 'main');
  await writeFiles(dir, { [page]: layout(ours), ...extra.ours });
  const oursOid = await commitAll(dir, 'Ours');
  return { dir, oursOid, theirsOid };
}

describe('merge', () => {
  it('fast-forwards when the branch has no commits of its own, and says up-to-date after', async () => {
    const dir = await makeRepo(temp.make(), { 'a.txt': '1' });
    await createBranch(dir, 'feature');
    await switchBranch(dir, 'feature');
    await writeFiles(dir, { 'a.txt': '2' });
    const tip = await commitAll(dir, 'Two');
    await switchBranch(dir, 'main');
    expect(await merge(dir, 'feature', { author: testAuthor })).toMatchObject({ outcome: 'fast-forward', oid: tip });
    expect(await readText(dir, 'a.txt')).toBe('2');
    expect(await merge(dir, 'feature', { author: testAuthor })).toMatchObject({ outcome: 'up-to-date', oid: tip });
  });

  it('merges two branches editing different components of one page with no conflict, in a commit with two parents', async () => {
    const { dir, oursOid, theirsOid } = await branched([{ ...name, readOnly: true }, age], [name, { ...age, required: true }], {
      theirs: { 'App/new.txt': 'new\n' },
    });
    const result = await merge(dir, 'feature', { author: testAuthor });
    expect(result.outcome).toBe('merged');
    const { commit } = await git.readCommit({ fs, dir, oid: result.oid! });
    expect(commit.parent).toEqual([oursOid, theirsOid]);
    expect(await pageOf(dir)).toEqual([{ ...name, readOnly: true }, { ...age, required: true }]);
    expect(await readText(dir, 'App/new.txt')).toBe('new\n');
    expect(await status(dir)).toEqual([]);
    expect(await mergeProgress(dir)).toBeNull();
  });

  it('conflicts exactly at the property both changed and resolves it with ours, theirs or a value', async () => {
    const ours = [{ ...name, textResourceBindings: { title: 'mine' } }, age];
    const theirs = [{ ...name, textResourceBindings: { title: 'theirs' } }, { ...age, readOnly: true }];
    for (const [choice, expected] of [
      ['ours', 'mine'],
      ['theirs', 'theirs'],
      [{ value: 'both' }, 'both'],
    ] as const) {
      const { dir, oursOid } = await branched(ours, theirs);
      const result = await merge(dir, 'feature', { author: testAuthor });
      expect(result.outcome).toBe('conflicts');
      expect(result.oid).toBe(oursOid);
      const [conflict, ...more] = result.progress!.conflicts;
      expect(more).toEqual([]);
      expect(conflict).toMatchObject({ file: page, kind: 'value', where: { componentId: 'name' }, ours: 'mine', theirs: 'theirs' });
      // Until resolved the file has ours at the conflict and theirs' other change: valid JSON.
      expect(await pageOf(dir)).toEqual([ours[0], { ...age, readOnly: true }]);
      await expect(concludeMerge(dir, { author: testAuthor })).rejects.toThrow(/1 conflict/);
      await expect(merge(dir, 'feature', { author: testAuthor })).rejects.toBeInstanceOf(MergeInProgress);
      const after = await resolveMergeConflict(dir, conflictKey(page, conflict!.id), choice);
      expect(after.conflicts).toEqual([]);
      expect((await pageOf(dir))[0]).toEqual({ ...name, textResourceBindings: { title: expected } });
      const oid = await concludeMerge(dir, { author: testAuthor });
      expect((await git.readCommit({ fs, dir, oid })).commit.parent).toHaveLength(2);
      expect(await status(dir)).toEqual([]);
    }
  });

  it('keeps the merge state on disk, so it is still there for a new session', async () => {
    const { dir } = await branched([{ ...name, required: true }], [{ ...name, required: false }]);
    await merge(dir, 'feature', { author: testAuthor });
    const stored = JSON.parse(await readFile(path.join(dir, '.git', 'studio-merge', 'state.json'), 'utf8'));
    expect(stored).toMatchObject({ theirs: 'feature', files: [{ path: page }] });
    expect((await mergeProgress(dir))!.conflicts).toHaveLength(1);
  });

  it('abort puts the working tree and the index back byte for byte, uncommitted changes included', async () => {
    const { dir } = await branched([{ ...name, required: true }, age], [{ ...name, required: false }], { theirs: { 'README.md': 'theirs\n' } });
    await writeFiles(dir, { 'notes.txt': 'untracked\n', 'App/other.json': '{"a":1}' });
    await git.add({ fs, dir, filepath: 'App/other.json' });
    await writeFiles(dir, { 'App/other.json': '{"a":2}' });
    const indexBefore = await readFile(path.join(dir, '.git', 'index'));
    const pageBefore = await readText(dir, page);
    await expect(merge(dir, 'feature', { author: testAuthor })).rejects.toBeInstanceOf(WouldOverwrite);
    // A staged change is in the way (it would go into the merge commit): keep a copy and go on.
    const result = await merge(dir, 'feature', { author: testAuthor, onDirty: 'keep-copy' });
    expect(result.outcome).toBe('conflicts');
    expect(result.recovery?.files.map((f) => f.path)).toEqual(['App/other.json']);
    expect(await readText(dir, 'README.md')).toBe('theirs\n');
    await abortMerge(dir);
    expect(await readFile(path.join(dir, '.git', 'index'))).toEqual(indexBefore);
    expect(await readText(dir, page)).toBe(pageBefore);
    expect(await readText(dir, 'README.md')).toBe('hello\n');
    expect(await readText(dir, 'App/other.json')).toBe('{"a":2}');
    expect(await readText(dir, 'notes.txt')).toBe('untracked\n');
    expect(await mergeProgress(dir)).toBeNull();
    expect(await recoveryList(dir)).toHaveLength(1);
  });

  it('abort keeps what was edited by hand during the merge in the recovery store, and nothing else', async () => {
    const { dir } = await branched([{ ...name, required: true }, age], [{ ...name, required: false }], { theirs: { 'README.md': 'theirs\n' } });
    const pageBefore = await readText(dir, page);
    expect((await merge(dir, 'feature', { author: testAuthor })).outcome).toBe('conflicts');
    // The person settles the page by hand in the code view; README stays as the merge wrote it.
    const byHand = layout([{ ...name, required: 'maybe' }, age]);
    await writeFiles(dir, { [page]: byHand });
    const recovery = await abortMerge(dir);
    expect(await readText(dir, page)).toBe(pageBefore);
    expect(await readText(dir, 'README.md')).toBe('hello\n');
    expect(recovery?.files.map((f) => f.path)).toEqual([page]);
    expect(new TextDecoder().decode((await readRecoveredFile(dir, recovery!.id, page))!)).toBe(byHand);
    // An abort right after a merge has nothing of the person's to keep.
    expect((await merge(dir, 'feature', { author: testAuthor })).outcome).toBe('conflicts');
    expect(await abortMerge(dir)).toBeNull();
  });

  it('refuses uncommitted changes in a file the merge writes, and carries changes in other files', async () => {
    const { dir } = await branched([{ ...name, required: true }, age], [name, { ...age, required: true }]);
    await writeFiles(dir, { [page]: layout([]) });
    await expect(merge(dir, 'feature', { author: testAuthor })).rejects.toThrow(/Side1\.json/);
    expect(await readText(dir, page)).toBe(layout([]));
    await writeFiles(dir, { [page]: layout([{ ...name, required: true }, age]), 'README.md': 'mine, uncommitted\n' });
    expect((await merge(dir, 'feature', { author: testAuthor })).outcome).toBe('merged');
    expect(await readText(dir, 'README.md')).toBe('mine, uncommitted\n');
    expect(await status(dir)).toEqual([{ path: 'README.md', staged: null, unstaged: 'modified' }]);
  });

  it('merges a remote-tracking branch (what a pull that needs a merge leaves)', async () => {
    const { dir, theirsOid } = await branched([{ ...name, required: true }, age], [name, { ...age, required: true }]);
    await git.writeRef({ fs, dir, ref: 'refs/remotes/origin/main', value: theirsOid });
    expect((await merge(dir, 'origin/main', { author: testAuthor })).outcome).toBe('merged');
  });

  it('a binary file both sides changed is a whole-file conflict, resolved by taking a side', async () => {
    const dir = await makeRepo(temp.make(), { 'logo.png': '\u0000base' });
    await createBranch(dir, 'feature');
    await switchBranch(dir, 'feature');
    await writeFiles(dir, { 'logo.png': new Uint8Array([0, 1, 2]) });
    await commitAll(dir, 'Theirs');
    await switchBranch(dir, 'main');
    await writeFiles(dir, { 'logo.png': new Uint8Array([0, 9, 9]) });
    await commitAll(dir, 'Ours');
    const result = await merge(dir, 'feature', { author: testAuthor });
    expect(result.progress!.conflicts).toMatchObject([{ file: 'logo.png', kind: 'file' }]);
    await resolveMergeConflict(dir, conflictKey('logo.png', 'file'), 'theirs');
    expect([...(await readFile(path.join(dir, 'logo.png')))]).toEqual([0, 1, 2]);
    await concludeMerge(dir, { author: testAuthor });
    expect(await status(dir)).toEqual([]);
  });
});
