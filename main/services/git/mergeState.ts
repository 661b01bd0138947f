/**
 * git: the stored state of a merge in progress, in `.git/studio-merge/`, so that it survives a
 * restart. Before a merge changes anything it keeps the bytes of every file it will touch and a
 * copy of `.git/index` (`before/`, `index.before`); abort puts exactly those back. `state.json`
 * holds what is merged into what and, per merged file, the three sides' texts and the choices made.
 * It is written (atomically) before the working tree is touched, so a crash mid-merge can be aborted.
 */
import fs from 'node:fs';
import { chmod, copyFile, lstat, mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConflictChoice } from '../../../core/merge';
import type { FolderClashState } from './mergeClash';

/** One file both sides changed: the three sides (text, or blob oids when `binary`) and the choices made so far. */
export interface MergedFileState {
  path: string;
  base: string | null;
  ours: string | null;
  theirs: string | null;
  /** The file is not text: the sides are blob oids, and the only conflict is the whole file. */
  binary?: boolean;
  /** The sides' file modes (0o100644, 0o100755), when they differ: the mode is merged like the content. */
  modes?: { base: number | null; ours: number | null; theirs: number | null };
  choices: Record<string, ConflictChoice>;
}

/** What `state.json` holds. */
export interface StoredMerge {
  version: 1;
  /** The ref (or oid) merged in, as the person named it. */
  theirs: string;
  theirsOid: string;
  oursOid: string;
  branch: string;
  /** The default message of the merge commit. */
  message: string;
  /** Files both sides changed (merged with core/merge); conflicts live in these. */
  files: MergedFileState[];
  /** Paths where one side has a file and the other a folder, and both changed something (mergeClash.ts). */
  clashes?: FolderClashState[];
  /** Every path the merge wrote or may write, and every path whose uncommitted change it set aside. */
  before: { path: string; existed: boolean; mode?: number }[];
}

const folderOf = (dir: string) => path.join(dir, '.git', 'studio-merge');
const stateFile = (dir: string) => path.join(folderOf(dir), 'state.json');
const beforeFile = (dir: string, index: number) => path.join(folderOf(dir), 'before', String(index));
const indexFile = (dir: string) => path.join(dir, '.git', 'index');
const savedIndex = (dir: string) => path.join(folderOf(dir), 'index.before');

async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return null;
    throw error;
  }
}

/** The merge in progress in the repository `dir`, or null. */
export async function readStoredMerge(dir: string): Promise<StoredMerge | null> {
  const text = await readOrNull(stateFile(dir));
  if (!text) return null;
  const state = JSON.parse(text.toString('utf8')) as StoredMerge;
  return state.version === 1 ? state : null;
}

/** Writes `state.json` atomically. */
export async function writeStoredMerge(dir: string, state: StoredMerge): Promise<void> {
  await mkdir(folderOf(dir), { recursive: true });
  const temp = `${stateFile(dir)}.tmp`;
  await writeFile(temp, JSON.stringify(state));
  await rename(temp, stateFile(dir));
}

/** The bytes of `.git/index` (null: none yet), read before anything — a status refreshes its stat data. */
export function readIndexBytes(dir: string): Promise<Buffer | null> {
  return readOrNull(indexFile(dir));
}

/** Keeps the bytes of `paths` as they are now and `index` (read first); returns the `before` list for the state. */
export async function saveBefore(dir: string, paths: readonly string[], index: Buffer | null): Promise<StoredMerge['before']> {
  await rm(folderOf(dir), { recursive: true, force: true });
  await mkdir(path.join(folderOf(dir), 'before'), { recursive: true });
  const before: StoredMerge['before'] = [];
  for (const [index, filepath] of paths.entries()) {
    const bytes = await readOrNull(path.join(dir, filepath));
    if (bytes) await writeFile(beforeFile(dir, index), bytes);
    before.push(bytes ? { path: filepath, existed: true, mode: (await stat(path.join(dir, filepath))).mode & 0o777 } : { path: filepath, existed: false });
  }
  if (index) await writeFile(savedIndex(dir), index);
  return before;
}

/**
 * Puts the kept files (bytes and mode) and index back. What the merge wrote where nothing (or a
 * folder) was goes first, so a folder it turned into a file, or a file into a folder, is one again.
 */
export async function restoreBefore(dir: string, state: StoredMerge): Promise<void> {
  for (const entry of state.before) {
    if (entry.existed) continue;
    const target = path.join(dir, entry.path);
    // A folder is left: its files are entries of their own, and one made during the merge is kept.
    if ((await lstatOrNull(target))?.isDirectory() === false) await unlink(target);
    await removeEmptyParents(dir, entry.path);
  }
  for (const [index, entry] of state.before.entries()) {
    if (!entry.existed) continue;
    const target = path.join(dir, entry.path);
    if ((await lstatOrNull(target))?.isDirectory()) await removeEmptyFolder(target);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, await readFile(beforeFile(dir, index)));
    if (entry.mode !== undefined) await chmod(target, entry.mode);
  }
  if (fs.existsSync(savedIndex(dir))) {
    // Replace through a rename so isomorphic-git never reads a half-copied index.
    const temp = `${indexFile(dir)}.studio-merge`;
    await copyFile(savedIndex(dir), temp);
    await rename(temp, indexFile(dir));
  } else {
    await unlink(indexFile(dir)).catch(() => undefined);
  }
}

async function lstatOrNull(target: string): Promise<fs.Stats | null> {
  try {
    return await lstat(target);
  } catch {
    return null;
  }
}

/** Removes a folder that holds only (empty) folders; one with a file in it stays, and the write after fails. */
async function removeEmptyFolder(target: string): Promise<void> {
  for (const entry of await readdir(target, { withFileTypes: true })) if (entry.isDirectory()) await removeEmptyFolder(path.join(target, entry.name));
  await fs.promises.rmdir(target).catch(() => undefined);
}

/** Removes the folders of `filepath` left empty (git does not keep empty folders), unqueued. */
export async function removeEmptyParents(dir: string, filepath: string): Promise<void> {
  let folder = path.dirname(filepath);
  while (folder !== '.' && folder !== '') {
    try {
      await fs.promises.rmdir(path.join(dir, folder));
    } catch {
      return; // Not empty (or gone): the folders above stay too.
    }
    folder = path.dirname(folder);
  }
}

/** The bytes `state` kept of its `index`-th path before the merge (null: the file did not exist). */
export function readBefore(dir: string, state: StoredMerge, index: number): Promise<Buffer | null> {
  return state.before[index]?.existed ? readFile(beforeFile(dir, index)) : Promise.resolve(null);
}

/** Forgets the merge in progress (after it was concluded or aborted). */
export async function clearStoredMerge(dir: string): Promise<void> {
  await rm(folderOf(dir), { recursive: true, force: true });
}
