/** Deleting components: with everything they hold, out of their containers, reporting what will break. */
import type { Occurrence } from '../../refs/occurrences';
import { buildReferenceIndex, type ReferenceIndex } from '../../refs/referenceIndex';
import { findUsages } from '../../refs/rename';
import { removeJsonArrayItem } from '../../text/jsonDocument';
import type { FileChanges } from '../model/appEdits';
import type { AppModel } from '../model/types';
import { ChangeSet } from './changeSet';
import { layoutPath, placeOf, selectionOf, subtreeOf } from './layoutTree';
import { removeFromParent } from './slots';

export interface DeleteResult {
  readonly changes: FileChanges;
  /** Every deleted id (the selected ones and what they held). */
  readonly deleted: readonly string[];
  /** References from elsewhere that will point at nothing once deleted (for a warning before). */
  readonly broken: readonly Occurrence[];
}

/** True when `path` is `prefix` or inside it. */
const startsWith = (path: readonly (string | number)[] | undefined, prefix: readonly (string | number)[]) => !!path && prefix.every((p, i) => path[i] === p);

/**
 * The references to `ids` (in layout set `folderId`) that do not sit inside the components at
 * `gone` (page file → `data.layout` indexes) and are not the container bookkeeping removed with them.
 */
export function brokenReferences(index: ReferenceIndex, folderId: string, ids: readonly string[], gone: ReadonlyMap<string, readonly number[]>, detachedFrom: ReadonlyMap<string, readonly number[]>): Occurrence[] {
  const bookkeeping = (o: Occurrence) => o.via.startsWith('the children of ') || o.via === 'tableHeaders' || o.via === 'tableColumns';
  return ids.flatMap((id) =>
    findUsages(index, 'component', id, folderId).filter((o) => {
      if (o.role !== 'reference') return false;
      if ((gone.get(o.file) ?? []).some((i) => startsWith(o.jsonPath, [...layoutPath, i]))) return false;
      return !(bookkeeping(o) && (detachedFrom.get(o.file) ?? []).some((i) => startsWith(o.jsonPath, [...layoutPath, i])));
    }),
  );
}

/**
 * Deletes components and every component they hold; each leaves its container's child list (and
 * table settings). Text keys the deleted components used are left in the text files: other
 * components or languages may share them, and the texts editor lists unused keys.
 */
export function deleteComponents(model: AppModel, ids: readonly string[], folderId?: string): DeleteResult {
  const set = new ChangeSet(model);
  const selection = selectionOf(set, ids, folderId);
  const folder = placeOf(model, ids[0]!, folderId).folder;
  const deleted: string[] = [];
  const gone = new Map<string, number[]>();
  const detachedFrom = new Map<string, number[]>();
  for (const { pagePath, tree, roots } of selection) {
    const all = [...new Set(roots.flatMap((id) => subtreeOf(tree, id)))];
    deleted.push(...all);
    gone.set(pagePath, all.map((id) => tree.indexOf.get(id)!));
    for (const id of roots) {
      const parent = tree.parentOf.get(id);
      if (!parent) continue;
      detachedFrom.set(pagePath, [...(detachedFrom.get(pagePath) ?? []), tree.indexOf.get(parent.id)!]);
      removeFromParent(set, pagePath, parent.id, id);
    }
    // Removing items does not move the ones before them, so last first.
    for (const index of [...gone.get(pagePath)!].sort((a, b) => b - a)) set.edit(pagePath, (doc) => removeJsonArrayItem(doc, layoutPath, index));
  }
  const broken = brokenReferences(buildReferenceIndex(model), folder.id, deleted, gone, detachedFrom);
  return { changes: set.changes(), deleted, broken };
}
