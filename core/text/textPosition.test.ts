// Positions in long texts come from a line index; they must equal a plain count from the start.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineColumnAt, offsetAt } from './textPosition';

/** Line and column counted character by character (the meaning of both functions). */
function counted(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < Math.min(offset, text.length); i++) {
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: Math.min(offset, text.length) - start + 1 };
}

describe('positions in a long text', () => {
  it('match a plain count for any mix of \\n, \\r\\n and \\r', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'bc', '\n', '\r\n', '\r'), { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (parts, picks) => {
        let text = parts.join('');
        while (text.length < 70_000) text += text;
        for (const pick of picks) {
          const offset = pick % (text.length + 1);
          const at = counted(text, offset);
          expect(lineColumnAt(text, offset)).toEqual(at);
          // Back from line and column: the same offset, except inside a \r\n, which has one place.
          const back = offsetAt(text, at.line, at.column);
          expect(counted(text, back)).toEqual(at);
        }
        expect(offsetAt(text, 1e9, 1)).toBe(text.length);
        expect(offsetAt(text, 0, 5)).toBe(4);
      }),
      { numRuns: 60 },
    );
  });
});
