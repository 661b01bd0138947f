/**
 * git: commit what is staged, with the author the caller passes (from settings). Refuses an empty
 * commit and files over the size limit, naming them.
 */
import fs from 'node:fs';
import git from 'isomorphic-git';
import { FileTooLarge, NothingToCommit } from './errors';
import { readHead } from './repository';
import { inRepoQueue } from './repoQueue';
import { readStagedFiles, type StagedFile } from './stagedFiles';

/** Who wrote a commit. */
export interface Author {
  name: string;
  email: string;
}

/** Staged files bigger than this are refused unless the caller sets another limit. */
export const defaultFileSizeLimit = 10 * 1024 * 1024;

/** Throws FileTooLarge when any added or modified staged file is over `limit` bytes. */
export function refuseLargeFiles(staged: StagedFile[], limit: number): void {
  const large = staged.filter((file) => file.change !== 'deleted' && file.size > limit);
  if (large.length > 0) throw new FileTooLarge(large, limit);
}

/** Commits the staged changes; returns the new commit's oid. */
export function commit(dir: string, options: { message: string; author: Author; fileSizeLimit?: number }): Promise<string> {
  return inRepoQueue(dir, async () => {
    const cache = {};
    const head = await readHead(dir);
    const staged = await readStagedFiles(dir, head.oid, cache);
    if (staged.length === 0) throw new NothingToCommit();
    refuseLargeFiles(staged, options.fileSizeLimit ?? defaultFileSizeLimit);
    return git.commit({ fs, dir, cache, message: options.message, author: options.author });
  });
}
