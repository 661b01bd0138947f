import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeProblem,
  formattingOf,
  getJsonValue,
  insertJsonArrayItem,
  locateJson,
  moveJsonArrayItem,
  removeJsonArrayItem,
  parseJsonDocument,
  removeJsonValue,
  renameJsonKey,
  setJsonValue,
} from './jsonDocument';
import { lineColumnAt, offsetAt } from './textPosition';

/** The numbers of the lines that differ between two texts of the same line count. */
function changedLines(before: string, after: string): number[] {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  const out: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) out.push(i + 1);
  return out;
}

describe('parseJsonDocument', () => {
  it('reads plain JSON', () => {
    expect(parseJsonDocument('{"a": [1, 2]}')).toMatchObject({ value: { a: [1, 2] }, problems: [] });
  });

  it('accepts a BOM, comments and trailing commas like the Altinn backend', () => {
    const text = '\uFEFF{\n  // a comment\n  "order": ["A", "B",], /* block */\n}';
    expect(parseJsonDocument(text)).toMatchObject({ value: { order: ['A', 'B'] }, problems: [], bomLength: 1 });
  });

  it('reports a syntax error with line and column instead of throwing', () => {
    const { problems } = parseJsonDocument('{\n  "a": 1\n  "b": 2\n}');
    expect(problems).toHaveLength(1);
    expect(describeProblem(problems[0]!)).toBe('line 3, column 3: a comma is expected');
  });

  it('counts the BOM in positions, and recovers what it can', () => {
    expect(parseJsonDocument('\uFEFF{"a": }').problems[0]).toMatchObject({ line: 1, column: 8, message: 'a value is expected' });
    const broken = parseJsonDocument('{"sets": [{"id": "form"}], "x": ');
    expect(broken.problems.length).toBeGreaterThan(0);
    expect(broken.value).toMatchObject({ sets: [{ id: 'form' }] });
    expect(parseJsonDocument('   ').value).toBeUndefined();
  });

  it('survives hostile input: deep nesting, huge strings, random bytes', () => {
    expect(parseJsonDocument('['.repeat(20000)).problems.length).toBeGreaterThan(0);
    expect(parseJsonDocument(`{"a": "${'x'.repeat(2_000_000)}"}`).problems).toEqual([]);
    fc.assert(fc.property(fc.string(), (s) => void parseJsonDocument(s)));
  });
});

describe('positions', () => {
  it('handles \\n, \\r\\n and \\r line ends both ways', () => {
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt('ab\r\ncd', 5)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt('ab\rcd', 4)).toEqual({ line: 2, column: 2 });
    expect(offsetAt('ab\r\ncd', 2, 2)).toBe(5);
  });

  it('locates values and keys', () => {
    const doc = parseJsonDocument('\uFEFF{\n  "data": { "layout": [ { "id": "a" } ] }\n}');
    const at = locateJson(doc, ['data', 'layout', 0, 'id'])!;
    expect(doc.text.slice(at.offset, at.offset + at.length)).toBe('"a"');
    expect(doc.text.slice(at.keyOffset!, at.keyOffset! + at.keyLength!)).toBe('"id"');
    expect(locateJson(doc, ['data', 'nope'])).toBeNull();
  });
});

describe('minimal edits', () => {
  const layout = '{\r\n\t"$schema": "x",\r\n\t"data": {\r\n\t\t"layout": [\r\n\t\t\t{ "id": "a", "type": "Input", "extra": true },\r\n\t\t\t{ "id": "b" }\r\n\t\t]\r\n\t}\r\n}\r\n';

  it('changes only the line of a changed value, keeping CRLF, tabs and unknown properties', () => {
    const after = setJsonValue(parseJsonDocument(layout), ['data', 'layout', 0, 'id'], 'renamed');
    expect(changedLines(layout, after)).toEqual([5]);
    expect(after).toContain('{ "id": "renamed", "type": "Input", "extra": true },\r\n');
    expect(after.endsWith('}\r\n')).toBe(true);
  });

  it('adds, removes and renames properties in the file\'s own style', () => {
    const text = '{\n    "a": 1,\n    "b": { "c": 2 }\n}\n';
    const added = setJsonValue(parseJsonDocument(text), ['d'], { e: [1] });
    expect(added).toBe('{\n    "a": 1,\n    "b": { "c": 2 },\n    "d": {\n        "e": [\n            1\n        ]\n    }\n}\n');
    expect(removeJsonValue(parseJsonDocument(added), ['d'])).toBe(text);
    expect(renameJsonKey(parseJsonDocument(text), ['a'], 'z')).toBe('{\n    "z": 1,\n    "b": { "c": 2 }\n}\n');
    expect(removeJsonValue(parseJsonDocument(text), ['missing'])).toBe(text);
  });

  it('removes the last item of a one-line array without eating its neighbour', () => {
    expect(removeJsonValue(parseJsonDocument('{"x": [1, 2, 3]}'), ['x', 2])).toBe('{"x": [1, 2]}');
    expect(setJsonValue(parseJsonDocument('{"x": [1, 2, 3]}'), ['x', 1], undefined)).toBe('{"x": [1, 3]}');
  });

  it('inserts array items where asked', () => {
    const text = '{\n  "order": [\n    "A",\n    "C"\n  ]\n}';
    expect(insertJsonArrayItem(parseJsonDocument(text), ['order'], 1, 'B')).toBe('{\n  "order": [\n    "A",\n    "B",\n    "C"\n  ]\n}');
  });

  it('keeps a BOM and comments', () => {
    const text = '\uFEFF{\n  // keep me\n  "a": 1\n}\n';
    expect(setJsonValue(parseJsonDocument(text), ['a'], 2)).toBe('\uFEFF{\n  // keep me\n  "a": 2\n}\n');
  });

  it('detects indentation', () => {
    expect(formattingOf('{\n\t"a": 1\n}')).toMatchObject({ insertSpaces: false });
    expect(formattingOf('{\n    "a": {\n        "b": 1\n    }\n}')).toMatchObject({ insertSpaces: true, tabSize: 4 });
    expect(formattingOf('{"a":1}')).toMatchObject({ insertSpaces: true, tabSize: 2, eol: '\n' });
  });

  const key = fc.string({ minLength: 1, maxLength: 8 });
  const scalar = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null));
  const object = fc.dictionary(key, scalar, { minKeys: 1, maxKeys: 6 });

  it('property: a set value reads back, only its line changes, and A → B → A restores every byte', () => {
    fc.assert(
      fc.property(object, fc.integer({ min: 0, max: 5 }), scalar, fc.constantFrom(2, 4, '\t'), fc.constantFrom('\n', '\r\n'), (value, pick, next, indent, eol) => {
        const text = JSON.stringify({ data: value }, null, indent).replaceAll('\n', eol) + eol;
        const keys = Object.keys(value);
        const target = keys[pick % keys.length] as string;
        const doc = parseJsonDocument(text);
        const after = setJsonValue(doc, ['data', target], next);
        expect(parseJsonDocument(after).value).toEqual({ data: { ...value, [target]: next } });
        expect(changedLines(text, after).length).toBeLessThanOrEqual(1);
        expect(setJsonValue(parseJsonDocument(after), ['data', target], value[target])).toBe(text);
      }),
    );
  });
});

describe('hostile keys', () => {
  it('reads "__proto__" as a plain key, never as the prototype', () => {
    const value = parseJsonDocument('{"__proto__": {"id": "x"}}').value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect((value as { id?: unknown }).id).toBeUndefined();
    expect(Object.keys(value)).toEqual(['__proto__']);
  });
});

describe('moveJsonArrayItem', () => {
  const text = '{\r\n  "layout": [\r\n    { "id": "a" },\r\n    {\r\n      "id": "b", // kept\r\n      "x": 1\r\n    },\r\n    { "id": "c" }\r\n  ]\r\n}\r\n';

  it('moves an item with its own text, keeping separators, comments and line endings', () => {
    const moved = moveJsonArrayItem(parseJsonDocument(text), ['layout'], 0, 2);
    expect(moved).toBe('{\r\n  "layout": [\r\n    {\r\n      "id": "b", // kept\r\n      "x": 1\r\n    },\r\n    { "id": "c" },\r\n    { "id": "a" }\r\n  ]\r\n}\r\n');
    expect(moveJsonArrayItem(parseJsonDocument(moved), ['layout'], 2, 0)).toBe(text);
    expect(moveJsonArrayItem(parseJsonDocument(text), ['layout'], 1, 1)).toBe(text);
    expect(moveJsonArrayItem(parseJsonDocument(text), ['layout'], 1, 3)).toBe(text);
    expect(moveJsonArrayItem(parseJsonDocument(text), ['nothing'], 0, 1)).toBe(text);
  });

  it('any move gives the moved value, and the inverse move gives the same bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), fc.boolean(), (items, a, b, oneLine) => {
        const from = a % items.length;
        const to = b % items.length;
        const source = JSON.stringify({ list: items }, null, oneLine ? undefined : 2);
        const moved = moveJsonArrayItem(parseJsonDocument(source), ['list'], from, to);
        const expected = JSON.parse(source).list as unknown[];
        expected.splice(to, 0, ...expected.splice(from, 1));
        expect(parseJsonDocument(moved).value).toEqual({ list: expected });
        expect(moveJsonArrayItem(parseJsonDocument(moved), ['list'], to, from)).toBe(source);
      }),
    );
  });

  it('getJsonValue reads a path, and only own properties', () => {
    expect(getJsonValue({ a: [{ b: 1 }] }, ['a', 0, 'b'])).toBe(1);
    expect(getJsonValue({ a: 1 }, ['a', 'b'])).toBeUndefined();
    expect(getJsonValue({}, ['toString'])).toBeUndefined();
  });
});

describe('removeJsonArrayItem', () => {
  it('removes an item with one separator, one-line or not, keeping the rest', () => {
    const cases: [string, number, string][] = [
      ['{"x": [1, 2, 3], "y": 1}', 2, '{"x": [1, 2], "y": 1}'],
      ['{"x": [1, 2, 3]}', 0, '{"x": [2, 3]}'],
      ['{"x": [1,2,3]}', 1, '{"x": [1,3]}'],
      ['{"x": [ 1 ]}', 0, '{"x": []}'],
      ['{\r\n  "x": [\r\n    1,\r\n    2\r\n  ]\r\n}', 1, '{\r\n  "x": [\r\n    1\r\n  ]\r\n}'],
      ['{\n  "x": [\n    1,\n    2\n  ]\n}', 0, '{\n  "x": [\n    2\n  ]\n}'],
      ['{"x": [1]}', 3, '{"x": [1]}'],
    ];
    for (const [text, index, expected] of cases) expect(removeJsonArrayItem(parseJsonDocument(text), ['x'], index)).toBe(expected);
  });

  it('any removal leaves valid JSON with the other items', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 6 }), fc.nat(), fc.boolean(), (items, n, oneLine) => {
        const index = n % items.length;
        const source = JSON.stringify({ list: items }, null, oneLine ? undefined : 2);
        const removed = parseJsonDocument(removeJsonArrayItem(parseJsonDocument(source), ['list'], index));
        expect(removed.problems).toEqual([]);
        const expected = JSON.parse(source).list as unknown[];
        expected.splice(index, 1);
        expect(removed.value).toEqual({ list: expected });
      }),
    );
  });
});

describe('strict and tolerant reading', () => {
  // Strict JSON is read by the engine's parser with the tree built on demand; the tolerant parser
  // reads the rest. A text that is strict JSON plus a comment at its end goes the tolerant way.
  const tolerantOf = (text: string) => parseJsonDocument(`${text}\n// the end`);
  it('gives the same value, key order and tree either way', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 6 }), (object) => {
        const text = JSON.stringify(object, null, 2);
        const strict = parseJsonDocument(text);
        const tolerant = tolerantOf(text);
        expect(strict.problems).toEqual([]);
        expect(tolerant.problems).toEqual([]);
        expect(Object.keys(strict.value as object)).toEqual(Object.keys(tolerant.value as object));
        expect(strict.value).toEqual(tolerant.value);
        expect(strict.tree?.length).toBe(text.length);
        expect(locateJson(strict, [])).toEqual(locateJson(tolerant, []));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps __proto__ as an own key, and the last of duplicate keys in the first one’s place', () => {
    const text = '{"__proto__": {"polluted": true}, "a": 1, "b": 2, "a": 3}';
    const strict = parseJsonDocument(text);
    const tolerant = tolerantOf(text);
    for (const doc of [strict, tolerant]) {
      expect(Object.keys(doc.value as object)).toEqual(['__proto__', 'a', 'b']);
      expect((doc.value as Record<string, unknown>).a).toBe(3);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('edits a strictly read document at the right bytes (its tree is built on the first edit)', () => {
    const doc = parseJsonDocument('{\n  "a": [1, 2],\n  "b": "x"\n}\n');
    expect(setJsonValue(doc, ['b'], 'y')).toBe('{\n  "a": [1, 2],\n  "b": "y"\n}\n');
  });
});

describe('inserting into an array of one-line items', () => {
  it('writes the new item on one line like its neighbours, and a multi-line one where they are multi-line', () => {
    const texts = '{\n  "resources": [\n    { "id": "a", "value": "A" },\n    { "id": "b", "value": "B" }\n  ]\n}\n';
    expect(insertJsonArrayItem(parseJsonDocument(texts), ['resources'], 2, { id: 'c', value: 'C' })).toBe('{\n  "resources": [\n    { "id": "a", "value": "A" },\n    { "id": "b", "value": "B" },\n    { "id": "c", "value": "C" }\n  ]\n}\n');
    expect(insertJsonArrayItem(parseJsonDocument(texts), ['resources'], 0, { id: 'z', value: 'Z' })).toContain('[\n    { "id": "z", "value": "Z" },\n    { "id": "a"');
    const layout = '{\n  "layout": [\n    {\n      "id": "a"\n    }\n  ]\n}\n';
    expect(insertJsonArrayItem(parseJsonDocument(layout), ['layout'], 1, { id: 'b' })).toBe('{\n  "layout": [\n    {\n      "id": "a"\n    },\n    {\n      "id": "b"\n    }\n  ]\n}\n');
  });
});
