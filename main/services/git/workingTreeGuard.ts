/**
 * git: the guard in front of every operation that moves HEAD's tree under the working tree (switch,
 * pull). isomorphic-git's checkout replaces staged changes and some dirty files without asking
 * (isomorphic-git#1046, #1337), so before it runs we find the uncommitted changes in its way and
 * either refuse, naming them, or put them in the recovery store and set them back to HEAD.
 */
import fs from 'node:fs';
import git from 'isomorphic-git';
import { readTreeChanges } from './commitChanges';
import { restoreToHead } from './discard';
import { WouldOverwrite } from './errors';
import { snapshotFiles, type RecoveryEntry } from './recoveryStore';
import { readChanges, type FileChange } from './status';

/** What to do with uncommitted changes in the way: refuse (the default), or keep a recovery copy and go on. */
export type DirtyPolicy = 'refuse' | 'keep-copy';

/**
 * The uncommitted changes that moving from commit `from` to `to` would replace, unqueued. With
 * `allTracked` (a hard reset) every change to a tracked file counts, not only those in the way;
 * untracked files count only where `to` has a file of that name.
 */
export async function changesInTheWay(dir: string, from: string | null, to: string, cache: object, allTracked = false): Promise<string[]> {
  const changes = await readChanges(dir, cache);
  if (changes.length === 0) return [];
  const differing = new Set((await readTreeChanges(dir, from, to, cache)).map((file) => file.path));
  const untrackedOnly = (change: FileChange) => change.staged === null && change.unstaged === 'untracked';
  // Any staged change is in the way: checkout rewrites index entries that differ from the target.
  const inTheWay = (change: FileChange) => change.staged !== null || differing.has(change.path) || (allTracked && !untrackedOnly(change));
  return changes.filter(inTheWay).map((change) => change.path);
}

/** Refuses, or snapshots and resets, the changes in the way of `operation`; returns the snapshot, if one was taken. */
export async function clearTheWay(dir: string, operation: string, from: string | null, to: string, policy: DirtyPolicy, cache: object, allTracked = false): Promise<RecoveryEntry | null> {
  const inTheWay = await changesInTheWay(dir, from, to, cache, allTracked);
  if (inTheWay.length === 0) return null;
  if (policy === 'refuse') throw new WouldOverwrite(operation, inTheWay);
  const entry = await snapshotFiles(dir, operation, inTheWay, cache);
  await restoreToHead(dir, inTheWay, from, cache);
  return entry;
}

/** Checks out `branch` after the way was cleared; a conflict isomorphic-git still finds becomes WouldOverwrite, unqueued. */
export async function checkoutCleared(dir: string, branch: string, operation: string, cache: object): Promise<void> {
  try {
    await git.checkout({ fs, dir, cache, ref: branch });
  } catch (error) {
    const failure = error as { code?: string; data?: { filepaths?: string[] } };
    if (failure.code === 'CheckoutConflictError') throw new WouldOverwrite(operation, failure.data?.filepaths ?? []);
    throw error;
  }
}

/** Points `branch` (checked out) at `to` and checks it out; on failure the branch goes back to `from`, unqueued. */
export async function moveCheckedOutBranch(dir: string, branch: string, from: string | null, to: string, operation: string, cache: object): Promise<void> {
  const ref = `refs/heads/${branch}`;
  await git.writeRef({ fs, dir, ref, value: to, force: true });
  try {
    await checkoutCleared(dir, branch, operation, cache);
  } catch (error) {
    // Put the branch back, so HEAD and the working tree agree again.
    if (from) await git.writeRef({ fs, dir, ref, value: from, force: true });
    throw error;
  }
}
