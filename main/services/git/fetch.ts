/**
 * git: fetch from a remote — the remote-tracking branches move, the working tree and the local
 * branches do not. Reports how far the current branch is ahead and behind afterwards.
 */
import fs from 'node:fs';
import git from 'isomorphic-git';
import { countAheadBehind, remoteBranchOid, type AheadBehind } from './aheadBehind';
import { NoRemote, remoteError } from './errors';
import { readHead } from './repository';
import { inRepoQueue } from './repoQueue';
import { remoteOptions, remoteUrl, type RemoteOptions } from './transport';

/** Fetch, unqueued: every branch of `remote`; returns the remote's URL. */
export async function fetchRemote(dir: string, remote: string, options: RemoteOptions, cache: object): Promise<string> {
  const url = await remoteUrl(fs, dir, remote);
  if (!url) throw new NoRemote(remote);
  try {
    await git.fetch({ fs, dir, remote, cache, tags: true, ...remoteOptions(options, 'fetch') });
  } catch (error) {
    throw remoteError(error, url);
  }
  return url;
}

/** Fetches `remote` (default origin); returns ahead/behind of the current branch (null when detached). */
export function fetch(dir: string, options: RemoteOptions & { remote?: string } = {}): Promise<AheadBehind | null> {
  return inRepoQueue(dir, async () => {
    const cache = {};
    const remote = options.remote ?? 'origin';
    await fetchRemote(dir, remote, options, cache);
    const head = await readHead(dir);
    if (head.kind !== 'branch') return null;
    return countAheadBehind(dir, head.oid, await remoteBranchOid(dir, remote, head.branch), cache);
  });
}
