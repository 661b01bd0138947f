/**
 * git: stage and unstage by file. Staging takes the working tree's version into the index (a file
 * deleted from the working tree is staged as deleted); unstaging puts HEAD's version back in the index
 * and leaves the working tree alone.
 */
import fs from 'node:fs';
import git from 'isomorphic-git';
import { headOid } from './repository';
import { inRepoQueue } from './repoQueue';
import { readChanges } from './status';

/** Stages `files` (paths relative to the repository root) as they are in the working tree. */
export function stage(dir: string, files: string[]): Promise<void> {
  return inRepoQueue(dir, async () => {
    const cache = {};
    const changes = await readChanges(dir, cache, files);
    const removed = changes.filter((c) => c.unstaged === 'deleted').map((c) => c.path);
    const present = changes.filter((c) => c.unstaged && c.unstaged !== 'deleted').map((c) => c.path);
    // One batched add: per-file adds re-read the index each time.
    if (present.length > 0) await git.add({ fs, dir, filepath: present, cache });
    for (const filepath of removed) await git.remove({ fs, dir, filepath, cache });
  });
}

/** Unstages `files`: the index gets HEAD's version again (or loses the file if HEAD has none). */
export function unstage(dir: string, files: string[]): Promise<void> {
  return inRepoQueue(dir, async () => {
    const cache = {};
    const head = await headOid(dir);
    for (const filepath of files) {
      if (head) await git.resetIndex({ fs, dir, filepath, ref: head, cache });
      else await git.remove({ fs, dir, filepath, cache });
    }
  });
}
