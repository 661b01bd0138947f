/**
 * Line and indentation facts about a text, so XML edits can write new markup in the file's own
 * layout (its indentation unit, and where a thing sits on its line).
 */

/** Offset of the start of the line that holds `offset`. */
export function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0) {
    const ch = text.charCodeAt(i - 1);
    if (ch === 10 || ch === 13) break;
    i--;
  }
  return i;
}

/** Offset of the line break (or the end of the text) that ends the line holding `offset`. */
export function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) break;
    i++;
  }
  return i;
}

/** Length of the line break at `offset` (2 for CRLF, 1 for LF or CR, 0 at the end). */
export function lineBreakLength(text: string, offset: number): number {
  if (text.startsWith('\r\n', offset)) return 2;
  return offset < text.length ? 1 : 0;
}

/** Length of the line break that ends just before `offset` (0 when none does). */
export function lineBreakBefore(text: string, offset: number): number {
  if (offset >= 2 && text.startsWith('\r\n', offset - 2)) return 2;
  const ch = text.charCodeAt(offset - 1);
  return ch === 10 || ch === 13 ? 1 : 0;
}

/** True when the text between `from` and `to` is only spaces and tabs. */
export function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch !== 32 && ch !== 9) return false;
  }
  return true;
}

/** The indentation before `offset` when only spaces and tabs precede it on its line, else null. */
export function indentBefore(text: string, offset: number): string | null {
  const start = lineStartOf(text, offset);
  return isBlank(text, start, offset) ? text.slice(start, offset) : null;
}

/** The leading spaces and tabs of the line that holds `offset`. */
export function lineIndentOf(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  let i = start;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return text.slice(start, i);
}

/**
 * The indentation unit a text uses: tabs or spaces, whichever starts more indented lines, repeated
 * by the most common step between consecutive depths (two spaces when nothing is indented).
 */
export function detectIndentUnit(text: string): string {
  const lines = { '\t': 0, ' ': 0 };
  const steps = { '\t': new Map<number, number>(), ' ': new Map<number, number>() };
  let previous = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const indent = /^[ \t]*/.exec(line)![0];
    if (indent.length === line.length) continue;
    const kind = indent.startsWith('\t') ? '\t' : ' ';
    if (indent.length > 0) lines[kind]++;
    const step = indent.length - previous;
    if (step > 0) steps[kind].set(step, (steps[kind].get(step) ?? 0) + 1);
    previous = indent.length;
  }
  const kind = lines['\t'] > lines[' '] ? '\t' : ' ';
  let best = kind === '\t' ? 1 : 2;
  let bestCount = 0;
  for (const [step, count] of steps[kind]) {
    if (count > bestCount || (count === bestCount && step < best)) {
      best = step;
      bestCount = count;
    }
  }
  return kind.repeat(best);
}

/**
 * Lays out a multi-line snippet for insertion at `indent`: line breaks become `lineEnding`, and its
 * indentation, taken relative to its least indented line, is converted to `unit`. Blank lines at
 * either end are dropped; the first line gets no indentation (the caller places it).
 */
export function reindent(snippet: string, indent: string, unit: string, lineEnding: string): string {
  const lines = snippet.replace(/^(?:[ \t]*(?:\r\n|\r|\n))+/, '').trimEnd().split(/\r\n|\r|\n/);
  const filled = lines.filter((line) => line.trim() !== '');
  const base = Math.min(...filled.map((line) => /^[ \t]*/.exec(line)![0].length));
  const ownUnit = detectIndentUnit(lines.join('\n'));
  return lines
    .map((line, i) => {
      if (line.trim() === '') return '';
      const own = line.slice(0, base).trim() === '' ? line.slice(base) : line.trimStart();
      const relative = /^[ \t]*/.exec(own)![0];
      const levels = relative.split(ownUnit).length - 1;
      const converted = relative === ownUnit.repeat(levels) ? unit.repeat(levels) : relative;
      return (i === 0 ? '' : indent) + converted + own.slice(relative.length);
    })
    .join(lineEnding);
}
