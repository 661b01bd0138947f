import { applyEdits } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { formatEdits, formatOptionsOf } from './codeFormat';

const formatted = (text: string) => applyEdits(text, formatEdits(text));

describe('formatOptionsOf', () => {
  it('reads tabs, and spaces by their most common step, and the line ending', () => {
    expect(formatOptionsOf('{\n\t"a": {\n\t\t"b": 1\n\t}\n}')).toMatchObject({ insertSpaces: false, eol: '\n' });
    expect(formatOptionsOf('{\r\n    "a": {\r\n        "b": 1\r\n    }\r\n}')).toMatchObject({ insertSpaces: true, tabSize: 4, eol: '\r\n' });
    expect(formatOptionsOf('{"a":1}')).toMatchObject({ insertSpaces: true, tabSize: 2, eol: '\n' });
  });

  it('is not misled by a few stray lines', () => {
    const text = '{\n    "a": 1,\n     "b": 2,\n    "c": {\n        "d": 1,\n        "e": 2\n    },\n  "f": 3\n}';
    expect(formatOptionsOf(text)).toMatchObject({ insertSpaces: true, tabSize: 4 });
  });
});

describe('formatEdits', () => {
  it('formats a mis-indented file in its own 4-space style', () => {
    const text = '{\n    "a": 1,\n       "b": [1,\n  2],\n    "c": {"d": true}\n}';
    expect(formatted(text)).toBe('{\n    "a": 1,\n    "b": [\n        1,\n        2\n    ],\n    "c": {\n        "d": true\n    }\n}');
  });

  it('keeps tabs and CRLF', () => {
    const text = '{\r\n\t"a": 1,\r\n\t"x": 0,\r\n  "b": {"c": 2}\r\n}';
    expect(formatted(text)).toBe('{\r\n\t"a": 1,\r\n\t"x": 0,\r\n\t"b": {\r\n\t\t"c": 2\r\n\t}\r\n}');
  });

  it('keeps a final line ending, and adds none', () => {
    expect(formatted('{"a":1}\n')).toBe('{\n  "a": 1\n}\n');
    expect(formatted('{\r\n\t"a":1}\r\n')).toBe('{\r\n\t"a": 1\r\n}\r\n');
    expect(formatted('{"a":1}')).toBe('{\n  "a": 1\n}');
  });

  it('changes nothing in a formatted file', () => {
    expect(formatEdits('{\n  "a": [\n    1\n  ]\n}')).toEqual([]);
  });

  it('keeps a byte order mark where it is', () => {
    expect(formatted('\uFEFF{"a":1}')).toBe('\uFEFF{\n  "a": 1\n}');
  });
});
