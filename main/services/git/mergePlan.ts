/**
 * git: what a three-way merge of two commits does to each file, from one walk of the base, ours and
 * theirs trees (subtrees that one side left alone are not entered). A file only theirs changed is
 * taken as theirs has it; a file both changed is merged by core/merge, which knows Altinn files;
 * a file that is not text and changed on both sides is a whole-file conflict.
 */
import fs from 'node:fs';
import path from 'node:path';
import { asText } from './blobText';
import git, { type WalkerEntry } from 'isomorphic-git';
import { type Conflict, type ConflictChoice, mergeFile } from '../../../core/merge';
import { asideName, filesOfTree, type FolderClashState } from './mergeClash';
import type { MergedFileState } from './mergeState';

/** One file the merge writes: theirs' blob and mode (oid null: deleted), a merged file, or a folder-vs-file clash. */
export type PlannedFile =
  | { path: string; kind: 'take'; oid: string | null; mode?: number }
  | { path: string; kind: 'merge'; file: MergedFileState }
  | { path: string; kind: 'clash'; clash: FolderClashState };

/** The merge of one file both sides changed: its text (bytes for binary files; null: absent), its mode (null: as it is) and what is left to resolve. */
export interface MergedContent {
  content: string | Uint8Array | null;
  mode: number | null;
  conflicts: Conflict[];
}

type Blob = { oid: string; mode: number } | null;
type Side = 'ours' | 'theirs' | 'both';

const blobOf = async (entry: WalkerEntry | null): Promise<Blob> => (entry && (await entry.type()) === 'blob' ? { oid: await entry.oid(), mode: await entry.mode() } : null);
const treeOid = async (entry: WalkerEntry | null): Promise<string | null> => (entry && (await entry.type()) === 'tree' ? entry.oid() : null);
const sameBlob = (a: Blob, b: Blob) => a?.oid === b?.oid && a?.mode === b?.mode;

/** Which side a three-way merge of one value keeps: ours when theirs left it alone, theirs when ours did, else both changed. */
function changedSide<T>(base: T, ours: T, theirs: T, same: (a: T, b: T) => boolean): Side {
  if (same(ours, theirs) || same(base, theirs)) return 'ours';
  return same(base, ours) ? 'theirs' : 'both';
}

/**
 * The files the merge of `theirs` into `ours` (common ancestor `base`, null: none) changes in ours,
 * unqueued. At each path the file and the folder there are merged apart (a folder theirs turned into a
 * file is theirs' file plus the deletion of the folder's files); when the result would need both a
 * file and a folder at one path, the path is one clash holding both sides' files under it.
 */
export async function planMerge(dir: string, base: string | null, ours: string, theirs: string, cache: object): Promise<PlannedFile[]> {
  const trees = [git.TREE({ ref: ours }), git.TREE({ ref: theirs }), ...(base ? [git.TREE({ ref: base })] : [])];
  const clashes = new Set<string>();
  const planned = (await git.walk({
    fs,
    dir,
    cache,
    trees,
    map: async (filepath, [o = null, t = null, b = null]) => {
      // The walk enters a folder after its own path: a clash covers everything under it.
      if (filepath === '.' || clashes.has(path.posix.dirname(filepath))) return filepath === '.' ? undefined : null;
      const [ot, tt, bt] = await Promise.all([treeOid(o), treeOid(t), treeOid(b)]);
      // A folder theirs did not change, or changed to what ours has, holds nothing to merge.
      if (tt && (tt === ot || tt === bt)) return null;
      const [ob, tb, bb] = await Promise.all([blobOf(o), blobOf(t), blobOf(b)]);
      const fileSide = changedSide(bb, ob, tb, sameBlob);
      const folderSide = changedSide(bt, ot, tt, (x, y) => x === y);
      const hasFile = fileSide === 'ours' ? ob !== null : fileSide === 'theirs' ? tb !== null : true;
      const hasFolder = folderSide === 'ours' ? ot !== null : folderSide === 'theirs' ? tt !== null : true;
      if (hasFile && hasFolder) {
        clashes.add(filepath);
        const side = (blob: Blob, tree: string | null) => (blob ? [{ path: filepath, ...blob }] : filesOfTree(dir, tree!, filepath, cache));
        return { path: filepath, kind: 'clash', clash: { path: filepath, ours: await side(ob, ot), theirs: await side(tb, tt), aside: '' } };
      }
      // Entering the folder (when there is one) merges its files; this path's own file is merged here.
      if (fileSide === 'ours') return undefined;
      if (fileSide === 'theirs') return { path: filepath, kind: 'take', oid: tb?.oid ?? null, ...(tb ? { mode: tb.mode } : {}) };
      if (ob && tb && ob.oid === tb.oid) {
        // The same content, and one side changed the mode: that side's mode (both changed it: merged below).
        if (ob.mode === bb?.mode) return { path: filepath, kind: 'take', oid: tb.oid, mode: tb.mode };
        if (tb.mode === bb?.mode) return undefined;
      }
      const file = await readSides(dir, filepath, bb?.oid ?? null, ob?.oid ?? null, tb?.oid ?? null, cache);
      if (ob?.mode !== tb?.mode) file.modes = { base: bb?.mode ?? null, ours: ob?.mode ?? null, theirs: tb?.mode ?? null };
      return { path: filepath, kind: 'merge', file };
    },
  })) as (PlannedFile | undefined)[];
  const plan = planned.filter((p): p is PlannedFile => p !== undefined);
  const taken = new Set(plan.map((p) => p.path));
  for (const p of plan) if (p.kind === 'clash') p.clash.aside = asideName(dir, p.path, taken);
  return plan;
}

async function readSides(dir: string, filepath: string, base: string | null, ours: string | null, theirs: string | null, cache: object): Promise<MergedFileState> {
  const read = async (oid: string | null) => (oid ? (await git.readBlob({ fs, dir, oid, cache })).blob : null);
  const blobs = await Promise.all([read(base), read(ours), read(theirs)]);
  const texts = blobs.map((blob) => (blob ? asText(blob) : null));
  const binary = blobs.some((blob, i) => blob !== null && texts[i] === null);
  if (binary) return { path: filepath, base, ours, theirs, binary: true, choices: {} };
  const [b = null, o = null, t = null] = texts;
  return { path: filepath, base: b, ours: o, theirs: t, choices: {} };
}

/** The id of a non-text file's one conflict (the same id core/merge gives a whole-file conflict). */
export const wholeFileConflictId = 'file';

/** The id of a file's mode conflict (both sides made it executable or not, differently). */
export const modeConflictId = 'mode';

const modeText = (mode: number | null) => (mode === null ? undefined : mode.toString(8));

/** The mode a merged file gets (null: as ours has it), and the mode conflict left, if any. */
function mergedMode(file: MergedFileState): { mode: number | null; conflict: Conflict | null } {
  const modes = file.modes;
  if (!modes) return { mode: null, conflict: null };
  if (modes.ours === null || modes.theirs === null) return { mode: modes.ours ?? modes.theirs, conflict: null };
  const side = changedSide(modes.base, modes.ours, modes.theirs, (a, b) => a === b);
  if (side !== 'both') return { mode: side === 'ours' ? modes.ours : modes.theirs, conflict: null };
  const choice = file.choices[modeConflictId];
  if (choice === 'ours' || choice === 'theirs') return { mode: modes[choice], conflict: null };
  const chosen = choice ? ({ '100644': 0o100644, '100755': 0o100755 } as Record<string, number>)[String(choice.value)] : undefined;
  if (chosen !== undefined) return { mode: chosen, conflict: null };
  const conflict: Conflict = {
    id: modeConflictId,
    file: file.path,
    kind: 'value',
    where: { path: 'mode' },
    base: modeText(modes.base),
    ours: modeText(modes.ours),
    theirs: modeText(modes.theirs),
    description: 'Both sides set whether this file is executable, differently (100755: executable, 100644: not): keep ours or theirs.',
  };
  return { mode: modes.ours, conflict };
}

/** Merges one stored file with its choices: the content and mode to write and the conflicts left. */
export async function mergeStoredFile(dir: string, file: MergedFileState, cache: object): Promise<MergedContent> {
  const { mode, conflict: modeConflict } = mergedMode(file);
  const withMode = (content: string | Uint8Array | null, conflicts: Conflict[]): MergedContent => ({ content, mode, conflicts: modeConflict ? [...conflicts, modeConflict] : conflicts });
  if (!file.binary) {
    const result = mergeFile(file.path, file.base, file.ours, file.theirs, file.choices);
    return withMode(result.text, [...result.conflicts]);
  }
  const read = async (oid: string | null) => (oid ? (await git.readBlob({ fs, dir, oid, cache })).blob : null);
  // Only the mode may be what both changed: the content is then the side that changed it.
  const contentSide = changedSide(file.base, file.ours, file.theirs, (a, b) => a === b);
  if (contentSide !== 'both') return withMode(await read(contentSide === 'ours' ? file.ours : file.theirs), []);
  const choice: ConflictChoice | undefined = file.choices[wholeFileConflictId];
  const content = await read(choice === 'theirs' ? file.theirs : file.ours);
  if (choice === 'ours' || choice === 'theirs') return withMode(content, []);
  const conflict: Conflict = {
    id: wholeFileConflictId,
    file: file.path,
    kind: 'file',
    where: { path: '' },
    base: undefined,
    ours: undefined,
    theirs: undefined,
    description: 'Both sides changed this file, and it is not text: keep ours or theirs.',
  };
  return withMode(content, [conflict]);
}
