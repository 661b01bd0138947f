/**
 * The data model as a tree of bindable fields, read from either of the model's files, and lookups
 * by binding path. Bindings in layouts are written without row indexes (`people.name`) or with
 * fixed ones (`people[0].name`); both find the same field.
 */
import type { DataModelField, DataModelTree } from './types';

export { fieldTreeFromJsonSchema, type JsonSchemaTreeOptions } from './jsonSchemaFields';
export { fieldTreeFromXsd } from './xsdFields';
export { convertXsdToJsonSchema, xsdToJsonSchema } from './xsdToJsonSchema';

/** `a.b[0].c[12]` → `a.b.c`: the path a binding has once its row indexes are taken out. */
export function stripIndexes(path: string): string {
  // Hot in the expression engine: most paths have no index, so skip the regex for them.
  return path.includes('[') ? path.replace(/\[\s*\d+\s*\]/g, '') : path;
}

/** The field a binding path points at, with or without row indexes; undefined when there is none. */
export function findField(tree: DataModelTree, path: string): DataModelField | undefined {
  return tree.byPath.get(stripIndexes(path));
}

/** The repeating fields a path goes through (outermost first), excluding the field itself. */
export function listsOnPath(tree: DataModelTree, path: string): DataModelField[] {
  const parts = stripIndexes(path).split('.');
  const lists: DataModelField[] = [];
  for (let i = 1; i < parts.length; i++) {
    const field = tree.byPath.get(parts.slice(0, i).join('.'));
    if (field?.repeating) lists.push(field);
  }
  return lists;
}

/** Every field of the tree in document order (depth first). */
export function allFields(tree: DataModelTree): DataModelField[] {
  const out: DataModelField[] = [];
  const pending = [...tree.fields].reverse();
  while (pending.length > 0) {
    const field = pending.pop()!;
    out.push(field);
    for (let i = field.children.length - 1; i >= 0; i--) pending.push(field.children[i]!);
  }
  return out;
}
