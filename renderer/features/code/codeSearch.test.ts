import { describe, expect, it } from 'vitest';
import { searchFiles } from './codeSearch';

const texts = new Map([
  ['b.json', '{\n  "title": "Hello World",\n  "other": "hello again"\n}'],
  ['a.cs', 'class Hello {}\r\n// nothing here\r\nvar x = "HELLO";'],
  ['c.md', 'no match'],
]);

describe('searchFiles', () => {
  it('finds a text case-insensitively in every file, grouped by file in path order, with line and column', () => {
    const result = searchFiles(texts, 'hello');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.files.map((f) => f.path)).toEqual(['a.cs', 'b.json']);
    expect(result.count).toBe(4);
    expect(result.files[0]!.matches.map((m) => [m.line, m.column, m.length])).toEqual([
      [1, 7, 5],
      [3, 10, 5],
    ]);
    expect(result.files[1]!.matches.map((m) => [m.line, m.column])).toEqual([
      [2, 13],
      [3, 13],
    ]);
  });

  it('gives each match its line as a preview, trimmed, with where the match starts in it', () => {
    const result = searchFiles(texts, 'world');
    if (!result.ok) throw new Error(result.error);
    const match = result.files[0]!.matches[0]!;
    expect(match.preview).toBe('"title": "Hello World",');
    expect(match.preview.slice(match.previewStart, match.previewStart + match.length)).toBe('World');
  });

  it('shortens long lines around the match', () => {
    const long = `${'x'.repeat(500)}needle${'y'.repeat(500)}`;
    const result = searchFiles(new Map([['f.txt', long]]), 'NEEDLE');
    if (!result.ok) throw new Error(result.error);
    const match = result.files[0]!.matches[0]!;
    expect(match.preview.length).toBeLessThan(250);
    expect(match.preview.startsWith('…')).toBe(true);
    expect(match.preview.slice(match.previewStart, match.previewStart + 6)).toBe('needle');
    expect(match.column).toBe(501);
  });

  it('reads the query literally unless asked for a regular expression', () => {
    const files = new Map([['f.txt', 'a.b axb (x)']]);
    const plain = searchFiles(files, 'a.b');
    const regex = searchFiles(files, 'a.b', { regex: true });
    expect(plain.ok && plain.count).toBe(1);
    expect(regex.ok && regex.count).toBe(2);
    expect(searchFiles(files, '(x)').ok && (searchFiles(files, '(x)') as { count: number }).count).toBe(1);
  });

  it('says why a bad regular expression is not one', () => {
    const result = searchFiles(texts, 'hello(', { regex: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/unterminated|group|\(/i);
  });

  it('skips empty matches and ends', () => {
    const result = searchFiles(new Map([['f.txt', 'abc\n\nabc']]), 'x*', { regex: true });
    expect(result).toEqual({ ok: true, files: [], count: 0, truncated: false });
  });

  it('stops at the limit and says so', () => {
    const result = searchFiles(new Map([['f.txt', 'a a a a a']]), 'a', { maxMatches: 3 });
    expect(result.ok && result.count).toBe(3);
    expect(result.ok && result.truncated).toBe(true);
  });

  it('finds nothing for an empty query', () => {
    expect(searchFiles(texts, '')).toEqual({ ok: true, files: [], count: 0, truncated: false });
  });
});
