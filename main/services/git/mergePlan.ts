/**
 * git: what a three-way merge of two commits does to each file, from one walk of the base, ours and
 * theirs trees (subtrees that one side left alone are not entered). A file only theirs changed is
 * taken as theirs has it; a file both changed is merged by core/merge, which knows Altinn files;
 * a file that is not text and changed on both sides is a whole-file conflict.
 */
import fs from 'node:fs';
import git, { type WalkerEntry } from 'isomorphic-git';
import { type Conflict, type ConflictChoice, mergeFile } from '../../../core/merge';
import type { MergedFileState } from './mergeState';

/** One file the merge writes: theirs' blob (null: deleted) or a merged file. */
export type PlannedFile = { path: string; kind: 'take'; oid: string | null } | { path: string; kind: 'merge'; file: MergedFileState };

/** The merge of one file both sides changed: its text (bytes for binary files; null: absent) and what is left to resolve. */
export interface MergedContent {
  content: string | Uint8Array | null;
  conflicts: Conflict[];
}

const blobOid = async (entry: WalkerEntry | null): Promise<string | null> => (entry && (await entry.type()) === 'blob' ? entry.oid() : null);
const treeOid = async (entry: WalkerEntry | null): Promise<string | null> => (entry && (await entry.type()) === 'tree' ? entry.oid() : null);

/** The files the merge of `theirs` into `ours` (common ancestor `base`, null: none) changes in ours, unqueued. */
export async function planMerge(dir: string, base: string | null, ours: string, theirs: string, cache: object): Promise<PlannedFile[]> {
  const trees = [git.TREE({ ref: ours }), git.TREE({ ref: theirs }), ...(base ? [git.TREE({ ref: base })] : [])];
  const planned = (await git.walk({
    fs,
    dir,
    cache,
    trees,
    map: async (filepath, [o = null, t = null, b = null]) => {
      if (filepath === '.') return undefined;
      const [ot, tt, bt] = await Promise.all([treeOid(o), treeOid(t), treeOid(b)]);
      // A folder theirs did not change, or changed to what ours has, holds nothing to merge.
      if (tt && (tt === ot || tt === bt)) return null;
      if (tt || ot) return undefined;
      const [oo, to, bo] = await Promise.all([blobOid(o), blobOid(t), blobOid(b)]);
      if (oo === to || bo === to) return undefined;
      if (bo === oo) return { path: filepath, kind: 'take', oid: to };
      return { path: filepath, kind: 'merge', file: await readSides(dir, filepath, bo, oo, to, cache) };
    },
  })) as (PlannedFile | undefined)[];
  return planned.filter((p): p is PlannedFile => p !== undefined);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A blob as text, or null when it is not text (a NUL byte, or not UTF-8). */
function asText(bytes: Uint8Array): string | null {
  if (bytes.subarray(0, 8000).includes(0)) return null;
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
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

/** Merges one stored file with its choices: the content to write and the conflicts left. */
export async function mergeStoredFile(dir: string, file: MergedFileState, cache: object): Promise<MergedContent> {
  if (!file.binary) {
    const result = mergeFile(file.path, file.base, file.ours, file.theirs, file.choices);
    return { content: result.text, conflicts: [...result.conflicts] };
  }
  const choice: ConflictChoice | undefined = file.choices[wholeFileConflictId];
  const oid = choice === 'theirs' ? file.theirs : file.ours;
  const content = oid ? (await git.readBlob({ fs, dir, oid, cache })).blob : null;
  if (choice === 'ours' || choice === 'theirs') return { content, conflicts: [] };
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
  return { content, conflicts: [conflict] };
}
