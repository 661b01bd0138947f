/**
 * diff3 for text: the lines both sides kept from the base anchor the merge, and each stretch between
 * anchors is taken from the side that changed it. A stretch both sides changed differently is a
 * conflict; unresolved, it is written with git's diff3 markers so that nothing is lost.
 */
import { lineEndingOf } from '../text/textPosition';
import { type ConflictLog, type LineRanges } from './conflicts';
import { matchSequences } from './sequenceDiff';

/** The lines of a text, each with its own line ending (the last one may have none). */
export function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

interface Stretch {
  readonly base: readonly string[];
  readonly ours: readonly string[];
  readonly theirs: readonly string[];
  readonly lines: LineRanges;
}

const sameLines = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((line, i) => line === b[i]);

/** Three-way merge of texts line by line; conflicts are settled by the log's choices or written with markers. */
export function mergeLines(base: string, ours: string, theirs: string, log: ConflictLog): string {
  const eol = lineEndingOf(ours || base || theirs);
  let conflictCount = 0;
  let out = '';
  for (const stretch of stretches(splitLines(base), splitLines(ours), splitLines(theirs))) {
    if (sameLines(stretch.base, stretch.ours) || sameLines(stretch.ours, stretch.theirs)) out += stretch.theirs.join('');
    else if (sameLines(stretch.base, stretch.theirs)) out += stretch.ours.join('');
    else out += settleStretch(stretch, ++conflictCount, eol, log);
  }
  return out;
}

/** Splits the three line lists into stretches: unchanged ones (all three equal) and changed ones. */
function stretches(base: string[], ours: string[], theirs: string[]): Stretch[] {
  const toOurs = matchSequences(base, ours);
  const toTheirs = matchSequences(base, theirs);
  const out: Stretch[] = [];
  let i = 0;
  let a = 0;
  let b = 0;
  const push = (j: number, aEnd: number, bEnd: number) => {
    const lines: LineRanges = { base: [i + 1, j], ours: [a + 1, aEnd], theirs: [b + 1, bEnd] };
    out.push({ base: base.slice(i, j), ours: ours.slice(a, aEnd), theirs: theirs.slice(b, bEnd), lines });
    [i, a, b] = [j, aEnd, bEnd];
  };
  while (i < base.length || a < ours.length || b < theirs.length) {
    let stable = 0;
    while (i + stable < base.length && toOurs[i + stable] === a + stable && toTheirs[i + stable] === b + stable) stable++;
    if (stable > 0) {
      push(i + stable, a + stable, b + stable);
      continue;
    }
    let j = i;
    while (j < base.length && (toOurs[j]! < 0 || toTheirs[j]! < 0)) j++;
    push(j, j < base.length ? toOurs[j]! : ours.length, j < base.length ? toTheirs[j]! : theirs.length);
  }
  return out;
}

function withEnding(lines: readonly string[], eol: string): string {
  const text = lines.join('');
  return text === '' || /[\r\n]$/.test(text) ? text : text + eol;
}

function settleStretch(stretch: Stretch, ordinal: number, eol: string, log: ConflictLog): string {
  const [base, ours, theirs] = [stretch.base.join(''), stretch.ours.join(''), stretch.theirs.join('')];
  const [from, to] = stretch.lines.ours;
  const where = to >= from ? `lines ${from}–${to}` : `after line ${to}`;
  const markers =
    `<<<<<<< ours${eol}${withEnding(stretch.ours, eol)}||||||| base${eol}${withEnding(stretch.base, eol)}` +
    `=======${eol}${withEnding(stretch.theirs, eol)}>>>>>>> theirs${eol}`;
  const conflict = {
    id: `lines:${ordinal}`,
    kind: 'lines' as const,
    where: { path: '', lines: stretch.lines },
    base,
    ours,
    theirs,
    description: `Both sides changed ${where} (ours) differently.`,
  };
  const chosen = log.settle(conflict, ours, theirs, markers);
  return typeof chosen === 'string' ? chosen : String(chosen ?? '');
}
