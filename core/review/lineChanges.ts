/** Line changes of a text file, from the common subsequence of its lines (the merge's sequence diff). */
import { matchSequences } from '../merge/sequenceDiff';

/** A run of changed lines: `before` lines replaced by `after` lines, at 1-based line numbers. */
export interface LineHunk {
  readonly beforeLine: number;
  readonly afterLine: number;
  readonly before: readonly string[];
  readonly after: readonly string[];
}

const linesOf = (text: string | null) => (text === null || text === '' ? [] : text.split(/\r?\n/));

/** The changed runs of lines from `before` to `after` (null: no file). */
export function lineChanges(before: string | null, after: string | null): LineHunk[] {
  const a = linesOf(before);
  const b = linesOf(after);
  const match = matchSequences(a, b);
  const hunks: LineHunk[] = [];
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && match[i] === j) {
      i++;
      j++;
      continue;
    }
    const [startI, startJ] = [i, j];
    while (i < a.length && match[i]! < 0) i++;
    const target = i < a.length ? match[i]! : b.length;
    j = Math.max(j, target);
    hunks.push({ beforeLine: startI + 1, afterLine: startJ + 1, before: a.slice(startI, i), after: b.slice(startJ, j) });
  }
  return hunks;
}

/** How many lines were added and removed. */
export function lineCounts(before: string | null, after: string | null): { added: number; removed: number } {
  let [added, removed] = [0, 0];
  for (const hunk of lineChanges(before, after)) {
    added += hunk.after.length;
    removed += hunk.before.length;
  }
  return { added, removed };
}
