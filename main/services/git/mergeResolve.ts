/**
 * git: a merge in progress after `merge` stopped on conflicts — read where it stands, resolve a
 * conflict (the file is merged again with the choice and written), abort (everything back exactly
 * as before the merge) or conclude (the merge commit with both parents). A conflict's id is
 * `<file>#<id within the file>`; ids within a file come from core/merge and stay the same when
 * other conflicts are resolved.
 */
import fs from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import type { ConflictChoice } from '../../../core/merge';
import type { Author } from './commit';
import { ConflictNotFound, ConflictsLeft, GitError, MergeInProgress, NoMerge, SidesOnly } from './errors';
import { commitMerge, conflictsOf, stageAsInWorkingTree, writeWorkingFile, type MergeProgress } from './merge';
import { clashConflict, clashPaths, clashTargets, filesOnDiskUnder, folderConflictId, writeClash, type FolderClashState } from './mergeClash';
import { mergeStoredFile } from './mergePlan';
import { clearStoredMerge, readBefore, readStoredMerge, restoreBefore, writeStoredMerge, type StoredMerge } from './mergeState';
import { snapshotFiles, type RecoveryEntry } from './recoveryStore';
import { headOid } from './repository';
import { inRepoQueue } from './repoQueue';

/** The id the studio gives a conflict: its file and its id within the file. */
export function conflictKey(file: string, id: string): string {
  return `${file}#${id}`;
}

async function requireMerge(dir: string, operation: string): Promise<StoredMerge> {
  const state = await readStoredMerge(dir);
  if (!state) throw new NoMerge(operation);
  return state;
}

const progressOf = async (dir: string, state: StoredMerge, cache: object): Promise<MergeProgress> => ({
  theirs: state.theirs,
  theirsOid: state.theirsOid,
  oursOid: state.oursOid,
  conflicts: await conflictsOf(dir, state, cache),
});

/** The merge in progress and its open conflicts, or null when there is none, unqueued. */
export async function readMergeProgress(dir: string): Promise<MergeProgress | null> {
  const state = await readStoredMerge(dir);
  return state ? progressOf(dir, state, {}) : null;
}

/** The merge in progress and its open conflicts, or null when there is none. */
export function mergeProgress(dir: string): Promise<MergeProgress | null> {
  return inRepoQueue(dir, () => readMergeProgress(dir));
}

/** Throws MergeInProgress when a merge is in progress (for operations that would mix with it), unqueued. */
export async function refuseDuringMerge(dir: string, operation: string): Promise<void> {
  if (await readStoredMerge(dir)) throw new MergeInProgress(operation);
}

/** Settles the conflict `conflictId` with `choice`, writes the file merged again, and returns where the merge stands. */
export function resolveMergeConflict(dir: string, conflictId: string, choice: ConflictChoice): Promise<MergeProgress> {
  return inRepoQueue(dir, async () => {
    const cache = {};
    const state = await requireMerge(dir, 'resolve a conflict');
    const owner = [...state.files, ...(state.clashes ?? [])]
      .filter((f) => conflictId.startsWith(`${f.path}#`))
      .sort((a, b) => b.path.length - a.path.length)[0];
    if (!owner) throw new ConflictNotFound(conflictId);
    const id = conflictId.slice(owner.path.length + 1);
    if ('aside' in owner) {
      if (id !== folderConflictId || !clashConflict(owner)) throw new ConflictNotFound(conflictId);
      await resolveClash(dir, state, owner, choice, cache);
      return progressOf(dir, state, cache);
    }
    const file = owner;
    const open = (await mergeStoredFile(dir, file, cache)).conflicts;
    if (!open.some((conflict) => conflict.id === id)) throw new ConflictNotFound(conflictId);
    file.choices = { ...file.choices, [id]: choice };
    const merged = await mergeStoredFile(dir, file, cache);
    await writeStoredMerge(dir, state);
    await writeWorkingFile(dir, file.path, merged.content, merged.mode);
    return progressOf(dir, state, cache);
  });
}

/**
 * Settles a folder-vs-file clash with a side and writes it. Files in ours' folder that are no side's
 * (untracked or ignored, made since the merge, say) are kept in the recovery store before theirs' file
 * takes the folder's place.
 */
async function resolveClash(dir: string, state: StoredMerge, clash: FolderClashState, choice: ConflictChoice, cache: object): Promise<void> {
  if (choice !== 'ours' && choice !== 'theirs') {
    throw new SidesOnly(clash.path);
  }
  clash.choice = choice;
  const targets = clashTargets(clash);
  const stray = choice === 'theirs' ? (await filesOnDiskUnder(dir, clash.path)).filter((p) => !targets.has(p)) : [];
  // Ours' files edited by hand since the merge began are replaced too: keep a copy of them as well.
  const edited: string[] = [];
  for (const file of choice === 'theirs' ? clash.ours : []) {
    const now = await workingBytes(dir, file.path);
    if (now && (await git.hashBlob({ object: now })).oid !== file.oid) edited.push(file.path);
  }
  await snapshotFiles(dir, 'resolve a conflict', [...stray, ...edited], cache);
  for (const filepath of stray) await unlink(path.join(dir, filepath));
  await writeStoredMerge(dir, state);
  await writeClash(dir, clash, cache);
}

/** The bytes of a working file, or null when there is none. */
async function workingBytes(dir: string, filepath: string): Promise<Uint8Array | null> {
  try {
    return await readFile(path.join(dir, filepath));
  } catch {
    return null;
  }
}

const sameBytes = (a: Uint8Array | string | null, b: Uint8Array | null) =>
  a === null || b === null ? a === b : Buffer.from(typeof a === 'string' ? Buffer.from(a, 'utf8') : a).equals(Buffer.from(b));

/**
 * The touched paths a person changed since the merge wrote them (hand-resolving in the code view, say):
 * their working bytes are neither what the merge wrote nor what was there before it.
 */
async function editedDuringMerge(dir: string, state: StoredMerge, cache: object): Promise<string[]> {
  const merged = new Map(state.files.map((file) => [file.path, file]));
  const clashTargetsByPath = new Map((state.clashes ?? []).flatMap((clash) => [...clashTargets(clash)]));
  const edited: string[] = [];
  for (const [index, entry] of state.before.entries()) {
    const now = await workingBytes(dir, entry.path);
    if (sameBytes(now, await readBefore(dir, state, index))) continue;
    const file = merged.get(entry.path);
    const clashFile = clashTargetsByPath.get(entry.path);
    const written = file
      ? (await mergeStoredFile(dir, file, cache)).content
      : clashFile !== undefined
        ? clashFile && (await git.readBlob({ fs, dir, oid: clashFile.oid, cache })).blob
        : await blobAt(dir, state.theirsOid, entry.path, cache);
    if (!sameBytes(written, now)) edited.push(entry.path);
  }
  return edited;
}

async function blobAt(dir: string, oid: string, filepath: string, cache: object): Promise<Uint8Array | null> {
  try {
    return (await git.readBlob({ fs, dir, oid, filepath, cache })).blob;
  } catch {
    return null;
  }
}

/**
 * Aborts the merge in progress: the working tree and the index become byte for byte what they were
 * before it. Edits made to touched files during the merge are kept in the recovery store first.
 */
export function abortMerge(dir: string): Promise<RecoveryEntry | null> {
  return inRepoQueue(dir, async () => {
    const cache = {};
    const state = await requireMerge(dir, 'abort the merge');
    const recovery = await snapshotFiles(dir, 'abort the merge', await editedDuringMerge(dir, state, cache), cache);
    await restoreBefore(dir, state);
    await clearStoredMerge(dir);
    return recovery;
  });
}

/** Finishes a merge whose conflicts are all resolved: stages the merged files and commits with both parents. */
export function concludeMerge(dir: string, options: { message?: string; author: Author }): Promise<string> {
  return inRepoQueue(dir, async () => {
    const cache = {};
    const state = await requireMerge(dir, 'finish the merge');
    const left = await conflictsOf(dir, state, cache);
    if (left.length > 0) throw new ConflictsLeft(left.length);
    if ((await headOid(dir)) !== state.oursOid) throw new GitError('merge-in-progress', 'The branch moved since the merge started, so the merge cannot be finished. Abort it and merge again.');
    // The working tree has each merged file as resolved (or as edited by hand since).
    await stageAsInWorkingTree(dir, [...state.files.map((f) => f.path), ...(state.clashes ?? []).flatMap(clashPaths)], cache);
    return commitMerge(dir, state, options.message?.trim() || state.message, options.author, cache);
  });
}
