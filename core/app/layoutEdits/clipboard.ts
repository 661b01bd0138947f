/** Copy, paste and duplicate: components with what they hold and their texts, pasted under new ids. */
import { type ComponentTypeName, findComponentType } from '../../catalog';
import { isJsonObject } from '../../text/jsonDocument';
import type { FileChanges } from '../model/appEdits';
import type { AppModel } from '../model/types';
import { ChangeSet } from './changeSet';
import { findFolder, folderIds, placeOf, selectionOf, subtreeOf, uniqueId } from './layoutTree';
import { remapComponent } from './remap';
import { addToSlot } from './slots';
import { type DropTarget, insertComponents, placementOrThrow } from './targets';
import { type NewText, addTexts, textKeys, textValues, uniqueTextKey } from './texts';

/** What copy puts on the clipboard: plain JSON, so it survives the system clipboard and another app. */
export interface LayoutClipboard {
  readonly kind: 'studio-desktop/layout-components';
  readonly version: 1;
  /** The copied components and every component they hold, as written, in `data.layout` order per root. */
  readonly components: readonly Readonly<Record<string, unknown>>[];
  /** Ids of the copied components not held by another copied one, in page and layout order. */
  readonly roots: readonly string[];
  /** The texts the components bind to: value by language, by key. */
  readonly texts: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface PasteResult {
  readonly changes: FileChanges;
  /** Ids of the pasted top components, in order. */
  readonly ids: readonly string[];
  /** Every copied id and the id its copy got. */
  readonly idMap: ReadonlyMap<string, string>;
}

/** Copies components (and what they hold) with their texts in every language. */
export function copyComponents(model: AppModel, ids: readonly string[], folderId?: string): LayoutClipboard {
  const set = new ChangeSet(model);
  const components: Record<string, unknown>[] = [];
  const roots: string[] = [];
  for (const { tree, roots: pageRoots } of selectionOf(set, ids, folderId)) {
    for (const root of pageRoots) {
      roots.push(root);
      for (const id of subtreeOf(tree, root)) components.push(structuredClone(tree.layout[tree.indexOf.get(id)!]) as Record<string, unknown>);
    }
  }
  const keys = textKeys(model);
  const texts: Record<string, Record<string, string>> = {};
  for (const c of components) {
    const bindings = c.textResourceBindings;
    if (!isJsonObject(bindings)) continue;
    for (const key of Object.values(bindings)) if (typeof key === 'string' && keys.has(key)) texts[key] = textValues(model, key);
  }
  return { kind: 'studio-desktop/layout-components', version: 1, components, roots, texts };
}

function checkClipboard(clipboard: LayoutClipboard): void {
  const ok =
    isJsonObject(clipboard) &&
    clipboard.kind === 'studio-desktop/layout-components' &&
    Array.isArray(clipboard.components) &&
    Array.isArray(clipboard.roots) &&
    isJsonObject(clipboard.texts) &&
    clipboard.components.every((c) => isJsonObject(c) && typeof c.id === 'string') &&
    clipboard.roots.every((r) => clipboard.components.some((c) => c.id === r));
  if (!ok) throw new Error('The clipboard does not hold components copied in the layout editor');
}

/**
 * Pastes into `set` at `target`: every component gets an id free in the target layout set (its old one
 * when free there, else the next number: `name` → `name2`), references inside the copy follow, and
 * each bound text is copied to a new key (`<new id>.<binding>`).
 */
export function pasteInto(set: ChangeSet, clipboard: LayoutClipboard, target: DropTarget): Omit<PasteResult, 'changes'> {
  checkClipboard(clipboard);
  const folder = findFolder(set.model, target.folderId);
  const types = clipboard.roots.map((r): ComponentTypeName | undefined => findComponentType(String(clipboard.components.find((c) => c.id === r)!.type)));
  const placed = placementOrThrow(set, target, { types, samePage: [] });
  const taken = folderIds(set, folder);
  const idMap = new Map<string, string>();
  for (const c of clipboard.components) idMap.set(String(c.id), uniqueId(String(c.id), taken, 0));
  const keys = textKeys(set.model);
  const textMap = new Map<string, string>();
  const newTexts: NewText[] = [];
  for (const c of clipboard.components) {
    const bindings = c.textResourceBindings;
    if (!isJsonObject(bindings)) continue;
    const oldId = String(c.id);
    const newId = idMap.get(oldId)!;
    for (const [binding, key] of Object.entries(bindings)) {
      if (typeof key !== 'string' || !clipboard.texts[key] || textMap.has(key)) continue;
      const wanted = key.startsWith(`${oldId}.`) ? `${newId}${key.slice(oldId.length)}` : `${newId}.${binding}`;
      const next = uniqueTextKey(wanted, keys);
      textMap.set(key, next);
      newTexts.push({ id: next, values: clipboard.texts[key]!, fallback: '' });
    }
  }
  insertComponents(set, placed.pagePath, placed.before, clipboard.components.map((c) => remapComponent(c, idMap, textMap)));
  const ids = clipboard.roots.map((r) => idMap.get(r)!);
  if (target.container) addToSlot(set, placed.pagePath, target.container.id, target.container.slot, placed.slotIndex, ids);
  addTexts(set, newTexts);
  return { ids, idMap };
}

/** Pastes copied components at `target` (see pasteInto for ids and texts). */
export function pasteComponents(model: AppModel, clipboard: LayoutClipboard, target: DropTarget): PasteResult {
  const set = new ChangeSet(model);
  const result = pasteInto(set, clipboard, target);
  return { changes: set.changes(), ...result };
}

/** Copies and pastes components right after the last of them, beside it (in its container, if any). */
export function duplicateComponents(model: AppModel, ids: readonly string[], folderId?: string): PasteResult {
  const set = new ChangeSet(model);
  const selection = selectionOf(set, ids, folderId);
  const last = selection[selection.length - 1]!;
  const anchor = last.roots[last.roots.length - 1]!;
  const { folder, page } = placeOf(model, anchor, folderId);
  const parent = last.tree.parentOf.get(anchor);
  let target: DropTarget;
  if (!parent) {
    const tops = last.tree.ids.filter((id) => id !== undefined && !last.tree.parentOf.has(id));
    target = { folderId: folder.id, page: page.name, index: tops.indexOf(anchor) + 1 };
  } else {
    // The slot address of the reference: the indexes of its inner lists, and its own position.
    const { ref } = parent;
    const numbers = ref.path.filter((p): p is number => typeof p === 'number');
    const list = ref.slot.path.endsWith('[]');
    if (!list) throw new Error(`"${anchor}" sits in a single place of "${parent.id}"; paste the copy somewhere else`);
    target = { folderId: folder.id, page: page.name, container: { id: parent.id, slot: { path: ref.slot.path, at: numbers.slice(0, -1) } }, index: numbers[numbers.length - 1]! + 1 };
  }
  return pasteComponents(model, copyComponents(model, ids, folderId), target);
}
