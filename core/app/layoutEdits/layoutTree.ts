/**
 * The structure of layout pages as the commands see it while they edit: components by id in the
 * current text of a page, who holds whom (nesting is by id reference, children on the same page),
 * and the ids of a layout set. Read from the ChangeSet, so every step sees the edits before it.
 */
import { type ChildReference, childReferencesOf, componentIdPattern } from '../../catalog';
import { type JsonDocument, isJsonObject } from '../../text/jsonDocument';
import type { AppModel, LayoutPage, UiFolder } from '../model/types';
import type { ChangeSet } from './changeSet';

/** Where the component list of a page file is. */
export const layoutPath = ['data', 'layout'] as const;

/** A UI folder (layout set) by id; throws when there is none. */
export function findFolder(model: AppModel, folderId: string): UiFolder {
  const folder = model.uiFolders.find((f) => f.id === folderId);
  if (!folder) throw new Error(`There is no layout set "${folderId}"`);
  return folder;
}

/** A page of a folder by name; throws when there is none. */
export function findPage(folder: UiFolder, name: string): LayoutPage {
  const page = folder.pages.find((p) => p.name === name);
  if (!page) throw new Error(`There is no page "${name}" in layout set "${folder.id}"`);
  return page;
}

/** The raw component objects of a page file, refusing a file whose `data.layout` is not a list. */
export function layoutOf(doc: JsonDocument, path: string): unknown[] {
  const data = isJsonObject(doc.value) ? doc.value.data : undefined;
  const layout = isJsonObject(data) ? data.layout : undefined;
  if (!Array.isArray(layout)) throw new Error(`${path} has no "data.layout" list; fix it in the code view, then edit it again`);
  return layout;
}

/** The id of a raw component object, when it has one. */
export function idOf(component: unknown): string | undefined {
  return isJsonObject(component) && typeof component.id === 'string' ? component.id : undefined;
}

export interface PageTree {
  readonly layout: readonly unknown[];
  /** Ids in `data.layout` order (undefined for a component without id). */
  readonly ids: readonly (string | undefined)[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** The container that claims each child (the first claim wins, as in the runtime). */
  readonly parentOf: ReadonlyMap<string, { readonly id: string; readonly ref: ChildReference }>;
  /** The child references of each container, present on the page or not. */
  readonly childrenOf: ReadonlyMap<string, readonly ChildReference[]>;
}

/** The nesting of the components of one page file as it is now. */
export function pageTree(set: ChangeSet, path: string): PageTree {
  const layout = layoutOf(set.doc(path), path);
  const ids = layout.map(idOf);
  const indexOf = new Map<string, number>();
  ids.forEach((id, i) => id !== undefined && !indexOf.has(id) && indexOf.set(id, i));
  const parentOf = new Map<string, { id: string; ref: ChildReference }>();
  const childrenOf = new Map<string, ChildReference[]>();
  layout.forEach((component, i) => {
    const id = ids[i];
    if (id === undefined || indexOf.get(id) !== i) return;
    const refs = childReferencesOf(component);
    childrenOf.set(id, refs);
    for (const ref of refs) if (indexOf.has(ref.id) && !parentOf.has(ref.id) && ref.id !== id) parentOf.set(ref.id, { id, ref });
  });
  return { layout, ids, indexOf, parentOf, childrenOf };
}

/** `id` and every component it holds, directly or deeper, that is on the page, in `data.layout` order. */
export function subtreeOf(tree: PageTree, id: string): string[] {
  const found = new Set<string>();
  const visit = (at: string) => {
    if (found.has(at) || !tree.indexOf.has(at)) return;
    found.add(at);
    for (const ref of tree.childrenOf.get(at) ?? []) if (tree.parentOf.get(ref.id)?.id === at) visit(ref.id);
  };
  visit(id);
  return [...found].sort((a, b) => tree.indexOf.get(a)! - tree.indexOf.get(b)!);
}

/** Every component id of the pages of a folder, as the files are now. */
export function folderIds(set: ChangeSet, folder: UiFolder): Set<string> {
  const ids = new Set<string>();
  for (const page of folder.pages) {
    if (set.text(page.file.path) === undefined) continue;
    for (const id of pageTree(set, page.file.path).ids) if (id !== undefined) ids.add(id);
  }
  return ids;
}

export interface ComponentPlace {
  readonly folder: UiFolder;
  readonly page: LayoutPage;
}

/** Where component `id` is (in `folderId` when given); throws for an unknown or ambiguous id. */
export function placeOf(model: AppModel, id: string, folderId?: string): ComponentPlace {
  const places: ComponentPlace[] = [];
  for (const folder of model.uiFolders) {
    if (folderId !== undefined && folder.id !== folderId) continue;
    const page = folder.pages.find((p) => p.components.some((c) => c.id === id));
    if (page) places.push({ folder, page });
  }
  if (places.length === 0) throw new Error(`There is no component "${id}"${folderId !== undefined ? ` in layout set "${folderId}"` : ''}`);
  if (places.length > 1) throw new Error(`Component "${id}" is in layout sets ${places.map((p) => `"${p.folder.id}"`).join(' and ')}; say which one`);
  return places[0]!;
}

export interface Selection {
  readonly pagePath: string;
  readonly tree: PageTree;
  readonly roots: readonly string[];
}

/**
 * The selected components of one layout set, grouped by page: top components only (one held by
 * another selected one comes along with it), in page order and then layout order.
 */
export function selectionOf(set: ChangeSet, ids: readonly string[], folderId?: string): Selection[] {
  if (ids.length === 0) throw new Error('Nothing is selected');
  const places = ids.map((id) => ({ id, ...placeOf(set.model, id, folderId) }));
  const folder = places[0]!.folder;
  if (places.some((p) => p.folder !== folder)) throw new Error('The selected components are in different layout sets; select in one at a time');
  const out: Selection[] = [];
  for (const page of folder.pages) {
    const here = places.filter((p) => p.page === page).map((p) => p.id);
    if (here.length === 0) continue;
    const tree = pageTree(set, page.file.path);
    const inner = new Set(here.flatMap((id) => subtreeOf(tree, id).filter((x) => x !== id)));
    const roots = [...new Set(here)].filter((id) => !inner.has(id)).sort((a, b) => tree.indexOf.get(a)! - tree.indexOf.get(b)!);
    out.push({ pagePath: page.file.path, tree, roots });
  }
  return out;
}

const idPattern = new RegExp(componentIdPattern);

/** The reason `id` cannot be a component id, or null when it can. */
export function idProblem(id: string): string | null {
  if (!idPattern.test(id)) {
    return /-\d{1,5}$/.test(id)
      ? `"${id}" ends in -<digits>, which the runtime uses for repeating rows; choose another id`
      : `"${id}" is not a valid component id: use letters, digits and "-", start with a letter or digit, and end with a letter (or a letter and digits)`;
  }
  return null;
}

/**
 * A readable id not in `taken` (which it joins): `stem` followed by the first free number from
 * `first` (`input1`, `input2`, …), or `stem` itself when `first` is 0 and it is free and valid.
 * Digits and a dash at the end of the stem are dropped, so copies of `name2` become `name3`.
 */
export function uniqueId(stem: string, taken: Set<string>, first = 1): string {
  const base = stem.replace(/-?\d+$/, '').replace(/[^0-9a-zA-Z-]/g, '') || 'component';
  const clean = /^[0-9a-zA-Z]/.test(base) ? base : `c${base}`;
  if (first === 0 && !taken.has(stem) && idProblem(stem) === null) {
    taken.add(stem);
    return stem;
  }
  for (let n = Math.max(first, 1); ; n++) {
    const id = /[a-zA-Z]$/.test(clean) ? `${clean}${n}` : `${clean}x${n}`;
    if (!taken.has(id) && idProblem(id) === null) {
      taken.add(id);
      return id;
    }
  }
}
