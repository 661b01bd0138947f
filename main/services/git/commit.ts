/**
 * git: commit what is staged, with the author the caller passes (from settings). Refuses an empty
 * commit and files over the size limit, naming them.
 */
import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { FileTooLarge, NothingToCommit } from './errors';
import { readIndexFile } from './indexFile';
import { treeOfIndex, writeChangedTrees } from './indexTree';
import { writeLooseObject } from './looseObjects';
import { readHead, type HeadState } from './repository';
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

/** `<name> <<email>> <seconds> <±hhmm>` as a commit records who and when. */
export function signature(author: Author, when = new Date()): string {
  const clean = (text: string) => text.replace(/[<>\n]/g, '').trim();
  const offset = -when.getTimezoneOffset();
  const abs = Math.abs(offset);
  const zone = `${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
  return `${clean(author.name)} <${clean(author.email)}> ${Math.floor(when.getTime() / 1000)} ${zone}`;
}

/** A commit message as git stores it: no carriage returns, no blank lines first, one newline at the end. */
const storedMessage = (message: string) => `${message.replace(/\r/g, '').replace(/^\n+/, '').replace(/\n+$/, '')}\n`;

/**
 * Commits the index by writing its trees and the commit with Node's zlib (indexTree.ts), entering only
 * the folders that differ from HEAD; null where the index is one isomorphic-git should handle (its
 * kind, or unmerged entries, which isomorphic-git refuses with its own message).
 */
async function commitIndex(dir: string, head: HeadState, options: { message: string; author: Author; fileSizeLimit?: number }, cache: object): Promise<string | null> {
  const gitdir = path.join(dir, '.git');
  const index = await readIndexFile(gitdir).catch(() => null);
  if (!index || index.entries.some((e) => e.stage !== 0)) return null;
  const root = treeOfIndex(index.entries);
  const headTree = head.oid ? (await git.readCommit({ fs, dir, oid: head.oid, cache })).commit.tree : null;
  if (root.oid === headTree) throw new NothingToCommit();
  const changed = await writeChangedTrees(dir, gitdir, root, headTree, cache);
  if (!head.oid && index.entries.length === 0) throw new NothingToCommit();
  refuseLargeFiles(changed, options.fileSizeLimit ?? defaultFileSizeLimit);
  const who = signature(options.author);
  const text = `tree ${root.oid}\n${head.oid ? `parent ${head.oid}\n` : ''}author ${who}\ncommitter ${who}\n\n${storedMessage(options.message)}`;
  const oid = await writeLooseObject(gitdir, 'commit', Buffer.from(text));
  await git.writeRef({ fs, dir, ref: head.kind === 'branch' ? `refs/heads/${head.branch}` : 'HEAD', value: oid, force: true });
  return oid;
}

/** Commits the staged changes; returns the new commit's oid. */
export function commit(dir: string, options: { message: string; author: Author; fileSizeLimit?: number }): Promise<string> {
  return inRepoQueue(dir, async () => {
    const cache = {};
    const head = await readHead(dir);
    const written = await commitIndex(dir, head, options, cache);
    if (written) return written;
    const staged = await readStagedFiles(dir, head.oid, cache);
    if (staged.length === 0) throw new NothingToCommit();
    refuseLargeFiles(staged, options.fileSizeLimit ?? defaultFileSizeLimit);
    return git.commit({ fs, dir, cache, message: options.message, author: options.author });
  });
}
