import fs from 'node:fs';
import { mkdir, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { readCommitted } from './readCommitted';

const temp = tempDirs();
afterAll(() => temp.cleanup());
const author = { name: 'Test', email: 'test@example.com' };

async function repoWith(files: Record<string, string>, commit = true): Promise<string> {
  const dir = await realpath(temp.make());
  await git.init({ fs, dir, defaultBranch: 'main' });
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
  if (commit) {
    await git.add({ fs, dir, filepath: Object.keys(files) });
    await git.commit({ fs, dir, message: 'First', author });
  }
  return dir;
}

describe('readCommitted', () => {
  it('reads the committed text, not the working text', async () => {
    const dir = await repoWith({ 'App/ui/layouts/Side1.json': '{ "a": "æøå" }\n' });
    await writeFile(path.join(dir, 'App/ui/layouts/Side1.json'), '{ "a": 2 }\n');
    expect(await readCommitted(dir, 'App/ui/layouts/Side1.json')).toBe('{ "a": "æøå" }\n');
  });

  it('follows the latest commit', async () => {
    const dir = await repoWith({ 'a.json': '1' });
    await writeFile(path.join(dir, 'a.json'), '2');
    await git.add({ fs, dir, filepath: ['a.json'] });
    await git.commit({ fs, dir, message: 'Second', author });
    expect(await readCommitted(dir, 'a.json')).toBe('2');
  });

  it('reads from a repository whose root is above the app folder', async () => {
    const dir = await repoWith({ 'apps/one/App/x.json': 'x' });
    expect(await readCommitted(path.join(dir, 'apps/one'), 'App/x.json')).toBe('x');
  });

  it('says which of not a repo, no commits, not in HEAD', async () => {
    const plain = await realpath(temp.make());
    await writeFile(path.join(plain, 'a.json'), '1');
    await expect(readCommitted(plain, 'a.json')).rejects.toMatchObject({ kind: 'not-a-repo', message: expect.stringContaining('not a git repository') });
    const empty = await repoWith({ 'a.json': '1' }, false);
    await expect(readCommitted(empty, 'a.json')).rejects.toMatchObject({ kind: 'no-commits', message: expect.stringContaining('no commits') });
    const dir = await repoWith({ 'a.json': '1' });
    await writeFile(path.join(dir, 'b.json'), '2');
    await expect(readCommitted(dir, 'b.json')).rejects.toMatchObject({ kind: 'not-in-head', message: expect.stringContaining('"b.json" is not in the last commit') });
  });

  it('refuses paths outside the app', async () => {
    const dir = await repoWith({ 'a.json': '1' });
    await expect(readCommitted(dir, '../a.json')).rejects.toMatchObject({ code: 'outside-app' });
    await expect(readCommitted(dir, '.git/config')).rejects.toMatchObject({ code: 'outside-app' });
  });
});
