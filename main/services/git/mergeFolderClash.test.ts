// Merging where one side has a file and the other a folder of one name: a folder theirs replaced with a
// file (or a file with a folder) that ours left alone is taken as theirs; when both changed there it is
// one conflict, ours staying in place and theirs beside it at `<path>~theirs`, settled with a side;
// files of no side in the way are refused or kept; abort puts everything back, folders and files.
import fs from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { SidesOnly, WouldOverwrite } from './errors';
import { merge } from './merge';
import { abortMerge, concludeMerge, conflictKey, mergeProgress, resolveMergeConflict } from './mergeResolve';
import { committedFiles, indexFiles, partedRepo, snapshotAll, workingFiles } from './mergeTestRepos';
import { readRecoveredFile, recoveryList } from './recoveryStore';
import { status } from './status';
import { testAuthor } from './testing/repoFixture';

const temp = tempDirs('studio-merge-clash-');
afterAll(() => temp.cleanup());

const folder = { 'App/a/x.json': 'x\n', 'App/a/y.json': 'y\n', 'README.md': 'hello\n' };

describe('merge: folder and file of one name', () => {
  it('takes theirs file where theirs replaced a folder ours left alone, removing the folder', async () => {
    const dir = await partedRepo(temp.make(), folder, { ...folder, 'README.md': 'ours\n' }, { 'App/a': 'a file now\n', 'README.md': 'hello\n' });
    const result = await merge(dir, 'feature', { author: testAuthor });
    expect(result.outcome).toBe('merged');
    const expected = { 'App/a': '644 a file now\n', 'README.md': '644 ours\n' };
    expect(await workingFiles(dir)).toEqual(expected);
    expect(fs.statSync(path.join(dir, 'App/a')).isFile()).toBe(true);
    expect(await committedFiles(dir, result.oid!)).toEqual({ 'App/a': '100644 a file now\n', 'README.md': '100644 ours\n' });
    expect(await indexFiles(dir)).toEqual({ 'App/a': '100644 a file now\n', 'README.md': '100644 ours\n' });
    expect(await status(dir)).toEqual([]);
  });

  it('takes theirs folder where theirs replaced a file ours left alone', async () => {
    const base = { 'App/b': 'file\n', 'README.md': 'hello\n' };
    const dir = await partedRepo(temp.make(), base, { ...base, 'README.md': 'ours\n' }, { 'App/b/c.json': '{}\n', 'README.md': 'hello\n' });
    const result = await merge(dir, 'feature', { author: testAuthor });
    expect(result.outcome).toBe('merged');
    expect(await workingFiles(dir)).toEqual({ 'App/b/c.json': '644 {}\n', 'README.md': '644 ours\n' });
    expect(await committedFiles(dir, result.oid!)).toEqual({ 'App/b/c.json': '100644 {}\n', 'README.md': '100644 ours\n' });
    expect(await status(dir)).toEqual([]);
  });

  it('refuses a folder turning into a file while it holds an untracked file, or keeps that file in the recovery store', async () => {
    const dir = await partedRepo(temp.make(), folder, { ...folder, 'README.md': 'ours\n' }, { 'App/a': 'a file now\n', 'README.md': 'hello\n' });
    await writeFile(path.join(dir, 'App/a/notes.txt'), 'mine\n');
    await expect(merge(dir, 'feature', { author: testAuthor })).rejects.toBeInstanceOf(WouldOverwrite);
    expect(await workingFiles(dir)).toMatchObject({ 'App/a/notes.txt': '644 mine\n', 'App/a/x.json': '644 x\n' });
    const result = await merge(dir, 'feature', { author: testAuthor, onDirty: 'keep-copy' });
    expect(result.outcome).toBe('merged');
    expect(result.recovery?.files.map((f) => f.path)).toEqual(['App/a/notes.txt']);
    expect(new TextDecoder().decode((await readRecoveredFile(dir, result.recovery!.id, 'App/a/notes.txt'))!)).toBe('mine\n');
    expect(await workingFiles(dir)).toEqual({ 'App/a': '644 a file now\n', 'README.md': '644 ours\n' });
  });

  it('refuses an untracked file standing where theirs adds a folder, or keeps it in the recovery store', async () => {
    const base = { 'README.md': 'hello\n' };
    const dir = await partedRepo(temp.make(), base, { 'README.md': 'ours\n' }, { ...base, 'App/new/page.json': '{}\n' });
    await mkdir(path.join(dir, 'App'), { recursive: true });
    await writeFile(path.join(dir, 'App/new'), 'untracked\n');
    await expect(merge(dir, 'feature', { author: testAuthor })).rejects.toThrow(/App\/new/);
    expect(await workingFiles(dir)).toEqual({ 'App/new': '644 untracked\n', 'README.md': '644 ours\n' });
    const result = await merge(dir, 'feature', { author: testAuthor, onDirty: 'keep-copy' });
    expect(result.outcome).toBe('merged');
    expect(result.recovery?.files.map((f) => f.path)).toEqual(['App/new']);
    expect(await workingFiles(dir)).toEqual({ 'App/new/page.json': '644 {}\n', 'README.md': '644 ours\n' });
  });

  describe('ours edited in the folder theirs replaced with a file', () => {
    const ours = { ...folder, 'App/a/x.json': 'x, ours\n' };
    const theirs = { 'App/a': 'theirs file\n', 'README.md': 'theirs\n' };
    const parted = () => partedRepo(temp.make(), folder, ours, theirs);

    it('is one conflict: ours stays in place, theirs is beside it, the index keeps ours', async () => {
      const dir = await parted();
      const result = await merge(dir, 'feature', { author: testAuthor });
      expect(result.outcome).toBe('conflicts');
      expect(result.progress!.conflicts).toMatchObject([{ file: 'App/a', id: 'folder', kind: 'file', sidesOnly: true, ours: 'a folder with x.json, y.json', theirs: 'a file' }]);
      expect(await workingFiles(dir)).toEqual({
        'App/a/x.json': '644 x, ours\n',
        'App/a/y.json': '644 y\n',
        'App/a~theirs': '644 theirs file\n',
        'README.md': '644 theirs\n',
      });
      expect(await indexFiles(dir)).toEqual({ 'App/a/x.json': '100644 x, ours\n', 'App/a/y.json': '100644 y\n', 'README.md': '100644 theirs\n' });
      expect((await mergeProgress(dir))!.conflicts).toHaveLength(1);
      await expect(concludeMerge(dir, { author: testAuthor })).rejects.toThrow(/1 conflict/);
      await expect(resolveMergeConflict(dir, conflictKey('App/a', 'folder'), { value: 'x' })).rejects.toThrow(SidesOnly);
    });

    it('taking theirs replaces ours folder with theirs file, and the merge commits it', async () => {
      const dir = await parted();
      await merge(dir, 'feature', { author: testAuthor });
      // An edit by hand in ours' folder during the merge is kept in the recovery store when theirs replaces it.
      await writeFile(path.join(dir, 'App/a/y.json'), 'y, by hand\n');
      expect((await resolveMergeConflict(dir, conflictKey('App/a', 'folder'), 'theirs')).conflicts).toEqual([]);
      const [kept] = await recoveryList(dir);
      expect(kept!.files.map((f) => f.path)).toEqual(['App/a/y.json']);
      expect(new TextDecoder().decode((await readRecoveredFile(dir, kept!.id, 'App/a/y.json'))!)).toBe('y, by hand\n');
      expect(await workingFiles(dir)).toEqual({ 'App/a': '644 theirs file\n', 'README.md': '644 theirs\n' });
      const oid = await concludeMerge(dir, { author: testAuthor });
      expect(await committedFiles(dir, oid)).toEqual({ 'App/a': '100644 theirs file\n', 'README.md': '100644 theirs\n' });
      expect(await status(dir)).toEqual([]);
    });

    it('keeping ours keeps the folder with ours edit and drops theirs copy', async () => {
      const dir = await parted();
      await merge(dir, 'feature', { author: testAuthor });
      await resolveMergeConflict(dir, conflictKey('App/a', 'folder'), 'ours');
      expect(await workingFiles(dir)).toEqual({ 'App/a/x.json': '644 x, ours\n', 'App/a/y.json': '644 y\n', 'README.md': '644 theirs\n' });
      const oid = await concludeMerge(dir, { author: testAuthor });
      expect(await committedFiles(dir, oid)).toEqual({ 'App/a/x.json': '100644 x, ours\n', 'App/a/y.json': '100644 y\n', 'README.md': '100644 theirs\n' });
      expect(await status(dir)).toEqual([]);
    });

    it('abort after taking theirs puts the folder, an untracked file in it and the index back exactly', async () => {
      const dir = await parted();
      await writeFile(path.join(dir, 'App/a/notes.txt'), 'mine\n');
      const before = await snapshotAll(dir);
      expect((await merge(dir, 'feature', { author: testAuthor })).outcome).toBe('conflicts');
      expect(await workingFiles(dir)).toMatchObject({ 'App/a/notes.txt': '644 mine\n', 'App/a~theirs': '644 theirs file\n' });
      await resolveMergeConflict(dir, conflictKey('App/a', 'folder'), 'theirs');
      expect(await workingFiles(dir)).toEqual({ 'App/a': '644 theirs file\n', 'README.md': '644 theirs\n' });
      // The untracked file theirs' file displaced is in the recovery store, not gone.
      const [kept] = await recoveryList(dir);
      expect(new TextDecoder().decode((await readRecoveredFile(dir, kept!.id, 'App/a/notes.txt'))!)).toBe('mine\n');
      expect(await abortMerge(dir)).toBeNull();
      expect(await snapshotAll(dir)).toEqual(before);
      expect(await mergeProgress(dir)).toBeNull();
      expect(await status(dir)).toEqual([{ path: 'App/a/notes.txt', staged: null, unstaged: 'untracked' }]);
    });
  });

  describe('both added a file and a folder of one name', () => {
    const base = { 'README.md': 'hello\n' };
    const parted = () => partedRepo(temp.make(), base, { ...base, 'App/c': 'ours file\n' }, { ...base, 'App/c/d.json': 'theirs\n', 'App/c/e/f.json': 'deep\n' });

    it('keeps ours file in place and theirs folder beside it until a side is taken', async () => {
      const dir = await parted();
      const result = await merge(dir, 'feature', { author: testAuthor });
      expect(result.progress!.conflicts).toMatchObject([{ file: 'App/c', id: 'folder', ours: 'a file', theirs: 'a folder with d.json, e/f.json' }]);
      expect(await workingFiles(dir)).toEqual({ 'App/c': '644 ours file\n', 'App/c~theirs/d.json': '644 theirs\n', 'App/c~theirs/e/f.json': '644 deep\n', 'README.md': '644 hello\n' });
      await resolveMergeConflict(dir, conflictKey('App/c', 'folder'), 'theirs');
      expect(await workingFiles(dir)).toEqual({ 'App/c/d.json': '644 theirs\n', 'App/c/e/f.json': '644 deep\n', 'README.md': '644 hello\n' });
      expect(fs.existsSync(path.join(dir, 'App/c~theirs'))).toBe(false);
      const oid = await concludeMerge(dir, { author: testAuthor });
      expect(await committedFiles(dir, oid)).toEqual({ 'App/c/d.json': '100644 theirs\n', 'App/c/e/f.json': '100644 deep\n', 'README.md': '100644 hello\n' });
      expect(await status(dir)).toEqual([]);
    });

    it('abort removes theirs copy and leaves ours file as it was', async () => {
      const dir = await parted();
      const before = await snapshotAll(dir);
      await merge(dir, 'feature', { author: testAuthor });
      await abortMerge(dir);
      expect(await snapshotAll(dir)).toEqual(before);
      expect(fs.existsSync(path.join(dir, 'App/c~theirs'))).toBe(false);
    });

    it('puts theirs beside ours under a free name when `<path>~theirs` is taken', async () => {
      const dir = await parted();
      await mkdir(path.join(dir, 'App'), { recursive: true });
      await writeFile(path.join(dir, 'App/c~theirs'), 'untracked\n');
      const result = await merge(dir, 'feature', { author: testAuthor });
      expect(result.progress!.conflicts[0]!.description).toContain('App/c~theirs_2');
      expect(await workingFiles(dir)).toMatchObject({ 'App/c~theirs': '644 untracked\n', 'App/c~theirs_2/d.json': '644 theirs\n' });
    });
  });
});
