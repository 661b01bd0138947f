/**
 * Values as the data model stores them: what a person types is text, but a field the schema types as
 * a number or boolean is saved as one (as Altinn's form app does), so the backend can read it.
 */
import { type DataModelTree, fieldTreeFromJsonSchema, findField } from '../../../core/datamodel';

const trees = new WeakMap<object, DataModelTree>();

/** The field tree of a schema, built once per schema object. */
export function treeOf(schema: Readonly<Record<string, unknown>>, classRef?: string): DataModelTree {
  let tree = trees.get(schema);
  if (!tree) {
    tree = fieldTreeFromJsonSchema(schema, classRef ? { classRef } : {});
    trees.set(schema, tree);
  }
  return tree;
}

const numberText = /^-?\d+(\.\d+)?$/;

/**
 * `value` converted to the field's type: number/integer fields take numeric text as numbers, boolean
 * fields take "true"/"false". Anything else stays as typed, so schema validation can say what is wrong.
 */
export function typedValue(tree: DataModelTree | undefined, field: string, value: unknown): unknown {
  if (typeof value !== 'string' || !tree) return value;
  const type = findField(tree, field)?.type;
  const text = value.trim();
  if ((type === 'number' || type === 'integer') && numberText.test(text)) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return value;
}
