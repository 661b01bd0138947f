/**
 * git: clone an app from an HTTP(S) remote, with progress, cancel and credentials. A clone that
 * fails or is cancelled leaves no half-made repository behind.
 */
import fs from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import { FolderNotEmpty, remoteError } from './errors';
import { inRepoQueue } from './repoQueue';
import { remoteOptions, throwIfCancelled, type RemoteOptions } from './transport';

async function existingEntries(dir: string): Promise<string[] | null> {
  try {
    return await readdir(dir);
  } catch {
    return null;
  }
}

/** Clones `url` into `dir` (absent or empty), checking out `ref` (default: the remote's HEAD). */
export function clone(url: string, dir: string, options: RemoteOptions & { ref?: string } = {}): Promise<void> {
  return inRepoQueue(dir, async () => {
    const before = await existingEntries(dir);
    if (before && before.length > 0) throw new FolderNotEmpty(dir);
    await mkdir(dir, { recursive: true });
    try {
      await git.clone({ fs, dir, url, ref: options.ref, cache: {}, ...remoteOptions(options, 'clone') });
      throwIfCancelled(options.signal, 'clone');
    } catch (error) {
      // Leave the folder as it was: gone if we made it, empty if it was empty.
      if (before) for (const entry of await readdir(dir)) await rm(path.join(dir, entry), { recursive: true, force: true });
      else await rm(dir, { recursive: true, force: true });
      throw remoteError(error, url);
    }
  });
}
