// Staging and committing through the studio's own index and object writers give what native git
// gives: the same trees, a repository git fsck accepts, and a clean status afterwards.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { commit } from './commit';
import { FileTooLarge, NothingToCommit } from './errors';
import { stage } from './stage';
import { makeRepo, testAuthor, writeFiles } from './testing/repoFixture';

const temp = tempDirs('studio-stage-commit-');
afterAll(() => temp.cleanup());

const native = (dir: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: dir, encoding: 'utf8' });

describe('stage and commit', () => {
  it('records adds, edits, deletes, a mode change and a file turned into a folder exactly as native git would', async () => {
    const dir = await makeRepo(temp.make(), { 'a.txt': 'a\n', 'App/x.json': '{}\n', 'App/y.json': '[]\n', 'tool.sh': 'echo\n', 'old/gone.txt': 'bye\n', 'page': 'was a file\n' });
    await writeFiles(dir, { 'a.txt': 'a2\n', 'App/new/z.json': '{"z":1}\n', 'old/gone.txt': null });
    chmodSync(path.join(dir, 'tool.sh'), 0o755);
    rmSync(path.join(dir, 'page'));
    mkdirSync(path.join(dir, 'page'));
    writeFileSync(path.join(dir, 'page', 'inside.json'), '{}\n');

    await stage(dir, ['a.txt', 'App/new/z.json', 'old/gone.txt', 'tool.sh', 'page', 'page/inside.json']);
    // What native git would commit from this index is the tree the studio commits.
    const expectedTree = native(dir, 'write-tree').trim();
    const oid = await commit(dir, { message: 'Second\r\n\r\nwith a body', author: testAuthor });

    expect(native(dir, 'rev-parse', 'HEAD').trim()).toBe(oid);
    expect(native(dir, 'rev-parse', 'HEAD^{tree}').trim()).toBe(expectedTree);
    expect(native(dir, 'fsck', '--strict', '--no-progress')).toBe('');
    expect(native(dir, 'status', '--porcelain')).toBe('');
    expect(native(dir, 'diff-tree', '-r', '--name-status', '--no-commit-id', 'HEAD~1', 'HEAD').trim().split('\n').sort()).toEqual(
      ['A\tApp/new/z.json', 'A\tpage/inside.json', 'D\told/gone.txt', 'D\tpage', 'M\ta.txt', 'M\ttool.sh'].sort(),
    );
    expect(native(dir, 'ls-tree', 'HEAD', 'tool.sh')).toMatch(/^100755 blob/);
    expect(native(dir, 'log', '-1', '--format=%an <%ae>%n%B')).toBe('Test <test@example.com>\nSecond\n\nwith a body\n\n');
    // isomorphic-git reads it too.
    const { commit: read } = await git.readCommit({ fs, dir, oid });
    expect(read.message).toBe('Second\n\nwith a body\n');
  });

  it('makes a first commit on an unborn branch, and says when nothing is staged', async () => {
    const dir = await makeRepo(temp.make());
    await expect(commit(dir, { message: 'Empty', author: testAuthor })).rejects.toThrow(NothingToCommit);
    await writeFiles(dir, { 'App/config/applicationmetadata.json': '{}\n' });
    await stage(dir, ['App/config/applicationmetadata.json']);
    await commit(dir, { message: 'First', author: testAuthor });
    expect(native(dir, 'log', '--format=%s')).toBe('First\n');
    expect(native(dir, 'ls-files')).toBe('App/config/applicationmetadata.json\n');
    await expect(commit(dir, { message: 'Again', author: testAuthor })).rejects.toThrow(NothingToCommit);
  });

  it('refuses a commit with a file over the size limit, naming it, and commits nothing', async () => {
    const dir = await makeRepo(temp.make(), { 'a.txt': 'a\n' });
    const head = native(dir, 'rev-parse', 'HEAD');
    await writeFiles(dir, { 'big.bin': new Uint8Array(2048), 'a.txt': 'b\n' });
    await stage(dir, ['big.bin', 'a.txt']);
    await expect(commit(dir, { message: 'Big', author: testAuthor, fileSizeLimit: 1024 })).rejects.toThrow(FileTooLarge);
    await expect(commit(dir, { message: 'Big', author: testAuthor, fileSizeLimit: 1024 })).rejects.toThrow(/big\.bin/);
    expect(native(dir, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('stages an unchanged file without a change, and picks up an edit that kept the size', async () => {
    const dir = await makeRepo(temp.make(), { 'a.txt': 'one\n' });
    await stage(dir, ['a.txt']);
    expect(native(dir, 'status', '--porcelain')).toBe('');
    writeFileSync(path.join(dir, 'a.txt'), 'two\n');
    await stage(dir, ['a.txt']);
    expect(native(dir, 'status', '--porcelain')).toBe('M  a.txt\n');
    expect(native(dir, 'show', ':a.txt')).toBe('two\n');
  });
});
