/**
 * git: a folder-vs-file clash in a merge — at one path one side has a file and the other a folder,
 * and both changed something there (theirs replaced a folder ours edited in with a file, both added
 * a file and a folder of one name…). Like git, nothing is half-applied: until the person chooses,
 * the working tree keeps ours in place and theirs is written beside it under `<path>~theirs`; keeping
 * ours removes that copy, taking theirs replaces ours' file or folder with theirs' whole.
 */
import fs from 'node:fs';
import { chmod, lstat, mkdir, readdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import type { Conflict } from '../../../core/merge';
import { removeEmptyParents } from './mergeState';

/** One file of a clash side: where it is, its blob and its mode. */
export interface ClashFile {
  path: string;
  oid: string;
  mode: number;
}

/** A clash as stored with the merge: each side's files (one at `path`, or those of the folder `path`) and the choice. */
export interface FolderClashState {
  path: string;
  ours: ClashFile[];
  theirs: ClashFile[];
  /** Where theirs' side is shown while the clash is open (`<path>~theirs`, or a free name like it). */
  aside: string;
  choice?: 'ours' | 'theirs';
}

/** The id of a clash's one conflict. */
export const folderConflictId = 'folder';

/** Every file of the tree `oid`, as `prefix/...` paths. */
export async function filesOfTree(dir: string, oid: string, prefix: string, cache: object): Promise<ClashFile[]> {
  const { tree } = await git.readTree({ fs, dir, oid, cache });
  const files: ClashFile[] = [];
  for (const entry of tree) {
    const filepath = `${prefix}/${entry.path}`;
    if (entry.type === 'tree') files.push(...(await filesOfTree(dir, entry.oid, filepath, cache)));
    else if (entry.type === 'blob') files.push({ path: filepath, oid: entry.oid, mode: parseInt(entry.mode, 8) });
  }
  return files;
}

/** A name beside `filepath` for theirs' side that nothing in the working tree or the plan uses. */
export function asideName(dir: string, filepath: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${filepath}~theirs` : `${filepath}~theirs_${n}`;
    if (!taken.has(name) && !fs.existsSync(path.join(dir, name))) return name;
  }
}

const asidePath = (clash: FolderClashState, filepath: string) => clash.aside + filepath.slice(clash.path.length);
const describe = (files: readonly ClashFile[], at: string) =>
  files.length === 1 && files[0]!.path === at ? 'a file' : `a folder with ${files.map((f) => f.path.slice(at.length + 1)).join(', ')}`;

/** The clash's conflict while it is open, or null once a side is chosen. */
export function clashConflict(clash: FolderClashState): Conflict | null {
  if (clash.choice) return null;
  const oursIsFile = clash.ours.length === 1 && clash.ours[0]!.path === clash.path;
  return {
    id: folderConflictId,
    file: clash.path,
    kind: 'file',
    where: { path: '' },
    base: undefined,
    ours: describe(clash.ours, clash.path),
    theirs: describe(clash.theirs, clash.path),
    sidesOnly: true,
    description: `Ours has ${oursIsFile ? 'a file' : 'a folder'} here and theirs ${oursIsFile ? 'a folder' : 'a file'}, and both changed it. Ours stays in place and theirs is shown at "${clash.aside}": keep ours, or take theirs (ours' ${oursIsFile ? 'file' : 'folder'} is replaced).`,
  };
}

/** Every path the clash may write, and what it holds as things stand (null: absent). */
export function clashTargets(clash: FolderClashState): Map<string, ClashFile | null> {
  const targets = new Map<string, ClashFile | null>();
  const winner = clash.choice === 'theirs' ? clash.theirs : clash.ours;
  for (const file of [...clash.ours, ...clash.theirs]) targets.set(file.path, null);
  for (const file of clash.theirs) targets.set(asidePath(clash, file.path), clash.choice ? null : { ...file, path: asidePath(clash, file.path) });
  for (const file of winner) targets.set(file.path, file);
  return targets;
}

/** The paths the clash covers: both sides' files, the clashing path itself, and theirs' copy beside it. */
export function clashPaths(clash: FolderClashState): string[] {
  return [...new Set([clash.path, ...clashTargets(clash).keys()])];
}

/** Files in the working tree under the folder at `filepath` (all of them: untracked and ignored too). */
export async function filesOnDiskUnder(dir: string, filepath: string): Promise<string[]> {
  let entries: fs.Dirent[];
  try {
    entries = await readdir(path.join(dir, filepath), { withFileTypes: true });
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries) {
    const rel = `${filepath}/${entry.name}`;
    if (entry.isDirectory()) found.push(...(await filesOnDiskUnder(dir, rel)));
    else found.push(rel);
  }
  return found;
}

/**
 * Writes the clash's targets into the working tree: removals first (a folder must be gone before a
 * file takes its name), then the files with their modes. Unqueued; the caller keeps what is in the way.
 */
export async function writeClash(dir: string, clash: FolderClashState, cache: object): Promise<void> {
  const targets = [...clashTargets(clash)];
  for (const [filepath, file] of targets) {
    if (file) continue;
    const found = await lstat(path.join(dir, filepath)).catch(() => null);
    if (found && !found.isDirectory()) await unlink(path.join(dir, filepath));
    await removeEmptyParents(dir, filepath);
  }
  for (const [filepath, file] of targets) {
    if (!file) continue;
    const target = path.join(dir, filepath);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, (await git.readBlob({ fs, dir, oid: file.oid, cache })).blob);
    await chmod(target, fileMode(file.mode));
  }
}

/** The permission bits a git file mode stands for (0o100755: executable). */
export const fileMode = (mode: number): number => (mode === 0o100755 ? 0o755 : 0o644);
