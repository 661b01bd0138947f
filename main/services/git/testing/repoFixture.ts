/**
 * Test helpers for git: a temp repository with files committed, and quick file writes and reads.
 */
import fs from 'node:fs';
import { mkdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';

/** The author every test commit uses. */
export const testAuthor = { name: 'Test', email: 'test@example.com' };

/** Writes `files` (path → text or bytes; null deletes) into `dir`. */
export async function writeFiles(dir: string, files: Record<string, string | Uint8Array | null>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const target = path.join(dir, rel);
    if (content === null) await rm(target, { force: true });
    else {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
    }
  }
}

/** The text of `rel` in `dir`, or null when it does not exist. */
export async function readText(dir: string, rel: string): Promise<string | null> {
  try {
    return await readFile(path.join(dir, rel), 'utf8');
  } catch {
    return null;
  }
}

/** Stages every change (deletions too) and commits, with plain isomorphic-git; returns the oid. */
export async function commitAll(dir: string, message: string): Promise<string> {
  const cache = {};
  for (const [filepath, head, workdir, stage] of await git.statusMatrix({ fs, dir, cache })) {
    if (workdir === 0) await git.remove({ fs, dir, filepath, cache });
    else if (head !== workdir || workdir !== stage) await git.add({ fs, dir, filepath, cache });
  }
  return git.commit({ fs, dir, cache, message, author: testAuthor });
}

/** A new repository in `folder` on branch main, with `files` committed (when any are given). */
export async function makeRepo(folder: string, files: Record<string, string> = {}): Promise<string> {
  const dir = await realpath(folder);
  await git.init({ fs, dir, defaultBranch: 'main' });
  await writeFiles(dir, files);
  if (Object.keys(files).length > 0) await commitAll(dir, 'First');
  return dir;
}
