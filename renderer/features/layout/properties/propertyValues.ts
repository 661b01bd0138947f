/**
 * Reading what a person typed into a property field as the value the catalogue expects, and the
 * other way round; the property rows several selected components share; the code lists an app has.
 */
import type { AppModel, ComponentNode } from '../../../../core/app/model/types';
import { allComponents } from '../../../../core/app/model/appEdits';
import type { EditorKind, SpecNode } from '../../../../core/catalog';

export type Parsed = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** What a property field needs to know to read its text. */
export interface ValueShape {
  readonly editor: EditorKind;
  readonly node: SpecNode;
  readonly values?: readonly (string | number)[];
}

function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Whether a JSON value has the outer shape a spec node describes (nested values are checked by the app check). */
export function matchesNode(node: SpecNode, value: unknown): boolean {
  switch (node.kind) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && (!node.integer || Number.isInteger(value));
    case 'boolean':
      return typeof value === 'boolean';
    case 'enum':
      return node.values.includes(value as string | number);
    case 'const':
      return value === node.value;
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return jsonKind(value) === 'object';
    case 'union':
      return node.anyOf.some((branch) => matchesNode(branch, value));
    case 'expr':
      return Array.isArray(value) || typeof value === node.result;
    case 'any':
      return true;
  }
}

const describeKind: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'an object', null: 'null' };

/** The value of a field's text: '' removes the property (undefined); otherwise the typed value or why it is not one. */
export function parseLiteral(shape: ValueShape, text: string): Parsed {
  if (text.trim() === '') return { ok: true, value: undefined };
  switch (shape.editor) {
    case 'string':
      return { ok: true, value: text };
    case 'number': {
      const value = Number(text.trim());
      if (!Number.isFinite(value)) return { ok: false, message: `"${text}" is not a number` };
      const node = shape.node.kind === 'number' ? shape.node : null;
      if (node?.integer && !Number.isInteger(value)) return { ok: false, message: `${value} is not a whole number` };
      if (node?.minimum !== undefined && value < node.minimum) return { ok: false, message: `${value} is below the least allowed value, ${node.minimum}` };
      if (node?.maximum !== undefined && value > node.maximum) return { ok: false, message: `${value} is above the greatest allowed value, ${node.maximum}` };
      return { ok: true, value };
    }
    case 'boolean':
      if (text === 'true' || text === 'false') return { ok: true, value: text === 'true' };
      return { ok: false, message: `"${text}" is neither true nor false` };
    case 'enum': {
      const found = (shape.values ?? []).find((v) => String(v) === text);
      return found === undefined ? { ok: false, message: `"${text}" is not one of ${(shape.values ?? []).join(', ')}` } : { ok: true, value: found };
    }
    default: {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        return { ok: false, message: `This is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
      }
      if (!matchesNode(shape.node, value)) {
        const wanted = shape.node.kind === 'union' ? 'another shape' : (describeKind[shape.node.kind] ?? shape.node.kind);
        return { ok: false, message: `This property takes ${wanted}, not ${describeKind[jsonKind(value)] ?? jsonKind(value)}` };
      }
      return { ok: true, value };
    }
  }
}

/** The text a field shows for a value: strings as they are, other values as JSON, nothing for unset. */
export function literalText(value: unknown, pretty = false): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, pretty ? 2 : undefined) ?? '';
}

/** The value every one of the components has for `name`; `mixed` when they differ. */
export function sharedValue(components: readonly ComponentNode[], name: string): { readonly mixed: boolean; readonly value: unknown } {
  const texts = new Set(components.map((c) => JSON.stringify(c.props[name]) ?? 'undefined'));
  return texts.size > 1 ? { mixed: true, value: undefined } : { mixed: false, value: components[0]?.props[name] };
}

/** Every code list id the app has a file for or refers to, sorted, with whether it has a file. */
export function codeListIds(model: AppModel): { readonly id: string; readonly file: boolean }[] {
  const files = new Set(model.options.map((o) => o.id));
  const referenced = allComponents(model).flatMap((c) => (typeof c.props.optionsId === 'string' && c.props.optionsId !== '' ? [c.props.optionsId] : []));
  return [...new Set([...files, ...referenced])].sort().map((id) => ({ id, file: files.has(id) }));
}

export interface OptionRow {
  readonly value: string;
  readonly label: string;
}

/** The static options of a component as rows (values shown as text). */
export function optionRows(options: unknown): OptionRow[] {
  if (!Array.isArray(options)) return [];
  return options.map((o) => {
    const item = o && typeof o === 'object' ? (o as Record<string, unknown>) : {};
    return { value: item.value === undefined || item.value === null ? '' : String(item.value), label: typeof item.label === 'string' ? item.label : '' };
  });
}

/**
 * The options list with row `index` changed, added (index = length), removed or moved, keeping every
 * other field of each option (description, helpText) and the value's written type when unchanged.
 */
export function editOptions(options: unknown, edit: { readonly kind: 'set'; readonly index: number; readonly row: OptionRow } | { readonly kind: 'remove'; readonly index: number } | { readonly kind: 'move'; readonly index: number; readonly to: number }): unknown[] {
  const list = Array.isArray(options) ? [...(options as unknown[])] : [];
  if (edit.kind === 'remove') list.splice(edit.index, 1);
  else if (edit.kind === 'move') {
    const [item] = list.splice(edit.index, 1);
    list.splice(Math.max(0, Math.min(edit.to, list.length)), 0, item);
  } else {
    const before = list[edit.index];
    const old = before && typeof before === 'object' ? (before as Record<string, unknown>) : {};
    const sameValue = old.value !== undefined && old.value !== null && String(old.value) === edit.row.value;
    list[edit.index] = { ...old, value: sameValue ? old.value : edit.row.value, label: edit.row.label };
  }
  return list;
}
