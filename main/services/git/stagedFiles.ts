/**
 * git: what is staged — the index against HEAD in one walk, with each staged file's size, for
 * commit's "nothing to commit" and size checks; and the staged blob of given paths (recovery copies,
 * the staged text of a file).
 */
import fs from 'node:fs';
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

/** The index (staged) blob oid of each of `paths`, from one walk that enters only the folders on their way. */
export async function stagedOids(dir: string, paths: string[], cache: object): Promise<Map<string, string>> {
  const wanted = new Set(paths);
  const found = (await git.walk({
    fs,
    dir,
    cache,
    trees: [git.STAGE()],
    map: async (filepath, [entry]) => {
      if (filepath === '.') return undefined;
      if (!entry) return null;
      if ((await entry.type()) === 'tree') return paths.some((p) => p.startsWith(`${filepath}/`)) ? undefined : null;
      return wanted.has(filepath) ? [filepath, await entry.oid()] : undefined;
    },
  })) as [string, string][];
  return new Map(found.filter(Boolean));
}
