/**
 * git: what is staged — the index against HEAD in one walk, with each staged file's size, for
 * commit's "nothing to commit" and size checks.
 */
import git from 'isomorphic-git';
import { diffTrees } from './commitChanges';

/** A staged file: its path, whether it is added, modified or deleted, and its staged size in bytes (0 when deleted). */
export interface StagedFile {
  path: string;
  change: 'added' | 'modified' | 'deleted';
  size: number;
}

/** The files whose index entry differs from HEAD (`head` null before the first commit), unqueued. */
export async function readStagedFiles(dir: string, head: string | null, cache: object): Promise<StagedFile[]> {
  const changes = await diffTrees(dir, head ? git.TREE({ ref: head }) : null, git.STAGE(), cache, true);
  return changes.map((change) => ({ ...change, size: change.size ?? 0 }));
}
