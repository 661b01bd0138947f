/** Renaming a component: a valid, free id, written everywhere the old one is used. */
import { buildReferenceIndex } from '../../refs/referenceIndex';
import { planRename } from '../../refs/rename';
import type { FileChanges } from '../model/appEdits';
import type { AppModel } from '../model/types';
import { idProblem, placeOf } from './layoutTree';

/** Renames component `oldId` (in `folderId` when given) to `newId` and every reference to it. */
export function renameComponent(model: AppModel, oldId: string, newId: string, folderId?: string): FileChanges {
  const { folder } = placeOf(model, oldId, folderId);
  const problem = idProblem(newId);
  if (problem) throw new Error(problem);
  return planRename(model, buildReferenceIndex(model), 'component', oldId, newId, folder.id).changes;
}
