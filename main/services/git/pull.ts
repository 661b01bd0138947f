/**
 * git: pull — fetch, then fast-forward the current branch when it has no commits of its own.
 * Uncommitted changes the fast-forward would replace are refused by default or kept in the recovery
 * store (isomorphic-git's own pull overwrites them, isomorphic-git#1046). When both sides have new
 * commits, pull stops with NeedsMerge and changes nothing; merging is its own operation.
 */
import { countAheadBehind, remoteBranchOid } from './aheadBehind';
import { DetachedHead, NeedsMerge } from './errors';
import { fetchRemote } from './fetch';
import type { RecoveryEntry } from './recoveryStore';
import { readHead } from './repository';
import { inRepoQueue } from './repoQueue';
import type { RemoteOptions } from './transport';
import { clearTheWay, moveCheckedOutBranch, type DirtyPolicy } from './workingTreeGuard';

/**
 * What a pull did: 'up-to-date', 'fast-forward' (to `oid`), 'ahead' (only local commits, nothing
 * to take) or 'not-on-remote' (the remote has no branch of this name yet: push creates it).
 */
export interface PullResult {
  outcome: 'up-to-date' | 'fast-forward' | 'ahead' | 'not-on-remote';
  oid: string | null;
  recovery: RecoveryEntry | null;
}

/** Fetches and fast-forwards the current branch from `<remote>/<branch>`. */
export function pull(dir: string, options: RemoteOptions & { remote?: string; onDirty?: DirtyPolicy } = {}): Promise<PullResult> {
  return inRepoQueue(dir, async () => {
    const cache = {};
    const remote = options.remote ?? 'origin';
    const head = await readHead(dir);
    if (head.kind !== 'branch') throw new DetachedHead('pull');
    await fetchRemote(dir, remote, options, cache);
    const theirs = await remoteBranchOid(dir, remote, head.branch);
    if (!theirs) return { outcome: 'not-on-remote', oid: head.oid, recovery: null };
    if (theirs === head.oid) return { outcome: 'up-to-date', oid: head.oid, recovery: null };
    const { ahead, behind } = await countAheadBehind(dir, head.oid, theirs, cache);
    if (behind === 0) return { outcome: 'ahead', oid: head.oid, recovery: null };
    if (ahead > 0) throw new NeedsMerge(ahead, behind);
    const operation = `pull ${remote}/${head.branch}`;
    const recovery = await clearTheWay(dir, operation, head.oid, theirs, options.onDirty ?? 'refuse', cache);
    await moveCheckedOutBranch(dir, head.branch, head.oid, theirs, operation, cache);
    return { outcome: 'fast-forward', oid: theirs, recovery };
  });
}
