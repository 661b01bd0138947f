/**
 * What the intelligence reads of a model, computed once per model (an edit makes a new model): the
 * reference index (built when the editor first asks: completion, a definition), its occurrences by file, and the data model field trees.
 */
import type { AppModel } from '../../../../core/app/model/types';
import type { DataModelTree } from '../../../../core/datamodel';
import { dataModelTrees } from '../../../../core/refs/dataModels';
import type { Occurrence } from '../../../../core/refs/occurrences';
import { buildReferenceIndex, type ReferenceIndex } from '../../../../core/refs/referenceIndex';

interface Facts {
  index?: ReferenceIndex;
  byFile?: Map<string, Occurrence[]>;
  trees?: Map<string, DataModelTree>;
}

const facts = new WeakMap<AppModel, Facts>();

function factsOf(model: AppModel): Facts {
  let f = facts.get(model);
  if (!f) {
    f = {};
    facts.set(model, f);
  }
  return f;
}

/** The reference index of a model. */
export function indexOf(model: AppModel): ReferenceIndex {
  const f = factsOf(model);
  f.index ??= buildReferenceIndex(model);
  return f.index;
}

/** The occurrences of names in one file. */
export function occurrencesIn(model: AppModel, file: string): readonly Occurrence[] {
  const f = factsOf(model);
  if (!f.byFile) {
    f.byFile = new Map();
    for (const o of indexOf(model).occurrences.items) {
      const list = f.byFile.get(o.file);
      if (list) list.push(o);
      else f.byFile.set(o.file, [o]);
    }
  }
  return f.byFile.get(file) ?? [];
}

/** The field tree of a data type; with an unknown or empty data type, the app's only tree when it has one. */
export function treeOf(model: AppModel, dataType: string): DataModelTree | undefined {
  const f = factsOf(model);
  f.trees ??= dataModelTrees(model);
  return f.trees.get(dataType) ?? (f.trees.size === 1 ? [...f.trees.values()][0] : undefined);
}
