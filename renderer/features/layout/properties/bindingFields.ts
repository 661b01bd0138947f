/**
 * Which data model fields fit a data model binding: a scalar binding takes a leaf, a list binding a
 * repeating field (of objects for `object-list`), and inside a repeating group only the fields under
 * the group's rows are offered (a path outside would need a row index the runtime cannot give).
 */
import type { BindingShape } from '../../../../core/catalog';
import { allFields, type DataModelField, type DataModelTree, findField, listsOnPath } from '../../../../core/datamodel';

export interface FieldChoice {
  readonly path: string;
  /** How the field's type is shown: `string`, `integer`, `list of object`, … */
  readonly typeLabel: string;
  /** Nesting below the offered root (for indenting the list). */
  readonly depth: number;
}

/** The field's type in words for the picker. */
export function fieldTypeLabel(field: DataModelField): string {
  return field.repeating ? `list of ${field.itemType ?? 'unknown'}` : field.type;
}

function fits(field: DataModelField, shape: BindingShape): boolean {
  if (field.altinnRowId) return false;
  if (shape === 'scalar') return !field.repeating && field.type !== 'object' && field.type !== 'array';
  if (shape === 'array') return field.repeating;
  return field.repeating && field.itemType === 'object';
}

/**
 * The fields a binding of `shape` may point at. `scope` is the repeating binding the component's rows
 * come from (null outside repetition): only paths inside it, and no other list crossed on the way.
 */
export function fieldsForBinding(tree: DataModelTree, shape: BindingShape, scope: string | null): FieldChoice[] {
  const scopeLists = scope === null ? 0 : listsOnPath(tree, scope).length + 1;
  const rootDepth = scope === null ? 0 : scope.split('.').length;
  return allFields(tree)
    .filter((field) => {
      if (!fits(field, shape)) return false;
      if (scope !== null && !field.path.startsWith(`${scope}.`)) return false;
      return listsOnPath(tree, field.path).length === scopeLists;
    })
    .map((field) => ({ path: field.path, typeLabel: fieldTypeLabel(field), depth: field.path.split('.').length - 1 - rootDepth }));
}

/** Why a bound path is wrong for this binding, or null when it fits (or there is no tree to check). */
export function bindingProblem(tree: DataModelTree | null, shape: BindingShape, path: string): 'missing' | 'shape' | null {
  if (!tree || path === '') return null;
  const field = findField(tree, path);
  if (!field) return 'missing';
  return fits(field, shape) ? null : 'shape';
}

/** The path a binding value names: a dot path, or `field` of `{ dataType, field }`; '' when none. */
export function bindingPath(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as Record<string, unknown>).field === 'string') return (value as { field: string }).field;
  return '';
}
