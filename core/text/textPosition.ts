/** A problem found in a text file, at a position a person can find. Lines and columns are 1-based. */
export interface TextProblem {
  readonly message: string;
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** 1-based line and column of `offset` in `text` (\r\n, \n and \r all end a line). */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.max(0, Math.min(offset, text.length));
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
