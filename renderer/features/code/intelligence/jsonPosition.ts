/**
 * Where an offset stands in a JSON text: the JSON path of the value (or key) there and the string
 * token under it. Works on half-typed text (the editor's, not the model's) and on texts with a BOM,
 * whose offsets count the BOM while the parser's do not.
 */
import { getLocation } from 'jsonc-parser';
import type { JsonPath } from '../../../../core/text/jsonDocument';
import { lineColumnAt } from '../../../../core/text/textPosition';

export interface JsonPosition {
  /** Path of the value at the offset; for a property key, the path of that property. */
  readonly path: JsonPath;
  /** The offset is on a property key. */
  readonly isKey: boolean;
  /** The string literal the offset is in or right after: offsets into the full text, quotes included. */
  readonly token?: { readonly offset: number; readonly length: number; readonly value: string };
}

const bom = 0xfeff;

/** The JSON path and string token at `offset` of `text`. */
export function jsonPositionAt(text: string, offset: number): JsonPosition {
  const shift = text.charCodeAt(0) === bom ? 1 : 0;
  const body = shift ? text.slice(1) : text;
  const at = Math.max(0, Math.min(body.length, offset - shift));
  const location = getLocation(body, at);
  const node = location.previousNode;
  const inToken = node !== undefined && (node.type === 'string' || node.type === 'property') && at > node.offset && at <= node.offset + node.length;
  return {
    path: [...location.path],
    isKey: location.isAtPropertyKey,
    ...(inToken ? { token: { offset: node.offset + shift, length: node.length, value: String(node.value ?? '') } } : {}),
  };
}

/**
 * 1-based line and column of an offset as the editor shows it: Monaco keeps a BOM out of the text,
 * so on the first line of a file with one the column is one less than in the file's own text.
 */
export function editorPositionAt(text: string, offset: number): { line: number; column: number } {
  const at = lineColumnAt(text, offset);
  return text.charCodeAt(0) === bom && at.line === 1 ? { line: 1, column: Math.max(1, at.column - 1) } : at;
}

/** True when two JSON paths are the same. */
export function samePath(a: JsonPath, b: JsonPath): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}
