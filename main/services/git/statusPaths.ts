/**
 * git: the status of a few paths without a statusMatrix walk. HEAD's blobs and the index's blobs
 * (path → oid) are read once and kept while HEAD and the index stay the same; a path's row is then
 * its HEAD oid, its index oid and the hash of its working file, compared as statusMatrix compares
 * them. That makes a warm status of ten changed files a few file reads instead of a walk of the
 * whole repository (statusMatrix with `filepaths` still builds the index tree and walks HEAD's).
 */
import fs from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import git, { type Walker } from 'isomorphic-git';
import { changeOfRow, type FileChange } from './status';

/** Blob oids by path of one tree (HEAD's or the index's), with what it was read for. */
export interface BlobMap {
  key: string;
  blobs: Map<string, string>;
}

/** The blob oid of every file of `tree` (HEAD's tree or the index), unqueued. */
export async function readBlobMap(dir: string, tree: Walker, key: string, cache: object): Promise<BlobMap> {
  const pairs = (await git.walk({
    fs,
    dir,
    cache,
    trees: [tree],
    map: async (filepath, [entry]) => (entry && filepath !== '.' && (await entry.type()) === 'blob' ? [filepath, await entry.oid()] : undefined),
  })) as [string, string][];
  return { key, blobs: new Map(pairs) };
}

async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch {
    return null; // Gone, or a folder now.
  }
}

/** Every file under `folder` in the working tree (relative to `dir`, never inside .git). */
async function filesUnder(dir: string, folder: string): Promise<string[]> {
  const entries = await readdir(path.join(dir, folder), { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const rel = `${folder}/${entry.name}`;
    if (entry.name === '.git') continue;
    if (entry.isDirectory()) out.push(...(await filesUnder(dir, rel)));
    else out.push(rel);
  }
  return out;
}

/** The files `paths` stand for: each path itself, and everything under it where it is (or was) a folder. */
async function expand(dir: string, paths: readonly string[], head: BlobMap, stage: BlobMap): Promise<string[]> {
  const files = new Set<string>();
  for (const p of paths) {
    files.add(p);
    const prefix = `${p}/`;
    for (const known of [head.blobs, stage.blobs]) for (const file of known.keys()) if (file.startsWith(prefix)) files.add(file);
    for (const file of await filesUnder(dir, p)) files.add(file);
  }
  return [...files];
}

/** The changes of `paths` (files or folders) as statusMatrix rows would give them, unqueued. */
export async function readPathChanges(dir: string, paths: readonly string[], head: BlobMap, stage: BlobMap): Promise<FileChange[]> {
  const changes: FileChange[] = [];
  for (const filepath of await expand(dir, paths, head, stage)) {
    const headOid = head.blobs.get(filepath);
    const stageOid = stage.blobs.get(filepath);
    const bytes = await readOrNull(path.join(dir, filepath));
    const workdirOid = bytes ? (await git.hashBlob({ object: bytes })).oid : undefined;
    if (!headOid && !stageOid && (!workdirOid || (await git.isIgnored({ fs, dir, filepath })))) continue;
    // statusMatrix's encoding: each column is where its oid first appears in [absent, HEAD, workdir, index].
    const columns = [undefined, headOid, workdirOid, stageOid];
    const at = (oid: string | undefined) => columns.indexOf(oid);
    const row = [filepath, at(headOid), at(workdirOid), at(stageOid)] as Parameters<typeof changeOfRow>[0];
    const change = changeOfRow(row);
    if (change) changes.push(change);
  }
  return changes;
}
