/**
 * git: push the current branch. A remote with commits we lack rejects it as not a fast-forward
 * (RemoteRejected); the local commits stay. Reports ahead/behind afterwards.
 */
import fs from 'node:fs';
import git from 'isomorphic-git';
import { countAheadBehind, remoteBranchOid, type AheadBehind } from './aheadBehind';
import { DetachedHead, NoCommits, NoRemote, RemoteRejected, remoteError } from './errors';
import { readHead } from './repository';
import { inRepoQueue } from './repoQueue';
import { remoteOptions, remoteUrl, type RemoteOptions } from './transport';

/** Pushes the current branch to the branch of the same name on `remote` (default origin). */
export function push(dir: string, options: RemoteOptions & { remote?: string } = {}): Promise<AheadBehind> {
  return inRepoQueue(dir, async () => {
    const cache = {};
    const remote = options.remote ?? 'origin';
    const head = await readHead(dir);
    if (head.kind !== 'branch') throw new DetachedHead('push');
    if (!head.oid) throw new NoCommits('push');
    const url = await remoteUrl(fs, dir, remote);
    if (!url) throw new NoRemote(remote);
    let result: Awaited<ReturnType<typeof git.push>>;
    try {
      result = await git.push({ fs, dir, cache, remote, ref: head.branch, ...remoteOptions(options, 'push') });
    } catch (error) {
      throw remoteError(error, url);
    }
    const refResult = Object.values(result.refs ?? {})[0];
    if (!result.ok || (refResult && !refResult.ok)) {
      const detail = refResult?.error ?? result.error ?? '';
      throw new RemoteRejected(/non-fast-forward|fetch first/.test(detail) ? 'not-fast-forward' : 'rejected', detail);
    }
    return countAheadBehind(dir, head.oid, await remoteBranchOid(dir, remote, head.branch), cache);
  });
}
