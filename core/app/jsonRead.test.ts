import { describe, expect, it } from 'vitest';
import { describeJsonProblem, lineColumnAt, readJson } from './jsonRead';

describe('readJson', () => {
  it('reads plain JSON', () => {
    expect(readJson('{"a": [1, 2]}')).toEqual({ value: { a: [1, 2] }, errors: [] });
  });

  it('accepts a BOM, comments and trailing commas like the Altinn backend', () => {
    const text = '\uFEFF{\n  // a comment\n  "order": ["A", "B",], /* block */\n}';
    expect(readJson(text)).toEqual({ value: { order: ['A', 'B'] }, errors: [] });
  });

  it('reports a syntax error with line and column instead of throwing', () => {
    const { errors } = readJson('{\n  "a": 1\n  "b": 2\n}');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 3, column: 3, message: 'a comma is expected' });
    expect(describeJsonProblem(errors[0]!)).toBe('line 3, column 3: a comma is expected');
  });

  it('counts the BOM in the position of an error', () => {
    const { errors } = readJson('\uFEFF{"a": }');
    expect(errors[0]).toMatchObject({ line: 1, column: 8, message: 'a value is expected' });
  });

  it('returns what it could recover from a broken file', () => {
    const { value, errors } = readJson('{"sets": [{"id": "form"}], "x": ');
    expect(errors.length).toBeGreaterThan(0);
    expect(value).toMatchObject({ sets: [{ id: 'form' }] });
  });

  it('treats an empty file as an error', () => {
    const { value, errors } = readJson('   ');
    expect(value).toBeUndefined();
    expect(errors[0]?.message).toBe('a value is expected');
  });
});

describe('lineColumnAt', () => {
  it('handles \\n, \\r\\n and \\r line ends', () => {
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt('ab\r\ncd', 5)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt('ab\rcd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt('abc', 0)).toEqual({ line: 1, column: 1 });
  });
});
