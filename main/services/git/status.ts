/**
 * git: status — which files changed, staged (index vs HEAD) and unstaged (working tree vs index),
 * from one statusMatrix walk with one cache.
 */
import fs from 'node:fs';
import git from 'isomorphic-git';
import { inRepoQueue } from './repoQueue';

/** How a file differs: in the index against HEAD (staged) or in the working tree against the index. */
export type ChangeKind = 'added' | 'modified' | 'deleted' | 'untracked';

/** One changed file: its path (with '/'), what is staged and what is not (null: nothing). */
export interface FileChange {
  path: string;
  staged: Exclude<ChangeKind, 'untracked'> | null;
  unstaged: ChangeKind | null;
}

type Row = [string, 0 | 1, 0 | 1 | 2, 0 | 1 | 2 | 3];

/** Reads one statusMatrix row (HEAD 0/1, WORKDIR 0/1/2, STAGE 0/1/2/3) as a FileChange, or null when clean. */
export function changeOfRow([path, head, workdir, stage]: Row): FileChange | null {
  // stage 2 means "same as the working tree", so with workdir 1 (same as HEAD) it is HEAD too.
  const stageIsHead = stage === 1 || (stage === 2 && workdir === 1);
  let staged: FileChange['staged'] = null;
  if (head === 0 && stage !== 0) staged = 'added';
  else if (head === 1 && stage === 0) staged = 'deleted';
  else if (head === 1 && !stageIsHead) staged = 'modified';
  let unstaged: FileChange['unstaged'] = null;
  if (stage === 0 && workdir !== 0) unstaged = 'untracked';
  else if (stage !== 0 && workdir === 0) unstaged = 'deleted';
  else if (stage === 3 || (stage === 1 && workdir === 2)) unstaged = 'modified';
  return staged || unstaged ? { path, staged, unstaged } : null;
}

/** The changed files, unqueued, with the caller's cache (for operations that already hold the queue). */
export async function readChanges(dir: string, cache: object, filepaths?: string[]): Promise<FileChange[]> {
  const rows = (await git.statusMatrix({ fs, dir, cache, filepaths })) as Row[];
  const changes: FileChange[] = [];
  for (const row of rows) {
    const change = changeOfRow(row);
    if (change) changes.push(change);
  }
  return changes;
}

/** Every changed file of the repository in `dir`, staged and unstaged, sorted by path. */
export function status(dir: string): Promise<FileChange[]> {
  return inRepoQueue(dir, () => readChanges(dir, {}));
}
