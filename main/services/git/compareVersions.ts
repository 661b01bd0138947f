/**
 * git: two versions side by side — which files differ between two commits, branches or tags, or
 * between one of them and the working tree — and a file's text in any version. Reads only.
 */
import fs from 'node:fs';
import git from 'isomorphic-git';
import { readTreeChanges, type ChangedFile } from './commitChanges';
import { inRepoQueue } from './repoQueue';
import { stagedOids } from './stagedFiles';

const notFound = (error: unknown) => (error as { code?: string } | null)?.code === 'NotFoundError';

/** The commit a branch, tag or (abbreviated) commit id names. */
export async function resolveVersion(dir: string, ref: string): Promise<string> {
  try {
    return await git.resolveRef({ fs, dir, ref });
  } catch (error) {
    if (!notFound(error)) throw error;
  }
  if (/^[0-9a-f]{4,40}$/i.test(ref)) return git.expandOid({ fs, dir, oid: ref });
  throw new Error(`There is no branch, tag or commit called "${ref}".`);
}

/** The files that differ from version `from` to version `to` (null: the working tree, ignored files left out). */
export function compareVersions(dir: string, from: string, to: string | null): Promise<ChangedFile[]> {
  return inRepoQueue(dir, async () => {
    const cache = {};
    const fromOid = await resolveVersion(dir, from);
    if (to !== null) return readTreeChanges(dir, fromOid, await resolveVersion(dir, to), cache);
    // statusMatrix against `from`: its first column says whether `from` has the file.
    const rows = (await git.statusMatrix({ fs, dir, ref: fromOid, cache })) as [string, 0 | 1, 0 | 1 | 2, number][];
    const changes: ChangedFile[] = [];
    for (const [path, inFrom, workdir] of rows) {
      if (inFrom === 0 && workdir !== 0) changes.push({ path, change: 'added' });
      else if (inFrom === 1 && workdir === 0) changes.push({ path, change: 'deleted' });
      else if (inFrom === 1 && workdir === 2) changes.push({ path, change: 'modified' });
    }
    return changes;
  });
}

/** The text of `file` (a path from the repository root) as the index has it (staged), or null when the index has no such file. */
export async function readFileInIndex(dir: string, file: string): Promise<string | null> {
  const cache = {};
  const oid = (await stagedOids(dir, [file], cache)).get(file);
  if (!oid) return null;
  const { blob } = await git.readBlob({ fs, dir, oid, cache });
  return new TextDecoder('utf-8').decode(blob);
}

/** The text of `file` (a path from the repository root) in version `ref`, or null when that version has no such file. */
export async function readFileAt(dir: string, ref: string, file: string): Promise<string | null> {
  const oid = await resolveVersion(dir, ref);
  try {
    const { blob } = await git.readBlob({ fs, dir, oid, filepath: file });
    return new TextDecoder('utf-8').decode(blob);
  } catch (error) {
    if (notFound(error)) return null;
    throw error;
  }
}
