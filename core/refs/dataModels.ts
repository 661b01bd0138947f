/** The field tree of every data type of an app, read once from its JSON schema (or its XSD). */
import type { AppModel } from '../app/model/types';
import { type DataModelTree, fieldTreeFromJsonSchema, fieldTreeFromXsd } from '../datamodel';
import { isJsonObject } from '../text/jsonDocument';

/** Field trees by data type id, for the data types that have model files. */
export function dataModelTrees(model: AppModel): Map<string, DataModelTree> {
  const meta = model.metadata?.doc.value;
  const classRefs = new Map<string, string>();
  for (const dt of isJsonObject(meta) && Array.isArray(meta.dataTypes) ? meta.dataTypes : []) {
    if (isJsonObject(dt) && typeof dt.id === 'string' && isJsonObject(dt.appLogic) && typeof dt.appLogic.classRef === 'string') classRefs.set(dt.id, dt.appLogic.classRef);
  }
  const trees = new Map<string, DataModelTree>();
  for (const files of model.models) {
    const classRef = classRefs.get(files.id);
    if (files.schema && files.schema.doc.problems.length === 0) trees.set(files.id, fieldTreeFromJsonSchema(files.schema.doc.value, classRef ? { classRef } : {}));
    else if (files.xsd && files.xsd.doc.problems.length === 0) trees.set(files.id, fieldTreeFromXsd(files.xsd.doc.text));
  }
  return trees;
}
