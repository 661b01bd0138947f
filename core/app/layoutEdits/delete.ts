/** Deleting components: with everything they hold, out of their containers, reporting what will break. */
import type { Occurrence } from '../../refs/occurrences';
import { buildReferenceIndex, type ReferenceIndex } from '../../refs/referenceIndex';
import { findUsages } from '../../refs/rename';
import { removeJsonArrayItem } from '../../text/jsonDocument';
import type { FileChanges } from '../model/appEdits';
import type { AppModel } from '../model/types';
import { ChangeSet } from './changeSet';
import { type Selection, layoutPath, placeOf, selectionOf, subtreeOf } from './layoutTree';
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

/** What taking a selection out of its containers left: per page the ids leaving (with what they hold). */
export interface Detached {
  readonly pages: readonly { readonly pagePath: string; readonly ids: readonly string[] }[];
  /** Page file → `data.layout` indexes of the leaving components (before any edit). */
  readonly gone: ReadonlyMap<string, readonly number[]>;
  /** Page file → indexes of the containers they were taken out of. */
  readonly detachedFrom: ReadonlyMap<string, readonly number[]>;
}

/** Takes the selected components out of their containers (which stay); they are still on their pages. */
export function detachSelection(set: ChangeSet, selection: readonly Selection[]): Detached {
  const pages: { pagePath: string; ids: string[] }[] = [];
  const gone = new Map<string, number[]>();
  const detachedFrom = new Map<string, number[]>();
  for (const { pagePath, tree, roots } of selection) {
    const ids = [...new Set(roots.flatMap((id) => subtreeOf(tree, id)))];
    pages.push({ pagePath, ids });
    gone.set(pagePath, ids.map((id) => tree.indexOf.get(id)!));
    for (const id of roots) {
      const parent = tree.parentOf.get(id);
      if (!parent) continue;
      detachedFrom.set(pagePath, [...(detachedFrom.get(pagePath) ?? []), tree.indexOf.get(parent.id)!]);
      removeFromParent(set, pagePath, parent.id, id);
    }
  }
  return { pages, gone, detachedFrom };
}

/**
 * Deletes components and every component they hold; each leaves its container's child list (and
 * table settings). Text keys the deleted components used are left in the text files: other
 * components or languages may share them, and the texts editor lists unused keys.
 */
export function deleteComponents(model: AppModel, ids: readonly string[], folderId?: string): DeleteResult {
  const set = new ChangeSet(model);
  const folder = placeOf(model, ids[0] ?? '', folderId).folder;
  const { pages, gone, detachedFrom } = detachSelection(set, selectionOf(set, ids, folderId));
  // Removing items does not move the ones before them, so last first.
  for (const [pagePath, indexes] of gone) for (const index of [...indexes].sort((a, b) => b - a)) set.edit(pagePath, (doc) => removeJsonArrayItem(doc, layoutPath, index));
  const deleted = pages.flatMap((p) => p.ids);
  return { changes: set.changes(), deleted, broken: brokenReferences(buildReferenceIndex(model), folder.id, deleted, gone, detachedFrom) };
}
