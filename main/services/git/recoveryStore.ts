/**
 * git: the recovery store. Before an operation replaces uncommitted work (discard, switch, pull,
 * recover itself), the files' bytes go to `.git/studio-recovery/<id>/` with an `entry.json` index
 * (what operation, when, which files), so nothing a user typed is ever only in the operation's way.
 * `entry.json` is written last: a folder without it is an interrupted snapshot and is not listed.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import { checkRelativePath } from '../pathJail';
import { RecoveryNotFound } from './errors';
import { inRepoQueue } from './repoQueue';
import { stagedOids } from './stagedFiles';
import { readChanges } from './status';

/** One file in a recovery entry: whether the working tree had it, and whether a different staged version was kept too. */
export interface RecoveredFile {
  path: string;
  /** false: the file did not exist in the working tree (it had been deleted). */
  inWorkingTree: boolean;
  /** true: the index held another version than the working tree; it is kept as well. */
  hasStagedVersion: boolean;
}

/** A snapshot of uncommitted work taken before an operation replaced it. */
export interface RecoveryEntry {
  id: string;
  /** What replaced the work: 'discard', 'switch to main', 'pull', 'recover'. */
  operation: string;
  /** ISO date and time. */
  createdAt: string;
  files: RecoveredFile[];
}

const storeDir = (dir: string) => path.join(dir, '.git', 'studio-recovery');
const blobName = (index: number, kind: 'work' | 'staged') => `${index}.${kind}`;

async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR') return null;
    throw error;
  }
}

/** What one file of a snapshot keeps: its working bytes (null: absent) and a different staged version, if any. */
interface SnapshotItem {
  path: string;
  working: Uint8Array | null;
  staged: Uint8Array | null;
}

/** Writes a recovery entry holding `items`; `entry.json` last, so an interrupted write is never listed. */
async function writeSnapshot(dir: string, operation: string, items: SnapshotItem[]): Promise<RecoveryEntry | null> {
  if (items.length === 0) return null;
  const createdAt = new Date().toISOString();
  const id = `${createdAt.replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
  const folder = path.join(storeDir(dir), id);
  await mkdir(folder, { recursive: true });
  const files: RecoveredFile[] = [];
  for (const [index, item] of items.entries()) {
    if (item.working) await writeFile(path.join(folder, blobName(index, 'work')), item.working);
    if (item.staged) await writeFile(path.join(folder, blobName(index, 'staged')), item.staged);
    files.push({ path: item.path, inWorkingTree: item.working !== null, hasStagedVersion: item.staged !== null });
  }
  const entry: RecoveryEntry = { id, operation, createdAt, files };
  const temp = path.join(folder, 'entry.json.tmp');
  await writeFile(temp, JSON.stringify(entry, null, 2));
  await rename(temp, path.join(folder, 'entry.json'));
  return entry;
}

/** Stores the working (and differing staged) bytes of `paths`, unqueued; returns the entry, or null for no paths. */
export async function snapshotFiles(dir: string, operation: string, paths: string[], cache: object): Promise<RecoveryEntry | null> {
  if (paths.length === 0) return null;
  const staged = await stagedOids(dir, paths, cache);
  const items: SnapshotItem[] = [];
  for (const filepath of paths) {
    const working = await readOrNull(path.join(dir, filepath));
    const stagedOid = staged.get(filepath);
    let stagedBytes: Uint8Array | null = null;
    if (stagedOid) {
      const workingOid = working ? await git.hashBlob({ object: working }).then((r) => r.oid) : null;
      if (workingOid !== stagedOid) stagedBytes = (await git.readBlob({ fs, dir, oid: stagedOid, cache })).blob;
    }
    items.push({ path: filepath, working, staged: stagedBytes });
  }
  return writeSnapshot(dir, operation, items);
}

/** Stores given bytes of files (null: the file is absent in that version) as a recovery entry, unqueued. */
export function snapshotContents(dir: string, operation: string, files: readonly { path: string; content: Uint8Array | null }[]): Promise<RecoveryEntry | null> {
  return writeSnapshot(dir, operation, files.map((f) => ({ path: f.path, working: f.content, staged: null })));
}

async function readEntry(dir: string, id: string): Promise<RecoveryEntry> {
  if (!/^[\w-]+$/.test(id)) throw new RecoveryNotFound(id);
  const text = await readOrNull(path.join(storeDir(dir), id, 'entry.json'));
  if (!text) throw new RecoveryNotFound(id);
  return JSON.parse(text.toString('utf8')) as RecoveryEntry;
}

/** The bytes a recovery entry kept of `filepath` (`staged`: the index version), null when it had none. */
export async function readRecoveredFile(dir: string, id: string, filepath: string, version: 'working' | 'staged' = 'working'): Promise<Uint8Array | null> {
  const entry = await readEntry(dir, id);
  const index = entry.files.findIndex((file) => file.path === filepath);
  if (index < 0) return null;
  return readOrNull(path.join(storeDir(dir), id, blobName(index, version === 'working' ? 'work' : 'staged')));
}

/** Every recovery entry of the repository, newest first. */
export function recoveryList(dir: string): Promise<RecoveryEntry[]> {
  return inRepoQueue(dir, async () => {
    let ids: string[];
    try {
      ids = await readdir(storeDir(dir));
    } catch {
      return [];
    }
    const entries: RecoveryEntry[] = [];
    for (const id of ids) {
      try {
        entries.push(await readEntry(dir, id));
      } catch {
        // An interrupted snapshot has no entry.json: there is nothing in it to offer.
      }
    }
    return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  });
}

/**
 * Puts the working-tree bytes of a recovery entry (all its files, or `files`) back. Uncommitted
 * versions of those files, where they differ, are snapshotted first, so recovering loses nothing
 * either. The index is left as it is. Returns the snapshot of what was replaced, if anything was.
 */
export function recover(dir: string, id: string, files?: string[]): Promise<RecoveryEntry | null> {
  return inRepoQueue(dir, async () => {
    const entry = await readEntry(dir, id);
    const chosen = entry.files.map((file, index) => ({ file, index })).filter(({ file }) => !files || files.includes(file.path));
    const restored: { filepath: string; bytes: Buffer | null }[] = [];
    for (const { file, index } of chosen) {
      // entry.json is a file on disk like any other: its paths must still stay inside the repository.
      checkRelativePath(file.path);
      const bytes = file.inWorkingTree ? await readOrNull(path.join(storeDir(dir), id, blobName(index, 'work'))) : null;
      restored.push({ filepath: file.path, bytes });
    }
    const cache = {};
    // Only uncommitted work needs a copy: a file as the last commit has it can be had from there.
    const uncommitted = new Set((await readChanges(dir, cache, restored.map((r) => r.filepath))).map((change) => change.path));
    const replaced: string[] = [];
    for (const { filepath, bytes } of restored) {
      if (!uncommitted.has(filepath)) continue;
      const current = await readOrNull(path.join(dir, filepath));
      if (!(current && bytes ? current.equals(bytes) : current === bytes)) replaced.push(filepath);
    }
    const snapshot = await snapshotFiles(dir, `recover ${entry.id}`, replaced, cache);
    for (const { filepath, bytes } of restored) {
      const target = path.join(dir, filepath);
      if (bytes) {
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, bytes);
      } else {
        await unlink(target).catch(() => undefined);
      }
    }
    return snapshot;
  });
}

/** Removes a recovery entry and its files for good. */
export function forgetRecovery(dir: string, id: string): Promise<void> {
  return inRepoQueue(dir, async () => {
    await readEntry(dir, id);
    await rm(path.join(storeDir(dir), id), { recursive: true, force: true });
  });
}
