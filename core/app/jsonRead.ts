import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';

/** One thing wrong in a JSON text, with a 1-based position a person can find. */
export interface JsonProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export interface JsonReadResult {
  /** The value read; with errors it is what could be recovered (`undefined` when nothing could). */
  readonly value: unknown;
  /** Syntax problems; the value may still be usable when they are only trailing commas or comments. */
  readonly errors: readonly JsonProblem[];
}

const friendly: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name (in double quotes) is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected',
  CommaExpected: 'a comma is expected',
  CloseBraceExpected: 'a closing } is expected',
  CloseBracketExpected: 'a closing ] is expected',
  EndOfFileExpected: 'the text continues after the end of the JSON value',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'a comment is not closed',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number ends too early',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

/** 1-based line and column of `offset` in `text` (\r\n, \n and \r all end a line). */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Reads JSON the way the Altinn backend does: a leading BOM, comments and trailing commas are
 * accepted. Real syntax errors are returned with their line and column instead of thrown.
 */
export function readJson(text: string): JsonReadResult {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? text.slice(1) : text;
  const raw: ParseError[] = [];
  const value: unknown = parse(body, raw, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  const errors = raw.map((e): JsonProblem => {
    const offset = e.offset + bom;
    const code = printParseErrorCode(e.error);
    return { message: friendly[code] ?? code, offset, ...lineColumnAt(text, offset) };
  });
  return { value, errors };
}

/** A short text for a problem, e.g. "line 3, column 7: a comma is expected". */
export function describeJsonProblem(problem: JsonProblem): string {
  return `line ${problem.line}, column ${problem.column}: ${problem.message}`;
}

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
