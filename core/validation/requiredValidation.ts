/**
 * Required validation (§4.3), the frontend's empty-field check: a visible component whose `required`
 * (a boolean or an expression) is true gets one error per bound value that is empty. Empty means
 * "not a string, number or boolean, or the empty string", as the frontend tests it: objects and lists
 * count as empty, whitespace does not. Hidden components (own, row, parent or page) are skipped.
 */
import { validationMask } from './masks';
import type { MessageParam, NodePropertyEvaluator, ValidationIssue, ValidationNode } from './types';

/** Reads a bound value: data type + concrete path → value. */
export type DataReader = (dataType: string, field: string) => unknown;

/** Types that never get the empty-field check (uploads validate their attachment count instead). */
const noEmptyFieldCheck = new Set(['FileUpload', 'FileUploadWithTag', 'ImageUpload', 'RepeatingGroup', 'Group', 'Likert', 'Subform']);

/** Option components store label and metadata beside the value; only the value is required. */
const onlySimpleBinding = new Set(['Checkboxes', 'RadioButtons', 'Dropdown', 'MultipleSelect', 'LikertItem']);

/** Whether a bound value counts as empty for `required`. */
export function isEmptyValue(value: unknown): boolean {
  if (typeof value === 'string') return value.length === 0;
  return !(typeof value === 'number' || typeof value === 'boolean');
}

function textBinding(node: ValidationNode, key: string, evaluate: NodePropertyEvaluator): string | undefined {
  const bindings = node.component.textResourceBindings;
  if (bindings === null || typeof bindings !== 'object') return undefined;
  const raw = (bindings as Record<string, unknown>)[key];
  if (raw === undefined || raw === null || raw === '') return undefined;
  const value = typeof raw === 'string' ? raw : evaluate(node, `textResourceBindings.${key}`, raw, '');
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The text key naming the field in "You have to fill out {0}": `form_filler.<bindingKey>` for a part
 * of a multi-binding component, else `shortName`, else `title`, else a generic name.
 */
export function fieldNameKey(node: ValidationNode, bindingKey: string | undefined, evaluate: NodePropertyEvaluator): string {
  if (bindingKey && bindingKey !== 'simpleBinding') return `form_filler.${bindingKey}`;
  return textBinding(node, 'shortName', evaluate) ?? textBinding(node, 'title', evaluate) ?? 'validation.generic_field';
}

function requiredIssue(node: ValidationNode, bindingKey: string | undefined, evaluate: NodePropertyEvaluator): ValidationIssue {
  const name: MessageParam = { key: fieldNameKey(node, bindingKey, evaluate), makeLowerCase: true };
  const reference = bindingKey ? node.bindings[bindingKey] : undefined;
  return {
    source: 'required',
    severity: 'error',
    message: { key: textBinding(node, 'requiredValidation', evaluate) ?? 'form_filler.error_required', params: [name] },
    category: validationMask.Required,
    componentId: node.id,
    ...(bindingKey ? { bindingKey } : {}),
    ...(reference ? { dataType: reference.dataType, field: reference.field } : {}),
  };
}

/** Whether a node's `required` evaluates to true. */
export function isRequired(node: ValidationNode, evaluate: NodePropertyEvaluator): boolean {
  const raw = node.component.required;
  if (raw === undefined || raw === false) return false;
  return evaluate(node, 'required', raw, false) === true;
}

/** The required issues of one node (none when hidden or not required). */
export function validateRequired(node: ValidationNode, read: DataReader, evaluate: NodePropertyEvaluator): ValidationIssue[] {
  if (node.hidden || noEmptyFieldCheck.has(node.type) || !isRequired(node, evaluate)) return [];
  const entries = Object.entries(node.bindings);
  if (entries.length === 0) return [];
  if (node.type === 'List') {
    // List is one choice stored in several fields: one error for the component when any is empty.
    const anyEmpty = entries.some(([, ref]) => isEmptyValue(read(ref.dataType, ref.field)));
    if (!anyEmpty) return [];
    const issue = requiredIssue(node, undefined, evaluate);
    return [{ ...issue, message: { ...issue.message, params: [{ key: fieldNameKey(node, undefined, evaluate), makeLowerCase: true }] } }];
  }
  if (onlySimpleBinding.has(node.type)) {
    const group = node.bindings.group;
    if (group) {
      // With a group binding the choices are rows: nothing chosen means no rows.
      const rows = read(group.dataType, group.field);
      return Array.isArray(rows) && rows.length > 0 ? [] : [requiredIssue(node, 'group', evaluate)];
    }
    const simple = node.bindings.simpleBinding;
    return simple && isEmptyValue(read(simple.dataType, simple.field)) ? [requiredIssue(node, 'simpleBinding', evaluate)] : [];
  }
  return entries.filter(([, ref]) => isEmptyValue(read(ref.dataType, ref.field))).map(([key]) => requiredIssue(node, key, evaluate));
}
