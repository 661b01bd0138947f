/**
 * git: amend the last commit — its message, and whatever is staged now. The replaced commit stays in
 * the object store; its oid is returned so it can be found again.
 */
import fs from 'node:fs';
import git from 'isomorphic-git';
import { defaultFileSizeLimit, refuseLargeFiles, type Author } from './commit';
import { NoCommits } from './errors';
import { readHead } from './repository';
import { inRepoQueue } from './repoQueue';
import { readStagedFiles } from './stagedFiles';

/** Replaces the last commit by one with the staged changes added (and the new message, if given). */
export function amend(dir: string, options: { message?: string; author?: Author; fileSizeLimit?: number } = {}): Promise<{ oid: string; replaced: string }> {
  return inRepoQueue(dir, async () => {
    const cache = {};
    const head = await readHead(dir);
    if (!head.oid) throw new NoCommits('amend');
    const staged = await readStagedFiles(dir, head.oid, cache);
    refuseLargeFiles(staged, options.fileSizeLimit ?? defaultFileSizeLimit);
    // Without a new author or message isomorphic-git keeps those of the amended commit.
    const oid = await git.commit({ fs, dir, cache, amend: true, message: options.message, author: options.author });
    return { oid, replaced: head.oid };
  });
}
