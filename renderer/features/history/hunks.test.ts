import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyHunks, diffTexts, hunkHeader, hunkLines } from './hunks';

// Texts of a few short lines with mixed endings and sometimes no final ending: where hunks go wrong.
const text = fc
  .array(fc.tuple(fc.constantFrom('a', 'b', 'c', '{', '}', ''), fc.constantFrom('\n', '\r\n', '\n')), { maxLength: 25 })
  .chain((lines) => fc.boolean().map((open) => lines.map(([l, e], i) => (open && i === lines.length - 1 ? l : l + e)).join('')));

describe('hunks', () => {
  it('all hunks give the new text and none the base, byte for byte', () => {
    fc.assert(
      fc.property(text, text, (base, next) => {
        const diff = diffTexts(base, next);
        expect(applyHunks(diff, new Set(diff.hunks.map((_, i) => i)))).toBe(next);
        expect(applyHunks(diff, new Set())).toBe(base);
      }),
      { numRuns: 500 },
    );
  });

  it('any choice of hunks, staged and then diffed again, leaves exactly the others', () => {
    fc.assert(
      fc.property(text, text, fc.array(fc.boolean(), { maxLength: 30 }), (base, next, picks) => {
        const diff = diffTexts(base, next);
        const chosen = new Set(diff.hunks.map((_, i) => i).filter((i) => picks[i]));
        const staged = applyHunks(diff, chosen);
        // Staging the rest afterwards reaches the new text: nothing is lost or doubled.
        const rest = diffTexts(staged, next);
        expect(applyHunks(rest, new Set(rest.hunks.map((_, i) => i)))).toBe(next);
        expect(rest.hunks.length).toBeLessThanOrEqual(diff.hunks.length - chosen.size);
      }),
      { numRuns: 300 },
    );
  });

  it('stages one hunk of two', () => {
    const base = 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n';
    const next = 'one\nTWO\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\n';
    const diff = diffTexts(base, next);
    expect(diff.hunks).toEqual([
      { baseStart: 1, baseEnd: 2, newStart: 1, newEnd: 2 },
      { baseStart: 10, baseEnd: 10, newStart: 10, newEnd: 11 },
    ]);
    expect(applyHunks(diff, new Set([1]))).toBe(`${base}eleven\n`);
    expect(applyHunks(diff, new Set([0]))).toBe(base.replace('two', 'TWO'));
    expect(hunkHeader(diff.hunks[0]!)).toBe('@@ -2,1 +2,1 @@');
    expect(hunkHeader(diff.hunks[1]!)).toBe('@@ -10,0 +11,1 @@');
  });

  it('shows a hunk with its context and marks a last line without an ending', () => {
    const diff = diffTexts('a\nb\nc', 'a\nb\nC');
    expect(hunkLines(diff, 0)).toEqual([
      { kind: 'context', text: 'a', number: 1, noNewline: false },
      { kind: 'context', text: 'b', number: 2, noNewline: false },
      { kind: 'removed', text: 'c', number: 3, noNewline: true },
      { kind: 'added', text: 'C', number: 3, noNewline: true },
    ]);
    // Only the final line ending differs: still a hunk, and staging it adds the ending.
    const ending = diffTexts('a\nb', 'a\nb\n');
    expect(ending.hunks).toHaveLength(1);
    expect(applyHunks(ending, new Set([0]))).toBe('a\nb\n');
  });
});
