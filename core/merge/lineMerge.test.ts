import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines } from './lineMerge';
import { mergeFile, resolveConflict } from './mergeFile';
import { matchSequences } from './sequenceDiff';

const merge = (base: string, ours: string, theirs: string) => mergeFile('App/logic/Calculation.cs', base, ours, theirs);
const lines = (...items: string[]) => items.map((line) => `${line}\n`).join('');

describe('matchSequences', () => {
  it('pairs a longest common subsequence, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 }), fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 }), (a, b) => {
        const match = matchSequences(a, b);
        let last = -1;
        let count = 0;
        match.forEach((j, i) => {
          if (j < 0) return;
          expect(j).toBeGreaterThan(last);
          expect(b[j]).toBe(a[i]);
          last = j;
          count++;
        });
        expect(count).toBe(lcsLength(a, b));
      }),
    );
  });
});

/** The textbook dynamic-programming LCS length, to check the Myers search against. */
function lcsLength(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    b.forEach((y, j) => {
      const up = row[j + 1]!;
      row[j + 1] = x === y ? diagonal + 1 : Math.max(up, row[j]!);
      diagonal = up;
    });
  }
  return row[b.length]!;
}

describe('line merge', () => {
  it('splits lines keeping each ending', () => {
    expect(splitLines('a\r\nb\nc')).toEqual(['a\r\n', 'b\n', 'c']);
    expect(splitLines('')).toEqual([]);
  });

  it('takes changes each side made to different lines', () => {
    const base = lines('one', 'two', 'three', 'four', 'five');
    const result = merge(base, lines('ONE', 'two', 'three', 'four', 'five'), lines('one', 'two', 'three', 'four', 'five', 'six'));
    expect(result.conflicts).toEqual([]);
    expect(result.text).toBe(lines('ONE', 'two', 'three', 'four', 'five', 'six'));
  });

  it('takes the same change made on both sides once', () => {
    const base = lines('a', 'b', 'c');
    const result = merge(base, lines('a', 'B', 'c', 'd'), lines('a', 'B', 'c'));
    expect(result.conflicts).toEqual([]);
    expect(result.text).toBe(lines('a', 'B', 'c', 'd'));
  });

  it('marks lines both sides changed differently, and resolves them by choice', () => {
    const base = lines('a', 'b', 'c', 'd', 'e');
    const result = merge(base, lines('a', 'mine', 'c', 'd', 'E'), lines('a', 'theirs', 'c', 'd', 'e'));
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({
      id: 'lines:1',
      kind: 'lines',
      where: { lines: { base: [2, 2], ours: [2, 2], theirs: [2, 2] } },
      base: 'b\n',
      ours: 'mine\n',
      theirs: 'theirs\n',
    });
    expect(result.text).toBe(lines('a', '<<<<<<< ours', 'mine', '||||||| base', 'b', '=======', 'theirs', '>>>>>>> theirs', 'c', 'd', 'E'));
    expect(resolveConflict(result, 'lines:1', 'theirs').text).toBe(lines('a', 'theirs', 'c', 'd', 'E'));
    expect(resolveConflict(result, 'lines:1', { value: 'both\n' }).text).toBe(lines('a', 'both', 'c', 'd', 'E'));
  });

  it('keeps CRLF endings and a missing final newline', () => {
    const base = 'a\r\nb\r\nc\r\nd';
    const result = merge(base, 'A\r\nb\r\nc\r\nd', 'a\r\nb\r\nc\r\nD');
    expect(result.conflicts).toEqual([]);
    expect(result.text).toBe('A\r\nb\r\nc\r\nD');
    const conflicted = merge(base, 'a\r\nb\r\nc\r\nx', 'a\r\nb\r\nc\r\ny');
    expect(conflicted.text).toBe('a\r\nb\r\nc\r\n<<<<<<< ours\r\nx\r\n||||||| base\r\nd\r\n=======\r\ny\r\n>>>>>>> theirs\r\n');
  });

  it('marks a file both sides added differently as one conflict', () => {
    const result = mergeFile('README.md', null, lines('same', 'ours'), lines('same', 'theirs'));
    expect(result.conflicts).toHaveLength(1);
    expect(result.text).toBe(lines('<<<<<<< ours', 'same', 'ours', '||||||| base', '=======', 'same', 'theirs', '>>>>>>> theirs'));
  });

  it('returns one side byte for byte when the other did not change, and never loses a one-sided change', () => {
    const text = fc.array(fc.constantFrom('a\n', 'b\n', 'c\r\n', 'd', ''), { maxLength: 12 }).map((items) => items.join(''));
    fc.assert(
      fc.property(text, text, (base, changed) => {
        expect(merge(base, changed, base).text).toBe(changed);
        expect(merge(base, base, changed).text).toBe(changed);
        expect(merge(base, changed, changed).text).toBe(changed);
      }),
    );
  });
});
