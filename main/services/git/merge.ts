/**
 * git: merge another branch (or a remote-tracking branch, after a pull said NeedsMerge) into the
 * current one. A fast-forward when the current branch has nothing of its own; otherwise a three-way
 * merge, file by file with core/merge. A clean merge is committed at once with both parents; a merge
 * with conflicts is kept in `.git/studio-merge/` (mergeState.ts) until each conflict is resolved
 * (mergeResolve.ts) or the merge is aborted, which puts the working tree and index back exactly.
 * Uncommitted changes in files the merge writes, and staged changes anywhere (they would go into the
 * merge commit), are refused or kept in the recovery store first.
 */
import fs from 'node:fs';
import { chmod, lstat, mkdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import type { Conflict } from '../../../core/merge';
import type { Author } from './commit';
import { restoreToHead } from './discard';
import { BranchNotFound, DetachedHead, MergeInProgress, NoCommits, WouldOverwrite } from './errors';
import { mergeStoredFile, planMerge, type PlannedFile } from './mergePlan';
import { clashConflict, clashPaths, filesOnDiskUnder, fileMode, writeClash } from './mergeClash';
import { clearStoredMerge, readIndexBytes, readStoredMerge, removeEmptyParents, restoreBefore, saveBefore, writeStoredMerge, type StoredMerge } from './mergeState';
import { snapshotFiles, type RecoveryEntry } from './recoveryStore';
import { readHead } from './repository';
import { inRepoQueue } from './repoQueue';
import { readChanges } from './status';
import { clearTheWay, moveCheckedOutBranch, type DirtyPolicy } from './workingTreeGuard';

/** A merge in progress as the studio shows it: what is merged into what, and the conflicts left. */
export interface MergeProgress {
  theirs: string;
  theirsOid: string;
  oursOid: string;
  conflicts: Conflict[];
}

/** What a merge did: its outcome, the commit HEAD is at, the conflicts if any, and changes set aside. */
export interface MergeOutcome {
  outcome: 'up-to-date' | 'fast-forward' | 'merged' | 'conflicts';
  oid: string | null;
  progress: MergeProgress | null;
  recovery: RecoveryEntry | null;
}

async function resolveCommit(dir: string, ref: string, cache: object): Promise<string> {
  try {
    const oid = await git.resolveRef({ fs, dir, ref });
    // A tag may point at a tag object: merge the commit it names.
    return (await git.readCommit({ fs, dir, oid, cache })).oid;
  } catch {
    throw new BranchNotFound(ref);
  }
}

/** Writes `content` to `filepath` in the working tree (null removes it, and folders left empty), with `mode` when given, unqueued. */
export async function writeWorkingFile(dir: string, filepath: string, content: string | Uint8Array | null, mode: number | null = null): Promise<void> {
  const target = path.join(dir, filepath);
  if (content === null) {
    const found = await lstat(target).catch(() => null);
    if (found && !found.isDirectory()) await unlink(target);
    await removeEmptyParents(dir, filepath);
    return;
  }
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, content);
  if (mode !== null) await chmod(target, fileMode(mode));
}

/** What is at `filepath` in the working tree, or null (nothing, or a file where a folder of it would be). */
function lstatOrNull(dir: string, filepath: string): fs.Stats | null {
  try {
    return fs.lstatSync(path.join(dir, filepath));
  } catch {
    return null;
  }
}

/**
 * Stages `paths` as the working tree has them (absent files as deleted), in one batched add, unqueued.
 * A path that is a folder now is not a file any more; only an index entry of that very path is removed.
 */
export async function stageAsInWorkingTree(dir: string, paths: readonly string[], cache: object): Promise<void> {
  const isFile = (p: string) => lstatOrNull(dir, p)?.isDirectory() === false;
  const present = paths.filter(isFile);
  const indexed = new Set(await git.listFiles({ fs, dir, cache }));
  const absent = paths.filter((p) => !isFile(p) && indexed.has(p));
  if (present.length > 0) await git.add({ fs, dir, filepath: present, cache });
  for (const filepath of absent) await git.remove({ fs, dir, filepath, cache });
}

/** The conflicts left in a stored merge (each file merged again with its choices, and each open clash), unqueued. */
export async function conflictsOf(dir: string, state: StoredMerge, cache: object): Promise<Conflict[]> {
  const all: Conflict[] = [];
  for (const file of state.files) all.push(...(await mergeStoredFile(dir, file, cache)).conflicts);
  for (const clash of state.clashes ?? []) {
    const conflict = clashConflict(clash);
    if (conflict) all.push(conflict);
  }
  return all;
}

/** Every path a planned change may write or remove. */
const pathsOf = (planned: PlannedFile): string[] => (planned.kind === 'clash' ? clashPaths(planned.clash) : [planned.path]);

/**
 * Files in the working tree that are not the merge's to change but stand where it writes: a file
 * (untracked, say) where a written file needs a folder, and anything left in a folder (untracked or
 * ignored files) that theirs turns into a file.
 */
async function standingInTheWay(dir: string, plan: readonly PlannedFile[]): Promise<string[]> {
  const removed = new Set(plan.flatMap((p) => (p.kind === 'take' && p.oid === null ? [p.path] : [])));
  const blocking = new Set<string>();
  for (const planned of plan) {
    if (planned.kind === 'clash' || (planned.kind === 'take' && planned.oid === null)) continue;
    for (let folder = path.posix.dirname(planned.path); folder !== '.'; folder = path.posix.dirname(folder)) {
      const found = lstatOrNull(dir, folder);
      if (found && !found.isDirectory() && !removed.has(folder)) blocking.add(folder);
    }
    for (const file of await filesOnDiskUnder(dir, planned.path)) if (!removed.has(file)) blocking.add(file);
  }
  return [...blocking];
}

/** Commits the index as the merge commit of a stored merge and forgets the merge, unqueued. */
export async function commitMerge(dir: string, state: StoredMerge, message: string, author: Author, cache: object): Promise<string> {
  const oid = await git.commit({ fs, dir, cache, message, author, parent: [state.oursOid, state.theirsOid] });
  await clearStoredMerge(dir);
  return oid;
}

/** Merges `theirs` (a branch, `origin/<branch>`, a tag or a commit) into the current branch. */
export function merge(dir: string, theirs: string, options: { author: Author; onDirty?: DirtyPolicy; message?: string }): Promise<MergeOutcome> {
  return inRepoQueue(dir, async () => {
    const cache = {};
    if (await readStoredMerge(dir)) throw new MergeInProgress();
    // Before any status runs: it rewrites the index's stat data, and abort gives back the exact bytes.
    const index = await readIndexBytes(dir);
    const head = await readHead(dir);
    if (head.kind !== 'branch') throw new DetachedHead('merge');
    if (!head.oid) throw new NoCommits('merge');
    const theirsOid = await resolveCommit(dir, theirs, cache);
    const none = { progress: null, recovery: null };
    if (theirsOid === head.oid || (await git.isDescendent({ fs, dir, oid: head.oid, ancestor: theirsOid, depth: -1, cache }))) {
      return { outcome: 'up-to-date', oid: head.oid, ...none };
    }
    const operation = `merge ${theirs}`;
    const policy = options.onDirty ?? 'refuse';
    const [base = null] = (await git.findMergeBase({ fs, dir, oids: [head.oid, theirsOid], cache })) as string[];
    if (base === head.oid) {
      const recovery = await clearTheWay(dir, operation, head.oid, theirsOid, policy, cache);
      await moveCheckedOutBranch(dir, head.branch, head.oid, theirsOid, operation, cache);
      return { outcome: 'fast-forward', oid: theirsOid, progress: null, recovery };
    }
    const plan = await planMerge(dir, base, head.oid, theirsOid, cache);
    const touched = new Set(plan.flatMap(pathsOf));
    const changed = (await readChanges(dir, cache)).filter((c) => c.staged !== null || touched.has(c.path)).map((c) => c.path);
    const inTheWay = [...new Set([...changed, ...(await standingInTheWay(dir, plan))])];
    if (inTheWay.length > 0 && policy === 'refuse') throw new WouldOverwrite(operation, inTheWay);
    const state: StoredMerge = {
      version: 1,
      theirs,
      theirsOid,
      oursOid: head.oid,
      branch: head.branch,
      message: options.message ?? `Merge ${theirs} into ${head.branch}`,
      files: plan.flatMap((p) => (p.kind === 'merge' ? [p.file] : [])),
      clashes: plan.flatMap((p) => (p.kind === 'clash' ? [p.clash] : [])),
      // A clash's folder may hold files of no side (untracked, ignored): taking theirs moves them away.
      before: await saveBefore(dir, [...new Set([...touched, ...inTheWay, ...(await clashStrays(dir, plan))])], index),
    };
    await writeStoredMerge(dir, state);
    try {
      const recovery = await snapshotFiles(dir, operation, inTheWay, cache);
      await restoreToHead(dir, inTheWay, head.oid, cache);
      const conflicts = await applyPlan(dir, plan, cache);
      if (conflicts.length > 0) return { outcome: 'conflicts', oid: head.oid, progress: { theirs, theirsOid, oursOid: head.oid, conflicts }, recovery };
      const oid = await commitMerge(dir, state, state.message, options.author, cache);
      return { outcome: 'merged', oid, progress: null, recovery };
    } catch (error) {
      // Whatever went wrong, leave the repository as it was before the merge.
      await restoreBefore(dir, state);
      await clearStoredMerge(dir);
      throw error;
    }
  });
}

/** Files in the working tree under the clashing paths (a side's, and any others). */
async function clashStrays(dir: string, plan: readonly PlannedFile[]): Promise<string[]> {
  const found: string[] = [];
  for (const planned of plan) if (planned.kind === 'clash') found.push(...(await filesOnDiskUnder(dir, planned.path)));
  return found;
}

/**
 * Writes every planned file, removals first (a folder theirs turned into a file must be gone before
 * the file is written); stages those without conflicts (a conflicted file's index keeps ours, and a
 * clash leaves ours in place with theirs beside it); returns the conflicts.
 */
async function applyPlan(dir: string, plan: readonly PlannedFile[], cache: object): Promise<Conflict[]> {
  const conflicts: Conflict[] = [];
  const clean: string[] = [];
  const writes: { path: string; content: string | Uint8Array | null; mode: number | null }[] = [];
  for (const planned of plan) {
    if (planned.kind === 'clash') {
      await writeClash(dir, planned.clash, cache);
      conflicts.push(...[clashConflict(planned.clash)].filter((c): c is Conflict => c !== null));
    } else if (planned.kind === 'take') {
      const content = planned.oid ? (await git.readBlob({ fs, dir, oid: planned.oid, cache })).blob : null;
      writes.push({ path: planned.path, content, mode: planned.mode ?? null });
      clean.push(planned.path);
    } else {
      const merged = await mergeStoredFile(dir, planned.file, cache);
      writes.push({ path: planned.path, content: merged.content, mode: merged.mode });
      if (merged.conflicts.length === 0) clean.push(planned.path);
      conflicts.push(...merged.conflicts);
    }
  }
  for (const write of writes) if (write.content === null) await writeWorkingFile(dir, write.path, null);
  for (const write of writes) if (write.content !== null) await writeWorkingFile(dir, write.path, write.content, write.mode);
  await stageAsInWorkingTree(dir, clean, cache);
  return conflicts;
}
