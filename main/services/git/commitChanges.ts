/**
 * git: the files a commit changed against its first parent (against nothing for the first commit),
 * from one walk of the two trees. The same walk compares the index with HEAD (stagedFiles.ts).
 */
import fs from 'node:fs';
import git, { type Walker } from 'isomorphic-git';
import { inRepoQueue } from './repoQueue';

/** A file a commit changed. */
export interface ChangedFile {
  path: string;
  change: 'added' | 'modified' | 'deleted';
}

/** The files that differ between two trees (`before` null: empty), with the `after` size when asked, unqueued. */
export async function diffTrees(dir: string, before: Walker | null, after: Walker, cache: object, withSize = false): Promise<(ChangedFile & { size?: number })[]> {
  const trees = before ? [before, after] : [after];
  const changes = (await git.walk({
    fs,
    dir,
    cache,
    trees,
    map: async (filepath, entries) => {
      if (filepath === '.') return undefined;
      const [old, now] = before ? entries : [null, entries[0]];
      const oldBlob = old && (await old.type()) === 'blob' ? old : null;
      const newBlob = now && (await now.type()) === 'blob' ? now : null;
      if (!newBlob) return oldBlob ? { path: filepath, change: 'deleted' } : undefined;
      if (oldBlob && (await oldBlob.oid()) === (await newBlob.oid())) return undefined;
      const change = { path: filepath, change: oldBlob ? 'modified' : 'added' };
      return withSize ? { ...change, size: (await newBlob.stat()).size } : change;
    },
  })) as ChangedFile[];
  return changes.filter(Boolean);
}

/** The files that differ between commits `from` (null: the empty tree) and `to`, unqueued. */
export function readTreeChanges(dir: string, from: string | null, to: string, cache: object): Promise<ChangedFile[]> {
  return diffTrees(dir, from ? git.TREE({ ref: from }) : null, git.TREE({ ref: to }), cache);
}

/** The files commit `oid` changed against its first parent. */
export function commitChanges(dir: string, oid: string): Promise<ChangedFile[]> {
  return inRepoQueue(dir, async () => {
    const cache = {};
    const { commit } = await git.readCommit({ fs, dir, oid, cache });
    return readTreeChanges(dir, commit.parent[0] ?? null, oid, cache);
  });
}
