// Merging file modes (executable or not) like git: a mode one side changed is kept in the result, in
// the index, the commit and on disk (content merged apart from it); modes both sides set differently
// are a conflict settled with a side; abort puts the mode back too.
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { merge } from './merge';
import { abortMerge, concludeMerge, conflictKey, resolveMergeConflict } from './mergeResolve';
import { committedFiles, indexFiles, partedRepo, snapshotAll, workingFiles } from './mergeTestRepos';
import { testAuthor } from './testing/repoFixture';

const temp = tempDirs('studio-merge-mode-');
afterAll(() => temp.cleanup());

const exec = (text: string) => ({ text, exec: true as const });
const base = { 'run.sh': 'echo base\n', 'README.md': 'hello\n' };

describe('merge: file modes', () => {
  it('keeps a mode only theirs changed, content unchanged, in the commit, the index and on disk', async () => {
    const dir = await partedRepo(temp.make(), base, { ...base, 'README.md': 'ours\n' }, { ...base, 'run.sh': exec('echo base\n') });
    const result = await merge(dir, 'feature', { author: testAuthor });
    expect(result.outcome).toBe('merged');
    const expected = { 'run.sh': '100755 echo base\n', 'README.md': '100644 ours\n' };
    expect(await committedFiles(dir, result.oid!)).toEqual(expected);
    expect(await indexFiles(dir)).toEqual(expected);
    expect(await workingFiles(dir)).toEqual({ 'run.sh': '755 echo base\n', 'README.md': '644 ours\n' });
  });

  it('keeps theirs mode with ours content, and ours mode with theirs content', async () => {
    const theirsMode = await partedRepo(temp.make(), base, { ...base, 'run.sh': 'echo ours\n' }, { ...base, 'run.sh': exec('echo base\n'), 'README.md': 'theirs\n' });
    const first = await merge(theirsMode, 'feature', { author: testAuthor });
    expect(await committedFiles(theirsMode, first.oid!)).toMatchObject({ 'run.sh': '100755 echo ours\n' });
    expect(await workingFiles(theirsMode)).toMatchObject({ 'run.sh': '755 echo ours\n' });

    const oursMode = await partedRepo(temp.make(), base, { ...base, 'run.sh': exec('echo base\n') }, { ...base, 'run.sh': 'echo theirs\n' });
    const second = await merge(oursMode, 'feature', { author: testAuthor });
    expect(await committedFiles(oursMode, second.oid!)).toMatchObject({ 'run.sh': '100755 echo theirs\n' });
    expect(await indexFiles(oursMode)).toMatchObject({ 'run.sh': '100755 echo theirs\n' });
    expect(await workingFiles(oursMode)).toMatchObject({ 'run.sh': '755 echo theirs\n' });
  });

  it('merges the content of a file both edited and keeps the mode one side changed', async () => {
    const lines = 'a\nb\nc\nd\ne\n';
    const dir = await partedRepo(temp.make(), { 'run.sh': lines }, { 'run.sh': 'A\nb\nc\nd\ne\n' }, { 'run.sh': exec('a\nb\nc\nd\nE\n') });
    const result = await merge(dir, 'feature', { author: testAuthor });
    expect(result.outcome).toBe('merged');
    expect(await committedFiles(dir, result.oid!)).toEqual({ 'run.sh': '100755 A\nb\nc\nd\nE\n' });
    expect(await workingFiles(dir)).toEqual({ 'run.sh': '755 A\nb\nc\nd\nE\n' });
  });

  it('a file both added with different modes is a mode conflict, settled with a side', async () => {
    for (const [choice, mode] of [
      ['theirs', '755'],
      ['ours', '644'],
    ] as const) {
      const dir = await partedRepo(temp.make(), base, { ...base, 'new.sh': 'echo new\n' }, { ...base, 'new.sh': exec('echo new\n') });
      const result = await merge(dir, 'feature', { author: testAuthor });
      expect(result.outcome).toBe('conflicts');
      expect(result.progress!.conflicts).toMatchObject([{ file: 'new.sh', id: 'mode', kind: 'value', ours: '100644', theirs: '100755' }]);
      expect(await workingFiles(dir)).toMatchObject({ 'new.sh': '644 echo new\n' });
      expect((await resolveMergeConflict(dir, conflictKey('new.sh', 'mode'), choice)).conflicts).toEqual([]);
      expect(await workingFiles(dir)).toMatchObject({ 'new.sh': `${mode} echo new\n` });
      const oid = await concludeMerge(dir, { author: testAuthor });
      expect(await committedFiles(dir, oid)).toMatchObject({ 'new.sh': `100${mode} echo new\n` });
      expect(await indexFiles(dir)).toMatchObject({ 'new.sh': `100${mode} echo new\n` });
    }
  });

  it('abort puts a mode the merge changed back, and the index byte for byte', async () => {
    const dir = await partedRepo(temp.make(), base, { ...base, 'README.md': 'ours\n' }, { 'run.sh': exec('echo base\n'), 'README.md': 'theirs\n' });
    const before = await snapshotAll(dir);
    expect((await merge(dir, 'feature', { author: testAuthor })).outcome).toBe('conflicts');
    expect(await workingFiles(dir)).toMatchObject({ 'run.sh': '755 echo base\n' });
    await abortMerge(dir);
    expect(await snapshotAll(dir)).toEqual(before);
    expect(await workingFiles(dir)).toMatchObject({ 'run.sh': '644 echo base\n' });
  });
});
