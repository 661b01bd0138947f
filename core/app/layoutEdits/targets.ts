/**
 * Drop targets: where on a page (top level, or a container's child slot) components may go, the
 * rules that say no while dragging (canDrop), and where a drop lands in `data.layout` and in the slot.
 */
import { type ComponentTypeName, componentSpec, findComponentType, slotAccepts } from '../../catalog';
import { type JsonDocument, type JsonPath, formattingOf, getJsonValue, insertJsonArrayItem, locateJson } from '../../text/jsonDocument';
import type { AppModel, LayoutPage, UiFolder } from '../model/types';
import { ChangeSet } from './changeSet';
import { type ComponentPlace, findFolder, findPage, layoutPath, pageTree, placeOf, subtreeOf } from './layoutTree';
import { type ResolvedSlot, type SlotAddress, listIds, occupant, resolveSlot } from './slots';

/**
 * Where a drop goes: a page of a layout set, optionally a container's slot, and `index`, the position
 * among the siblings there as they are before the drop (top-level components of the page, or the
 * ids of a list slot; ignored for a single Grid cell or card media, which `slot.at` names).
 */
export interface DropTarget {
  readonly folderId: string;
  readonly page: string;
  readonly container?: { readonly id: string; readonly slot: SlotAddress };
  readonly index: number;
}

export type DropCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** What is dropped: the types of the top components, and which of them are on the target page already. */
export interface Dropped {
  readonly types: readonly (ComponentTypeName | undefined)[];
  readonly samePage: readonly string[];
}

/** Where a drop lands, computed before anything moves. */
export interface Placement {
  readonly pagePath: string;
  /** Insert into `data.layout` before this component, or at the end when null. */
  readonly before: string | null;
  /** Position in a list slot after the moved components have left it. */
  readonly slotIndex: number;
  readonly slot: ResolvedSlot | null;
}

/** The placement of a drop, or the reason it cannot be dropped there. */
export function placement(set: ChangeSet, target: DropTarget, dropped: Dropped): Placement | string {
  const model = set.model;
  const folder = model.uiFolders.find((f) => f.id === target.folderId);
  if (!folder) return `There is no layout set "${target.folderId}"`;
  const pagePath = folder.pages.find((p) => p.name === target.page)?.file.path ?? set.addedPage(folder.id, target.page);
  if (pagePath === undefined) return `There is no page "${target.page}" in layout set "${folder.id}"`;
  let tree;
  try {
    tree = pageTree(set, pagePath);
  } catch (error) {
    return (error as Error).message;
  }
  const moving = new Set(dropped.samePage.flatMap((id) => subtreeOf(tree, id)));
  const staying = (ids: readonly (string | undefined)[]) => ids.filter((id): id is string => id !== undefined && !moving.has(id));
  const anchorAt = (siblings: readonly string[], index: number) => siblings.slice(Math.max(0, index)).find((id) => !moving.has(id) && tree.indexOf.has(id));
  if (!target.container) {
    const tops = tree.ids.filter((id): id is string => id !== undefined && !tree.parentOf.has(id));
    const before = anchorAt(tops, target.index) ?? null;
    return { pagePath, before, slotIndex: staying(tops.slice(0, target.index)).length, slot: null };
  }
  const containerId = target.container.id;
  const index = tree.indexOf.get(containerId);
  if (index === undefined) return `There is no component "${containerId}" on page ${target.page}`;
  if (moving.has(containerId)) return `"${containerId}" cannot be dropped into itself or a component it holds`;
  const container = tree.layout[index];
  const slot = resolveSlot(container, target.container.slot);
  if (typeof slot === 'string') return slot;
  const count = dropped.types.length;
  const leaving = new Set(dropped.samePage);
  for (const type of dropped.types) {
    if (type && !slotAccepts(slot.slot, type)) return `A ${String(getJsonValue(container, ['type']))} cannot hold a ${type} in ${slot.slot.path} (${slot.slot.description.toLowerCase()})`;
  }
  // After the container and what it holds, unless a sibling follows in the slot.
  const subtree = subtreeOf(tree, containerId).filter((id) => !moving.has(id) || id === containerId);
  const last = Math.max(...subtree.map((id) => tree.indexOf.get(id)!));
  const afterSubtree = staying(tree.ids.slice(last + 1))[0] ?? null;
  if (slot.kind === 'single') {
    if (count !== 1) return `Only one component fits in ${slot.slot.path} of "${containerId}"`;
    const holder = occupant(container, slot, leaving);
    if (holder) return `That place in "${containerId}" already holds ${holder}`;
    return { pagePath, before: afterSubtree, slotIndex: 0, slot };
  }
  const siblings = listIds(container, slot);
  const before = anchorAt(siblings, target.index) ?? afterSubtree;
  return { pagePath, before, slotIndex: staying(siblings.slice(0, Math.max(0, target.index))).length, slot };
}

/** The components `ids` (found in the target's layout set first), or the reason one cannot be dragged. */
export function draggedComponents(model: AppModel, ids: readonly string[], target: DropTarget): ({ id: string } & ComponentPlace)[] | string {
  if (ids.length === 0) return 'Nothing is selected';
  if (new Set(ids).size !== ids.length) return 'A component is selected twice';
  try {
    return ids.map((id) => ({ id, ...placeOf(model, id, findFolder(model, target.folderId).pages.some((p) => p.components.some((c) => c.id === id)) ? target.folderId : undefined) }));
  } catch (error) {
    return (error as Error).message;
  }
}

/** What `placement` needs to know of dragged components. */
export function droppedOf(dragged: readonly ({ id: string } & ComponentPlace)[], target: DropTarget): Dropped {
  return {
    types: dragged.map((d) => findComponentType(d.page.components.find((c) => c.id === d.id)!.typeAsWritten)),
    samePage: dragged.filter((d) => d.folder.id === target.folderId && d.page.name === target.page).map((d) => d.id),
  };
}

/** Whether components `ids` may be dropped at `target` (for showing an invalid drop while dragging). */
export function canDrop(model: AppModel, ids: readonly string[], target: DropTarget): DropCheck {
  const dragged = model.uiFolders.some((f) => f.id === target.folderId) ? draggedComponents(model, ids, target) : `There is no layout set "${target.folderId}"`;
  if (typeof dragged === 'string') return { ok: false, reason: dragged };
  const placed = placement(new ChangeSet(model), target, droppedOf(dragged, target));
  return typeof placed === 'string' ? { ok: false, reason: placed } : { ok: true };
}

/** Whether a new component of `type` may be dropped at `target` (palette drags). */
export function canInsert(model: AppModel, type: string, target: DropTarget): DropCheck {
  const known = findComponentType(type);
  if (!known) return { ok: false, reason: `"${type}" is not a component type` };
  if (componentSpec(known).internal) return { ok: false, reason: `A ${known} is created by the runtime, not placed by hand` };
  const placed = placement(new ChangeSet(model), target, { types: [known], samePage: [] });
  return typeof placed === 'string' ? { ok: false, reason: placed } : { ok: true };
}

/** The placement of a drop, throwing the reason when it cannot be dropped there. */
export function placementOrThrow(set: ChangeSet, target: DropTarget, dropped: Dropped): Placement {
  const placed = placement(set, target, dropped);
  if (typeof placed === 'string') throw new Error(placed);
  return placed;
}

/**
 * An empty list written `[]` after a key in a multi-line file, opened onto its own lines, so the
 * first item inserted gets a line of its own like the ones after it.
 */
function openEmptyList(doc: JsonDocument, path: JsonPath): string {
  const at = locateJson(doc, path);
  if (!at || doc.text.slice(at.offset, at.offset + at.length) !== '[]' || !/[\r\n]/.test(doc.text)) return doc.text;
  const lineStart = Math.max(doc.text.lastIndexOf('\n', at.offset) + 1, doc.text.lastIndexOf('\r', at.offset) + 1);
  const indent = /^[ \t]*/.exec(doc.text.slice(lineStart))![0];
  const eol = formattingOf(doc.text).eol;
  return `${doc.text.slice(0, at.offset)}[${eol}${indent}]${doc.text.slice(at.offset + at.length)}`;
}

/** Inserts raw component objects into `data.layout` before `before` (at the end when null or gone), in order. */
export function insertComponents(set: ChangeSet, pagePath: string, before: string | null, values: readonly unknown[]): void {
  if (values.length > 0) set.edit(pagePath, (doc) => openEmptyList(doc, layoutPath));
  for (const value of values) {
    const tree = pageTree(set, pagePath);
    const at = before === null ? undefined : tree.indexOf.get(before);
    set.edit(pagePath, (doc) => insertJsonArrayItem(doc, layoutPath, at ?? tree.ids.length, value));
  }
}

/** The folder and page a target names; throws when either is missing. */
export function targetPage(model: AppModel, target: DropTarget): { folder: UiFolder; page: LayoutPage } {
  const folder = findFolder(model, target.folderId);
  return { folder, page: findPage(folder, target.page) };
}
