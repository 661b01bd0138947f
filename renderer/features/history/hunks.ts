/**
 * The changes between two texts of a file as hunks, and a text made of the base with only some of
 * them applied: what staging (or unstaging) chosen hunks writes to the index. Lines keep their own
 * endings, so choosing every hunk gives the new text exactly and choosing none gives the base.
 */
import { splitLines } from '../../../core/merge/lineMerge';
import { matchSequences } from '../../../core/merge/sequenceDiff';

/** One changed stretch: lines [baseStart, baseEnd) of the base replaced by [newStart, newEnd) of the new text. */
export interface Hunk {
  readonly baseStart: number;
  readonly baseEnd: number;
  readonly newStart: number;
  readonly newEnd: number;
}

/** A line as a diff view shows it. */
export interface DiffLine {
  readonly kind: 'context' | 'removed' | 'added';
  /** The line without its ending. */
  readonly text: string;
  /** Its number in the base (context, removed) or the new text (added). */
  readonly number: number;
  /** The last line of its text and without a line ending. */
  readonly noNewline: boolean;
}

/** The two texts split into lines and the hunks between them. */
export interface TextDiff {
  readonly base: readonly string[];
  readonly next: readonly string[];
  readonly hunks: readonly Hunk[];
}

/** The hunks that turn `base` into `next`. */
export function diffTexts(base: string, next: string): TextDiff {
  const a = splitLines(base);
  const b = splitLines(next);
  const match = matchSequences(a, b);
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && match[i] === j) {
      i++;
      j++;
      continue;
    }
    const baseStart = i;
    const newStart = j;
    while (i < a.length && match[i]! < 0) i++;
    // The next paired line of the base (or the end) says where the new text's stretch ends.
    const newEnd = i < a.length ? match[i]! : b.length;
    hunks.push({ baseStart, baseEnd: i, newStart, newEnd });
    j = newEnd;
  }
  return { base: a, next: b, hunks };
}

/** The base with the hunks whose indexes are in `chosen` applied (all: the new text; none: the base). */
export function applyHunks(diff: TextDiff, chosen: ReadonlySet<number>): string {
  let out = '';
  let at = 0;
  diff.hunks.forEach((hunk, index) => {
    out += diff.base.slice(at, hunk.baseStart).join('');
    out += (chosen.has(index) ? diff.next.slice(hunk.newStart, hunk.newEnd) : diff.base.slice(hunk.baseStart, hunk.baseEnd)).join('');
    at = hunk.baseEnd;
  });
  return out + diff.base.slice(at).join('');
}

const withoutEnding = (line: string) => line.replace(/\r?\n$|\r$/, '');

/** The lines of hunk `index` as shown, with up to `context` unchanged lines around it. */
export function hunkLines(diff: TextDiff, index: number, context = 3): DiffLine[] {
  const hunk = diff.hunks[index]!;
  const line = (kind: DiffLine['kind'], lines: readonly string[], at: number): DiffLine => ({
    kind,
    text: withoutEnding(lines[at]!),
    number: at + 1,
    noNewline: at === lines.length - 1 && withoutEnding(lines[at]!) === lines[at],
  });
  const out: DiffLine[] = [];
  for (let k = Math.max(0, hunk.baseStart - context); k < hunk.baseStart; k++) out.push(line('context', diff.base, k));
  for (let k = hunk.baseStart; k < hunk.baseEnd; k++) out.push(line('removed', diff.base, k));
  for (let k = hunk.newStart; k < hunk.newEnd; k++) out.push(line('added', diff.next, k));
  for (let k = hunk.baseEnd; k < Math.min(diff.base.length, hunk.baseEnd + context); k++) out.push(line('context', diff.base, k));
  return out;
}

/** git's header of a hunk: `@@ -12,3 +12,4 @@` (line numbers from 1, a count of 0 after the line before). */
export function hunkHeader(hunk: Hunk): string {
  const range = (start: number, end: number) => `${end > start ? start + 1 : start},${end - start}`;
  return `@@ -${range(hunk.baseStart, hunk.baseEnd)} +${range(hunk.newStart, hunk.newEnd)} @@`;
}

/** True when a text looks binary (a NUL character), so it is not shown as lines. */
export function looksBinary(text: string): boolean {
  return text.includes('\0');
}
