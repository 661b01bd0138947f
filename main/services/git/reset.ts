/**
 * git: reset the current branch to another commit. 'soft' moves only the branch (the index and
 * the working tree keep everything, so the undone commits' changes show as staged); 'hard' also
 * sets the index and the working tree to the commit — uncommitted changes to tracked files are
 * refused by default or kept in the recovery store. The replaced tip is returned so it can be
 * reset to again: its commits stay in the object store.
 */
import fs from 'node:fs';
import git from 'isomorphic-git';
import { BranchNotFound, DetachedHead, NoCommits } from './errors';
import type { RecoveryEntry } from './recoveryStore';
import { readHead } from './repository';
import { inRepoQueue } from './repoQueue';
import { clearTheWay, moveCheckedOutBranch, type DirtyPolicy } from './workingTreeGuard';

/** What a reset did: the tip it replaced, and the recovery entry of changes it set aside. */
export interface ResetResult {
  replaced: string;
  oid: string;
  recovery: RecoveryEntry | null;
}

/** Moves the current branch to `target` (a branch, tag or oid), soft or hard. */
export function reset(dir: string, target: string, options: { mode: 'soft' | 'hard'; onDirty?: DirtyPolicy }): Promise<ResetResult> {
  return inRepoQueue(dir, async () => {
    const cache = {};
    const head = await readHead(dir);
    if (head.kind !== 'branch') throw new DetachedHead('reset');
    if (!head.oid) throw new NoCommits('reset');
    let oid: string;
    try {
      oid = await git.resolveRef({ fs, dir, ref: target });
    } catch {
      throw new BranchNotFound(target);
    }
    const operation = `reset to ${target}`;
    const recovery = options.mode === 'hard' ? await clearTheWay(dir, operation, head.oid, oid, options.onDirty ?? 'refuse', cache, true) : null;
    if (options.mode === 'hard') await moveCheckedOutBranch(dir, head.branch, head.oid, oid, operation, cache);
    else await git.writeRef({ fs, dir, ref: `refs/heads/${head.branch}`, value: oid, force: true });
    return { replaced: head.oid, oid, recovery };
  });
}
