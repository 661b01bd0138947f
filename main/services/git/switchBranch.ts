/**
 * git: switch to another branch. Uncommitted changes the switch would replace are refused by
 * default, or kept in the recovery store with `onDirty: 'keep-copy'`; changes not in its way stay.
 */
import fs from 'node:fs';
import git from 'isomorphic-git';
import { BranchNotFound } from './errors';
import type { RecoveryEntry } from './recoveryStore';
import { readHead } from './repository';
import { inRepoQueue } from './repoQueue';
import { checkoutCleared, clearTheWay, type DirtyPolicy } from './workingTreeGuard';

/** Checks out `branch`; returns the recovery entry of changes it set aside (null when none). */
export function switchBranch(dir: string, branch: string, options: { onDirty?: DirtyPolicy } = {}): Promise<{ recovery: RecoveryEntry | null }> {
  return inRepoQueue(dir, async () => {
    const cache = {};
    let target: string;
    try {
      target = await git.resolveRef({ fs, dir, ref: `refs/heads/${branch}` });
    } catch {
      throw new BranchNotFound(branch);
    }
    const head = await readHead(dir);
    if (head.kind === 'branch' && head.branch === branch) return { recovery: null };
    if (head.oid === target) {
      // The same commit (a branch just made here): only HEAD moves; index and working tree stay as they are, as git does.
      await git.writeRef({ fs, dir, ref: 'HEAD', value: `refs/heads/${branch}`, symbolic: true, force: true });
      return { recovery: null };
    }
    const operation = `switch to ${branch}`;
    const recovery = await clearTheWay(dir, operation, head.oid, target, options.onDirty ?? 'refuse', cache);
    await checkoutCleared(dir, branch, operation, cache);
    return { recovery };
  });
}
