/**
 * JSON files as the studio reads and edits them: tolerant reading (BOM, comments, trailing commas, as
 * the Altinn backend accepts) with positions, and edits that change only the bytes that carry them,
 * keeping key order, indentation, line endings, the BOM, comments and every unknown property.
 */
import { type FormattingOptions, type Node, type ParseError, findNodeAtLocation, parseTree, printParseErrorCode } from 'jsonc-parser';
import { applyEdit, insertEdit, removeText, setEdit } from './jsonEdit';
import { type TextProblem, lineEndingOf, problemAt } from './textPosition';

/** A path into a JSON value: property names and array indexes. */
export type JsonPath = readonly (string | number)[];

export interface JsonDocument {
  readonly text: string;
  /** The value read; with problems it is what could be recovered (`undefined` when nothing could). */
  readonly value: unknown;
  readonly problems: readonly TextProblem[];
  /** The syntax tree with offsets into the text without its BOM (see `bomLength`). */
  readonly tree: Node | undefined;
  /** 1 when the text starts with a byte order mark, else 0. */
  readonly bomLength: number;
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

const parseOptions = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false };

/** Deeper than any real app file; the parser recurses per level, so deeper input is refused up front. */
export const maxJsonDepth = 1000;

const quote = 34;
const slash = 47;
const star = 42;
const backslash = 92;
const newline = 10;

/** The offset where nesting first exceeds `maxJsonDepth`, skipping strings and comments; -1 when it never does. */
function tooDeepAt(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === quote) {
      for (i++; i < text.length && text.charCodeAt(i) !== quote; i++) if (text.charCodeAt(i) === backslash) i++;
    } else if (ch === slash && text.charCodeAt(i + 1) === slash) {
      while (i < text.length && text.charCodeAt(i) !== newline) i++;
    } else if (ch === slash && text.charCodeAt(i + 1) === star) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (ch === 123 || ch === 91) {
      if (++depth > maxJsonDepth) return i;
    } else if (ch === 125 || ch === 93) {
      depth--;
    }
  }
  return -1;
}

/** True when `value` nests deeper than `maxJsonDepth` (walked without recursion or a tuple per value: a 5 MB page has 100,000 objects). */
function tooDeep(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const values: unknown[] = [value];
  const depths: number[] = [1];
  while (values.length > 0) {
    const v = values.pop() as Record<string, unknown>;
    const depth = depths.pop()!;
    if (depth > maxJsonDepth) return true;
    const push = (child: unknown) => {
      if (typeof child !== 'object' || child === null) return;
      values.push(child);
      depths.push(depth + 1);
    };
    if (Array.isArray(v)) for (const child of v) push(child);
    else for (const key in v) push(v[key]);
  }
  return false;
}

// The last text read and its document: a code edit is read to decide whether it is valid and then
// again by the model; a page of megabytes is read once.
let last: JsonDocument | null = null;

/** Reads a JSON text without ever throwing; syntax problems come back with their line and column. */
export function parseJsonDocument(text: string): JsonDocument {
  if (last?.text === text) return last;
  last = readJsonDocument(text);
  return last;
}

function readJsonDocument(text: string): JsonDocument {
  const bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bomLength ? text.slice(1) : text;
  const strict = strictDocument(text, body, bomLength);
  if (strict && !tooDeep(strict.value)) return strict;
  // The tolerant parser recurses per level: deeper input is refused before it is read.
  const deep = tooDeepAt(body);
  if (deep >= 0) {
    const problem = problemAt(text, deep + bomLength, `the JSON is nested deeper than ${maxJsonDepth} levels`);
    return { text, value: undefined, problems: [problem], tree: undefined, bomLength };
  }
  return tolerantDocument(text, body, bomLength);
}

/**
 * Strict JSON (almost every file) is read by the engine's own parser, ten times faster than the
 * tolerant one; the syntax tree with offsets is built when something first asks for it (an edit, a
 * position). Both readings give the same value (the last of duplicate keys wins, in the first one's
 * place; `__proto__` is an own property). Null for text that is not strict JSON.
 */
function strictDocument(text: string, body: string, bomLength: number): JsonDocument | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  let tree: Node | undefined | null = null;
  return {
    text,
    value,
    problems: [],
    bomLength,
    get tree() {
      if (tree === null) tree = parseTree(body, [], parseOptions);
      return tree;
    },
  };
}

function tolerantDocument(text: string, body: string, bomLength: number): JsonDocument {
  const raw: ParseError[] = [];
  const tree = parseTree(body, raw, parseOptions);
  const problems = raw.map((e) => {
    const code = printParseErrorCode(e.error);
    return problemAt(text, e.offset + bomLength, friendly[code] ?? code);
  });
  return { text, value: tree ? nodeValue(tree) : undefined, problems, tree, bomLength };
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [key, value] = prop.children ?? [];
        // defineProperty, because assigning "__proto__" would replace the object's prototype instead.
        if (key && value) Object.defineProperty(out, String(key.value), { value: nodeValue(value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

/** A short text for a problem, e.g. "line 3, column 7: a comma is expected". */
export function describeProblem(problem: TextProblem): string {
  return `line ${problem.line}, column ${problem.column}: ${problem.message}`;
}

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where a value (and, for a property, its key) stands in the text: offsets into the full text. */
export interface JsonLocation {
  readonly offset: number;
  readonly length: number;
  /** The property's key, when the value is a property of an object. */
  readonly keyOffset?: number;
  readonly keyLength?: number;
}

/** The location of the value at `path`, or null when there is none. */
export function locateJson(doc: JsonDocument, path: JsonPath): JsonLocation | null {
  if (!doc.tree) return null;
  const node = path.length === 0 ? doc.tree : findNodeAtLocation(doc.tree, [...path]);
  if (!node) return null;
  const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
  return {
    offset: node.offset + doc.bomLength,
    length: node.length,
    ...(key ? { keyOffset: key.offset + doc.bomLength, keyLength: key.length } : {}),
  };
}

/** The indentation and line ending a JSON text already uses, so inserted values look like their neighbours. */
export function formattingOf(text: string): FormattingOptions {
  const eol = lineEndingOf(text);
  let tabs = 0;
  let spaceWidth = 0;
  for (const match of text.matchAll(/\n([ \t]+)\S/g)) {
    const indent = match[1] as string;
    if (indent.startsWith('\t')) tabs++;
    else if (spaceWidth === 0 || indent.length < spaceWidth) spaceWidth = indent.length;
  }
  if (tabs > 0 && spaceWidth === 0) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: spaceWidth || 2, eol };
}

function withoutBom(doc: JsonDocument, change: (body: string, tree: Node | undefined) => string): string {
  const body = doc.bomLength ? doc.text.slice(doc.bomLength) : doc.text;
  const changed = change(body, doc.tree);
  return doc.bomLength ? doc.text.slice(0, doc.bomLength) + changed : changed;
}

/** The text with the value at `path` set (created when missing), changing only what carries the edit. */
export function setJsonValue(doc: JsonDocument, path: JsonPath, value: unknown): string {
  if (value === undefined) return removeJsonValue(doc, path);
  return withoutBom(doc, (body, tree) => applyEdit(body, setEdit(body, tree, path, value, formattingOf(body))));
}

/** The text without the value at `path` (and its comma); unchanged when there is none. */
export function removeJsonValue(doc: JsonDocument, path: JsonPath): string {
  if (path.length === 0 || !locateJson(doc, path)) return doc.text;
  const last = path[path.length - 1];
  // Array items go through removeJsonArrayItem: jsonc-parser mangles the last item of a one-line array.
  if (typeof last === 'number' && Array.isArray(getJsonValue(doc.value, path.slice(0, -1)))) return removeJsonArrayItem(doc, path.slice(0, -1), last);
  return withoutBom(doc, (body) => removeText(body, path));
}

/** The text with `value` inserted into the array at `arrayPath` before `index` (at the end when index ≥ length). */
export function insertJsonArrayItem(doc: JsonDocument, arrayPath: JsonPath, index: number, value: unknown): string {
  return withoutBom(doc, (body, tree) => applyEdit(body, insertEdit(body, tree, arrayPath, index, value, formattingOf(body))));
}

/** The text with the key of the property at `path` renamed, keeping its value and position. */
export function renameJsonKey(doc: JsonDocument, path: JsonPath, newKey: string): string {
  const location = locateJson(doc, path);
  if (location?.keyOffset === undefined || location.keyLength === undefined) return doc.text;
  return doc.text.slice(0, location.keyOffset) + JSON.stringify(newKey) + doc.text.slice(location.keyOffset + location.keyLength);
}

/**
 * The text with the item at `from` of the array at `arrayPath` moved to index `to`. Items keep their
 * own text (comments inside, one-line or not) and the separators between them stay where they are,
 * so moving it back gives the same bytes. Unchanged when either index is out of range.
 */
export function moveJsonArrayItem(doc: JsonDocument, arrayPath: JsonPath, from: number, to: number): string {
  const array = locateJson(doc, arrayPath);
  const value = getJsonValue(doc.value, arrayPath);
  const items = Array.isArray(value) ? value : [];
  if (!array || from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return doc.text;
  const spans = items.map((_, i) => locateJson(doc, [...arrayPath, i])!);
  const texts = spans.map((s) => doc.text.slice(s.offset, s.offset + s.length));
  const order = texts.map((_, i) => i);
  order.splice(to, 0, ...order.splice(from, 1));
  const low = Math.min(from, to);
  const high = Math.max(from, to);
  let out = doc.text.slice(0, spans[low]!.offset);
  for (let i = low; i <= high; i++) {
    out += texts[order[i]!]!;
    out += i < high ? doc.text.slice(spans[i]!.offset + spans[i]!.length, spans[i + 1]!.offset) : '';
  }
  return out + doc.text.slice(spans[high]!.offset + spans[high]!.length);
}

/** The value at `path` inside `value`, or undefined. */
export function getJsonValue(value: unknown, path: JsonPath): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = Array.isArray(at) ? (typeof key === 'number' ? at[key] : undefined) : Object.prototype.hasOwnProperty.call(at, key) ? (at as Record<string, unknown>)[key as string] : undefined;
  }
  return at;
}

/**
 * The text without item `index` of the array at `arrayPath`, with the separator before or after it;
 * unchanged when there is none. (jsonc-parser's removal of the last item of a one-line array eats the
 * wrong characters: `[1, 2, 3]` became `[1, 23]`.)
 */
export function removeJsonArrayItem(doc: JsonDocument, arrayPath: JsonPath, index: number): string {
  const array = locateJson(doc, arrayPath);
  const value = getJsonValue(doc.value, arrayPath);
  if (!array || !Array.isArray(value) || index < 0 || index >= value.length) return doc.text;
  const item = locateJson(doc, [...arrayPath, index])!;
  const cut = (from: number, to: number) => doc.text.slice(0, from) + doc.text.slice(to);
  if (value.length === 1) return cut(array.offset + 1, array.offset + array.length - 1);
  if (index < value.length - 1) return cut(item.offset, locateJson(doc, [...arrayPath, index + 1])!.offset);
  const previous = locateJson(doc, [...arrayPath, index - 1])!;
  return cut(previous.offset + previous.length, item.offset + item.length);
}
