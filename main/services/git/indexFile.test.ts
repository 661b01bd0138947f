// The index read and written by the studio is the index native git reads and writes.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { DamagedIndex, RepositoryBusy } from './errors';
import { parseIndex, readIndexFile, serializeIndex, writeIndexFile } from './indexFile';
import { writeFiles } from './testing/repoFixture';

const temp = tempDirs('studio-index-file-');
afterAll(() => temp.cleanup());

const native = (dir: string, ...args: string[]) => execFileSync('git', ['-c', 'core.quotePath=false', '-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: dir, encoding: 'utf8' });

/** A repository made by native git: nested folders, an executable, a symlink, non-ASCII names; one commit and a staged change. */
async function nativeRepo(): Promise<string> {
  const dir = temp.make();
  native(dir, 'init', '-q', '-b', 'main');
  await writeFiles(dir, { 'a.txt': 'a\n', 'App/ui/layouts/page1.json': '{}\n', 'App/ui/layouts/page2.json': '[]\n', 'rødt/æøå.md': '# hei\n', 'run.sh': '#!/bin/sh\n' });
  execFileSync('chmod', ['+x', path.join(dir, 'run.sh')]);
  symlinkSync('a.txt', path.join(dir, 'link'));
  native(dir, 'add', '-A');
  native(dir, 'commit', '-qm', 'First');
  writeFileSync(path.join(dir, 'a.txt'), 'changed\n');
  native(dir, 'add', 'a.txt');
  return dir;
}

describe('index file', () => {
  it('reads what native git wrote: every path, stage, mode and blob id', async () => {
    const dir = await nativeRepo();
    const index = await readIndexFile(path.join(dir, '.git'));
    const listed = native(dir, 'ls-files', '-s').trim().split('\n');
    expect(index!.entries.map((e) => `${e.mode.toString(8)} ${e.oid} ${e.stage}\t${e.path}`)).toEqual(listed);
  });

  it('writes an index native git reads the same, with its cache extensions left out', async () => {
    const dir = await nativeRepo();
    const gitdir = path.join(dir, '.git');
    const before = native(dir, 'ls-files', '-s', '--debug');
    await writeIndexFile(gitdir, (await readIndexFile(gitdir))!);
    expect(native(dir, 'ls-files', '-s', '--debug')).toBe(before);
    expect(native(dir, 'status', '--porcelain')).toBe('M  a.txt\n');
    // Read back, the bytes are the same again: nothing drifts on a second round.
    const bytes = readFileSync(path.join(gitdir, 'index'));
    expect(serializeIndex(parseIndex(bytes)!).equals(bytes)).toBe(true);
  });

  it('keeps conflicted stages and version 3 flags as they were', async () => {
    const dir = await nativeRepo();
    native(dir, 'update-index', '--skip-worktree', 'a.txt');
    const gitdir = path.join(dir, '.git');
    const index = (await readIndexFile(gitdir))!;
    expect(index.version).toBe(3);
    await writeIndexFile(gitdir, index);
    expect(native(dir, 'ls-files', '-t', 'a.txt')).toBe('S a.txt\n');
  });

  it('leaves version 4 indexes to isomorphic-git, and names a damaged index', async () => {
    const dir = await nativeRepo();
    const gitdir = path.join(dir, '.git');
    native(dir, 'update-index', '--index-version', '4');
    expect(await readIndexFile(gitdir)).toBeNull();
    const bytes = readFileSync(path.join(gitdir, 'index'));
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    writeFileSync(path.join(gitdir, 'index'), bytes);
    await expect(readIndexFile(gitdir)).rejects.toThrow(DamagedIndex);
    await expect(readIndexFile(gitdir)).rejects.toThrow(/checksum/);
  });

  it('refuses to write while another git holds index.lock, and leaves both files alone', async () => {
    const dir = await nativeRepo();
    const gitdir = path.join(dir, '.git');
    const before = readFileSync(path.join(gitdir, 'index'));
    writeFileSync(path.join(gitdir, 'index.lock'), 'theirs');
    await expect(writeIndexFile(gitdir, { version: 2, entries: [] })).rejects.toThrow(RepositoryBusy);
    expect(readFileSync(path.join(gitdir, 'index')).equals(before)).toBe(true);
    expect(readFileSync(path.join(gitdir, 'index.lock'), 'utf8')).toBe('theirs');
  });

  it('reads a repository without an index as empty', async () => {
    const dir = temp.make();
    native(dir, 'init', '-q');
    expect(existsSync(path.join(dir, '.git', 'index'))).toBe(false);
    expect(await readIndexFile(path.join(dir, '.git'))).toEqual({ version: 2, entries: [] });
  });
});
