/**
 * The pure decisions of the code view's two-way sync with the document store: whether an editor
 * text may reach the model, and what to do with the editor when the model changes underneath it.
 * No Monaco here, so every decision is unit-tested.
 */
import { parseJsonDocument } from '../../../core/text/jsonDocument';
import type { TextProblem } from '../../../core/text/textPosition';

/** The Monaco language of a file, by its name. */
export function languageFor(path: string): string {
  const name = path.toLowerCase().split('/').pop() ?? '';
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  switch (ext) {
    case 'json':
      return 'json';
    case 'xml':
    case 'bpmn':
    case 'xsd':
    case 'csproj':
    case 'props':
    case 'targets':
      return 'xml';
    case 'cs':
      return 'csharp';
    case 'js':
    case 'mjs':
    case 'cjs':
    case 'jsx':
      return 'javascript';
    case 'ts':
    case 'tsx':
      return 'typescript';
    case 'md':
      return 'markdown';
    case 'css':
      return 'css';
    case 'html':
    case 'htm':
      return 'html';
    case 'yml':
    case 'yaml':
      return 'yaml';
    default:
      // policy.xml is covered above; policies without an extension are rare.
      return 'plaintext';
  }
}

/** True for files the model reads as JSON (their code edits must parse before the model follows). */
export function isJsonPath(path: string): boolean {
  return path.toLowerCase().endsWith('.json');
}

/** The first problem of `text` as the file type reads it, or null when the model may take it. */
export function problemOf(path: string, text: string): TextProblem | null {
  if (!isJsonPath(path)) return null;
  return parseJsonDocument(text).problems[0] ?? null;
}

/** A replacement of `old.slice(start, end)` by `text`. Offsets are UTF-16 code units, as Monaco counts. */
export interface TextPatch {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when a cut between `text[at - 1]` and `text[at]` would split a surrogate pair or a \r\n. */
function splits(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return (isHigh(before) && isLow(after)) || (before === 13 && after === 10);
}

/**
 * The smallest single replacement turning `oldText` into `newText`: the common prefix and suffix
 * are kept (so a cursor or selection outside the change stays where it was). Never splits a
 * surrogate pair or a \r\n.
 */
export function minimalPatch(oldText: string, newText: string): TextPatch {
  const max = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  while (prefix > 0 && (splits(oldText, prefix) || splits(newText, prefix))) prefix--;
  let suffix = 0;
  const maxSuffix = max - prefix;
  while (suffix < maxSuffix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  while (suffix > 0 && (splits(oldText, oldText.length - suffix) || splits(newText, newText.length - suffix))) suffix--;
  return { start: prefix, end: oldText.length - suffix, text: newText.slice(prefix, newText.length - suffix) };
}

/** Applies a patch (the inverse of `minimalPatch`). */
export function applyPatch(text: string, patch: TextPatch): string {
  return text.slice(0, patch.start) + patch.text + text.slice(patch.end);
}

/** What to do with an editor text after typing settles. */
export type EditAction =
  /** The editor and the model agree. */
  | { readonly kind: 'none' }
  /** The text is valid: the model takes it. */
  | { readonly kind: 'apply' }
  /** The text is invalid: the model keeps its last valid text, the banner says why. */
  | { readonly kind: 'banner'; readonly problem: TextProblem };

/** Decides what a settled code edit of `path` does, given the model's current text of the file. */
export function decideEdit(path: string, editorText: string, modelText: string | null): EditAction {
  const problem = problemOf(path, editorText);
  if (problem) return { kind: 'banner', problem };
  return editorText === modelText ? { kind: 'none' } : { kind: 'apply' };
}

/** What to do with an open file's editor when the model's text of the file changes. */
export type ModelAction =
  /** The editor already shows the new text (our own edit coming back, or the same change). */
  | { readonly kind: 'agree' }
  /** The editor had nothing unsaved: patch it in place (cursor, selection and undo stack stay). */
  | { readonly kind: 'patch'; readonly patch: TextPatch }
  /** The editor holds unsaved text and the model changed underneath: the user chooses. */
  | { readonly kind: 'ask' };

export interface ModelChange {
  /** The text in the editor now. */
  readonly editorText: string;
  /** The model's text the editor last agreed with (null: the file was absent). */
  readonly lastModelText: string | null;
  /** The model's text now (null: the file was deleted). */
  readonly newModelText: string | null;
  /** The last text this view gave the model for the file, when it may still be on its way back. */
  readonly sentText?: string | null;
}

/** Decides how the editor follows a change of the model (a visual edit, undo, or the disk). */
export function decideModelChange(change: ModelChange): ModelAction {
  const { editorText, lastModelText, newModelText, sentText } = change;
  if (newModelText === editorText) return { kind: 'agree' };
  // Our own earlier text coming back while the user typed on: the editor is ahead, nothing to do.
  if (sentText != null && newModelText === sentText) return { kind: 'agree' };
  if (newModelText !== null && editorText === lastModelText) return { kind: 'patch', patch: minimalPatch(editorText, newModelText) };
  return { kind: 'ask' };
}
