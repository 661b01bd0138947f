/**
 * What the merge panel shows of a merge in progress: conflicts grouped by file in reading order,
 * each side's value as a person reads it, and whether a value typed by hand can stand in the file.
 */
import type { GitMergeConflict } from '../../../core/api';

export interface ConflictGroup {
  readonly file: string;
  readonly conflicts: readonly GitMergeConflict[];
}

/** The conflicts by file (files and conflicts in the order the merge reported them). */
export function groupConflicts(conflicts: readonly GitMergeConflict[]): ConflictGroup[] {
  const byFile = new Map<string, GitMergeConflict[]>();
  for (const c of conflicts) {
    const list = byFile.get(c.file);
    if (list) list.push(c);
    else byFile.set(c.file, [c]);
  }
  return [...byFile].map(([file, list]) => ({ file, conflicts: list }));
}

/**
 * A side's value for reading: JSON pretty-printed (two spaces), line conflicts as their text; null
 * when the side does not have it (deleted there, or never added).
 */
export function shownValue(conflict: GitMergeConflict, side: 'base' | 'ours' | 'theirs'): string | null {
  const raw = conflict[side];
  if (raw === undefined) return null;
  if (conflict.kind === 'lines') return raw;
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}

/** Why a hand-written value cannot be used (it must be JSON, except for line conflicts), or null. */
export function editProblem(conflict: GitMergeConflict, value: string): string | null {
  if (conflict.kind === 'lines') return null;
  try {
    JSON.parse(value);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The value a hand edit of a JSON conflict is sent as (compact JSON; line conflicts as typed). */
export function editedValue(conflict: GitMergeConflict, value: string): string {
  return conflict.kind === 'lines' ? value : JSON.stringify(JSON.parse(value));
}
