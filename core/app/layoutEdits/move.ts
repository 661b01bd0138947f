/** Moving components: reorder on a page, into and out of containers, to another page or layout set. */
import type { Occurrence } from '../../refs/occurrences';
import { buildReferenceIndex } from '../../refs/referenceIndex';
import { moveJsonArrayItem, removeJsonArrayItem } from '../../text/jsonDocument';
import type { FileChanges } from '../model/appEdits';
import type { AppModel } from '../model/types';
import { ChangeSet } from './changeSet';
import { brokenReferences, detachSelection } from './delete';
import { findFolder, folderIds, layoutPath, pageTree, selectionOf, uniqueId } from './layoutTree';
import { remapComponent } from './remap';
import { addToSlot } from './slots';
import { type DropTarget, draggedComponents, droppedOf, insertComponents, placementOrThrow } from './targets';

export interface MoveResult {
  readonly changes: FileChanges;
  /** Components that got a new id because theirs was taken in the target layout set (old → new). */
  readonly renamed: ReadonlyMap<string, string>;
  /** Moving to another layout set: references left behind in the old one, which will point at nothing. */
  readonly broken: readonly Occurrence[];
}

/** Reorders `data.layout` of a page to `order` (its current item indexes in their new order) by moving items. */
function reorder(set: ChangeSet, pagePath: string, order: readonly number[]): void {
  const current = order.map((_, i) => i);
  order.forEach((wanted, k) => {
    const from = current.indexOf(wanted);
    if (from === k) return;
    set.edit(pagePath, (doc) => moveJsonArrayItem(doc, layoutPath, from, k));
    current.splice(k, 0, ...current.splice(from, 1));
  });
}

/**
 * Moves components (with everything they hold) to `target`. Several keep their order on the page
 * (pages in page order). They leave their old container; on another page they leave the old page
 * file; in another layout set an id already taken there gets the next free number, and references
 * among the moved components follow.
 */
export function moveComponents(model: AppModel, ids: readonly string[], target: DropTarget): MoveResult {
  const dragged = draggedComponents(model, ids, target);
  if (typeof dragged === 'string') throw new Error(dragged);
  const set = new ChangeSet(model);
  const placed = placementOrThrow(set, target, droppedOf(dragged, target));
  const sourceFolder = dragged[0]!.folder;
  if (dragged.some((d) => d.folder !== sourceFolder)) throw new Error('The selected components are in different layout sets; move them one set at a time');
  const targetFolder = findFolder(model, target.folderId);
  const selection = selectionOf(set, ids, sourceFolder.id);
  const roots = selection.flatMap((s) => s.roots);
  const { pages: moved, gone, detachedFrom } = detachSelection(set, selection);
  const renamed = new Map<string, string>();
  const idMap = new Map<string, string>();
  if (targetFolder !== sourceFolder) {
    const taken = folderIds(set, targetFolder);
    for (const id of moved.flatMap((m) => m.ids)) {
      const next = uniqueId(id, taken, 0);
      idMap.set(id, next);
      if (next !== id) renamed.set(id, next);
    }
  }
  for (const { pagePath, ids: pageIds } of moved) {
    const tree = pageTree(set, pagePath);
    if (pagePath === placed.pagePath) {
      const movedIndexes = pageIds.map((id) => tree.indexOf.get(id)!);
      const rest = tree.ids.map((_, i) => i).filter((i) => !movedIndexes.includes(i));
      const before = placed.before === null ? -1 : tree.indexOf.get(placed.before)!;
      const at = before < 0 ? rest.length : rest.indexOf(before);
      reorder(set, pagePath, [...rest.slice(0, at), ...movedIndexes, ...rest.slice(at)]);
      continue;
    }
    const values = pageIds.map((id) => tree.layout[tree.indexOf.get(id)!] as Record<string, unknown>);
    for (const index of pageIds.map((id) => tree.indexOf.get(id)!).sort((a, b) => b - a)) {
      set.edit(pagePath, (doc) => removeJsonArrayItem(doc, layoutPath, index));
    }
    insertComponents(set, placed.pagePath, placed.before, idMap.size > 0 ? values.map((v) => remapComponent(v, idMap)) : values);
  }
  if (target.container) addToSlot(set, placed.pagePath, target.container.id, target.container.slot, placed.slotIndex, roots.map((id) => idMap.get(id) ?? id));
  const broken = targetFolder === sourceFolder ? [] : brokenReferences(buildReferenceIndex(model), sourceFolder.id, [...idMap.keys()], gone, detachedFrom);
  return { changes: set.changes(), renamed, broken };
}
