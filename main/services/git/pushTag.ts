/**
 * git: push one tag to a remote (a version for deployment). A tag the remote has already, pointing
 * elsewhere, is refused (RemoteRejected) rather than moved: a deployed version never changes under
 * its name.
 */
import fs from 'node:fs';
import git from 'isomorphic-git';
import { NoRemote, RemoteRejected, remoteError } from './errors';
import { inRepoQueue } from './repoQueue';
import { remoteOptions, remoteUrl, type RemoteOptions } from './transport';

/** Pushes `refs/tags/<tag>` to `remote` (default origin). */
export function pushTag(dir: string, tag: string, options: RemoteOptions & { remote?: string } = {}): Promise<void> {
  return inRepoQueue(dir, async () => {
    const remote = options.remote ?? 'origin';
    const url = await remoteUrl(fs, dir, remote);
    if (!url) throw new NoRemote(remote);
    let result: Awaited<ReturnType<typeof git.push>>;
    try {
      result = await git.push({ fs, dir, cache: {}, remote, ref: `refs/tags/${tag}`, remoteRef: `refs/tags/${tag}`, ...remoteOptions(options, 'push') });
    } catch (error) {
      const failure = remoteError(error, url);
      // A tag is never "behind": a rejection means the remote has this tag on another commit.
      throw failure instanceof RemoteRejected ? new RemoteRejected('rejected', `it has a tag ${tag} already, on another commit`) : failure;
    }
    const refResult = Object.values(result.refs ?? {})[0];
    if (!result.ok || (refResult && !refResult.ok)) throw new RemoteRejected('rejected', refResult?.error ?? result.error ?? '');
  });
}
