/**
 * What a kind of file tells the JSON merge: which arrays are keyed lists (components by id, texts by
 * id, options by value, pages by name) and how to name a place for a person. Paths here are
 * "semantic": an item of a keyed list is addressed by its key, not by its index, so a path means the
 * same thing on all three sides.
 */
import type { JsonPath } from '../text/jsonDocument';
import type { ConflictLocation } from './conflicts';
import { isJsonObject, ownValue } from './jsonValue';

/** A step of a semantic path: a property, an array index, or the item of a keyed list with this key. */
export type Segment = string | number | { readonly key: string; readonly field: string };
export type SemanticPath = readonly Segment[];

/** The key of an item of a keyed list, or undefined when the item has none. */
export type KeyOf = (item: unknown) => string | undefined;

/** A keyed list: how to read an item's key, and the key's name in readable paths ('' for plain strings). */
export interface KeyedList {
  readonly field: string;
  readonly keyOf: KeyOf;
}

export interface MergeRules {
  /** How the array at `path` is keyed when it is a keyed list; undefined: the array is a plain value. */
  keyedList(path: SemanticPath): KeyedList | undefined;
  /** Where `path` is (its `path` field is filled in by the caller) and how to name it in a sentence. */
  locate(path: SemanticPath): { readonly where: Omit<ConflictLocation, 'path'>; readonly label: string };
}

/** A readable, stable form of a semantic path, e.g. `data.layout[id=name].readOnly`. */
export function pathString(path: SemanticPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'object') out += segment.field ? `[${segment.field}=${segment.key}]` : `[${segment.key}]`;
    else out += /^[A-Za-z_$][\w$]*$/.test(segment) ? `${out ? '.' : ''}${segment}` : `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** The semantic path as a JSON path when it has no keyed steps (keyed steps become their key). */
export function plainPath(path: SemanticPath): JsonPath {
  return path.map((segment) => (typeof segment === 'object' ? segment.key : segment));
}

/** True when `path` has the shape of `pattern` (equal steps; `'*'` matches any keyed step). */
export function matchesPath(path: SemanticPath, pattern: readonly (string | number)[]): boolean {
  return path.length === pattern.length && pattern.every((step, i) => (step === '*' ? typeof path[i] === 'object' : path[i] === step));
}

/** Rules for JSON with no keyed lists: objects merge per key, arrays are whole values. */
export const plainJsonRules: MergeRules = {
  keyedList: () => undefined,
  locate: (path) => ({ where: { property: plainPath(path) }, label: path.length ? `"${pathString(path)}"` : 'the whole file' }),
};

/** A keyed list of objects keyed by the property `field` (a string, number or boolean value). */
export function keyedByProperty(field: string): KeyedList {
  return {
    field,
    keyOf: (item) => {
      const key = isJsonObject(item) ? ownValue(item, field) : undefined;
      return typeof key === 'string' ? key : typeof key === 'number' || typeof key === 'boolean' ? JSON.stringify(key) : undefined;
    },
  };
}

/** A keyed list of strings, each its own key (page names). */
export const keyedStrings: KeyedList = { field: '', keyOf: (item) => (typeof item === 'string' ? item : undefined) };
