/** Page commands: add, rename, duplicate and delete a page file, keeping Settings.json's order. */
import type { Occurrence } from '../../refs/occurrences';
import { buildReferenceIndex } from '../../refs/referenceIndex';
import { findUsages, planRename } from '../../refs/rename';
import { getJsonValue, insertJsonArrayItem, isJsonObject, removeJsonArrayItem, setJsonValue } from '../../text/jsonDocument';
import { type FileChanges, setPageOrder } from '../model/appEdits';
import type { AppModel, UiFolder } from '../model/types';
import { ChangeSet } from './changeSet';
import { copyComponents, pasteInto } from './clipboard';
import { findFolder, findPage, layoutPath, pageTree } from './layoutTree';

export interface PageResult {
  readonly changes: FileChanges;
  /** The page's (new) name. */
  readonly name: string;
}

export interface DeletePageResult {
  readonly changes: FileChanges;
  /** References to the page, or to components on it, from elsewhere: they break once it is gone. */
  readonly broken: readonly Occurrence[];
}

const layoutSchema = 'https://altinncdn.no/toolkits/altinn-app-frontend/4/schemas/json/layout/layout.schema.v1.json';

/** The reason `name` cannot name a new page of `folder`, or null. */
function pageNameProblem(folder: UiFolder, name: string, taken: ReadonlySet<string>): string | null {
  if (!/^[^/\\:*?"<>|\0]+$/.test(name) || name.trim() !== name || name.startsWith('.')) return `"${name}" cannot be a page name: it must be usable as a file name (no / \\ : * ? " < > |, no spaces at the ends)`;
  if (/\.json$/i.test(name)) return `Write the page name without ".json"`;
  if ([...taken].some((t) => t.toLowerCase() === name.toLowerCase())) return `Layout set "${folder.id}" already has a page "${name}"`;
  return null;
}

/** The page names of a folder in the set (pages added by it included). */
function pageNames(folder: UiFolder): Set<string> {
  return new Set([...folder.pages.map((p) => p.name), ...folder.pageOrder]);
}

/** `stem` + the first number making a free page name. */
function freePageName(stem: string, taken: ReadonlySet<string>): string {
  const base = stem.replace(/\d+$/, '') || 'Side';
  for (let n = 1; ; n++) if (![...taken].some((t) => t.toLowerCase() === `${base}${n}`.toLowerCase())) return `${base}${n}`;
}

/** Where the page files of a folder live. */
function layoutsFolder(folder: UiFolder): string {
  const first = folder.pages[0]?.file.path;
  return first ? first.slice(0, first.lastIndexOf('/')) : `${folder.folder}/layouts`;
}

/** Adds `name` to the folder's page order after `after` (at the end when null); with navigation groups, in that page's group (else the last). */
function addToOrder(set: ChangeSet, folder: UiFolder, name: string, after: string | null): void {
  const settings = folder.settings?.path;
  const pages = settings ? getJsonValue(set.doc(settings).value, ['pages']) : undefined;
  if (settings && isJsonObject(pages) && !Array.isArray(pages.order) && Array.isArray(pages.groups) && pages.groups.length > 0) {
    const groups = pages.groups;
    const inGroup = groups.findIndex((g) => isJsonObject(g) && Array.isArray(g.order) && g.order.includes(after));
    const g = inGroup >= 0 ? inGroup : groups.length - 1;
    const order = getJsonValue(groups[g], ['order']);
    const list = Array.isArray(order) ? order : [];
    const index = after !== null && list.includes(after) ? list.indexOf(after) + 1 : list.length;
    set.edit(settings, (doc) => insertJsonArrayItem(doc, ['pages', 'groups', g, 'order'], index, name));
    return;
  }
  const current = folder.settings ? [...folder.pageOrder] : folder.pages.map((p) => p.name);
  const index = after !== null && current.includes(after) ? current.indexOf(after) + 1 : current.length;
  current.splice(index, 0, name);
  set.merge(setPageOrder(set.model, folder, current));
}

/** Creates an empty page in the house style (or a copy of `from` without components) and orders it. */
function createPage(set: ChangeSet, folder: UiFolder, name: string, from: string | null): string {
  const path = `${layoutsFolder(folder)}/${name}.json`;
  if (set.text(path) !== undefined) throw new Error(`${path} already exists`);
  const text = from === null ? `${JSON.stringify({ $schema: layoutSchema, data: { layout: [] } }, null, 2)}\n` : setJsonValue(set.doc(from), layoutPath, []);
  set.addPage(folder.id, name, path, text);
  return path;
}

/** Adds an empty page `name` (default `Side<n>`, as Altinn Studio names them) at the end of the page order. */
export function addPage(model: AppModel, folderId: string, name?: string): PageResult {
  const folder = findFolder(model, folderId);
  const taken = pageNames(folder);
  const pageName = name ?? freePageName('Side', taken);
  const problem = pageNameProblem(folder, pageName, taken);
  if (problem) throw new Error(problem);
  const set = new ChangeSet(model);
  createPage(set, folder, pageName, null);
  addToOrder(set, folder, pageName, null);
  return { changes: set.changes(), name: pageName };
}

/** Renames a page: its file moves (old path deleted, new one created) and every reference follows. */
export function renamePage(model: AppModel, folderId: string, oldName: string, newName: string): PageResult {
  const folder = findFolder(model, folderId);
  findPage(folder, oldName);
  const problem = pageNameProblem(folder, newName, new Set([...pageNames(folder)].filter((n) => n !== oldName)));
  if (problem) throw new Error(problem);
  const plan = planRename(model, buildReferenceIndex(model), 'page', oldName, newName, folderId);
  const set = new ChangeSet(model);
  set.merge(plan.changes);
  for (const move of plan.moves) {
    if (set.text(move.to) === undefined) set.write(move.to, model.texts.get(move.from)!);
    set.delete(move.from);
  }
  return { changes: set.changes(), name: newName };
}

/** Duplicates a page right after it in the order: same page settings, components pasted under new ids with new text keys. */
export function duplicatePage(model: AppModel, folderId: string, name: string, newName?: string): PageResult & { readonly idMap: ReadonlyMap<string, string> } {
  const folder = findFolder(model, folderId);
  const page = findPage(folder, name);
  const taken = pageNames(folder);
  const copyName = newName ?? freePageName(name, taken);
  const problem = pageNameProblem(folder, copyName, taken);
  if (problem) throw new Error(problem);
  const set = new ChangeSet(model);
  const tree = pageTree(set, page.file.path);
  createPage(set, folder, copyName, page.file.path);
  addToOrder(set, folder, copyName, name);
  const tops = tree.ids.filter((id): id is string => id !== undefined && !tree.parentOf.has(id));
  const idMap = tops.length === 0 ? new Map<string, string>() : pasteInto(set, copyComponents(model, tops, folderId), { folderId, page: copyName, index: 0 }).idMap;
  return { changes: set.changes(), name: copyName, idMap };
}

/** Deletes a page file and takes it out of the page order; reports references that will break. */
export function deletePage(model: AppModel, folderId: string, name: string): DeletePageResult {
  const folder = findFolder(model, folderId);
  const page = findPage(folder, name);
  const set = new ChangeSet(model);
  set.delete(page.file.path);
  const ordered = (o: Occurrence) => o.via === 'pages.order' || o.via === 'pages.groups.order';
  const index = buildReferenceIndex(model);
  const usages = findUsages(index, 'page', name, folderId).filter((o) => o.role === 'reference');
  // Last first, so the paths of those still to remove stay right.
  for (const o of usages.filter(ordered).reverse()) set.edit(o.file, (doc) => removeJsonArrayItem(doc, o.jsonPath!.slice(0, -1), Number(o.jsonPath!.at(-1))));
  const componentUses = page.components.flatMap((c) => (c.id ? findUsages(index, 'component', c.id, folderId) : [])).filter((o) => o.role === 'reference' && o.file !== page.file.path);
  return { changes: set.changes(), broken: [...usages.filter((o) => !ordered(o) && o.file !== page.file.path), ...componentUses] };
}
