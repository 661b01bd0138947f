/**
 * Writes a merged JSON value as an edit of our text: only the parts that differ from ours are touched,
 * so ours' indentation, line endings, key order, BOM and untouched items stay byte for byte. Keyed
 * lists are edited item by item (remove, edit inside, move, insert), never rewritten whole.
 */
import {
  type JsonDocument,
  type JsonPath,
  formattingOf,
  insertJsonArrayItem,
  moveJsonArrayItem,
  parseJsonDocument,
  removeJsonArrayItem,
  removeJsonValue,
  setJsonValue,
} from '../text/jsonDocument';
import { isJsonObject, jsonEqual, ownValue } from './jsonValue';
import { keyedItems } from './keyedList';
import { type MergeRules, type SemanticPath } from './mergeRules';

/** Our text edited so that its value is `target`, changing only the parts of it that differ. */
export function renderMerged(oursText: string, target: unknown, rules: MergeRules): string {
  const writer = new DocumentWriter(oursText);
  patch(writer, [], [], writer.doc.value, target, rules);
  if (jsonEqual(writer.doc.value, target)) return writer.doc.text;
  // Should an edit ever miss (duplicate keys), the value is written whole in our style rather than wrongly.
  const format = formattingOf(oursText);
  const whole = JSON.stringify(target, null, format.insertSpaces ? ' '.repeat(format.tabSize ?? 2) : '\t').replace(/\n/g, format.eol ?? '\n');
  const bom = oursText.startsWith('\uFEFF') ? '\uFEFF' : '';
  return bom + whole + (/[\r\n]$/.test(oursText) ? format.eol : '');
}

/** The text being edited, parsed again after every edit so that the next one finds its place. */
class DocumentWriter {
  doc: JsonDocument;

  constructor(text: string) {
    this.doc = parseJsonDocument(text);
  }

  edit(change: (doc: JsonDocument) => string): void {
    this.doc = parseJsonDocument(change(this.doc));
  }
}

function patch(writer: DocumentWriter, at: JsonPath, path: SemanticPath, current: unknown, target: unknown, rules: MergeRules): void {
  if (jsonEqual(current, target)) return;
  if (isJsonObject(current) && isJsonObject(target)) return patchObject(writer, at, path, current, target, rules);
  if (Array.isArray(current) && Array.isArray(target)) {
    if (patchKeyedList(writer, at, path, current, target, rules)) return;
    if (current.length === target.length) {
      current.forEach((item, i) => patch(writer, [...at, i], [...path, i], item, target[i], rules));
      return;
    }
  }
  writer.edit((doc) => setJsonValue(doc, at, target));
}

function patchObject(
  writer: DocumentWriter,
  at: JsonPath,
  path: SemanticPath,
  current: Record<string, unknown>,
  target: Record<string, unknown>,
  rules: MergeRules,
): void {
  for (const key of Object.keys(current)) {
    const wanted = ownValue(target, key);
    if (wanted === undefined) writer.edit((doc) => removeJsonValue(doc, [...at, key]));
    else patch(writer, [...at, key], [...path, key], current[key], wanted, rules);
  }
  for (const key of Object.keys(target)) {
    if (!Object.prototype.hasOwnProperty.call(current, key)) writer.edit((doc) => setJsonValue(doc, [...at, key], target[key]));
  }
}

/** Edits a keyed list in place; false when the array is not a keyed list (then it is edited as a value). */
function patchKeyedList(writer: DocumentWriter, at: JsonPath, path: SemanticPath, current: unknown[], target: unknown[], rules: MergeRules): boolean {
  const list = rules.keyedList(path);
  const currentItems = list && keyedItems(current, list.keyOf);
  const targetItems = list && keyedItems(target, list.keyOf);
  if (!list || !currentItems || !targetItems) return false;
  const keys = [...currentItems.keys()];
  for (let i = keys.length - 1; i >= 0; i--) {
    if (targetItems.has(keys[i]!)) continue;
    writer.edit((doc) => removeJsonArrayItem(doc, at, i));
    keys.splice(i, 1);
  }
  keys.forEach((key, i) => patch(writer, [...at, i], [...path, { key, field: list.field }], currentItems.get(key), targetItems.get(key), rules));
  [...targetItems.keys()].forEach((key, i) => {
    if (keys[i] === key) return;
    const from = keys.indexOf(key, i);
    if (from >= 0) writer.edit((doc) => moveJsonArrayItem(doc, at, from, i));
    else writer.edit((doc) => insertJsonArrayItem(doc, at, i, targetItems.get(key)));
    if (from >= 0) keys.splice(from, 1);
    keys.splice(i, 0, key);
  });
  return true;
}
