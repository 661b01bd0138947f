// A file with mixed line endings edited in the code view keeps its own endings on every line the
// edit did not touch; a file that uses only the editor's ending is taken as it is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepLineEndings, usesOnly, withLineEnding } from './lineEndings';

describe('keepLineEndings', () => {
  it('keeps the endings of untouched lines', () => {
    const original = '{\r\n  "a": 1,\n  "b": 2\r\n}\n';
    const edited = '{\n  "a": 10,\n  "b": 2\n}\n';
    expect(keepLineEndings(original, edited, '\n')).toBe('{\r\n  "a": 10,\n  "b": 2\r\n}\n');
    expect(keepLineEndings(original, '{\r\n  "a": 1,\r\n  "b": 3\r\n}\r\n', '\r\n')).toBe('{\r\n  "a": 1,\n  "b": 3\r\n}\n');
    expect(keepLineEndings('a\nb\n', 'a\nc\n', '\n')).toBe('a\nc\n');
  });

  it('gives the edited text with its lines as the editor shows them, and every line outside the edit as the file had it', () => {
    const part = fc.constantFrom('x', 'yz', '"k": 1,', '\n', '\r\n', '\r');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 30 }), fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'), fc.nat(), fc.nat(), fc.array(part, { maxLength: 5 }), (parts, eol, a, b, inserted) => {
        const original = parts.join('');
        const shown = withLineEnding(original, eol);
        const from = Math.min(a, b) % (shown.length + 1);
        const to = Math.max(from, Math.max(a, b) % (shown.length + 1));
        const edited = withLineEnding(shown.slice(0, from) + inserted.join('') + shown.slice(to), eol);
        const kept = keepLineEndings(original, edited, eol);
        expect(withLineEnding(kept, eol)).toBe(edited);
        if (edited === shown) expect(kept).toBe(original);
        // The text before the first change is the file's own, byte for byte.
        let prefix = 0;
        while (prefix < edited.length && edited[prefix] === shown[prefix]) prefix++;
        const linesBefore = shown.slice(0, prefix).split(eol).length - 1;
        const originalLines = original.split(/(?<=\r\n|\n|\r(?!\n))/);
        if (kept !== edited) expect(kept.startsWith(originalLines.slice(0, linesBefore).join(''))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('knows a text that uses only one ending', () => {
    expect(usesOnly('a\nb\n', '\n')).toBe(true);
    expect(usesOnly('a\r\nb\r\n', '\r\n')).toBe(true);
    expect(usesOnly('a\r\nb\n', '\r\n')).toBe(false);
    expect(usesOnly('a\rb', '\n')).toBe(false);
  });
});
