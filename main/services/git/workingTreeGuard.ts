/**
 * git: the guard in front of every operation that moves HEAD's tree under the working tree (switch,
 * pull). isomorphic-git's checkout replaces staged changes and some dirty files without asking
 * (isomorphic-git#1046, #1337), so before it runs we find the uncommitted changes in its way and
 * either refuse, naming them, or put them in the recovery store and set them back to HEAD.
 */
import { readTreeChanges } from './commitChanges';
import { restoreToHead } from './discard';
import { WouldOverwrite } from './errors';
import { snapshotFiles, type RecoveryEntry } from './recoveryStore';
import { readChanges } from './status';

/** What to do with uncommitted changes in the way: refuse (the default), or keep a recovery copy and go on. */
export type DirtyPolicy = 'refuse' | 'keep-copy';

/** The uncommitted changes that moving from commit `from` to `to` would replace, unqueued. */
export async function changesInTheWay(dir: string, from: string | null, to: string, cache: object): Promise<string[]> {
  const changes = await readChanges(dir, cache);
  if (changes.length === 0) return [];
  const differing = new Set((await readTreeChanges(dir, from, to, cache)).map((file) => file.path));
  // Any staged change is in the way: checkout rewrites index entries that differ from the target.
  return changes.filter((change) => change.staged !== null || differing.has(change.path)).map((change) => change.path);
}

/** Refuses, or snapshots and resets, the changes in the way of `operation`; returns the snapshot, if one was taken. */
export async function clearTheWay(dir: string, operation: string, from: string | null, to: string, policy: DirtyPolicy, cache: object): Promise<RecoveryEntry | null> {
  const inTheWay = await changesInTheWay(dir, from, to, cache);
  if (inTheWay.length === 0) return null;
  if (policy === 'refuse') throw new WouldOverwrite(operation, inTheWay);
  const entry = await snapshotFiles(dir, operation, inTheWay, cache);
  await restoreToHead(dir, inTheWay, from, cache);
  return entry;
}
