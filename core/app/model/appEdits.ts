/**
 * Changing an app by text: edits produce new file texts (minimal, style-keeping changes from
 * core/text), `editFiles` turns them into a new model re-parsing only those files, and
 * `changedFiles` lists what saving has to write — nothing for an unedited model.
 */
import { type JsonDocument, type JsonPath, insertJsonArrayItem, isJsonObject, parseJsonDocument, setJsonValue } from '../../text/jsonDocument';
import { lineEndingOf } from '../../text/textPosition';
import { appPaths } from './appFiles';
import { buildAppModel } from './buildAppModel';
import type { AppModel, ComponentNode, JsonFile, UiFolder } from './types';

/**
 * New texts of files by path: a path the app does not have yet creates that file, and `null`
 * deletes the file (a page moved or removed).
 */
export type FileChanges = ReadonlyMap<string, string | null>;

/** A file to write when saving; `text` is null for a file to delete. */
export interface ChangedFile {
  readonly path: string;
  readonly text: string | null;
}

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The model with the files in `changes` replaced (or deleted); only those files are parsed again. */
export function editFiles(model: AppModel, changes: FileChanges): AppModel {
  const real = [...changes].filter(([path, text]) => (text === null ? model.filePaths.includes(path) || model.texts.has(path) : model.texts.get(path) !== text));
  if (real.length === 0) return model;
  const texts = new Map(model.texts);
  const known = new Set(model.filePaths);
  const paths = new Set(model.filePaths);
  for (const [path, text] of real) {
    if (text === null) {
      texts.delete(path);
      paths.delete(path);
    } else {
      texts.set(path, text);
      paths.add(path);
    }
  }
  const same = paths.size === known.size && [...paths].every((p) => known.has(p));
  const filePaths = same ? model.filePaths : [...paths].sort(byPath);
  // A file that could not be read stays reported until it gets a text here (or is deleted).
  const readProblems = model.problems.filter((p) => p.code === 'file-unreadable' && !texts.has(p.file) && paths.has(p.file));
  return buildAppModel({ filePaths, texts, readProblems }, model);
}

/** The files whose text in `edited` differs from `original`, by path: what a save writes (text null: delete). */
export function changedFiles(original: AppModel, edited: AppModel): ChangedFile[] {
  const changed: ChangedFile[] = [];
  for (const [path, text] of edited.texts) if (original.texts.get(path) !== text) changed.push({ path, text });
  for (const path of original.texts.keys()) if (!edited.texts.has(path)) changed.push({ path, text: null });
  return changed.sort((a, b) => byPath(a.path, b.path));
}

/** The parsed file at `path`, refusing one with syntax errors: an edit there could land in the wrong place. */
function editableFile(model: AppModel, path: string): JsonFile {
  const file = model.jsonFiles.get(path);
  if (!file) throw new Error(`${path} is not a JSON file of this app`);
  if (file.doc.problems.length > 0) {
    throw new Error(`${path} has syntax errors; fix them in the code view, then edit it again`);
  }
  return file;
}

/** Applies edits one after the other, each to the re-parsed result of the one before. */
function editInTurn(doc: JsonDocument, edits: readonly ((doc: JsonDocument) => string)[]): string {
  let current = doc;
  for (const edit of edits) {
    const text = edit(current);
    if (text !== current.text) current = parseJsonDocument(text);
  }
  return current.text;
}

/**
 * Where `component` is in `model` now: the component with its id in its page file (so a component
 * taken from an older model still edits the right object), else the one at its index.
 */
function currentComponent(model: AppModel, component: ComponentNode): ComponentNode {
  for (const folder of model.uiFolders) {
    for (const page of folder.pages) {
      if (page.file.path !== component.file) continue;
      const atIndex = page.components[component.index];
      if (atIndex && atIndex.id === component.id) return atIndex;
      return (component.id && page.components.find((c) => c.id === component.id)) || atIndex || component;
    }
  }
  return component;
}

/** The change that sets (or, with `undefined`, removes) a property of a component; `key` may be a path inside it. */
export function setComponentProperty(model: AppModel, component: ComponentNode, key: string | JsonPath, value: unknown): FileChanges {
  const target = currentComponent(model, component);
  const file = editableFile(model, target.file);
  const path = [...target.jsonPath, ...(typeof key === 'string' ? [key] : key)];
  return new Map([[file.path, setJsonValue(file.doc, path, value)]]);
}

/** The change that gives text `id` in `language` the value `value`, adding the resource (or the file) when missing. */
export function setTextValue(model: AppModel, language: string, id: string, value: string): FileChanges {
  const textFile = model.textFiles.find((t) => t.language === language);
  if (!textFile) {
    const eol = lineEndingOf(model.textFiles[0]?.file.doc.text ?? '\n');
    const text = JSON.stringify({ language, resources: [{ id, value }] }, null, 2).split('\n').join(eol) + eol;
    return new Map([[`${appPaths.textsFolder}/resource.${language}.json`, text]]);
  }
  const file = editableFile(model, textFile.file.path);
  const root = file.doc.value;
  if (!isJsonObject(root)) throw new Error(`${file.path} does not hold a JSON object; fix it in the code view, then edit it again`);
  const matches = textFile.resources.filter((r) => r.id === id);
  if (matches.length === 0) {
    const resources = root.resources;
    const text = Array.isArray(resources)
      ? insertJsonArrayItem(file.doc, ['resources'], resources.length, { id, value })
      : setJsonValue(file.doc, ['resources'], [{ id, value }]);
    return new Map([[file.path, text]]);
  }
  // Every copy of a duplicated id gets the value, so the text shown does not depend on which one wins.
  const edits = matches.filter((r) => r.value !== value).map((r) => (doc: JsonDocument) => setJsonValue(doc, ['resources', r.index, 'value'], value));
  return edits.length === 0 ? new Map() : new Map([[file.path, editInTurn(file.doc, edits)]]);
}

/**
 * Edits that make the list at `path` equal `next`. A list of the same length is changed item by
 * item, so its punctuation and line breaks stay as written and a reorder undone gives the same bytes.
 */
function listEdits(path: JsonPath, written: unknown, next: readonly string[]): ((doc: JsonDocument) => string)[] {
  if (!Array.isArray(written) || written.length !== next.length) return [(doc) => setJsonValue(doc, path, next)];
  return next.flatMap((name, i) => (written[i] === name ? [] : [(doc: JsonDocument) => setJsonValue(doc, [...path, i], name)]));
}

const settingsSchema = 'https://altinncdn.no/toolkits/altinn-app-frontend/4/schemas/json/layout/layoutSettings.schema.v1.json';

/**
 * The change that sets the page order of a UI folder in its Settings.json (created when missing).
 * With navigation groups, pages are reordered within their groups; moving one across groups is refused.
 */
export function setPageOrder(model: AppModel, folder: UiFolder, order: readonly string[]): FileChanges {
  const current = model.uiFolders.find((f) => f.folder === folder.folder && f.id === folder.id) ?? folder;
  if (!current.settings) {
    const path = current.kind === 'legacy' ? appPaths.uiSettings : `${current.folder}/Settings.json`;
    return new Map([[path, `${JSON.stringify({ $schema: settingsSchema, pages: { order } }, null, 2)}\n`]]);
  }
  const file = editableFile(model, current.settings.path);
  const pages = isJsonObject(file.doc.value) ? file.doc.value.pages : undefined;
  const groups = isJsonObject(pages) && !Array.isArray(pages.order) && Array.isArray(pages.groups) ? pages.groups : null;
  if (!groups) {
    const edits = listEdits(['pages', 'order'], isJsonObject(pages) ? pages.order : undefined, order);
    return edits.length === 0 ? new Map() : new Map([[file.path, editInTurn(file.doc, edits)]]);
  }
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => {
    if (isJsonObject(g) && Array.isArray(g.order)) for (const p of g.order) if (typeof p === 'string') groupOf.set(p, i);
  });
  const regrouped = groups.map((_, i) => order.filter((p) => groupOf.get(p) === i));
  // Only an order that keeps every page in its group can be written as groups.
  const keepsGroups = order.length === groupOf.size && new Set(order).size === order.length && regrouped.flat().every((p, i) => p === order[i]);
  if (!keepsGroups) {
    throw new Error(`${file.path} arranges pages in navigation groups; move a page within its group, or change the groups in the code view`);
  }
  const edits = groups.flatMap((g, i) => listEdits(['pages', 'groups', i, 'order'], isJsonObject(g) ? g.order : undefined, regrouped[i]!));
  return edits.length === 0 ? new Map() : new Map([[file.path, editInTurn(file.doc, edits)]]);
}

/** Every component of the app, folder by folder and page by page (a convenience for edits and tests). */
export function allComponents(model: AppModel): ComponentNode[] {
  return model.uiFolders.flatMap((f) => f.pages.flatMap((p) => p.components));
}

