/**
 * git: stash — put uncommitted work aside and take it back later. Stashes are made the way git makes
 * them (a commit of the working tree whose parents are HEAD, a commit of the index and, for new files,
 * a commit of the untracked files), so native git's `stash list/show/apply` read them too. New files
 * are stashed with the rest (a designer's new page is work as much as an edit). A dropped stash goes
 * to the recovery store, so it can still be taken back.
 */
import fs from 'node:fs';
import { lstat, readFile, readlink, rmdir } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import { signature, type Author } from './commit';
import { readTreeChanges, type ChangedFile } from './commitChanges';
import { restoreToHead } from './discard';
import { DetachedHead, GitError, MergeInProgress, NoCommits } from './errors';
import { readIndexFile, type IndexEntry } from './indexFile';
import { treeOfIndex, writeChangedTrees } from './indexTree';
import { writeLooseObject } from './looseObjects';
import { snapshotContents, type RecoveryEntry } from './recoveryStore';
import { readHead } from './repository';
import { inRepoQueue } from './repoQueue';
import { dropStashLog, pushStashLog, readStashLog } from './stashLog';
import { readChanges } from './status';

/** One stash: `index` 0 is the newest (`stash@{0}`), with the files it changes against the commit it was made on. */
export interface Stash {
  index: number;
  oid: string;
  message: string;
  createdAt: string;
  files: ChangedFile[];
}

/** There is no stash with that number. */
export class StashNotFound extends GitError {
  constructor(index: number) {
    super('stash-not-found', `There is no stash number ${index} (stash@{${index}}). Reload the list of stashes.`);
  }
}

/** Nothing to stash. */
export class NothingToStash extends GitError {
  constructor() {
    super('nothing-to-stash', 'There are no uncommitted changes to stash.');
  }
}

const gitdirOf = (dir: string) => path.join(dir, '.git');

/** An index entry for the working file at `filepath`, its blob written. */
async function entryOfWorkingFile(dir: string, filepath: string): Promise<IndexEntry> {
  const full = path.join(dir, filepath);
  const stats = await lstat(full);
  const content = stats.isSymbolicLink() ? Buffer.from(await readlink(full)) : await readFile(full);
  const oid = await writeLooseObject(gitdirOf(dir), 'blob', content);
  const mode = stats.isSymbolicLink() ? 0o120000 : stats.mode & 0o111 ? 0o100755 : 0o100644;
  return { path: filepath, stage: 0, oid, mode, ctimeSeconds: 0, ctimeNanoseconds: 0, mtimeSeconds: 0, mtimeNanoseconds: 0, dev: 0, ino: 0, uid: 0, gid: 0, size: content.length, extended: 0, assumeValid: false };
}

/** Removes the folders above `filepath` that are empty now, up to the repository root. */
async function removeEmptyParents(dir: string, filepath: string): Promise<void> {
  for (let folder = path.posix.dirname(filepath); folder !== '.'; folder = path.posix.dirname(folder)) {
    if (!(await rmdir(path.join(dir, folder)).then(() => true, () => false))) return;
  }
}

/** Writes the trees of `entries` and a commit of them; returns the commit's id. */
async function commitEntries(dir: string, entries: IndexEntry[], parents: string[], who: string, message: string, cache: object): Promise<string> {
  const root = treeOfIndex(entries);
  await writeChangedTrees(dir, gitdirOf(dir), root, null, cache);
  const text = `tree ${root.oid}\n${parents.map((p) => `parent ${p}\n`).join('')}author ${who}\ncommitter ${who}\n\n${message}\n`;
  return writeLooseObject(gitdirOf(dir), 'commit', Buffer.from(text));
}

/**
 * Puts every uncommitted change (staged, unstaged and new files; not ignored ones) into a new stash
 * and sets the working tree and index back to HEAD. Returns the new stash.
 */
export function stashPush(dir: string, options: { message?: string; author: Author }): Promise<Stash> {
  return inRepoQueue(dir, async () => {
    const cache = {};
    const head = await readHead(dir);
    if (!head.oid) throw new NoCommits('stash');
    if (head.kind !== 'branch') throw new DetachedHead('stash');
    const index = await readIndexFile(gitdirOf(dir));
    if (!index) throw new GitError('git', 'This repository keeps its index in a form the studio cannot stash from (version 4, split or sparse). Run `git update-index --index-version 2` in a terminal, then try again.');
    if (index.entries.some((e) => e.stage !== 0)) throw new MergeInProgress('stash');
    const changes = await readChanges(dir, cache);
    if (changes.length === 0) throw new NothingToStash();

    const { commit: headCommit } = await git.readCommit({ fs, dir, oid: head.oid, cache });
    const about = `${head.branch}: ${head.oid.slice(0, 7)} ${headCommit.message.split('\n')[0]}`;
    const who = signature(options.author);
    const indexCommit = await commitEntries(dir, index.entries, [head.oid], who, `index on ${about}`, cache);

    const working = new Map(index.entries.map((e) => [e.path, e]));
    const untracked: IndexEntry[] = [];
    for (const change of changes) {
      if (change.unstaged === 'untracked') untracked.push(await entryOfWorkingFile(dir, change.path));
      else if (change.unstaged === 'deleted') working.delete(change.path);
      else if (change.unstaged) working.set(change.path, await entryOfWorkingFile(dir, change.path));
    }
    const parents = [head.oid, indexCommit];
    if (untracked.length > 0) parents.push(await commitEntries(dir, untracked, [], who, `untracked files on ${about}`, cache));
    const message = options.message?.trim() ? `On ${head.branch}: ${options.message.trim().split('\n')[0]}` : `WIP on ${about}`;
    const oid = await commitEntries(dir, [...working.values()].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path))), parents, who, message, cache);
    await pushStashLog(gitdirOf(dir), oid, who, message);
    // The work is in the stash; now the tree goes back to HEAD (new files are removed).
    await restoreToHead(dir, changes.map((c) => c.path), head.oid, cache);
    // Folders that only held stashed new files go too, as git leaves them.
    for (const entry of untracked) await removeEmptyParents(dir, entry.path);
    return { index: 0, oid, message, createdAt: new Date().toISOString(), files: await stashFiles(dir, oid, cache) };
  });
}

/** The files stash commit `oid` changes against the commit it was made on, new files included. */
export async function stashFiles(dir: string, oid: string, cache: object): Promise<ChangedFile[]> {
  const { commit } = await git.readCommit({ fs, dir, oid, cache });
  const files = await readTreeChanges(dir, commit.parent[0] ?? null, oid, cache);
  const untrackedCommit = commit.parent[2];
  if (untrackedCommit) files.push(...(await readTreeChanges(dir, null, untrackedCommit, cache)));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The stashes, newest first. */
export function stashList(dir: string): Promise<Stash[]> {
  return inRepoQueue(dir, async () => {
    const cache = {};
    const log = await readStashLog(gitdirOf(dir));
    return Promise.all(log.map(async (entry, index) => ({ index, ...entry, files: await stashFiles(dir, entry.oid, cache).catch(() => []) })));
  });
}

/** The stash `stash@{index}`, or StashNotFound. */
export async function findStash(dir: string, index: number): Promise<{ oid: string; message: string }> {
  const entry = (await readStashLog(gitdirOf(dir)))[index];
  if (!entry) throw new StashNotFound(index);
  return entry;
}

/**
 * Removes `stash@{index}` from the list; its files first go to the recovery store (as the stash had
 * them), so a drop can be taken back. Returns that recovery entry.
 */
export function stashDrop(dir: string, index: number): Promise<RecoveryEntry | null> {
  return inRepoQueue(dir, async () => {
    const cache = {};
    const stash = await findStash(dir, index);
    const recovery = await snapshotContents(dir, `drop stash "${stash.message}"`, await stashContents(dir, stash.oid, cache));
    await dropStashLog(gitdirOf(dir), index);
    return recovery;
  });
}

/** Each file of a stash as the stash holds it (null: the stash deletes it). */
export async function stashContents(dir: string, oid: string, cache: object): Promise<{ path: string; content: Uint8Array | null }[]> {
  const { commit } = await git.readCommit({ fs, dir, oid, cache });
  const read = async (commitOid: string, filepath: string) => (await git.readBlob({ fs, dir, oid: commitOid, filepath, cache })).blob;
  const tracked = await readTreeChanges(dir, commit.parent[0] ?? null, oid, cache);
  const result = await Promise.all(tracked.map(async (f) => ({ path: f.path, content: f.change === 'deleted' ? null : await read(oid, f.path) })));
  const untrackedCommit = commit.parent[2];
  if (untrackedCommit) {
    for (const f of await readTreeChanges(dir, null, untrackedCommit, cache)) result.push({ path: f.path, content: await read(untrackedCommit, f.path) });
  }
  return result;
}
