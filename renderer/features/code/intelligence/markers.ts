/**
 * The app check's diagnostics of one file as editor markers: the studio's own findings (broken
 * references, expression type errors, duplicate ids…) beside the JSON schema's in the same file.
 * A diagnostic is a point; the marker covers the token at it so it can be seen and hovered.
 */
import type { AppModel } from '../../../../core/app/model/types';
import type { Diagnostic, Severity } from '../../../../core/refs/diagnostic';
import { offsetAt } from '../../../../core/text/textPosition';
import { editorPositionAt } from './jsonPosition';

/** Shaped like Monaco's IMarkerData, with the studio's severity (registerIntelligence maps it). */
export interface StudioMarker {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

/** Syntax errors of JSON files: Monaco's JSON worker reports them already, as the user types. */
const shownByTheEditor = new Set(['json-syntax']);

/** The end of the token at `offset`: a string literal, a word (number, literal, name), or one character. */
export function tokenEnd(text: string, offset: number): number {
  const ch = text[offset];
  if (ch === undefined || ch === '\n' || ch === '\r') return offset;
  if (ch === '"') {
    for (let i = offset + 1; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') i++;
      else if (c === '"') return i + 1;
      else if (c === '\n' || c === '\r') return i;
    }
    return text.length;
  }
  const word = /[\w.$@:-]/;
  if (!word.test(ch)) return offset + 1;
  let end = offset;
  while (end < text.length && word.test(text[end]!)) end++;
  return end;
}

/** The offset of the first character at or after `at` that is not JSON whitespace. */
function skipSpace(text: string, at: number): number {
  while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r')) at++;
  return at;
}

/**
 * The end of what a marker at `offset` covers: the token there; for a property key whose value is a
 * plain value (`"title": "missing.key"`), the whole property, as the finding is about the value. A
 * string is a key exactly when a colon follows it.
 */
function markedEnd(text: string, offset: number): number {
  const end = tokenEnd(text, offset);
  if (text[offset] !== '"') return end;
  const colon = skipSpace(text, end);
  if (text[colon] !== ':') return end;
  const value = skipSpace(text, colon + 1);
  return text[value] === '{' || text[value] === '[' || value >= text.length ? end : tokenEnd(text, value);
}

/** The markers of file `path` in `model` from `diagnostics`, the app check of that model. */
export function markersFor(model: AppModel, path: string, diagnostics: readonly Diagnostic[]): StudioMarker[] {
  const text = model.texts.get(path);
  if (text === undefined) return [];
  return diagnostics
    .filter((d) => d.file === path && !shownByTheEditor.has(d.code))
    .map((d) => {
      const start = offsetAt(text, d.line, d.column);
      const from = editorPositionAt(text, start);
      const to = editorPositionAt(text, markedEnd(text, start));
      return { severity: d.severity, code: d.code, message: d.message, startLineNumber: from.line, startColumn: from.column, endLineNumber: to.line, endColumn: to.column };
    });
}
