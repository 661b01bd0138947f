/**
 * git: discard uncommitted changes of some files — back to HEAD's version in the working tree and
 * the index. Every discarded byte goes to the recovery store first, so a discard can be undone.
 */
import fs from 'node:fs';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import { checkRelativePath } from '../pathJail';
import { snapshotFiles, type RecoveryEntry } from './recoveryStore';
import { headOid } from './repository';
import { inRepoQueue } from './repoQueue';
import { readChanges } from './status';

/** Sets `paths` to HEAD's version in the working tree and the index (files HEAD lacks are removed), unqueued. */
export async function restoreToHead(dir: string, paths: string[], head: string | null, cache: object): Promise<void> {
  for (const filepath of paths) {
    const target = path.join(dir, filepath);
    let blob: Uint8Array | null = null;
    if (head) {
      try {
        blob = (await git.readBlob({ fs, dir, oid: head, filepath, cache })).blob;
      } catch (error) {
        if ((error as { code?: string }).code !== 'NotFoundError') throw error;
      }
    }
    if (blob) {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, blob);
      await git.resetIndex({ fs, dir, filepath, ref: head as string, cache });
    } else {
      await unlink(target).catch(() => undefined);
      await git.remove({ fs, dir, filepath, cache });
    }
  }
}

/**
 * Discards the uncommitted changes (staged and unstaged, untracked files too) of `files` — paths or
 * folders relative to the repository root. Returns the recovery entry holding what was discarded,
 * or null when none of them had changes.
 */
export function discard(dir: string, files: string[]): Promise<RecoveryEntry | null> {
  for (const file of files) checkRelativePath(file);
  return inRepoQueue(dir, async () => {
    const cache = {};
    const wanted = files.map((file) => file.replace(/\/+$/, ''));
    const changed = (await readChanges(dir, cache, wanted))
      .map((change) => change.path)
      .filter((p) => wanted.some((w) => p === w || p.startsWith(`${w}/`)));
    const entry = await snapshotFiles(dir, 'discard', changed, cache);
    await restoreToHead(dir, changed, await headOid(dir), cache);
    return entry;
  });
}
