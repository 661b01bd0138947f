/** A problem found in a text file, at a position a person can find. Lines and columns are 1-based. */
export interface TextProblem {
  readonly message: string;
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** Texts at least this long get a line index (kept for the last few), so many positions in one text stay cheap. */
const indexedChars = 64 * 1024;
const indexes = new Map<string, Uint32Array>();

/** The offset where each line of `text` starts (\r\n, \n and \r all end a line). */
function lineStarts(text: string): Uint32Array {
  let found = indexes.get(text);
  if (found) return found;
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  found = Uint32Array.from(starts);
  if (indexes.size >= 4) indexes.delete(indexes.keys().next().value!);
  indexes.set(text, found);
  return found;
}

/** 1-based line and column of `offset` in `text` (\r\n, \n and \r all end a line). */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const end = Math.max(0, Math.min(offset, text.length));
  if (text.length >= indexedChars) {
    const starts = lineStarts(text);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= end) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: end - starts[low]! + 1 };
  }
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The offset of a 1-based line and column in `text`; clamped to the text. */
export function offsetAt(text: string, line: number, column: number): number {
  if (text.length >= indexedChars) {
    const starts = lineStarts(text);
    const start = line <= 1 ? 0 : line > starts.length ? text.length : starts[line - 1]!;
    return Math.min(text.length, start + Math.max(0, column - 1));
  }
  let current = 1;
  let i = 0;
  while (current < line && i < text.length) {
    const ch = text.charCodeAt(i);
    i++;
    if (ch === 10 || (ch === 13 && text.charCodeAt(i) !== 10)) current++;
  }
  return Math.min(text.length, i + Math.max(0, column - 1));
}

/** The line ending a text uses: CRLF when it has any, LF otherwise. */
export function lineEndingOf(text: string): '\r\n' | '\n' {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Builds a TextProblem at `offset` of `text`. */
export function problemAt(text: string, offset: number, message: string): TextProblem {
  return { message, offset, ...lineColumnAt(text, offset) };
}
